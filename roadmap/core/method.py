"""The figures behind "how the numbers are computed", read from the questionnaire and the
scoring rules, so that the printed explanation can never drift from the actual computation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .power import level_points
from .questionnaire import Iap2Level, ItemKind, Questionnaire
from .recommend import UNKNOWN_NEED
from .scoring import OVERALL_MIN_SHARE, scale_points


@dataclass(frozen=True)
class MethodFacts:
    """What a reader needs to redo any number of a report by hand."""

    rated_items: int
    reverse_items: int
    item_weights: tuple[tuple[float, int], ...]  # (weight, how many rated items), lightest first
    dimensions: int
    heavier_dimensions: tuple[tuple[str, float], ...]  # (dimension id, weight) when not 1
    scale_points: tuple[tuple[int, float], ...]  # (answer, item score)
    coverage_threshold: float  # 0-1
    overall_min_share: float  # share of dimensions that must have a score for an overall one
    strength_threshold: float
    power_practice_items: int
    power_key_weights: tuple[float, ...]  # weights of the key-area questions
    power_other_weights: tuple[float, ...]
    power_points: tuple[tuple[Iap2Level, float], ...]
    trap_aim_at_least: Iap2Level
    unknown_need: float


def method_facts(q: Questionnaire) -> MethodFacts:
    """The figures of `q` and of the scoring rules that the method annex states."""
    rated = [i for i in q.items.values() if i.kind is ItemKind.RATED]
    practice = [i for i in q.power_items if i.role == "practice"]
    key_areas = set(q.power.key_areas) if q.power else set()
    return MethodFacts(
        rated_items=len(rated),
        reverse_items=sum(1 for i in rated if i.reverse),
        item_weights=tuple(sorted(Counter(i.weight for i in rated).items())),
        dimensions=len(q.dimensions),
        heavier_dimensions=tuple((d.id, d.weight) for d in q.dimensions if d.weight != 1),
        scale_points=scale_points(),
        coverage_threshold=q.coverage_threshold,
        overall_min_share=OVERALL_MIN_SHARE,
        strength_threshold=q.strength_threshold,
        power_practice_items=len(practice),
        power_key_weights=tuple(sorted({i.weight for i in practice if i.area in key_areas})),
        power_other_weights=tuple(sorted({i.weight for i in practice if i.area not in key_areas})),
        power_points=tuple((level, level_points(level)) for level in Iap2Level),
        trap_aim_at_least=q.power.trap_aim_at_least if q.power else Iap2Level.COLLABORATE,
        unknown_need=UNKNOWN_NEED,
    )
