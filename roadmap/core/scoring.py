"""Readiness scores per dimension and overall, each with the answers and weights behind it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .answers import DONT_KNOW, NOT_APPLICABLE, AnswerSet, Value
from .claims import SayDo, say_do_contradiction
from .coverage import covers
from .power import PowerResult, score_power
from .questionnaire import Iap2Level, Item, Questionnaire
from .rounding import whole_points

# The overall index needs a score on at least this share of the dimensions.
OVERALL_MIN_SHARE = 0.5


@dataclass(frozen=True)
class Contribution:
    """How one rated answer fed its dimension score."""

    item_id: str
    answer: Value | None
    item_score: float | None  # 0-100 after reversal; None for no number
    weight: float
    reverse: bool
    weight_share: float  # share of the dimension's answered weight (0-1)
    points: float  # item_score * weight_share: the points it adds to the dimension score


@dataclass(frozen=True)
class DimensionScore:
    """A dimension's score, how much of it was answered, and why it is what it is."""

    dimension_id: str
    score: int | None  # whole points (see rounding); None: not enough answers
    raw_score: float | None  # the weighted mean even when coverage is too low
    coverage: float  # answered weight / applicable weight (0-1)
    level_id: str | None
    answered: int
    dont_know: int
    not_applicable: int
    unanswered: int
    contributions: tuple[Contribution, ...]
    not_applicable_share: float = 0.0  # weight marked "doesn't apply" / all the weight (0-1)

    @property
    def sufficient(self) -> bool:
        return self.score is not None

    def weightiest(self, n: int = 3) -> tuple[Contribution, ...]:
        """The answers that weighed most: largest weight first, then furthest from the middle."""
        scored = [c for c in self.contributions if c.item_score is not None]
        scored.sort(key=lambda c: (-c.weight_share, -abs(c.item_score - 50), c.item_id))
        return tuple(scored[:n])


@dataclass(frozen=True)
class Scores:
    """Everything the scoring of one answer set produces."""

    questionnaire_id: str
    version: int
    dimensions: Mapping[str, DimensionScore]
    overall: int | None  # whole points: the capability score
    overall_level_id: str | None  # the headline stage, after any cap by power-sharing
    power: PowerResult | None
    capability_level_id: str | None = None  # the stage the score alone would give
    stage_held_back_by: Iap2Level | None = None  # the power level that caps the stage
    dont_know_share: float = 0.0  # of the scored questions answered, share "don't know"
    say_do: SayDo | None = None  # statements about sharing power against the practice

    @property
    def flags(self) -> tuple[str, ...]:
        flags = []
        if self.power and self.power.consultation_trap:
            flags.append("consultation_trap")
        if self.say_do is not None:
            flags.append("say_do_contradiction")
        return tuple(flags)

    def score_of(self, target: str) -> int | None:
        """The score of a dimension id, or of "power" (the power-sharing index)."""
        if target == "power":
            return self.power.index if self.power else None
        dim = self.dimensions.get(target)
        return dim.score if dim else None


def answer_points(value: int) -> float:
    """Where an answer on the 1-5 scale sits on 0-100: 1 is 0, 2 is 25 … 5 is 100."""
    return (value - 1) * 25.0


def scale_points() -> tuple[tuple[int, float], ...]:
    """Every answer of the scale with its points, for the method annex."""
    return tuple((value, answer_points(value)) for value in range(1, 6))


def item_score(item: Item, value: Value | None) -> float | None:
    """0-100 for a numeric answer (reversed when the item is), None for anything else."""
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    points = answer_points(value)
    return 100.0 - points if item.reverse else points


def score_dimension(
    q: Questionnaire, dimension_id: str, answers: Mapping[str, Value]
) -> DimensionScore:
    """Weighted mean of answered items; "don't know" and unanswered items only lower coverage."""
    items = q.rated_items(dimension_id)
    numeric: list[tuple[Item, Value, float]] = []
    dont_know = not_applicable = unanswered = 0
    applicable_weight = not_applicable_weight = 0.0
    # Version 2 files count "doesn't apply" as not rated: one remaining statement out of six
    # cannot speak for the whole dimension.
    na_in_denominator = q.reading.not_applicable_counts_as_unrated
    for item in items:
        value = answers.get(item.id)
        if value == NOT_APPLICABLE:
            not_applicable += 1
            not_applicable_weight += item.weight
            if na_in_denominator:
                applicable_weight += item.weight
            continue
        applicable_weight += item.weight
        s = item_score(item, value)
        if s is not None:
            numeric.append((item, value, s))
        elif value == DONT_KNOW:
            dont_know += 1
        else:
            unanswered += 1
    total_weight = sum(item.weight for item in items)
    answered_weight = sum(item.weight for item, _, _ in numeric)
    coverage = answered_weight / applicable_weight if applicable_weight else 0.0
    raw = (
        sum(item.weight * s for item, _, s in numeric) / answered_weight
        if answered_weight
        else None
    )
    by_id = {item.id: (value, s, item.weight / answered_weight) for item, value, s in numeric}
    contributions = []
    for item in items:
        value, s, share = by_id.get(item.id, (answers.get(item.id), None, 0.0))
        contributions.append(
            Contribution(item.id, value, s, item.weight, item.reverse, share, (s or 0.0) * share)
        )
    enough = raw is not None and covers(coverage, q.coverage_threshold)
    score = whole_points(raw) if enough else None
    return DimensionScore(
        dimension_id=dimension_id,
        score=score,
        raw_score=raw,
        coverage=coverage,
        level_id=q.level_for(score).id if score is not None else None,
        answered=len(numeric),
        dont_know=dont_know,
        not_applicable=not_applicable,
        unanswered=unanswered,
        contributions=tuple(contributions),
        not_applicable_share=not_applicable_weight / total_weight if total_weight else 0.0,
    )


def overall_index(q: Questionnaire, dimensions: Mapping[str, DimensionScore]) -> int | None:
    """Weighted mean of the dimension scores shown, in whole points; None unless at least half
    of the dimensions have a score. Built on the shown scores so a reader can redo the sum."""
    scored = [
        (q.dimension(d).weight, s.score) for d, s in dimensions.items() if s.score is not None
    ]
    if not scored or len(scored) < OVERALL_MIN_SHARE * len(dimensions):
        return None
    total_weight = sum(w for w, _ in scored)
    return whole_points(sum(w * s for w, s in scored) / total_weight)


def score(q: Questionnaire, answer_set: AnswerSet) -> Scores:
    """Score one answer set against its questionnaire."""
    answers = answer_set.answers
    dimensions = {d.id: score_dimension(q, d.id, answers) for d in q.dimensions}
    overall = overall_index(q, dimensions)
    power = score_power(q, answers) if q.power_items else None
    capability = q.level_for(overall).id if overall is not None else None
    stage, held_back_by = capped_stage(q, capability, power)
    return Scores(
        questionnaire_id=q.id,
        version=q.version,
        dimensions=dimensions,
        overall=overall,
        overall_level_id=stage,
        power=power,
        capability_level_id=capability,
        stage_held_back_by=held_back_by,
        dont_know_share=dont_know_share(q, answers),
        say_do=say_do_contradiction(q, dimensions, power),
    )


def capped_stage(
    q: Questionnaire, level_id: str | None, power: PowerResult | None
) -> tuple[str | None, Iap2Level | None]:
    """The headline stage and the power level that holds it back, if any: a stage never
    describes more shared power than the practice shows (the questionnaire's `stage_cap`)."""
    if level_id is None or power is None or power.level is None:
        return level_id, None
    cap = q.reading.stage_cap.get(power.level)
    order = [lvl.id for lvl in q.levels]
    if cap is None or order.index(level_id) <= order.index(cap):
        return level_id, None
    return cap, power.level


def dont_know_share(q: Questionnaire, answers: Mapping[str, Value]) -> float:
    """Of the scored questions that got an answer, the share answered "don't know"."""
    given = [answers[i.id] for i in q.items.values() if i.is_scored and i.id in answers]
    return sum(v == DONT_KNOW for v in given) / len(given) if given else 0.0
