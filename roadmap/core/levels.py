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
        return list(Iap2Level).index(self) + 1
