"""Power-sharing: an index, an IAP2 level, its Arnstein rung, and the consultation trap."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .answers import DONT_KNOW, Value
from .coverage import covers
from .questionnaire import Iap2Level, Questionnaire
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
class PowerResult:
    """The power-sharing reading of one answer set."""

    index: int | None  # 0-100 in whole points; None when too few power items were answered
    level: Iap2Level | None  # after the key-area cap
    uncapped_level: Iap2Level | None
    capped: bool  # decisions, resources and risk all stay with the provider
    aim: Iap2Level | None
    consultation_trap: bool
    coverage: float
    contributions: tuple[PowerContribution, ...]

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
    """Read the power-sharing block; cap at "consult" when no key area is shared."""
    settings = q.power
    key_areas = set(settings.key_areas) if settings else set()
    contributions: list[PowerContribution] = []
    aim: Iap2Level | None = None
    for item in q.power_items:
        value = answers.get(item.id)
        option = item.option(value) if isinstance(value, str) and value != DONT_KNOW else None
        level = option.level if option else None
        if item.role == "aim":
            aim = level
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
    if not answered or not covers(coverage, q.coverage_threshold):
        return PowerResult(None, None, None, False, aim, False, coverage, tuple(contributions))
    index = whole_points(sum(c.weight * c.points for c in answered) / answered_weight)
    uncapped = level_for_index(index)
    key_answers = [c for c in answered if c.key_area]
    provider_keeps_all = bool(key_answers) and all(
        c.level.rank <= Iap2Level.CONSULT.rank for c in key_answers
    )
    level = uncapped
    if provider_keeps_all and uncapped.rank > Iap2Level.CONSULT.rank:
        level = Iap2Level.CONSULT
    trap_aim = settings.trap_aim_at_least if settings else Iap2Level.COLLABORATE
    trap = provider_keeps_all and aim is not None and aim.rank >= trap_aim.rank
    return PowerResult(
        index=index,
        level=level,
        uncapped_level=uncapped,
        capped=level is not uncapped,
        aim=aim,
        consultation_trap=trap,
        coverage=coverage,
        contributions=tuple(contributions),
    )
