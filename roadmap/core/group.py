"""The group reading of a workshop: medians and interquartile bands per dimension, per-item
distributions, the discussion agenda, power-sharing practice against aim per role tag, and
the anonymity rule (nothing below k, nothing readable by subtraction).

Every person is read first by the questionnaire's own honest-reading rules
(`person_reading`), so the group figures are figures of readings each participant would see
on their own results page: "doesn't apply" counts as not rated where the file says so, the
power level is held by the key areas, "don't know" is never a number.

How disagreement is measured, on the answers 1-5 of a rated item (don't know and doesn't
apply left out):
- spread = population standard deviation / 2, so 0 (everyone agrees) to 1 (half the room at
  1, half at 5: the largest standard deviation the scale allows);
- two camps = 2 × min(share answering 1-2, share answering 4-5): 1 when the room splits into
  two halves on either side of the middle, 0 when one side is empty. A room split between 2
  and 4 has a moderate spread (0.5) but two camps of 1: it is a disagreement;
- disagreement = the larger of the two. An item is on the agenda from 0.5, i.e. a spread of a
  standard deviation of 1 point, or two camps of at least a quarter of the answers each.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .answers import DONT_KNOW, NOT_APPLICABLE, AnswerSet
from .levels import Iap2Level
from .person_reading import PersonReading, Plan, read_person
from .questionnaire import ItemKind, Questionnaire

DEFAULT_K = 5
AGENDA_AT_LEAST = 0.5
TWO_CAMPS_AT_LEAST = 0.5
AGENDA_LENGTH = 5
UNSURE_SHARE = 0.5  # an item half the room cannot rate is a question for the room too
LEVELS = tuple(Iap2Level)


def quantile(ordered: Sequence[float], p: float) -> float:
    """The p-quantile of sorted values, interpolating between order statistics (the
    "inclusive" method of `statistics.quantiles`, type 7 of Hyndman and Fan)."""
    position = (len(ordered) - 1) * p
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Band:
    """The middle of the group and its middle half."""

    n: int
    median: float
    q1: float
    q3: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Band:
        ordered = sorted(values)
        return cls(
            len(ordered),
            quantile(ordered, 0.5),
            quantile(ordered, 0.25),
            quantile(ordered, 0.75),
            ordered[0],
            ordered[-1],
        )


@dataclass(frozen=True)
class ItemDistribution:
    """How the group answered one rated item."""

    item_id: str
    counts: tuple[int, int, int, int, int]  # answers 1 to 5
    dont_know: int
    not_applicable: int

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def responders(self) -> int:
        return self.n + self.dont_know + self.not_applicable

    @property
    def band(self) -> Band | None:
        values = [v for v, c in zip(range(1, 6), self.counts, strict=True) for _ in range(c)]
        return Band.of(values) if values else None

    @property
    def spread(self) -> float:
        n = self.n
        if not n:
            return 0.0
        mean = math.fsum(v * c for v, c in zip(range(1, 6), self.counts, strict=True)) / n
        var = math.fsum(c * (v - mean) ** 2 for v, c in zip(range(1, 6), self.counts, strict=True))
        return math.sqrt(var / n) / 2

    @property
    def camps(self) -> float:
        n = self.n
        if not n:
            return 0.0
        low, high = self.counts[0] + self.counts[1], self.counts[3] + self.counts[4]
        return 2 * min(low, high) / n

    @property
    def two_camps(self) -> bool:
        return self.camps >= TWO_CAMPS_AT_LEAST

    @property
    def disagreement(self) -> float:
        return max(self.spread, self.camps)

    @property
    def unsure(self) -> bool:
        return bool(self.responders) and self.dont_know / self.responders >= UNSURE_SHARE


@dataclass(frozen=True)
class PowerSummary:
    """The group's power-sharing practice and aim: the lower median level of each, i.e. the
    level at least half of those who answered reach (never more than half the room does)."""

    n: int  # people with a practice level
    practice: Iap2Level | None
    aim: Iap2Level | None
    aim_n: int
    practice_counts: tuple[int, ...]  # per IAP2 level, inform first
    aim_counts: tuple[int, ...]
    consultation_trap: int  # how many people's own reading shows the trap
    say_do: int

    @property
    def gap(self) -> int | None:
        if self.practice is None or self.aim is None:
            return None
        return self.aim.rank - self.practice.rank


@dataclass(frozen=True)
class GroupView:
    """Everything shown about one group (the whole room, or a role) that reaches k."""

    n: int
    dimensions: Mapping[str, Band | None]  # None: fewer than k people have a score
    power: PowerSummary | None


@dataclass(frozen=True)
class GroupReading:
    participants: int
    k: int
    released: bool
    whole: GroupView | None
    items: Mapping[str, ItemDistribution | None] = field(default_factory=dict)
    agenda: tuple[ItemDistribution, ...] = ()
    unsure: tuple[str, ...] = ()
    roles: Mapping[str, GroupView] = field(default_factory=dict)
    hidden_roles: tuple[str, ...] = ()


def shown_roles(counts: Mapping[str | None, int], k: int) -> set[str]:
    """The role groups that may be shown beside the whole room.

    A group is shown only with at least k people, and only if the people left over (the whole
    room minus the groups shown, untagged people included) are none or at least k: otherwise
    the total minus the groups shown would read a group below k. Groups are then hidden
    smallest first until the remainder is safe."""
    total = sum(counts.values())
    if total < k:
        return set()
    tagged = {r: n for r, n in counts.items() if r is not None and n > 0}
    shown = {r for r, n in tagged.items() if n >= k}
    remainder = total - sum(tagged[r] for r in shown)
    while 0 < remainder < k and shown:
        smallest = min(shown, key=lambda r: (tagged[r], r))
        shown.remove(smallest)
        remainder += tagged[smallest]
    return shown


def _lower_median(ranks: list[int]) -> Iap2Level | None:
    if not ranks:
        return None
    return LEVELS[sorted(ranks)[(len(ranks) - 1) // 2] - 1]


def _view(q: Questionnaire, readings: Sequence[PersonReading], dims: Sequence[str], k: int):
    bands: dict[str, Band | None] = {}
    for dim in dims:
        values = [r.dimensions[dim] for r in readings if r.dimensions.get(dim) is not None]
        bands[dim] = Band.of(values) if len(values) >= k else None
    practice = [r.practice.rank for r in readings if r.practice is not None]
    aims = [r.aim.rank for r in readings if r.aim is not None]
    power = None
    if q.power_items and len(practice) >= k:
        power = PowerSummary(
            n=len(practice),
            practice=_lower_median(practice),
            aim=_lower_median(aims) if len(aims) >= k else None,
            aim_n=len(aims),
            practice_counts=tuple(practice.count(rank) for rank in range(1, 6)),
            aim_counts=tuple(aims.count(rank) for rank in range(1, 6)) if len(aims) >= k else (),
            consultation_trap=sum(r.consultation_trap for r in readings),
            say_do=sum(r.say_do for r in readings),
        )
    return GroupView(len(readings), bands, power)


def covered(q: Questionnaire, sections: Collection[str] | None) -> tuple[list[str], list[str]]:
    """(dimension ids, rated item ids) a workshop over `sections` asks about."""
    chosen = [s for s in q.sections if sections is None or s.id in sections]
    items = [i for s in chosen for i in s.items if i.kind is ItemKind.RATED]
    touched = {i.dimension for i in items}
    return [d.id for d in q.dimensions if d.id in touched], [i.id for i in items]


def group_reading(
    q: Questionnaire,
    people: Iterable[tuple[AnswerSet, str | None]],
    k: int = DEFAULT_K,
    sections: Collection[str] | None = None,
) -> GroupReading:
    """The group reading of (answer set, role tag) pairs, on the sections a workshop covers."""
    plan = Plan(q)
    dims, item_ids = covered(q, sections)
    readings: list[PersonReading] = []
    tally: Counter[tuple[str, object]] = Counter()  # (item id, answer) -> people
    for answer_set, role in people:
        answers = answer_set.answers
        readings.append(read_person(plan, answers, role))
        tally.update(answers.items())  # counted in C: the hot loop of a live workshop
    if len(readings) < k:
        return GroupReading(len(readings), k, False, None)
    items: dict[str, ItemDistribution | None] = {}
    for item_id in item_ids:
        distribution = ItemDistribution(
            item_id,
            tuple(tally[(item_id, v)] for v in range(1, 6)),  # type: ignore[arg-type]
            tally[(item_id, DONT_KNOW)],
            tally[(item_id, NOT_APPLICABLE)],
        )
        items[item_id] = distribution if distribution.responders >= k else None
    order = {item_id: n for n, item_id in enumerate(item_ids)}
    debatable = [d for d in items.values() if d and d.n >= k and d.disagreement >= AGENDA_AT_LEAST]
    debatable.sort(key=lambda d: (-round(d.disagreement, 9), -d.camps, order[d.item_id]))
    counts: dict[str | None, int] = {}
    for r in readings:
        counts[r.role] = counts.get(r.role, 0) + 1
    shown = shown_roles(counts, k)
    roles = {
        role: _view(q, [r for r in readings if r.role == role], dims, k) for role in sorted(shown)
    }
    hidden = tuple(sorted(r for r in counts if r is not None and r not in shown))
    return GroupReading(
        participants=len(readings),
        k=k,
        released=True,
        whole=_view(q, readings, dims, k),
        items=items,
        agenda=tuple(debatable[:AGENDA_LENGTH]),
        unsure=tuple(d.item_id for d in items.values() if d and d.unsure),
        roles=roles,
        hidden_roles=hidden,
    )
