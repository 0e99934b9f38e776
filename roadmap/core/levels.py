"""The IAP2 spectrum of public participation, in order from least to most shared power."""

from __future__ import annotations

from enum import StrEnum


class Iap2Level(StrEnum):
    """The IAP2 spectrum of public participation, lowest promise first."""

    INFORM = "inform"
    CONSULT = "consult"
    INVOLVE = "involve"
    COLLABORATE = "collaborate"
    EMPOWER = "empower"

    @property
    def rank(self) -> int:
        # A table, not list(Iap2Level).index(self): a live workshop reads ranks 15,000 times.
        return _RANKS[self]


_RANKS = {level: n for n, level in enumerate(Iap2Level, start=1)}
