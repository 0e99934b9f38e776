"""Before/after: the change per dimension between two workshops of the same cohort (the start
and the end of a training), paired where participants chose the same code in both, and the
two groups compared as wholes otherwise. Nothing is shown for fewer than k people.

Inputs are each person's dimension scores (0-100, None when not enough answers), as the
person's own reading gives them (`person_reading`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .group import Band

Scores = Mapping[str, float | None]


@dataclass(frozen=True)
class Change:
    """One dimension before and after.

    `before` and `after` are the two groups as wholes (each only with k scores or more);
    `median_change` is after's median minus before's. `paired` is the band of each paired
    person's own change (after minus before), only with k pairs or more; `pairs` counts the
    pairs with a score on both sides, shown even below k (a count of pairs is no answer)."""

    dimension: str
    before: Band | None
    after: Band | None
    pairs: int
    paired: Band | None

    @property
    def median_change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after.median - self.before.median


def _band(values: list[float], k: int) -> Band | None:
    return Band.of(values) if len(values) >= k else None


def compare(
    dimensions: Sequence[str],
    before: Sequence[Scores],
    after: Sequence[Scores],
    pairs: Sequence[tuple[Scores, Scores]],
    k: int,
) -> list[Change]:
    """The change per dimension, in the order given. `pairs` are (before, after) scores of
    the people who paired their answers; they are also in `before` and `after`."""
    changes = []
    for dim in dimensions:
        first = [s[dim] for s in before if s.get(dim) is not None]
        last = [s[dim] for s in after if s.get(dim) is not None]
        own = [
            end[dim] - start[dim]
            for start, end in pairs
            if start.get(dim) is not None and end.get(dim) is not None
        ]
        changes.append(Change(dim, _band(first, k), _band(last, k), len(own), _band(own, k)))
    return changes
