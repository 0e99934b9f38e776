"""Recommendation rules in a questionnaire file: tools and methods, and when each applies."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from .filemodel import Identifier, Model, NonEmpty, Text
from .levels import Iap2Level


class DimensionCondition(Model):
    dimension: Identifier
    below: int | None = Field(default=None, ge=0, le=100)  # whole points, like scores
    at_least: int | None = Field(default=None, ge=0, le=100)

    @model_validator(mode="after")
    def _one_bound(self) -> DimensionCondition:
        if (self.below is None) == (self.at_least is None):
            raise ValueError("give exactly one of 'below' or 'at_least'")
        return self


class OverallCondition(Model):
    overall_below: int | None = Field(default=None, ge=0, le=100)  # whole points, like scores
    overall_at_least: int | None = Field(default=None, ge=0, le=100)

    @model_validator(mode="after")
    def _one_bound(self) -> OverallCondition:
        if (self.overall_below is None) == (self.overall_at_least is None):
            raise ValueError("give exactly one of 'overall_below' or 'overall_at_least'")
        return self


class PowerCondition(Model):
    power_at_most: Iap2Level | None = None
    power_at_least: Iap2Level | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> PowerCondition:
        if (self.power_at_most is None) == (self.power_at_least is None):
            raise ValueError("give exactly one of 'power_at_most' or 'power_at_least'")
        return self


FLAGS = ("consultation_trap", "say_do_contradiction")


class FlagCondition(Model):
    flag: Literal["consultation_trap", "say_do_contradiction"]


class GapCondition(Model):
    """Fires when the team aims above its practice in a power-sharing area."""

    gap_in: Identifier  # a power area, e.g. "resources"


class DontKnowCondition(Model):
    """Fires when at least this share of the scored questions answered are "don't know"."""

    dont_know_share_at_least: float = Field(gt=0, le=1)


class AnswerCondition(Model):
    """Fires when a rated item got one of `values`, or a choice item one of `options`."""

    item: Identifier
    values: tuple[int, ...] = ()
    options: tuple[Identifier, ...] = ()

    @model_validator(mode="after")
    def _one_target(self) -> AnswerCondition:
        if bool(self.values) == bool(self.options):
            raise ValueError("give exactly one of 'values' or 'options'")
        if any(not 1 <= v <= 5 for v in self.values):
            raise ValueError("values must be on the 1-5 scale")
        return self


Condition = (
    DimensionCondition
    | OverallCondition
    | PowerCondition
    | FlagCondition
    | AnswerCondition
    | GapCondition
    | DontKnowCondition
)


class Effort(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Recommendation(Model):
    """A tool or method, with the conditions under which it is recommended."""

    id: Identifier
    concept: NonEmpty | None = None
    title: Text
    summary: Text
    when: Text
    steps: tuple[Text, ...] = Field(min_length=1)
    effort: Effort
    duration: Text
    who: Text
    example: Text
    caution: Text
    # What it strengthens: dimension ids or "power"; used to rank by need.
    addresses: tuple[Identifier, ...] = Field(min_length=1)
    conditions: tuple[Condition, ...] = Field(min_length=1)
    match: Literal["any", "all"] = "any"
    boost: float = Field(default=0, ge=-50, le=50)
    # The power-sharing practice a method assumes to work (for ranking by feasibility).
    presupposes: Iap2Level = Iap2Level.INFORM
