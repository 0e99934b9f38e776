"""One participant's reading, reduced to what a group reading needs, by the same honest-reading
rules as `scoring.score` (coverage, "doesn't apply", the key-area ceiling, the trap, say/do).

`scoring.score` builds every contribution for the results page and takes about 0.5 ms for the
CoSIE questionnaire; a live workshop rereads up to a thousand people every few seconds, so
this module computes only the figures and is checked against `score` answer for answer
(tests/core/test_group.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from .answers import DONT_KNOW, NOT_APPLICABLE, Value
from .coverage import covers
from .levels import Iap2Level
from .power import in_consultation_trap, key_area_ceiling, level_for_index
from .questionnaire import ItemKind, PowerSettings, Questionnaire
from .rounding import whole_points

RANK = {level: level.rank for level in Iap2Level}


class _Key(NamedTuple):
    """A key area's practice, as `power.key_area_ceiling` and `in_consultation_trap` read it."""

    level: Iap2Level | None


@dataclass(frozen=True)
class PersonReading:
    """What one person's answers say, as their own results page would say it."""

    dimensions: Mapping[str, int | None]  # whole points; None: not enough answers
    practice: Iap2Level | None  # the power-sharing level after the key-area ceiling
    aim: Iap2Level | None
    consultation_trap: bool
    say_do: bool
    dont_know_share: float
    role: str | None = None


class Plan:
    """A questionnaire's items laid out once for reading many people quickly."""

    def __init__(self, q: Questionnaire) -> None:
        self.q = q
        self.na_unrated = q.reading.not_applicable_counts_as_unrated
        # Per rated item, what each answer adds to (applicable, answered, points) weight, so
        # reading a person is one lookup per item. "Doesn't apply" adds to the applicable
        # weight only where the file counts it as not rated.
        self.dimensions = []
        for d in q.dimensions:
            items = []
            for i in q.rated_items(d.id):
                w = i.weight
                table = {
                    v: (w, w, w * ((100.0 - (v - 1) * 25.0) if i.reverse else (v - 1) * 25.0))
                    for v in range(1, 6)
                }
                table[NOT_APPLICABLE] = (w if self.na_unrated else 0.0, 0.0, 0.0)
                items.append((i.id, table, (w, 0.0, 0.0)))
            self.dimensions.append((d.id, items))
        self.settings = q.power or PowerSettings.model_construct(key_areas=())
        key_areas = set(self.settings.key_areas)
        self.practice: list[tuple[str, float, dict[str, Iap2Level], bool]] = []
        self.aim: tuple[str, dict[str, Iap2Level]] | None = None
        for item in q.power_items:
            levels = {o.id: o.level for o in item.options}
            if item.role == "aim":
                self.aim = (item.id, levels)
            else:
                self.practice.append((item.id, item.weight, levels, item.area in key_areas))
        self.has_power = bool(q.power_items)
        self.scored = [i.id for i in q.items.values() if i.is_scored]
        self.say_do = q.reading.say_do
        self.rated = [i.id for i in q.items.values() if i.kind is ItemKind.RATED]


def read_person(plan: Plan, answers: Mapping[str, Value], role: str | None = None) -> PersonReading:
    """The reading of one answer set; equal to what `scoring.score` gives for the same answers."""
    q = plan.q
    dimensions: dict[str, int | None] = {}
    for dim_id, items in plan.dimensions:
        applicable = answered = total = 0.0
        for item_id, table, default in items:
            a, b, c = table.get(answers.get(item_id), default)
            applicable += a
            answered += b
            total += c
        coverage = answered / applicable if applicable else 0.0
        enough = answered and covers(coverage, q.coverage_threshold)
        dimensions[dim_id] = whole_points(total / answered) if enough else None
    practice, aim, trap = _power(plan, answers) if plan.has_power else (None, None, False)
    say_do = False
    check = plan.say_do
    if check is not None and practice is not None:
        said = dimensions.get(check.dimension)
        say_do = (
            said is not None
            and said >= q.strength_threshold
            and RANK[practice] <= RANK[check.practice_at_most]
        )
    given = [answers[i] for i in plan.scored if i in answers]
    dont_know = sum(v == DONT_KNOW for v in given) / len(given) if given else 0.0
    return PersonReading(dimensions, practice, aim, trap, say_do, dont_know, role)


def _power(
    plan: Plan, answers: Mapping[str, Value]
) -> tuple[Iap2Level | None, Iap2Level | None, bool]:
    """(practice level after the ceiling, aim, consultation trap), as `power.score_power`."""
    aim = None
    if plan.aim is not None:
        value = answers.get(plan.aim[0])
        aim = plan.aim[1].get(value) if isinstance(value, str) else None
    total_weight = answered_weight = points = 0.0
    keys: list[_Key] = []
    for item_id, weight, levels, key in plan.practice:
        value = answers.get(item_id)
        level = levels.get(value) if isinstance(value, str) else None
        total_weight += weight
        if level is not None:
            answered_weight += weight
            points += weight * (RANK[level] - 1) * 25.0  # power.level_points
        if key:
            keys.append(_Key(level))
    coverage = answered_weight / total_weight if total_weight else 0.0
    if not answered_weight or not covers(coverage, plan.q.coverage_threshold):
        return None, aim, False
    uncapped = level_for_index(whole_points(points / answered_weight))
    ceiling = key_area_ceiling(plan.settings, keys)  # type: ignore[arg-type]  # reads .level
    level = min(uncapped, ceiling, key=RANK.__getitem__) if ceiling else uncapped
    trap = in_consultation_trap(plan.settings, keys, aim)  # type: ignore[arg-type]
    return level, aim, trap
