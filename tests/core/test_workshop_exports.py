"""A workshop's export tables: anonymised answers (no ids, no times, roles only where the
subtraction rule allows, reflections left out) and aggregates, nothing below k."""

from __future__ import annotations

from datetime import date

from roadmap.core.answers import AnswerSet
from roadmap.core.group import group_reading
from roadmap.core.workshop_exports import (
    ANSWER_COLUMNS,
    Participant,
    aggregates_table,
    answers_table,
    exported_items,
)

DAY = date(2026, 12, 1)


def person(q, role, **answers):
    return Participant(AnswerSet(q.id, q.version, "fr", answers), role)


def test_items_are_the_sections_rated_and_choice_items_without_reflections(tiny):
    assert exported_items(tiny, ["compass"]) == [
        "e1",
        "e2",
        "p_aim",
        "p_decide",
        "p_budget",
        "p_eval",
    ]
    assert "purpose_text" not in exported_items(tiny, ["start"])


def test_answers_rows_keep_roles_only_where_they_are_shown(tiny):
    # 5 front line, 2 managers, 1 untagged, k = 3: managers are below k and blanked; the
    # remainder (2 managers + 1 untagged = 3) reaches k, so the front line keeps its tag.
    people = [person(tiny, "front", e1=4)] * 5 + [person(tiny, "manager", e1=2)] * 2
    people.append(person(tiny, None, e1=3))
    table = answers_table(7, tiny, ["compass"], DAY, people, k=3)
    assert table.columns[: len(ANSWER_COLUMNS)] == ANSWER_COLUMNS
    assert len(table.rows) == 8
    assert {row[4] for row in table.rows} == {"front", None}  # managers (2 < 3) blanked
    people = [person(tiny, "front", e1=4)] * 5 + [person(tiny, "manager", e1=2)] * 2
    table = answers_table(7, tiny, ["compass"], DAY, people, k=3)
    # Front shown would leave the 2 managers readable by subtraction: front is hidden too.
    assert {row[4] for row in table.rows} == {None}
    assert table.rows[0][:4] == (7, tiny.id, tiny.version, DAY)


def test_rows_are_sorted_by_answers_not_by_arrival_and_blank_people_are_left_out(tiny):
    people = [person(tiny, None, e1=v, p_aim="collaborate") for v in (5, 1, 3)]
    people.append(person(tiny, None))  # joined, answered nothing
    table = answers_table(1, tiny, ["compass"], None, people, k=3)
    e1 = table.columns.index("e1")
    assert [row[e1] for row in table.rows] == [1, 3, 5]
    assert all(row[table.columns.index("p_aim")] == "collaborate" for row in table.rows)


def test_nothing_is_exported_below_k(tiny):
    people = [person(tiny, None, e1=4)] * 4
    assert answers_table(1, tiny, ["compass"], None, people, k=5).rows == []
    reading = group_reading(tiny, [(p.answers, p.role) for p in people], 5, ["compass"])
    assert aggregates_table(1, reading).rows == []


def test_aggregates_are_the_figures_of_the_group_reading(tiny):
    people = [person(tiny, "front", e1=v, e2=v) for v in (1, 2, 3, 4, 5)]
    reading = group_reading(tiny, [(p.answers, p.role) for p in people], 5, ["compass"])
    table = aggregates_table(3, reading)
    rows = {(r[1], r[3], r[4]): r for r in table.rows}
    ethics = rows[("all", "dimension", "ethics")]
    assert ethics[2] == 5 and ethics[5:10] == (50, 25, 75, 0, 100)
    assert ("front", "dimension", "ethics") in rows  # 5 of 5: the role is shown
    e1 = dict(zip(table.columns, rows[("all", "item", "e1")], strict=True))
    assert (e1["answers_1"], e1["answers_5"], e1["median"]) == (1, 1, 3)
    # Population sd of 1..5 = sqrt(2); spread = sqrt(2) / 2 = 0.71; two camps = 2 * 2/5.
    assert (e1["spread"], e1["two_camps"]) == (0.71, 0.8)
