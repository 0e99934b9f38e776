"""Action-plan use cases on the database: add, change, remove, limits, plans of many."""

from datetime import date

import pytest
from factories import TRAP_ANSWERS

from roadmap.core.actions import MAX_ROWS, ActionStatus, PlanRow, Problem
from roadmap.extensions import db
from roadmap.models.action import ActionItem
from roadmap.services import accounts, actions, assessments, organisations, retention
from roadmap.services.errors import Conflict, Invalid, NotFound


@pytest.fixture()
def submitted(app, create_assessment):
    def make(**kwargs):
        token = create_assessment(answers=TRAP_ANSWERS, submitted=True, **kwargs)
        return assessments.by_token(token, 365)

    return make


def test_rows_are_added_in_order_cleaned_and_read_back(app, submitted):
    with app.app_context():
        assessment, q = submitted()
        first = actions.add(assessment, q, PlanRow("  Aller   vers les familles ", "  "))
        actions.add(
            assessment,
            q,
            PlanRow(
                "Jury citoyen", "Lina", date(2027, 3, 15), ActionStatus.IN_PROGRESS, "citizen-jury"
            ),
        )
        plan = actions.plan_of(assessment)
        assert [r.action for r in plan] == ["Aller vers les familles", "Jury citoyen"]
        assert plan[0].owner is None and plan[0].id == first.id
        assert plan[1].due_on == date(2027, 3, 15) and plan[1].status is ActionStatus.IN_PROGRESS
        assert plan[1].recommendation_id == "citizen-jury"


def test_bad_rows_are_refused_with_every_problem(app, submitted):
    with app.app_context():
        assessment, q = submitted()
        with pytest.raises(Invalid) as refused:
            actions.add(
                assessment, q, PlanRow(" ", "o" * 121, date(1900, 1, 1), recommendation_id="x")
            )
        assert refused.value.problems == [
            Problem.ACTION_MISSING,
            Problem.OWNER_TOO_LONG,
            Problem.DUE_OUT_OF_RANGE,
            Problem.UNKNOWN_METHOD,
        ]
        assert actions.plan_of(assessment) == []


def test_a_plan_has_a_maximum_of_rows(app, submitted):
    with app.app_context():
        assessment, q = submitted()
        for n in range(MAX_ROWS):
            actions.add(assessment, q, PlanRow(f"Action {n}"))
        with pytest.raises(Invalid) as refused:
            actions.add(assessment, q, PlanRow("One too many"))
        assert refused.value.problems == [Problem.TOO_MANY]
        actions.remove(assessment, actions.plan_of(assessment)[0].id)
        actions.add(assessment, q, PlanRow("Room again"))
        assert actions.plan_of(assessment)[-1].action == "Room again"


def test_change_and_remove_only_the_assessments_own_rows(app, submitted):
    with app.app_context():
        mine, q = submitted()
        theirs, _q = submitted()
        row = actions.add(mine, q, PlanRow("Mine"))
        other = actions.add(theirs, q, PlanRow("Theirs"))
        changed = actions.update(
            mine, q, row.id, PlanRow("Mine, changed", status=ActionStatus.DONE)
        )
        assert changed.status is ActionStatus.DONE and changed.id == row.id
        for call in (
            lambda: actions.update(mine, q, other.id, PlanRow("Hijacked")),
            lambda: actions.remove(mine, other.id),
            lambda: actions.get(mine, other.id),
            lambda: actions.get(mine, 987654),
        ):
            with pytest.raises(NotFound):
                call()
        assert [r.action for r in actions.plan_of(theirs)] == ["Theirs"]
        actions.remove(mine, row.id)
        assert actions.plan_of(mine) == []


def test_no_plan_before_results(app, create_assessment):
    with app.app_context():
        assessment, q = assessments.by_token(create_assessment(answers=TRAP_ANSWERS), 365)
        with pytest.raises(Conflict):
            actions.add(assessment, q, PlanRow("Too early"))


def test_plans_of_many_assessments_and_teams(
    app, submitted, create_organisation, create_team, create_user
):
    org = create_organisation("Ville")
    team, other_team = create_team(org, "Accueil"), create_team(org, "Jeunesse")
    user = create_user(teams=[team, other_team])
    with app.app_context():
        older, q = submitted()
        newer, _q = submitted(previous=older.token)
        lone, _q = submitted()
        person = accounts.get(user)
        organisations.claim(older, person, team)
        organisations.claim(newer, person, team)
        actions.add(older, q, PlanRow("Old plan"))
        actions.add(newer, q, PlanRow("New plan"))
        plans = actions.plans_of([older.id, newer.id, lone.id, older.id])
        assert [r.action for r in plans[older.id]] == ["Old plan"]
        assert plans[lone.id] == []
        by_team = actions.plans_of_teams([team, other_team])
        assert by_team[other_team] == []
        assert [p.assessment_id for p in by_team[team]] == [newer.id, older.id]
        assert by_team[team][0].rows[0].action == "New plan"
        assert actions.plans_of([]) == {} and actions.plans_of_teams([]) == {}


def test_deleting_an_assessment_deletes_its_plan(app, submitted):
    with app.app_context():
        assessment, q = submitted()
        actions.add(assessment, q, PlanRow("Gone with it"))
        retention.delete(assessment)
        assert db.session.query(ActionItem).count() == 0
