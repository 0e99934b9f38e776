"""Forgetting: deleting one assessment, and purging those whose link has lapsed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from roadmap.extensions import db
from roadmap.models.assessment import Answer, Assessment, Reflection
from roadmap.services import assessments, retention

NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture()
def make_assessment(app, tiny):
    """Factory: an assessment with an answer and a reflection, last used `days_ago` days
    before NOW; returns its id."""

    def make(days_ago: float, previous: int | None = None) -> int:
        with app.app_context():
            prev = db.session.get(Assessment, previous) if previous else None
            a = assessments.create(tiny, "fr", "Service", previous=prev)
            assessments.save(a, {"r1": 4}, {"purpose_text": "Réflexion privée"})
            db.session.execute(
                db.update(Assessment)
                .where(Assessment.id == a.id)
                .values(updated_at=NOW - timedelta(days=days_ago))
            )
            db.session.commit()
            return a.id

    return make


def rows(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def remaining(app) -> set[int]:
    with app.app_context():
        return set(db.session.scalars(db.select(Assessment.id)))


def test_purge_deletes_only_the_lapsed_assessments(app, make_assessment):
    lapsed = make_assessment(days_ago=400)
    just_lapsed = make_assessment(days_ago=365.01)
    just_alive = make_assessment(days_ago=364.99)
    fresh = make_assessment(days_ago=0)
    with app.app_context():
        assert sorted(retention.lapsed_ids(365, NOW)) == sorted([lapsed, just_lapsed])
        assert retention.purge(365, NOW) == 2
    assert remaining(app) == {just_alive, fresh}
    assert rows(app, Answer) == 2 and rows(app, Reflection) == 2  # theirs went with them


def test_purging_a_previous_assessment_keeps_the_reassessment(app, make_assessment):
    old = make_assessment(days_ago=500)
    new = make_assessment(days_ago=1, previous=old)
    with app.app_context():
        assert retention.purge(365, NOW) == 1
        kept = db.session.get(Assessment, new)
        assert kept.previous_id is None
        assert {a.item_id for a in kept.answers} == {"r1"}


def test_purge_refuses_zero_days(app):
    with app.app_context(), pytest.raises(ValueError, match="at least 1"):
        retention.purge(0)


def test_delete_removes_the_assessment_and_everything_in_it(app, make_assessment):
    gone, kept = make_assessment(days_ago=1), make_assessment(days_ago=1)
    with app.app_context():
        retention.delete(db.session.get(Assessment, gone))
    assert remaining(app) == {kept}
    assert rows(app, Answer) == 1 and rows(app, Reflection) == 1
