"""Whole points: how every score is rounded before it is compared with a threshold or shown."""

from __future__ import annotations

import math


def whole_points(value: float) -> int:
    """`value` to the nearest whole point, halves up (62.5 → 63).

    Scores are rounded once, here, so that the level, the strengths and priorities and the
    recommendation thresholds are decided on the number the reader sees: a 59.6 shown as "60"
    must not be called "below 60". Python's round() would send 62.5 to 62 (half to even), which
    no reader checking the arithmetic by hand expects. The inner round() absorbs float noise
    such as 62.49999999999999 from a weighted mean."""
    return math.floor(round(value, 9) + 0.5)
