"""The consensus round of a workshop: a re-vote on one statement after the room discussed it,
how the room moved between the two rounds, and the score it then agreed on.

Both rounds are read like any item of the group (`group.ItemDistribution`): the median and the
middle half of the answers 1-5, the spread and the two camps. A round is shown only with at
least k answers 1-5 (don't know and doesn't apply counted apart), the rule of every group figure.

Where the room moved, comparing the re-vote with the first round:
- the median went up or down by at least half a point, or stayed;
- the room came closer together when the disagreement (the larger of spread and two camps,
  0 to 1) fell by at least 0.1, drew further apart when it rose by at least 0.1, else held.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .answers import DONT_KNOW, NOT_APPLICABLE
from .group import ItemDistribution
from .questionnaire import ItemKind, Questionnaire

MEDIAN_STEP = 0.5
DISAGREEMENT_STEP = 0.1
RATIONALE_MAX = 200
DISSENT_MAX = 300


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"


class Closeness(StrEnum):
    CLOSER = "closer"
    APART = "apart"
    HELD = "held"


def distribution(item_id: str, values: Iterable[object]) -> ItemDistribution:
    """A round's distribution from the answers given (1-5, don't know, doesn't apply)."""
    tally = Counter(values)
    return ItemDistribution(
        item_id,
        tuple(tally[v] for v in range(1, 6)),  # type: ignore[arg-type]
        tally[DONT_KNOW],
        tally[NOT_APPLICABLE],
    )


def from_counts(item_id: str, stored: Sequence[int]) -> ItemDistribution:
    """A distribution kept as [1, 2, 3, 4, 5, don't know, doesn't apply] counts."""
    return ItemDistribution(item_id, tuple(stored[:5]), stored[5], stored[6])  # type: ignore[arg-type]


def to_counts(d: ItemDistribution) -> list[int]:
    return [*d.counts, d.dont_know, d.not_applicable]


def shown(d: ItemDistribution | None, k: int) -> ItemDistribution | None:
    """The round if at least k people rated it, else nothing (not even its counts)."""
    return d if d is not None and d.n >= k else None


@dataclass(frozen=True)
class Movement:
    """Where the room moved from the first round to the re-vote."""

    median_change: float
    direction: Direction
    disagreement_change: float
    closeness: Closeness


def movement(first: ItemDistribution, second: ItemDistribution) -> Movement | None:
    """How the re-vote differs from the first round; None when either has no rating."""
    a, b = first.band, second.band
    if a is None or b is None:
        return None
    change = b.median - a.median
    direction = (
        Direction.UP
        if change >= MEDIAN_STEP
        else Direction.DOWN
        if change <= -MEDIAN_STEP
        else Direction.SAME
    )
    gap = round(second.disagreement - first.disagreement, 9)
    closeness = (
        Closeness.CLOSER
        if gap <= -DISAGREEMENT_STEP
        else Closeness.APART
        if gap >= DISAGREEMENT_STEP
        else Closeness.HELD
    )
    return Movement(change, direction, gap, closeness)


def agreement_problems(kind: str, score: object, rationale: str, dissent: str | None) -> list[str]:
    """What is wrong with an agreed score: a statement's is a whole 1-5 (the answer scale), a
    dimension's a whole 0-100 (its score); the rationale is one line, required."""
    problems = []
    if kind not in ("item", "dimension"):
        problems.append("kind")
    top, bottom = (5, 1) if kind == "item" else (100, 0)
    if not isinstance(score, int) or isinstance(score, bool) or not bottom <= score <= top:
        problems.append("score")
    text = (rationale or "").strip()
    if not text or len(text) > RATIONALE_MAX or "\n" in text:
        problems.append("rationale")
    if dissent is not None and len(dissent.strip()) > DISSENT_MAX:
        problems.append("dissent")
    return problems


def typical_answers(
    q: Questionnaire,
    people: Iterable[Mapping[str, object]],
    k: int,
    item_ids: Collection[str],
    agreed: Mapping[str, int] | None = None,
) -> dict[str, object]:
    """The answers of the room taken as one respondent, so that the questionnaire's own
    recommendation rules can be applied to the group without a rule of its own.

    For each rated statement: the score the room agreed on, if any; else the lower median of
    the ratings 1-5 (the rating at least half the raters reach, never more than half the room
    credits), when at least k people rated it; else "don't know" when at least k people said
    so. For each power-sharing question: the option of the lower median IAP2 level chosen, when
    at least k people chose one. Anything else is left unanswered, and lowers coverage as an
    unanswered question does for a person."""
    agreed = agreed or {}
    answers = [dict(p) for p in people]
    typical: dict[str, object] = {}
    for item_id in item_ids:
        item = q.item(item_id)
        if item is None:
            continue
        given = [a[item_id] for a in answers if item_id in a]
        if item.kind is ItemKind.RATED:
            if item_id in agreed:
                typical[item_id] = agreed[item_id]
                continue
            rated = sorted(v for v in given if isinstance(v, int))
            if len(rated) >= k:
                typical[item_id] = rated[(len(rated) - 1) // 2]
            elif sum(v == DONT_KNOW for v in given) >= k:
                typical[item_id] = DONT_KNOW
        elif item.kind is ItemKind.CHOICE:
            levels = {o.id: o.level for o in item.options}
            chosen = sorted((levels[v] for v in given if v in levels), key=lambda lv: lv.rank)
            if len(chosen) >= k:
                level = chosen[(len(chosen) - 1) // 2]
                typical[item_id] = next(o.id for o in item.options if o.level is level)
    return typical
