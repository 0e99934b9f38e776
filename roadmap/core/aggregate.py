"""Group statistics for workshops, per dimension and per item, withheld below a threshold k."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .answers import DONT_KNOW, NOT_APPLICABLE, AnswerSet
from .coverage import covers
from .questionnaire import ItemKind, Questionnaire
from .rounding import whole_points

DEFAULT_K = 5
DIMENSION_DIVERGENCE_SD = 20.0  # on the 0-100 scale


@dataclass(frozen=True)
class Stats:
    """Descriptive statistics of one quantity across the group."""

    n: int
    mean: float
    median: float
    min: float
    max: float
    sd: float  # population standard deviation: the group is the population of interest
    divergent: bool


@dataclass(frozen=True)
class ItemStats:
    item_id: str
    stats: Stats | None  # None: fewer than k numeric answers
    dont_know: int
    not_applicable: int


@dataclass(frozen=True)
class GroupScores:
    """What may be shown of a group; nothing at all when fewer than k people took part."""

    participants: int
    k: int
    released: bool
    dimensions: dict[str, Stats | None]
    items: dict[str, ItemStats]

    def divergent_items(self) -> list[ItemStats]:
        """Items the group disagrees on, most spread first."""
        found = [i for i in self.items.values() if i.stats and i.stats.divergent]
        return sorted(found, key=lambda i: (-i.stats.sd, i.item_id))


def describe(values: Sequence[float], divergence_sd: float) -> Stats:
    """Order-independent summary: exact sums (fsum) and a sorted copy for the median."""
    ordered = sorted(values)
    n = len(ordered)
    mean = math.fsum(ordered) / n
    middle = n // 2
    median = ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in ordered) / n)
    return Stats(n, mean, median, ordered[0], ordered[-1], sd, sd >= divergence_sd)


def aggregate(
    q: Questionnaire, answer_sets: Iterable[AnswerSet], k: int = DEFAULT_K
) -> GroupScores:
    """Per-dimension scores and per-item answers across a group of answer sets."""
    rated = [i for i in q.items.values() if i.kind is ItemKind.RATED]
    per_item: dict[str, list[float]] = {i.id: [] for i in rated}
    non_answers = {i.id: [0, 0] for i in rated}
    per_dimension: dict[str, list[float]] = {d.id: [] for d in q.dimensions}
    # Precomputed per dimension: (item id, weight, reverse) - the loop below is the hot path.
    plan = {d.id: [(i.id, i.weight, i.reverse) for i in q.rated_items(d.id)] for d in q.dimensions}
    participants = 0
    for answer_set in answer_sets:
        participants += 1
        answers = answer_set.answers
        for dim_id, items in plan.items():
            applicable = answered = total = 0.0
            for item_id, weight, reverse in items:
                value = answers.get(item_id)
                if value == NOT_APPLICABLE:
                    non_answers[item_id][1] += 1
                    continue
                applicable += weight
                if type(value) is int:
                    per_item[item_id].append(value)
                    answered += weight
                    total += weight * ((5 - value) if reverse else (value - 1)) * 25.0
                elif value == DONT_KNOW:
                    non_answers[item_id][0] += 1
            if answered and covers(answered / applicable, q.coverage_threshold):
                # Each person's score as their own report shows it.
                per_dimension[dim_id].append(whole_points(total / answered))
    if participants < k:
        return GroupScores(participants, k, False, {}, {})
    dimensions = {
        d: describe(v, DIMENSION_DIVERGENCE_SD) if len(v) >= k else None
        for d, v in per_dimension.items()
    }
    items = {
        i: ItemStats(
            i,
            describe(v, q.divergence_sd) if len(v) >= k else None,
            non_answers[i][0],
            non_answers[i][1],
        )
        for i, v in per_item.items()
    }
    return GroupScores(participants, k, True, dimensions, items)
