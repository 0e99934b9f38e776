"""Action-plan rows: their checks, without an app."""

from datetime import date

from roadmap.core.actions import (
    ACTION_MAX,
    OWNER_MAX,
    ActionStatus,
    PlanRow,
    Problem,
    clean_text,
    plan_digest,
    problems,
)


def test_a_plain_row_is_kept():
    row = PlanRow("Rencontrer les familles", "Équipe accueil", date(2027, 3, 15))
    assert problems(row) == []
    assert row.status is ActionStatus.NOT_STARTED


def test_every_problem_is_reported_at_once():
    row = PlanRow(
        "x" * (ACTION_MAX + 1),
        "y" * (OWNER_MAX + 1),
        date(1999, 12, 31),
        recommendation_id="nowhere",
    )
    assert problems(row, {"citizen-jury"}) == [
        Problem.ACTION_TOO_LONG,
        Problem.OWNER_TOO_LONG,
        Problem.DUE_OUT_OF_RANGE,
        Problem.UNKNOWN_METHOD,
    ]


def test_limits_are_inclusive_and_an_action_is_needed():
    assert problems(PlanRow("x" * ACTION_MAX, "y" * OWNER_MAX, date(2100, 12, 31))) == []
    assert problems(PlanRow("")) == [Problem.ACTION_MISSING]
    assert problems(PlanRow("a", recommendation_id="citizen-jury"), {"citizen-jury"}) == []


def test_text_is_one_line_without_nul_and_empty_is_none():
    assert clean_text("  Aller\n vers\t les  familles \x00 ") == "Aller vers les familles"
    assert clean_text("   ") is None
    assert clean_text(None) is None


def test_the_digest_changes_with_anything_printed():
    row = PlanRow("a", "b", date(2027, 1, 2), ActionStatus.DONE, "go-out")
    assert plan_digest([row]) == [["a", "b", "2027-01-02", "done", "go-out"]]
    for changed in (
        PlanRow("a2", "b", date(2027, 1, 2), ActionStatus.DONE, "go-out"),
        PlanRow("a", None, date(2027, 1, 2), ActionStatus.DONE, "go-out"),
        PlanRow("a", "b", None, ActionStatus.DONE, "go-out"),
        PlanRow("a", "b", date(2027, 1, 2), ActionStatus.IN_PROGRESS, "go-out"),
        PlanRow("a", "b", date(2027, 1, 2), ActionStatus.DONE, None),
    ):
        assert plan_digest([changed]) != plan_digest([row])
