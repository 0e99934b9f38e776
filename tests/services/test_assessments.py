"""Assessment use cases, straight through the service layer (database, no HTTP)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from factories import TRAP_ANSWERS

from roadmap.core.status import AssessmentStatus
from roadmap.extensions import db
from roadmap.services import assessments
from roadmap.services.errors import NotFound


def test_create_starts_an_empty_assessment_in_progress(app, create_assessment, stored):
    token = create_assessment(service_name="  CPAS de Namur  ", role=None)
    with app.app_context():
        assessment = stored(token)
        assert assessment.status == AssessmentStatus.IN_PROGRESS
        assert assessment.service_name == "CPAS de Namur"  # trimmed
        assert assessment.role is None
        assert assessment.answers == [] and assessment.reflections == []
        assert assessment.questionnaire_id == "tiny"


@pytest.mark.parametrize("token", ["", "x" * 65, "not-a-token"])
def test_unknown_or_malformed_tokens_are_not_found(app, create_assessment, token):
    create_assessment()
    with app.app_context(), pytest.raises(NotFound):
        assessments.by_token(token, 365)


def test_a_lapsed_link_is_not_found(app, create_assessment, stored):
    token = create_assessment()
    with app.app_context():
        stored(token).updated_at = datetime.now(UTC) - timedelta(days=31)
        db.session.commit()
        with pytest.raises(NotFound):
            assessments.by_token(token, 30)
        assert assessments.by_token(token, 32)[0].token == token


def test_save_sets_clears_and_keeps_the_other_answers(app, create_assessment, stored):
    token = create_assessment(
        answers={"r1": 4, "r2": "dont_know"}, reflections={"purpose_text": "A"}
    )
    with app.app_context():
        assessments.save(stored(token), {"r1": None, "e1": 5}, {"purpose_text": "  "})
        answer_set = assessments.to_answer_set(stored(token))
    assert answer_set.answers == {"r2": "dont_know", "e1": 5}
    assert answer_set.reflections == {}


def test_save_records_the_language_the_page_was_answered_in(app, create_assessment, stored):
    token = create_assessment(locale="fr")
    with app.app_context():
        assessments.save(stored(token), {"r1": 3}, locale="en")
        assert stored(token).locale == "en"


def test_submit_marks_the_assessment_answered(app, create_assessment, stored):
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    with app.app_context():
        assessment = stored(token)
        assert assessment.status == AssessmentStatus.SUBMITTED
        assert assessment.submitted_at is not None


def test_reassess_starts_from_the_previous_answers_and_keeps_them(app, create_assessment, stored):
    first = create_assessment(
        answers=TRAP_ANSWERS, reflections={"purpose_text": "Aller vers"}, submitted=True
    )
    second = create_assessment(previous=first)
    with app.app_context():
        old, new = stored(first), stored(second)
        assert new.previous_id == old.id and new.status == AssessmentStatus.IN_PROGRESS
        assert new.service_name == old.service_name and new.locale == old.locale
        assert assessments.to_answer_set(new).answers == assessments.to_answer_set(old).answers
        assert assessments.to_answer_set(new).reflections == {"purpose_text": "Aller vers"}
        assert old.status == AssessmentStatus.SUBMITTED  # the earlier results stay readable


def test_thirty_submitted_assessments_take_no_http(app, create_assessment):
    started = time.perf_counter()
    tokens = {create_assessment(answers=TRAP_ANSWERS, submitted=True) for _ in range(30)}
    assert len(tokens) == 30
    with app.app_context():
        statuses = {assessments.by_token(t, 365)[0].status for t in tokens}
    assert statuses == {AssessmentStatus.SUBMITTED}
    assert time.perf_counter() - started < 30  # generous: the point is no HTTP round trips
