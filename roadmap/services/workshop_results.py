"""What a trainer does with a workshop's answers besides watching them live: type in paper
forms, export the anonymised answers and the aggregates, link the end of a training to its
start and read the change (participants pair their two answers with a code of their own)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

from flask import current_app
from sqlalchemy import func, select

from ..core.answers import AnswerSet, Value, decode_value
from ..core.audit import AuditAction
from ..core.before_after import Change, compare
from ..core.exports import Table
from ..core.group import covered
from ..core.person_reading import Plan, read_person
from ..core.workshop_exports import Participant, aggregates_table, answers_table
from ..extensions import db
from ..models.account import User
from ..models.assessment import Answer, Assessment
from ..models.workshop import Workshop, WorkshopState
from . import assessments, audit, workshops
from .errors import Conflict, Invalid, NotFound

# Conflict reasons the pages word.
NOT_CLOSED, TOO_FEW = "not_closed", "too_few"
NOTHING = "nothing"
PAIR_CODE_MIN, PAIR_CODE_MAX = 4, 40
PAIR_TAKEN, PAIRED = "pair_taken", "paired"


def type_in(
    workshop: Workshop,
    locale: str,
    role_tag: str | None,
    answers: Mapping[str, Value],
    reflections: Mapping[str, str],
) -> Assessment:
    """One paper form typed in by the trainer: a finished participant like the others, marked
    as typed in. Invalid("role") for a role the workshop does not offer, Invalid(NOTHING) for
    a form with no answer at all (nothing would count)."""
    problems = []
    if workshop.role_tags and role_tag not in workshop.role_tags:
        problems.append("role")
    if not answers and not any((v or "").strip() for v in reflections.values()):
        problems.append(NOTHING)
    if problems:
        raise Invalid(*problems)
    assessment = assessments.create(
        workshops.questionnaire(workshop),
        locale if locale in workshops.LOCALES else workshop.languages[0],
        workshop_id=workshop.id,
        workshop_role=role_tag if workshop.role_tags else None,
    )
    assessment.typed_in = True
    assessments.save(assessment, answers, reflections, locale=assessment.locale)
    assessments.submit(assessment)
    return assessment


def typed_in_count(workshop: Workshop) -> int:
    """How many of the workshop's answers were typed in from paper (a count, nothing more)."""
    return db.session.scalar(
        select(func.count(Assessment.id)).where(
            Assessment.workshop_id == workshop.id, Assessment.typed_in.is_(True)
        )
    )


def _participants(workshop: Workshop) -> list[tuple[Assessment, AnswerSet]]:
    q = workshops.questionnaire(workshop)
    people = list(
        db.session.scalars(select(Assessment).where(Assessment.workshop_id == workshop.id))
    )
    answers: dict[int, dict] = {p.id: {} for p in people}
    rows = db.session.execute(
        select(Answer.assessment_id, Answer.item_id, Answer.value)
        .join(Assessment, Assessment.id == Answer.assessment_id)
        .where(Assessment.workshop_id == workshop.id)
    )
    for assessment_id, item_id, value in rows:
        answers[assessment_id][item_id] = decode_value(value)
    return [(p, AnswerSet(q.id, q.version, p.locale, answers[p.id])) for p in people]


def export_table(workshop: Workshop, kind: str, by: User | None, filename: str) -> Table:
    """The answers or aggregates table of a closed workshop, with its audit event.
    Conflict(NOT_CLOSED) while it takes answers, Conflict(TOO_FEW) below k."""
    if workshop.state != WorkshopState.CLOSED:
        raise Conflict(NOT_CLOSED)
    people = _participants(workshop)
    if sum(1 for _p, a in people if a.answers) < workshop.k:
        raise Conflict(TOO_FEW)
    q = workshops.questionnaire(workshop)
    if kind == "answers":
        table = answers_table(
            workshop.id,
            q,
            workshop.sections,
            workshop.held_on,
            [Participant(a, p.workshop_role) for p, a in people],
            workshop.k,
        )
    else:
        counts, version = workshops.counts_and_version(workshop)
        table = aggregates_table(workshop.id, workshops.reading(workshop, version))
    audit.record(
        by,
        AuditAction.EXPORTED,
        organisation_id=workshop.organisation_id,
        detail=f"workshop {workshop.id} {filename}",
        commit=True,
    )
    return table


# Before/after -------------------------------------------------------------------------------


def follow(workshop: Workshop, start_id: int | None) -> None:
    """Make `workshop` the end of the training that `start_id` began (None unlinks). The start
    must be another workshop of the same organisation on the same questionnaire, itself the
    start of nothing else. Conflict(PAIRED) once participants have chosen pairing codes here
    (their codes were hashed for the pair as it was) or when another workshop follows this one."""
    codes = db.session.scalar(
        select(func.count(Assessment.id)).where(
            Assessment.workshop_id == workshop.id, Assessment.pair_hash.is_not(None)
        )
    )
    followed = db.session.scalar(
        select(func.count(Workshop.id)).where(Workshop.follows_id == workshop.id)
    )
    if codes or followed:
        raise Conflict(PAIRED)
    if start_id is None:
        workshop.follows_id = None
    else:
        start = db.session.get(Workshop, start_id)
        if (
            start is None
            or start.id == workshop.id
            or start.organisation_id != workshop.organisation_id
            or start.questionnaire_id != workshop.questionnaire_id
            or start.follows_id is not None
        ):
            raise Invalid("start")
        workshop.follows_id = start.id
    db.session.commit()


def starts(workshop: Workshop) -> list[Workshop]:
    query = select(Workshop).where(
        Workshop.organisation_id == workshop.organisation_id,
        Workshop.id != workshop.id,
        Workshop.questionnaire_id == workshop.questionnaire_id,
    )
    found = db.session.scalars(query.order_by(Workshop.created_at.desc(), Workshop.id.desc()))
    return [w for w in found if w.follows_id is None]


def _scope(workshop: Workshop) -> int:
    """The pair of workshops a code belongs to, named by the start's id: the start itself,
    or the workshop it follows."""
    return workshop.follows_id or workshop.id


def pair_hash(scope: int, code: str) -> str:
    """A keyed hash (HMAC-SHA256 with the app's secret key) of the code, scoped to the pair
    of workshops: the same code in another training gives another hash, and the code cannot
    be read back from what is stored."""
    key = current_app.config["SECRET_KEY"]
    key = key.encode() if isinstance(key, str) else key
    message = f"workshop-pair:{scope}:{code}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def normalise_pair_code(text: str | None) -> str | None:
    code = " ".join((text or "").split()).casefold()
    return code if PAIR_CODE_MIN <= len(code) <= PAIR_CODE_MAX else None


def set_pair_code(assessment: Assessment, text: str) -> None:
    """Store the keyed hash of the participant's own pairing code. Invalid("code") when too
    short or long; Conflict(PAIR_TAKEN) when another participant of the workshop chose it."""
    workshop = assessment.workshop
    if workshop is None:
        raise NotFound()
    code = normalise_pair_code(text)
    if code is None:
        raise Invalid("code")
    digest = pair_hash(_scope(workshop), code)
    taken = db.session.scalar(
        select(func.count(Assessment.id)).where(
            Assessment.workshop_id == workshop.id,
            Assessment.pair_hash == digest,
            Assessment.id != assessment.id,
        )
    )
    if taken:
        raise Conflict(PAIR_TAKEN)
    assessment.pair_hash = digest
    db.session.commit()


def change(workshop: Workshop) -> tuple[Workshop, list[Change], int]:
    """(the start, the change per dimension, k) for a workshop that follows another.
    NotFound when it follows none."""
    if workshop.follows_id is None:
        raise NotFound()
    start = db.session.get(Workshop, workshop.follows_id)
    q = workshops.questionnaire(workshop)
    plan = Plan(q)
    sections = [s for s in workshop.sections if s in start.sections]
    dims, _items = covered(q, sections)
    k = max(workshop.k, start.k)

    def scores(w: Workshop) -> dict[int, tuple[str | None, dict]]:
        return {
            p.id: (p.pair_hash, read_person(plan, a.answers).dimensions)
            for p, a in _participants(w)
            if a.answers
        }

    first, last = scores(start), scores(workshop)
    by_hash = {h: s for h, s in first.values() if h}
    pairs = [(by_hash[h], s) for h, s in last.values() if h and h in by_hash]
    result = compare(
        dims, [s for _h, s in first.values()], [s for _h, s in last.values()], pairs, k
    )
    return start, result, k
