"""Assessment operations: the only code that writes assessments, answers and reflections."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from ..content.catalogue import catalogue
from ..core.answers import AnswerSet, Value, decode_value
from ..core.questionnaire import Questionnaire
from ..core.status import AssessmentStatus
from ..extensions import db
from ..models.assessment import Answer, Assessment, Reflection, utcnow
from .errors import NotFound


def new_token() -> str:
    """192 random bits, URL-safe: unguessable, and short enough to read out over the phone."""
    return secrets.token_urlsafe(24)


def create(
    q: Questionnaire,
    locale: str,
    service_name: str | None = None,
    role: str | None = None,
    previous: Assessment | None = None,
    workshop_id: int | None = None,
    workshop_role: str | None = None,
) -> Assessment:
    """Start an assessment; a re-assessment starts with the previous one's answers. A
    workshop participant's assessment carries the workshop and the role tag chosen."""
    assessment = Assessment(
        token=new_token(),
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        locale=locale,
        service_name=(service_name or "").strip() or None,
        role=role or None,
        status=AssessmentStatus.IN_PROGRESS,
        previous_id=previous.id if previous else None,
        workshop_id=workshop_id,
        workshop_role=workshop_role,
    )
    db.session.add(assessment)
    db.session.flush()
    if previous is not None:
        old = to_answer_set(previous)
        # Only items that still exist in this version are carried over.
        carried = {k: v for k, v in old.answers.items() if q.item(k) is not None}
        notes = {k: v for k, v in old.reflections.items() if q.item(k) is not None}
        _upsert(Answer, "value", assessment.id, {k: str(v) for k, v in carried.items()})
        _upsert(Reflection, "text", assessment.id, notes)
    db.session.commit()
    return assessment


def reassess(previous: Assessment, q: Questionnaire) -> Assessment:
    """Start a new assessment of the same service on `q`, from the previous one's answers.

    The previous assessment and its link stay as they are, so its results can still be read."""
    return create(q, previous.locale, previous.service_name, previous.role, previous=previous)


def submitted_by_id(assessment_id: int, belongs) -> tuple[Assessment, Questionnaire]:
    """A submitted assessment by id with its questionnaire, for readers inside an organisation:
    NotFound unless `belongs(assessment)` (the caller's team or organisation check) holds, it is
    submitted and its questionnaire version is installed."""
    assessment = db.session.get(Assessment, assessment_id)
    if (
        assessment is None
        or assessment.status != AssessmentStatus.SUBMITTED
        or not belongs(assessment)
    ):
        raise NotFound()
    q = catalogue().get(assessment.questionnaire_id, assessment.questionnaire_version)
    if q is None:
        raise NotFound()
    return assessment, q


def by_token(token: str, max_age_days: int) -> tuple[Assessment, Questionnaire]:
    """The assessment behind a resume token and the questionnaire version it was answered on.

    Raises NotFound for unknown, lapsed and malformed tokens alike, so a token reveals nothing,
    and when the file of that questionnaire version was removed from the install."""
    if not token or len(token) > 64:
        raise NotFound()
    assessment = db.session.scalar(select(Assessment).where(Assessment.token == token))
    if assessment is None:
        raise NotFound()
    last_used = assessment.updated_at
    if last_used.tzinfo is None:  # SQLite hands back naive datetimes; they were stored as UTC
        last_used = last_used.replace(tzinfo=UTC)
    if datetime.now(UTC) - last_used > timedelta(days=max_age_days):
        raise NotFound()
    q = catalogue().get(assessment.questionnaire_id, assessment.questionnaire_version)
    if q is None:
        current_app.logger.error(
            "questionnaire %s v%s is missing",
            assessment.questionnaire_id,
            assessment.questionnaire_version,
        )
        raise NotFound()
    return assessment, q


def _upsert(model: type, column: str, assessment_id: int, values: Mapping[str, str]) -> None:
    """Insert or update one row per item in a single statement, so that two tabs saving
    different pages at once never overwrite each other's answers."""
    if not values:
        return
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    now = utcnow()
    rows = [
        {"assessment_id": assessment_id, "item_id": k, column: v, "updated_at": now}
        for k, v in values.items()
    ]
    statement = insert(model).values(rows)
    statement = statement.on_conflict_do_update(
        index_elements=["assessment_id", "item_id"],
        set_={column: getattr(statement.excluded, column), "updated_at": now},
    )
    db.session.execute(statement)


def save(
    assessment: Assessment,
    answers: Mapping[str, Value | None],
    reflections: Mapping[str, str | None] | None = None,
    locale: str | None = None,
) -> None:
    """Save one page: set the given answers, clear those given as None, touch the assessment.

    `locale` is the language the person is answering in: it becomes the assessment's language
    (the default of its report, and what a new device shows), saved with the page rather than
    when someone merely reads a page in another language."""
    reflections = reflections or {}
    cleared_answers = [k for k, v in answers.items() if v is None]
    cleared_notes = [k for k, v in reflections.items() if not (v or "").strip()]
    _upsert(
        Answer, "value", assessment.id, {k: str(v) for k, v in answers.items() if v is not None}
    )
    _upsert(
        Reflection,
        "text",
        assessment.id,
        {k: v for k, v in reflections.items() if (v or "").strip()},
    )
    for model, cleared in ((Answer, cleared_answers), (Reflection, cleared_notes)):
        if cleared:
            db.session.execute(
                db.delete(model).where(
                    model.assessment_id == assessment.id, model.item_id.in_(cleared)
                )
            )
    if locale:
        assessment.locale = locale
    assessment.updated_at = utcnow()
    db.session.flush()
    if assessment.status == AssessmentStatus.SUBMITTED:
        # Answers changed after submitting: the ledger's snapshot follows them.
        db.session.expire(assessment, ["answers", "reflections"])
        _snapshot(assessment)
    db.session.commit()
    db.session.expire(assessment, ["answers", "reflections"])


def submit(assessment: Assessment) -> None:
    """Mark the assessment as answered: its results can be read from now on."""
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = utcnow()
    _snapshot(assessment)
    db.session.commit()


def _snapshot(assessment: Assessment) -> None:
    """The scores the readiness ledger reads, stored with the submitted answers."""
    from .ledger import record_snapshot  # ledger reads answers through this module

    q = catalogue().get(assessment.questionnaire_id, assessment.questionnaire_version)
    if q is not None:
        record_snapshot(assessment, q)


def to_answer_set(assessment: Assessment) -> AnswerSet:
    """The stored answers as the core reads them."""
    return AnswerSet(
        questionnaire=assessment.questionnaire_id,
        version=assessment.questionnaire_version,
        locale=assessment.locale,
        answers={a.item_id: decode_value(a.value) for a in assessment.answers},
        reflections={r.item_id: r.text for r in assessment.reflections},
    )
