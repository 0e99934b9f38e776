"""The questionnaire file format: typed, frozen pydantic models validated once at load time."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field, PrivateAttr, model_validator

from .filemodel import DEFAULT_LOCALE, LOCALES, Identifier, Locale, Model, NonEmpty, Text
from .levels import Iap2Level
from .rules import Condition, Recommendation

# Re-exported: most code reads every file model from here.
__all__ = [
    "DEFAULT_LOCALE",
    "LOCALES",
    "Condition",
    "Iap2Level",
    "Identifier",
    "Locale",
    "Model",
    "NonEmpty",
    "Recommendation",
    "Text",
]


class ItemKind(StrEnum):
    RATED = "rated"
    CHOICE = "choice"
    TEXT = "text"


class ScalePoint(Model):
    value: int = Field(ge=1, le=5)
    label: Text


class ChoiceOption(Model):
    id: Identifier
    label: Text
    level: Iap2Level


class Item(Model):
    """One question. Rated and choice items are scored; text items are reflections."""

    id: Identifier
    kind: ItemKind
    concept: NonEmpty
    dimension: Identifier | None = None
    text: Text
    help: Text | None = None
    weight: float = Field(default=1.0, gt=0, le=10)
    reverse: bool = False
    # Choice (power-sharing) items only.
    options: tuple[ChoiceOption, ...] = ()
    area: Identifier | None = None
    role: Literal["practice", "aim"] = "practice"
    # Rated items only: a CoSIE precondition of co-creation, which cannot "not apply".
    precondition: bool = False
    # Text items only.
    guidance: Text | None = None
    example: Text | None = None
    max_length: int = Field(default=4000, ge=50, le=20000)

    @model_validator(mode="after")
    def _kind_specific_fields(self) -> Item:
        if self.kind is ItemKind.RATED and self.dimension is None:
            raise ValueError("a rated item needs a dimension")
        if self.kind is ItemKind.CHOICE:
            if len(self.options) < 2:
                raise ValueError("a choice item needs at least two options")
            if len({o.id for o in self.options}) != len(self.options):
                raise ValueError("option ids must be unique within an item")
            if self.area is None:
                raise ValueError("a choice item needs an area (what power is shared over)")
        elif self.options:
            raise ValueError("only choice items have options")
        if self.kind is not ItemKind.RATED and self.reverse:
            raise ValueError("only rated items can be reverse-scored")
        if self.kind is not ItemKind.RATED and self.precondition:
            raise ValueError("only rated items can be preconditions")
        return self

    @property
    def is_scored(self) -> bool:
        return self.kind is not ItemKind.TEXT

    def option(self, option_id: str) -> ChoiceOption | None:
        return next((o for o in self.options if o.id == option_id), None)


class Section(Model):
    """A wizard step."""

    id: Identifier
    title: Text
    intro: Text | None = None
    items: tuple[Item, ...] = Field(min_length=1)


class Dimension(Model):
    """A radar axis: rated items roll up into it."""

    id: Identifier
    name: Text
    short: Text | None = None
    description: Text
    weight: float = Field(default=1.0, gt=0, le=10)
    # What each maturity level looks like in this dimension, by level id (all levels or none).
    levels: dict[Identifier, Text] | None = None

    def label(self, locale: str) -> str:
        return (self.short or self.name).get(locale)


class MaturityLevel(Model):
    """A named band of scores: a score belongs to the highest level whose `min` it reaches."""

    id: Identifier
    # Thresholds on scores are whole numbers, as scores are (core.rounding): a 62.5 bound could
    # not be told apart from 62 or 63 by someone reading the report.
    min: int = Field(ge=0, le=100)
    name: Text
    description: Text


class PowerSettings(Model):
    """How the power-sharing block is read, including the consultation trap."""

    # Areas (of choice items) where decisions, resources and risk are or are not shared.
    key_areas: tuple[Identifier, ...] = Field(min_length=1)
    # The aim level at or above which a team is taken to be claiming co-creation.
    trap_aim_at_least: Iap2Level = Iap2Level.COLLABORATE
    # How far the key areas hold the level back. "no_key_area_shared" (version 1 files): capped
    # at Consult only when every key area is at Consult or below. "second_key_area": never above
    # the level that at least two key areas reach.
    ceiling: Literal["no_key_area_shared", "second_key_area"] = "no_key_area_shared"
    # When the consultation trap applies to a team aiming at `trap_aim_at_least` or higher.
    # "no_key_area_shared" (version 1): every key area at Consult or below.
    # "fewer_than_two_key_areas": fewer than two key areas reach `trap_aim_at_least`.
    trap: Literal["no_key_area_shared", "fewer_than_two_key_areas"] = "no_key_area_shared"
    # The names of Arnstein's rungs, defined once for every surface (else the UI catalogue's).
    arnstein_names: dict[Identifier, Text] | None = None


class SayDoCheck(Model):
    """When the rated statements about sharing power contradict the practice answers."""

    dimension: Identifier
    # The statements contradict the practice when the dimension is a strength while the
    # power-sharing level is at this level or below.
    practice_at_most: Iap2Level = Iap2Level.CONSULT


class Feasibility(Model):
    """Ranking by what a team can do from where it stands, as well as by need."""

    # Points taken off a method for each IAP2 step it presupposes beyond the current practice.
    per_level_beyond: int = Field(default=15, ge=0, le=50)
    # Points taken off by effort, whatever the practice.
    effort: dict[Literal["low", "medium", "high"], int] = {"low": 0, "medium": 5, "high": 10}


class Reading(Model):
    """The rules that reconcile what a team says with what it does. Every rule is off unless
    the file turns it on, so an assessment stored under an earlier version keeps its reading."""

    # The highest overall stage (level id) a power-sharing level allows; unlisted: no cap.
    stage_cap: dict[Iap2Level, Identifier] = {}
    say_do: SayDoCheck | None = None
    # "Not applicable" counts as not rated for coverage (else it leaves the denominator).
    not_applicable_counts_as_unrated: bool = False
    feasibility: Feasibility | None = None


# --- the questionnaire ------------------------------------------------------------------


class Questionnaire(Model):
    """A whole questionnaire file."""

    id: Identifier
    version: int = Field(ge=1)
    title: Text
    intro: Text
    methods: Text | None = None
    scale: tuple[ScalePoint, ...] = Field(min_length=5, max_length=5)
    dont_know: Text
    not_applicable: Text
    coverage_threshold: float = Field(default=0.5, gt=0, le=1)
    strength_threshold: int = Field(default=70, ge=0, le=100)  # whole points, like scores
    divergence_sd: float = Field(default=1.0, gt=0, le=4)
    levels: tuple[MaturityLevel, ...] = Field(min_length=2)
    dimensions: tuple[Dimension, ...] = Field(min_length=1)
    sections: tuple[Section, ...] = Field(min_length=1)
    power: PowerSettings | None = None
    reading: Reading = Reading()
    recommendations: tuple[Recommendation, ...] = ()

    _items: dict[str, Item] = PrivateAttr(default_factory=dict)
    _dimensions: dict[str, Dimension] = PrivateAttr(default_factory=dict)
    _items_by_dimension: dict[str, tuple[Item, ...]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: object) -> None:
        # Indexes computed once so that scoring stays well under a millisecond.
        self._items = {i.id: i for s in self.sections for i in s.items}
        self._dimensions = {d.id: d for d in self.dimensions}
        self._items_by_dimension = {
            d.id: tuple(
                i for i in self._items.values() if i.kind is ItemKind.RATED and i.dimension == d.id
            )
            for d in self.dimensions
        }

    @property
    def items(self) -> dict[str, Item]:
        return self._items

    def item(self, item_id: str) -> Item | None:
        return self._items.get(item_id)

    def dimension(self, dimension_id: str) -> Dimension | None:
        return self._dimensions.get(dimension_id)

    def rated_items(self, dimension_id: str) -> tuple[Item, ...]:
        return self._items_by_dimension.get(dimension_id, ())

    @property
    def power_items(self) -> tuple[Item, ...]:
        return tuple(i for i in self._items.values() if i.kind is ItemKind.CHOICE)

    def recommendation(self, rec_id: str) -> Recommendation | None:
        return next((r for r in self.recommendations if r.id == rec_id), None)

    def level_for(self, score: int) -> MaturityLevel:
        chosen = self.levels[0]
        for level in self.levels:
            if score >= level.min:
                chosen = level
        return chosen
