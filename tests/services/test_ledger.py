"""The ledger's queries, with factories: snapshots at submission, the ledger of an
organisation, a team's history, the backfill, and deletion."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from roadmap.extensions import db
from roadmap.models.ledger import AssessmentSnapshot
from roadmap.services import accounts, assessments, ledger, organisations, retention
from tests.factories import TRAP_ANSWERS


def _file(app, token, team_id, user_id, days_ago=0):
    with app.app_context():
        a, _q = assessments.by_token(token, 365)
        organisations.claim(a, accounts.get(user_id), team_id)
        a.submitted_at = datetime.now(UTC) - timedelta(days=days_ago)
        db.session.commit()
        return a.id


def test_submitting_stores_a_snapshot_and_deleting_removes_it(app, create_assessment):
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    draft = create_assessment(answers=TRAP_ANSWERS)
    with app.app_context():
        a, _q = assessments.by_token(token, 365)
        record = db.session.get(AssessmentSnapshot, a.id).record
        assert record["dimensions"] == {"relations": 0, "ethics": 75}
        assert record["power_level"] == "consult" and record["priorities"] == ["relations"]
        d, _q = assessments.by_token(draft, 365)
        assert db.session.get(AssessmentSnapshot, d.id) is None
        retention.delete(a)
        assert db.session.scalar(db.select(db.func.count()).select_from(AssessmentSnapshot)) == 0


def test_the_ledger_of_an_organisation(app, create_organisation, create_team, create_user,
                                       create_assessment):  # fmt: skip
    oid = create_organisation()
    teams = [create_team(oid) for _ in range(3)]
    manager = create_user(manager_of=[oid])
    other = create_organisation()
    other_team = create_team(other)
    first = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    _file(app, first, teams[0], manager, days_ago=400)
    better = {**TRAP_ANSWERS, "r1": 3}
    _file(app, create_assessment(answers=better, submitted=True, previous=first), teams[0], manager)
    _file(app, create_assessment(answers=TRAP_ANSWERS, submitted=True), teams[1], manager, 800)
    outsider = create_user(teams=[other_team])
    _file(app, create_assessment(answers=TRAP_ANSWERS, submitted=True), other_team, outsider)
    with app.app_context():
        book = ledger.ledger(organisations.get(oid))
        one, two, three = book.lines
        assert one.assessments == 2 and not one.stale
        assert one.followed[0].subject == "relations" and one.followed[0].change > 0
        assert two.stale and three.latest is None
        assert book.figures.teams == 2 and not book.figures.released  # k = 5
        assert book.common is None
        history = ledger.team_history(organisations.get_team(organisations.get(oid), teams[0]))
        assert len(history.snapshots) == 2
        assert history.trend.series["relations"][0] == 0
        assert history.trend.moved("relations") == history.line.followed[0].change


def test_the_backfill_scores_submitted_assessments_without_a_snapshot(app, create_assessment):
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    with app.app_context():
        db.session.execute(db.delete(AssessmentSnapshot))
        db.session.commit()
        assert ledger.backfill() == 1
        assert ledger.backfill() == 0
        a, _q = assessments.by_token(token, 365)
        assert db.session.get(AssessmentSnapshot, a.id).record["dimensions"]["ethics"] == 75


def test_stale_days_come_from_the_configuration(app, create_organisation, create_team,
                                                create_user, create_assessment):  # fmt: skip
    oid = create_organisation()
    team = create_team(oid)
    user = create_user(teams=[team])
    _file(app, create_assessment(answers=TRAP_ANSWERS, submitted=True), team, user, days_ago=40)
    app.config["LEDGER_STALE_DAYS"] = 30
    try:
        with app.app_context():
            assert ledger.ledger(organisations.get(oid)).lines[0].stale
    finally:
        app.config["LEDGER_STALE_DAYS"] = 365
    with app.app_context():
        line = ledger.ledger(organisations.get(oid), today=date.today()).lines[0]
        assert not line.stale
