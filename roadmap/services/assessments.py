"""Assessment operations: the only code that writes assessments, answers and reflections."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from ..core.answers import AnswerSet, Value, decode_value
from ..core.questionnaire import ItemKind, Questionnaire
from ..extensions import db
from ..models.assessment import Answer, Assessment, Reflection, utcnow

IN_PROGRESS = "in_progress"
SUBMITTED = "submitted"


def new_token() -> str:
    """192 random bits, URL-safe: unguessable, and short enough to read out over the phone."""
    return secrets.token_urlsafe(24)


def create(
    q: Questionnaire,
    locale: str,
    service_name: str | None = None,
    role: str | None = None,
    previous: Assessment | None = None,
) -> Assessment:
    """Start an assessment; a re-assessment starts with the previous one's answers."""
    assessment = Assessment(
        token=new_token(),
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        locale=locale,
        service_name=(service_name or "").strip() or None,
        role=role or None,
        status=IN_PROGRESS,
        previous_id=previous.id if previous else None,
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


def by_token(token: str, max_age_days: int) -> Assessment | None:
    """The assessment behind a resume token, unless the token is unknown or has lapsed."""
    if not token or len(token) > 64:
        return None
    assessment = db.session.scalar(select(Assessment).where(Assessment.token == token))
    if assessment is None:
        return None
    last_used = assessment.updated_at
    if last_used.tzinfo is None:  # SQLite hands back naive datetimes; they were stored as UTC
        last_used = last_used.replace(tzinfo=UTC)
    if datetime.now(UTC) - last_used > timedelta(days=max_age_days):
        return None
    return assessment


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
) -> None:
    """Save one page: set the given answers, clear those given as None, touch the assessment."""
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
    assessment.updated_at = utcnow()
    db.session.commit()
    db.session.expire(assessment, ["answers", "reflections"])


def submit(assessment: Assessment) -> None:
    assessment.status = SUBMITTED
    assessment.submitted_at = utcnow()
    db.session.commit()


def set_locale(assessment: Assessment, locale: str) -> None:
    if assessment.locale != locale:
        assessment.locale = locale
        db.session.commit()


def to_answer_set(assessment: Assessment) -> AnswerSet:
    return AnswerSet(
        questionnaire=assessment.questionnaire_id,
        version=assessment.questionnaire_version,
        locale=assessment.locale,
        answers={a.item_id: decode_value(a.value) for a in assessment.answers},
        reflections={r.item_id: r.text for r in assessment.reflections},
    )


def section_status(q: Questionnaire, answer_set: AnswerSet) -> dict[str, str]:
    """Per section: "not_started", "in_progress" or "completed".

    Reflections are optional, so a section is completed once its scored questions are answered
    ("don't know" counts as an answer); a reflections-only section once every text is written.
    """
    status = {}
    for section in q.sections:
        scored = [i for i in section.items if i.kind is not ItemKind.TEXT]
        texts = [i for i in section.items if i.kind is ItemKind.TEXT]
        answered = sum(i.id in answer_set.answers for i in scored)
        written = sum(bool((answer_set.reflections.get(i.id) or "").strip()) for i in texts)
        required = scored or texts
        done = answered if scored else written
        if answered + written == 0:
            status[section.id] = "not_started"
        elif done == len(required):
            status[section.id] = "completed"
        else:
            status[section.id] = "in_progress"
    return status


def progress(q: Questionnaire, answer_set: AnswerSet) -> int:
    """Percentage of questions answered, reflections included."""
    total = len(q.items)
    done = sum(
        bool((answer_set.reflections.get(i.id) or "").strip())
        if i.kind is ItemKind.TEXT
        else i.id in answer_set.answers
        for i in q.items.values()
    )
    return round(100 * done / total) if total else 0
