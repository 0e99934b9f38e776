"""Power-sharing: an index, an IAP2 level, its Arnstein rung, and the consultation trap."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .answers import DONT_KNOW, Value
from .coverage import covers
from .questionnaire import Iap2Level, PowerSettings, Questionnaire
from .rounding import whole_points

# The Arnstein (1969) rung each IAP2 level corresponds to, and the group each rung belongs to.
ARNSTEIN_FOR_IAP2 = {
    Iap2Level.INFORM: "informing",
    Iap2Level.CONSULT: "consultation",
    Iap2Level.INVOLVE: "placation",
    Iap2Level.COLLABORATE: "partnership",
    Iap2Level.EMPOWER: "delegated_power",
}
ARNSTEIN_GROUP = {
    "manipulation": "non_participation",
    "therapy": "non_participation",
    "informing": "tokenism",
    "consultation": "tokenism",
    "placation": "tokenism",
    "partnership": "citizen_power",
    "delegated_power": "citizen_power",
    "citizen_control": "citizen_power",
}
LEVELS = tuple(Iap2Level)


@dataclass(frozen=True)
class PowerContribution:
    """How one power-sharing answer fed the index."""

    item_id: str
    area: str
    option_id: str | None
    level: Iap2Level | None
    weight: float
    points: float | None  # 0 (inform) to 100 (empower)
    key_area: bool


@dataclass(frozen=True)
class KeyGap:
    """A key area's practice beside the aim: where a claim meets (or misses) practice."""

    area: str
    item_id: str
    practice: Iap2Level | None  # None: "don't know" or not answered
    aim: Iap2Level

    @property
    def steps_short(self) -> int:
        """IAP2 steps between practice and aim (the whole way up when practice is unknown)."""
        return self.aim.rank - (self.practice.rank if self.practice else 0)


@dataclass(frozen=True)
class PowerResult:
    """The power-sharing reading of one answer set."""

    index: int | None  # 0-100 in whole points; None when too few power items were answered
    level: Iap2Level | None  # after the key-area ceiling
    uncapped_level: Iap2Level | None
    capped: bool  # the key areas hold the level below the index's
    aim: Iap2Level | None
    consultation_trap: bool
    coverage: float
    contributions: tuple[PowerContribution, ...]
    aim_item_id: str | None = None
    ceiling: Iap2Level | None = None  # the most the key areas allow
    held_back_by: tuple[str, ...] = ()  # key areas below the level the index gives, lowest first
    key_gaps: tuple[KeyGap, ...] = ()  # per key area, when there is an aim

    def practice_in(self, area: str) -> PowerContribution | None:
        return next((c for c in self.contributions if c.area == area), None)

    @property
    def arnstein_rung(self) -> str | None:
        return ARNSTEIN_FOR_IAP2[self.level] if self.level else None

    @property
    def arnstein_group(self) -> str | None:
        rung = self.arnstein_rung
        return ARNSTEIN_GROUP[rung] if rung else None


def level_points(level: Iap2Level) -> float:
    """Where a level sits on the 0-100 index: inform 0, consult 25 … empower 100."""
    return (level.rank - 1) * 25.0


def level_for_index(index: float) -> Iap2Level:
    """The level whose point is nearest to the index (halves round up)."""
    return LEVELS[min(4, int(index / 25.0 + 0.5))]


def score_power(q: Questionnaire, answers: Mapping[str, Value]) -> PowerResult:
    """Read the power-sharing block: the index, the level the key areas allow, the trap."""
    # Without a power block there are no key areas, so nothing is capped and there is no trap.
    settings = q.power or PowerSettings.model_construct(key_areas=())
    key_areas = set(settings.key_areas)
    contributions: list[PowerContribution] = []
    aim: Iap2Level | None = None
    aim_item = None
    for item in q.power_items:
        value = answers.get(item.id)
        option = item.option(value) if isinstance(value, str) and value != DONT_KNOW else None
        level = option.level if option else None
        if item.role == "aim":
            aim, aim_item = level, item.id
            continue
        contributions.append(
            PowerContribution(
                item_id=item.id,
                area=item.area or "",
                option_id=option.id if option else None,
                level=level,
                weight=item.weight,
                points=level_points(level) if level else None,
                key_area=item.area in key_areas,
            )
        )
    total_weight = sum(c.weight for c in contributions)
    answered = [c for c in contributions if c.points is not None]
    answered_weight = sum(c.weight for c in answered)
    coverage = answered_weight / total_weight if total_weight else 0.0
    keys = [c for c in contributions if c.key_area]
    gaps = tuple(KeyGap(c.area, c.item_id, c.level, aim) for c in keys) if aim else ()
    if not answered or not covers(coverage, q.coverage_threshold):
        return PowerResult(
            None, None, None, False, aim, False, coverage, tuple(contributions), aim_item,
            key_gaps=gaps,
        )  # fmt: skip
    index = whole_points(sum(c.weight * c.points for c in answered) / answered_weight)
    uncapped = level_for_index(index)
    ceiling = key_area_ceiling(settings, keys)
    level = min(uncapped, ceiling, key=lambda lvl: lvl.rank) if ceiling else uncapped
    held_back = ()
    if level is not uncapped:
        below = [c for c in keys if c.level is None or c.level.rank < uncapped.rank]
        below.sort(key=lambda c: c.level.rank if c.level else 0)
        held_back = tuple(c.area for c in below)
    return PowerResult(
        index=index,
        level=level,
        uncapped_level=uncapped,
        capped=level is not uncapped,
        aim=aim,
        consultation_trap=in_consultation_trap(settings, keys, aim),
        coverage=coverage,
        contributions=tuple(contributions),
        aim_item_id=aim_item,
        ceiling=ceiling,
        held_back_by=held_back,
        key_gaps=gaps,
    )


def key_area_ceiling(settings: PowerSettings, keys: list[PowerContribution]) -> Iap2Level | None:
    """The highest level the key areas allow, or None when they allow any level."""
    known = [c.level for c in keys if c.level is not None]
    if settings.ceiling == "no_key_area_shared":
        if known and all(lvl.rank <= Iap2Level.CONSULT.rank for lvl in known):
            return Iap2Level.CONSULT
        return None
    # "second_key_area": the level at least two key areas reach. An area answered "don't know"
    # reaches nothing: a team cannot be credited with sharing what it does not know it shares.
    ranks = sorted((c.level.rank if c.level else 0 for c in keys), reverse=True)
    needed = min(2, len(ranks))
    return LEVELS[max(1, ranks[needed - 1]) - 1] if ranks else None


def in_consultation_trap(
    settings: PowerSettings, keys: list[PowerContribution], aim: Iap2Level | None
) -> bool:
    """Claims co-creation (aims at `trap_aim_at_least` or higher) without the practice for it."""
    if aim is None or aim.rank < settings.trap_aim_at_least.rank or not keys:
        return False
    known = [c.level for c in keys if c.level is not None]
    if settings.trap == "no_key_area_shared":
        return bool(known) and all(lvl.rank <= Iap2Level.CONSULT.rank for lvl in known)
    reaching = [lvl for lvl in known if lvl.rank >= settings.trap_aim_at_least.rank]
    return len(reaching) < min(2, len(keys))
