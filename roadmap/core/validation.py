"""Cross-reference checks a schema cannot express: unique ids, dangling references, concepts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .concepts import ALL as KNOWN_CONCEPTS
from .questionnaire import ItemKind, Questionnaire
from .rules import AnswerCondition, DimensionCondition, GapCondition

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, located by its path inside the document."""

    path: Path
    message: str


def cross_check(q: Questionnaire, concepts: Iterable[str] = KNOWN_CONCEPTS) -> list[Problem]:
    """Every reference problem in `q`, in document order."""
    known = set(concepts)
    problems: list[Problem] = []
    dimension_ids = [d.id for d in q.dimensions]
    problems += _duplicates(dimension_ids, "dimensions", "dimension")
    problems += _duplicates([s.id for s in q.sections], "sections", "section")
    problems += _duplicates([r.id for r in q.recommendations], "recommendations", "recommendation")

    mins = [lvl.min for lvl in q.levels]
    if mins != sorted(mins) or len(set(mins)) != len(mins):
        problems.append(Problem(("levels",), "level 'min' values must strictly increase"))
    elif mins[0] != 0:
        problems.append(Problem(("levels", 0, "min"), "the first level must start at 0"))
    values = [p.value for p in q.scale]
    if values != [1, 2, 3, 4, 5]:
        problems.append(Problem(("scale",), "the scale must list the values 1 to 5 in order"))

    seen_items: dict[str, Path] = {}
    for s_index, section in enumerate(q.sections):
        for i_index, item in enumerate(section.items):
            here: Path = ("sections", s_index, "items", i_index)
            if item.id in seen_items:
                problems.append(Problem((*here, "id"), f"item id '{item.id}' is used twice"))
            seen_items.setdefault(item.id, here)
            if item.concept not in known:
                problems.append(Problem((*here, "concept"), f"unknown concept '{item.concept}'"))
            if item.dimension is not None and item.dimension not in dimension_ids:
                problems.append(
                    Problem((*here, "dimension"), f"unknown dimension '{item.dimension}'")
                )
    level_ids = [lvl.id for lvl in q.levels]
    for d_index, dim in enumerate(q.dimensions):
        if not q.rated_items(dim.id):
            problems.append(Problem(("dimensions", d_index), f"dimension '{dim.id}' has no items"))
        if dim.levels is not None and sorted(dim.levels) != sorted(level_ids):
            problems.append(
                Problem(
                    ("dimensions", d_index, "levels"),
                    f"describe every level ({', '.join(level_ids)}), no more, no less",
                )
            )
    problems += _check_reading(q, level_ids)

    power_items = q.power_items
    if power_items and q.power is None:
        problems.append(Problem(("power",), "choice items need a 'power' block"))
    if q.power is not None:
        areas = {i.area for i in power_items if i.role == "practice"}
        for a_index, area in enumerate(q.power.key_areas):
            if area not in areas:
                problems.append(
                    Problem(("power", "key_areas", a_index), f"no choice item has area '{area}'")
                )

    targets = set(dimension_ids) | {"power"}
    for r_index, rec in enumerate(q.recommendations):
        here = ("recommendations", r_index)
        if rec.concept is not None and rec.concept not in known:
            problems.append(Problem((*here, "concept"), f"unknown concept '{rec.concept}'"))
        for a_index, target in enumerate(rec.addresses):
            if target not in targets:
                problems.append(
                    Problem((*here, "addresses", a_index), f"unknown dimension '{target}'")
                )
        for c_index, cond in enumerate(rec.conditions):
            problems += _check_condition(q, cond, (*here, "conditions", c_index))
    return problems


def _check_condition(q: Questionnaire, cond: object, here: Path) -> list[Problem]:
    # "power" names the power-sharing index, which conditions may test like a dimension.
    if (
        isinstance(cond, DimensionCondition)
        and cond.dimension != "power"
        and q.dimension(cond.dimension) is None
    ):
        return [Problem((*here, "dimension"), f"unknown dimension '{cond.dimension}'")]
    if isinstance(cond, GapCondition):
        areas = {i.area for i in q.power_items if i.role == "practice"}
        if cond.gap_in not in areas:
            return [
                Problem((*here, "gap_in"), f"no power-sharing question has area '{cond.gap_in}'")
            ]
    if isinstance(cond, AnswerCondition):
        item = q.item(cond.item)
        if item is None:
            return [Problem((*here, "item"), f"unknown item '{cond.item}'")]
        if cond.values and item.kind is not ItemKind.RATED:
            return [Problem((*here, "values"), f"item '{item.id}' is not a rated item")]
        if cond.options:
            if item.kind is not ItemKind.CHOICE:
                return [Problem((*here, "options"), f"item '{item.id}' is not a choice item")]
            unknown = [o for o in cond.options if item.option(o) is None]
            if unknown:
                return [Problem((*here, "options"), f"unknown option(s) {', '.join(unknown)}")]
    return []


def _check_reading(q: Questionnaire, level_ids: list[str]) -> list[Problem]:
    problems = []
    for power_level, level_id in q.reading.stage_cap.items():
        if level_id not in level_ids:
            where = ("reading", "stage_cap", power_level.value)
            problems.append(Problem(where, f"unknown level '{level_id}'"))
    say_do = q.reading.say_do
    if say_do is not None and q.dimension(say_do.dimension) is None:
        where = ("reading", "say_do", "dimension")
        problems.append(Problem(where, f"unknown dimension '{say_do.dimension}'"))
    if say_do is not None and q.power is None:
        problems.append(Problem(("reading", "say_do"), "needs a 'power' block to compare with"))
    return problems


def _duplicates(ids: list[str], where: str, what: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for index, ident in enumerate(ids):
        if ident in seen:
            problems.append(Problem((where, index, "id"), f"{what} id '{ident}' is used twice"))
        seen.add(ident)
    return problems
