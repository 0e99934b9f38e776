"""Recommendations ranked by the need they address (and, where the questionnaire says so, by
what is feasible from the current practice), each with the reasons that triggered it."""

from __future__ import annotations

from dataclasses import dataclass

from .answers import AnswerSet
from .questionnaire import Questionnaire
from .rounding import whole_points
from .rules import (
    AnswerCondition,
    Condition,
    DimensionCondition,
    DontKnowCondition,
    FlagCondition,
    GapCondition,
    OverallCondition,
    PowerCondition,
    Recommendation,
)
from .scoring import Scores

UNKNOWN_NEED = 50.0  # a dimension without a score is treated as middling, not as the worst


@dataclass(frozen=True)
class Reason:
    """One fired condition: what was looked at, what it was, and the threshold it crossed."""

    kind: str  # "dimension" | "overall" | "power" | "flag" | "answer" | "gap" | "dont_know"
    # | "fit" (how feasible the method is from the current practice)
    subject: str  # dimension id, "overall", "power", flag name or item id
    value: float | int | str | None
    comparison: str | None = None  # "below" | "at_least" | "at_most" | "in" | "presupposes"
    threshold: float | str | tuple | None = None
    also: tuple[str, str] | None = None  # a second answer cited (item id, option id): the aim


@dataclass(frozen=True)
class RankedRecommendation:
    recommendation_id: str
    relevance: float
    reasons: tuple[Reason, ...]
    addresses: tuple[str, ...]


@dataclass(frozen=True)
class Highlight:
    """A dimension (or "power") singled out as a strength or a priority."""

    subject: str
    score: int


def _reason(cond: Condition, scores: Scores, answers: AnswerSet) -> Reason | None:
    """The reason `cond` holds for these scores and answers, or None if it does not."""
    if isinstance(cond, DimensionCondition):
        value = scores.score_of(cond.dimension)
        if value is None:
            return None
        if cond.below is not None and value < cond.below:
            return Reason("dimension", cond.dimension, value, "below", cond.below)
        if cond.at_least is not None and value >= cond.at_least:
            return Reason("dimension", cond.dimension, value, "at_least", cond.at_least)
        return None
    if isinstance(cond, OverallCondition):
        value = scores.overall
        if value is None:
            return None
        if cond.overall_below is not None and value < cond.overall_below:
            return Reason("overall", "overall", value, "below", cond.overall_below)
        if cond.overall_at_least is not None and value >= cond.overall_at_least:
            return Reason("overall", "overall", value, "at_least", cond.overall_at_least)
        return None
    if isinstance(cond, PowerCondition):
        level = scores.power.level if scores.power else None
        if level is None:
            return None
        if cond.power_at_most is not None and level.rank <= cond.power_at_most.rank:
            return Reason("power", "power", level.value, "at_most", cond.power_at_most.value)
        if cond.power_at_least is not None and level.rank >= cond.power_at_least.rank:
            return Reason("power", "power", level.value, "at_least", cond.power_at_least.value)
        return None
    if isinstance(cond, FlagCondition):
        return Reason("flag", cond.flag, True) if cond.flag in scores.flags else None
    if isinstance(cond, GapCondition):
        return _gap_reason(cond.gap_in, scores, answers)
    if isinstance(cond, DontKnowCondition):
        share = whole_points(100 * scores.dont_know_share)
        threshold = whole_points(100 * cond.dont_know_share_at_least)
        if scores.dont_know_share and share >= threshold:
            return Reason("dont_know", "answers", share, "at_least", threshold)
        return None
    if isinstance(cond, AnswerCondition):
        value = answers.answers.get(cond.item)
        accepted = cond.values or cond.options
        if value in accepted and not isinstance(value, bool):
            return Reason("answer", cond.item, value, "in", tuple(accepted))
        return None
    raise TypeError(f"unknown condition {cond!r}")  # pragma: no cover - schema forbids it


def _gap_reason(area: str, scores: Scores, answers: AnswerSet) -> Reason | None:
    """The team aims above what it practises in `area`: both answers are the reason."""
    power = scores.power
    practice = power.practice_in(area) if power else None
    if power is None or power.aim is None or practice is None or practice.level is None:
        return None
    if practice.level.rank >= power.aim.rank:
        return None
    aim_answer = str(answers.answers.get(power.aim_item_id, ""))
    return Reason(
        "gap", practice.item_id, practice.option_id, "below_aim", power.aim.value,
        also=(power.aim_item_id, aim_answer),
    )  # fmt: skip


def _fit(q: Questionnaire, rec: Recommendation, scores: Scores) -> tuple[float, Reason | None]:
    """Points off for what a method presupposes beyond the current practice and for its effort,
    with the reason that says so; nothing when the file does not rank by feasibility."""
    settings = q.reading.feasibility
    practice = scores.power.level if scores.power else None
    if settings is None or practice is None:
        return 0.0, None
    beyond = max(0, rec.presupposes.rank - practice.rank)
    penalty = settings.per_level_beyond * beyond + settings.effort[rec.effort.value]
    reason = Reason("fit", "power", practice.value, "presupposes", rec.presupposes.value)
    return float(penalty), reason


def need(scores: Scores, target: str) -> float:
    """How far a dimension (or the power index) is from 100."""
    value = scores.score_of(target)
    return UNKNOWN_NEED if value is None else 100.0 - value


def evaluate(rec: Recommendation, scores: Scores, answers: AnswerSet) -> tuple[Reason, ...] | None:
    """The reasons `rec` applies, or None when its conditions are not met."""
    reasons = [_reason(c, scores, answers) for c in rec.conditions]
    fired = tuple(r for r in reasons if r is not None)
    if rec.match == "all":
        return fired if len(fired) == len(reasons) else None
    return fired or None


def recommend(q: Questionnaire, scores: Scores, answers: AnswerSet) -> list[RankedRecommendation]:
    """Every applicable recommendation, most needed first, each once with all its reasons."""
    ranked: dict[str, RankedRecommendation] = {}
    for rec in q.recommendations:
        reasons = evaluate(rec, scores, answers)
        if reasons is None:
            continue
        penalty, fit = _fit(q, rec, scores)
        relevance = max(need(scores, t) for t in rec.addresses) + rec.boost - penalty
        if fit is not None:
            reasons = (*reasons, fit)
        previous = ranked.get(rec.id)
        if previous is None or previous.relevance < relevance:
            ranked[rec.id] = RankedRecommendation(rec.id, relevance, reasons, rec.addresses)
    return sorted(
        ranked.values(), key=lambda r: (-r.relevance, -len(r.reasons), r.recommendation_id)
    )


def strengths(q: Questionnaire, scores: Scores, limit: int = 3) -> list[Highlight]:
    """Dimensions at or above the questionnaire's strength threshold, strongest first; a
    dimension the practice contradicts (see core.claims) is not a strength."""
    contradicted = scores.say_do.dimension_id if scores.say_do else None
    found = [
        Highlight(d, s.score)
        for d, s in scores.dimensions.items()
        if s.score is not None and s.score >= q.strength_threshold and d != contradicted
    ]
    found.sort(key=lambda h: -h.score)  # stable: ties keep the questionnaire's order
    return found[:limit]


def priorities(q: Questionnaire, scores: Scores, limit: int = 3) -> list[Highlight]:
    """The weakest scored dimensions below the strength threshold, weakest first."""
    found = [
        Highlight(d, s.score)
        for d, s in scores.dimensions.items()
        if s.score is not None and s.score < q.strength_threshold
    ]
    found.sort(key=lambda h: h.score)  # stable: ties keep the questionnaire's order
    return found[:limit]
