"""The tables of a workshop's exports: the anonymised item-level answers (one row per
participant, no token, no id, no time, a role tag only where the group reading shows that
role) and the aggregates the group reading shows. Plain values in, rows out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .answers import AnswerSet
from .exports import Table
from .group import Band, GroupReading, GroupView, shown_roles
from .questionnaire import ItemKind, Questionnaire


@dataclass(frozen=True)
class Participant:
    answers: AnswerSet
    role: str | None


ANSWER_COLUMNS = ("workshop_id", "questionnaire_id", "questionnaire_version", "held_on", "role")
AGGREGATE_COLUMNS = (
    "workshop_id",
    "group",
    "n",
    "kind",
    "id",
    "median",
    "q1",
    "q3",
    "low",
    "high",
    "answers_1",
    "answers_2",
    "answers_3",
    "answers_4",
    "answers_5",
    "dont_know",
    "not_applicable",
    "spread",
    "two_camps",
)
WHOLE = "all"


def exported_items(q: Questionnaire, sections: Sequence[str]) -> list[str]:
    """Rated and choice items of the sections, in questionnaire order. Reflections are left
    out: free text can name its writer."""
    return [
        item.id
        for s in q.sections
        if s.id in sections
        for item in s.items
        if item.kind is not ItemKind.TEXT
    ]


def answers_table(
    workshop_id: int,
    q: Questionnaire,
    sections: Sequence[str],
    held_on: date | None,
    people: Sequence[Participant],
    k: int,
) -> Table:
    """One row per participant with an answer, in an order that says nothing of who joined
    when (sorted by role, then answers). A role tag is kept only for the roles the group
    reading shows (k or more, and not readable by subtraction); empty otherwise. Empty when
    fewer than k people answered: nothing is exported below k."""
    items = exported_items(q, sections)
    answered = [p for p in people if p.answers.answers]
    table = Table(ANSWER_COLUMNS + tuple(items))
    if len(answered) < k:
        return table
    counts: dict[str | None, int] = {}
    for p in answered:
        counts[p.role] = counts.get(p.role, 0) + 1
    shown = shown_roles(counts, k)
    rows = []
    for p in answered:
        role = p.role if p.role in shown else None
        values = tuple(_cell(p.answers.answers.get(i)) for i in items)
        rows.append((workshop_id, q.id, q.version, held_on, role) + values)
    rows.sort(key=lambda row: tuple("" if v is None else str(v) for v in row[4:]))
    table.rows.extend(rows)
    return table


def _cell(value) -> int | str | None:
    return value if value is None or isinstance(value, int) else str(value)


def _band_cells(band: Band | None) -> tuple:
    if band is None:
        return (None,) * 5
    return tuple(round(v, 1) for v in (band.median, band.q1, band.q3, band.low, band.high))


def _view_rows(workshop_id: int, group: str, view: GroupView) -> list[tuple]:
    rows = []
    for dim, band in view.dimensions.items():
        if band is not None:
            empty = (None,) * 9
            rows.append((workshop_id, group, band.n, "dimension", dim) + _band_cells(band) + empty)
    return rows


def aggregates_table(workshop_id: int, reading: GroupReading) -> Table:
    """The figures the facilitator view shows: per dimension (median, quartiles, range) for
    the whole room and each role shown, and per item (the answer counts, spread, two camps)
    for the whole room. Only figures of k people or more; empty below k."""
    table = Table(AGGREGATE_COLUMNS)
    if not reading.released or reading.whole is None:
        return table
    table.rows.extend(_view_rows(workshop_id, WHOLE, reading.whole))
    for role, view in reading.roles.items():
        table.rows.extend(_view_rows(workshop_id, role, view))
    for item_id, d in reading.items.items():
        if d is None:
            continue
        table.rows.append(
            (workshop_id, WHOLE, d.responders, "item", item_id)
            + _band_cells(d.band)
            + d.counts
            + (d.dont_know, d.not_applicable, round(d.spread, 2), round(d.camps, 2))
        )
    return table
