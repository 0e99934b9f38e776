"""The coverage rule: whether enough of a block was answered for its score to mean something."""

from __future__ import annotations

# Shares are ratios of float weights: 0.5 coverage at a 0.5 threshold must not fail on the
# last bit of a float (3 × 0.1 / 0.6 is 0.49999999999999994).
_TOLERANCE = 1e-9


def covers(share: float, threshold: float) -> bool:
    """True when `share` (0–1 of the weight answered) reaches `threshold` (0–1)."""
    return share + _TOLERANCE >= threshold
