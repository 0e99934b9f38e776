"""Workshop use cases: create, open, close and reveal (trainers), join by code (participants),
and the live state and group reading the facilitator and projector views poll."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, exists, func, select

from ..content.catalogue import catalogue
from ..core.answers import AnswerSet, decode_value
from ..core.group import GroupReading, group_reading
from ..core.questionnaire import Questionnaire
from ..core.status import AssessmentStatus
from ..core.workshop import make_code, normalise_code
from ..extensions import db
from ..models.account import User
from ..models.assessment import Answer, Assessment, utcnow
from ..models.organisation import Organisation
from ..models.workshop import Revote, RevoteAnswer, Workshop, WorkshopState
from . import assessments
from .errors import Conflict, Invalid, NotFound

TITLE_MAX = 200
TAG_MAX = 40
K_MIN, K_MAX = 3, 50
LOCALES = ("fr", "en")
# Conflict reasons a join page words for the participant.
NOT_OPEN, CLOSED = "not_open", "closed"


@dataclass(frozen=True)
class Counts:
    joined: int
    in_progress: int  # has answered something, not finished
    finished: int


def create(
    organisation: Organisation,
    by: User | None,
    *,
    title: str,
    q: Questionnaire,
    sections: list[str],
    languages: list[str],
    held_on: date | None = None,
    k: int = 5,
    role_tags: list[str] | None = None,
) -> Workshop:
    """A draft workshop with its join code; Invalid names what cannot be used."""
    problems = []
    title = (title or "").strip()
    if not title or len(title) > TITLE_MAX:
        problems.append("title")
    known = [s.id for s in q.sections]
    chosen = [s for s in known if s in set(sections)]
    if not chosen or set(sections) - set(known):
        problems.append("sections")
    if not languages or set(languages) - set(LOCALES):
        problems.append("languages")
    if not K_MIN <= k <= K_MAX:
        problems.append("k")
    tags = list(dict.fromkeys(t.strip() for t in (role_tags or []) if t.strip()))
    if any(len(t) > TAG_MAX for t in tags) or len(tags) > 8:
        problems.append("role_tags")
    if problems:
        raise Invalid(*problems)
    workshop = Workshop(
        organisation_id=organisation.id,
        created_by_id=by.id if by else None,
        title=title,
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        sections=chosen,
        revealed=[],
        languages=[lang for lang in LOCALES if lang in languages],
        role_tags=tags,
        held_on=held_on,
        k=k,
        code=_free_code(),
        state=WorkshopState.DRAFT,
    )
    db.session.add(workshop)
    db.session.commit()
    return workshop


def _free_code() -> str:
    """A code no workshop has (31^6, about 887 million codes: a clash is rare, and retried)."""
    while True:
        code = make_code(secrets.choice)
        if not db.session.scalar(select(exists().where(Workshop.code == code))):
            return code


def listed(organisation: Organisation) -> list[Workshop]:
    query = select(Workshop).where(Workshop.organisation_id == organisation.id)
    return list(db.session.scalars(query.order_by(Workshop.created_at.desc(), Workshop.id.desc())))


def get(organisation: Organisation, workshop_id: int) -> Workshop:
    """A workshop of that organisation; NotFound for any other id."""
    workshop = db.session.get(Workshop, workshop_id)
    if workshop is None or workshop.organisation_id != organisation.id:
        raise NotFound()
    return workshop


def questionnaire(workshop: Workshop) -> Questionnaire:
    q = catalogue().get(workshop.questionnaire_id, workshop.questionnaire_version)
    if q is None:
        raise NotFound()
    return q


def _changed(workshop: Workshop) -> None:
    workshop.changed_at = utcnow()
    db.session.commit()


def set_state(workshop: Workshop, state: WorkshopState) -> None:
    """Draft -> open -> closed, and a closed workshop may reopen; nothing else."""
    allowed = {
        WorkshopState.OPEN: {WorkshopState.DRAFT, WorkshopState.CLOSED},
        WorkshopState.CLOSED: {WorkshopState.OPEN},
    }
    if workshop.state not in allowed.get(state, set()):
        raise Conflict(workshop.state)
    workshop.state = state
    _changed(workshop)


def reveal(workshop: Workshop, section_id: str, shown: bool = True) -> None:
    """Show (or hide again) one section's results on the projector and to participants."""
    if section_id not in workshop.sections:
        raise Invalid("section")
    revealed = set(workshop.revealed or [])
    revealed = revealed | {section_id} if shown else revealed - {section_id}
    workshop.revealed = [s for s in workshop.sections if s in revealed]
    _changed(workshop)


def by_code(text: str) -> Workshop:
    """The open workshop with that code. NotFound when there is none; Conflict(NOT_OPEN) or
    Conflict(CLOSED) when it exists but takes no answers."""
    code = normalise_code(text)
    workshop = db.session.scalar(select(Workshop).where(Workshop.code == code)) if code else None
    if workshop is None:
        raise NotFound()
    if workshop.state == WorkshopState.DRAFT:
        raise Conflict(NOT_OPEN)
    if workshop.state == WorkshopState.CLOSED:
        raise Conflict(CLOSED)
    return workshop


def join(workshop: Workshop, locale: str, role_tag: str | None) -> Assessment:
    """A participant's answers: an assessment of the workshop, in their language and role."""
    problems = []
    if locale not in workshop.languages:
        problems.append("language")
    if workshop.role_tags and role_tag not in workshop.role_tags:
        problems.append("role")
    if problems:
        raise Invalid(*problems)
    return assessments.create(
        questionnaire(workshop),
        locale,
        workshop_id=workshop.id,
        workshop_role=role_tag if workshop.role_tags else None,
    )


def participant(workshop: Workshop, token: str | None) -> Assessment | None:
    """The participant's own assessment in this workshop, from the token their browser keeps."""
    if not token:
        return None
    found = db.session.scalar(select(Assessment).where(Assessment.token == token))
    return found if found is not None and found.workshop_id == workshop.id else None


def accepts_answers(assessment: Assessment) -> bool:
    """Whether answers can still be saved: always outside workshops, while open inside one."""
    return assessment.workshop is None or assessment.workshop.state == WorkshopState.OPEN


def counts_and_version(workshop: Workshop) -> tuple[Counts, str]:
    """Joined / in progress / finished, and a version that changes whenever anything the live
    views show may have changed: one query, so a poll that finds nothing new costs little."""
    answered = exists().where(Answer.assessment_id == Assessment.id)
    submitted = Assessment.status == AssessmentStatus.SUBMITTED
    row = db.session.execute(
        select(
            func.count(Assessment.id),
            func.coalesce(func.sum(case((submitted, 1), else_=0)), 0),
            func.coalesce(func.sum(case((answered & ~submitted, 1), else_=0)), 0),
            func.max(Assessment.updated_at),
            # A re-vote answer changes what the live views show, not the assessment.
            select(func.max(RevoteAnswer.updated_at))
            .join(Revote, Revote.id == RevoteAnswer.revote_id)
            .where(Revote.workshop_id == workshop.id)
            .scalar_subquery(),
        ).where(Assessment.workshop_id == workshop.id)
    ).one()
    counts = Counts(int(row[0]), int(row[2]), int(row[1]))
    key = f"{workshop.id}|{workshop.state}|{workshop.changed_at}|{counts}|{row[3]}|{row[4]}"
    return counts, hashlib.sha256(key.encode()).hexdigest()[:20]


_READINGS: dict[int, tuple[str, GroupReading]] = {}
# Per workshop, each participant's (last change, answers, role) as last loaded by this
# process: a poll after a few new answers loads only the people who changed.
_ANSWERS: dict[int, dict[int, tuple[object, dict, str | None]]] = {}


def reading(workshop: Workshop, version: str) -> GroupReading:
    """The group reading of everyone who has answered something (kept per process for the
    version it was computed at, so a projector and a facilitator polling share one)."""
    cached = _READINGS.get(workshop.id)
    if cached and cached[0] == version:
        return cached[1]
    q = questionnaire(workshop)
    known = _ANSWERS.setdefault(workshop.id, {})
    stamps = db.session.execute(
        select(Assessment.id, Assessment.updated_at, Assessment.workshop_role).where(
            Assessment.workshop_id == workshop.id
        )
    ).all()
    changed = [row.id for row in stamps if row.id not in known or known[row.id][0] != row[1]]
    fresh: dict[int, dict] = {i: {} for i in changed}
    for start in range(0, len(changed), 500):  # bounded IN lists
        rows = db.session.execute(
            select(Answer.assessment_id, Answer.item_id, Answer.value).where(
                Answer.assessment_id.in_(changed[start : start + 500])
            )
        )
        for assessment_id, item_id, value in rows:
            fresh[assessment_id][item_id] = decode_value(value)
    roles = {row.id: (row[1], row.workshop_role) for row in stamps}
    for assessment_id, answers in fresh.items():
        stamp, role = roles[assessment_id]
        known[assessment_id] = (stamp, answers, role)
    for gone in set(known) - set(roles):  # deleted participants
        del known[gone]
    people = [
        (AnswerSet(q.id, q.version, "fr", answers), role)
        for _stamp, answers, role in known.values()
        if answers
    ]
    result = group_reading(q, people, workshop.k, workshop.sections)
    if len(_READINGS) > 200:
        _READINGS.clear()
        _ANSWERS.clear()
    _READINGS[workshop.id] = (version, result)
    return result


def people_answers(workshop: Workshop, version: str) -> list[dict]:
    """Each participant's answers as the group reading at `version` read them (no names)."""
    reading(workshop, version)
    return [answers for _stamp, answers, _role in _ANSWERS.get(workshop.id, {}).values() if answers]
