"""Consensus rounds of a workshop: the trainer opens a re-vote on one statement, participants
re-answer it once each, the trainer closes it and records the score the room agreed on."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..core import consensus
from ..core.answers import DONT_KNOW, NOT_APPLICABLE, decode_value
from ..core.group import ItemDistribution, covered
from ..core.questionnaire import ItemKind
from ..extensions import db
from ..models.assessment import Answer, Assessment, utcnow
from ..models.workshop import Agreement, Revote, RevoteAnswer, Workshop, WorkshopState
from .errors import Conflict, Invalid, NotFound
from .workshops import _changed, questionnaire

# Conflict reasons the pages word.
WORKSHOP_NOT_OPEN, REVOTE_OPEN, ALREADY_REVOTED, NO_REVOTE = (
    "workshop_not_open",
    "revote_open",
    "already_revoted",
    "no_revote",
)
VALUES = {str(v) for v in range(1, 6)} | {DONT_KNOW, NOT_APPLICABLE}


@dataclass(frozen=True)
class Round:
    """A statement's two rounds, each None when fewer than k people rated it."""

    item_id: str
    open: bool
    answered: int  # how many people answered the re-vote so far (a count, never who)
    first: ItemDistribution | None
    second: ItemDistribution | None
    movement: consensus.Movement | None


def _rated_items(workshop: Workshop) -> list[str]:
    return covered(questionnaire(workshop), workshop.sections)[1]


def open_revote(workshop: Workshop, item_id: str) -> Revote:
    """A re-vote on one rated statement of the workshop, its first round kept as it stands."""
    if workshop.state != WorkshopState.OPEN:
        raise Conflict(WORKSHOP_NOT_OPEN)
    if item_id not in _rated_items(workshop):
        raise Invalid("item")
    if current(workshop) is not None:
        raise Conflict(REVOTE_OPEN)
    if db.session.scalar(
        select(Revote.id).where(Revote.workshop_id == workshop.id, Revote.item_id == item_id)
    ):
        raise Conflict(ALREADY_REVOTED)
    values = db.session.scalars(
        select(Answer.value)
        .join(Assessment, Assessment.id == Answer.assessment_id)
        .where(Assessment.workshop_id == workshop.id, Answer.item_id == item_id)
    )
    first = consensus.distribution(item_id, (decode_value(v) for v in values))
    revote = Revote(
        workshop_id=workshop.id, item_id=item_id, first_round=consensus.to_counts(first)
    )
    db.session.add(revote)
    _changed(workshop)
    return revote


def current(workshop: Workshop) -> Revote | None:
    """The re-vote the room is answering now, if any (at most one at a time)."""
    return db.session.scalar(
        select(Revote).where(Revote.workshop_id == workshop.id, Revote.closed_at.is_(None))
    )


def revoted(workshop: Workshop) -> set[str]:
    """The statements already re-voted (each is re-voted once)."""
    query = select(Revote.item_id).where(Revote.workshop_id == workshop.id)
    return set(db.session.scalars(query))


def close_revote(workshop: Workshop) -> Revote:
    revote = current(workshop)
    if revote is None:
        raise Conflict(NO_REVOTE)
    revote.closed_at = utcnow()
    _changed(workshop)
    return revote


def my_answer(revote: Revote, assessment: Assessment) -> str | None:
    return db.session.scalar(
        select(RevoteAnswer.value).where(
            RevoteAnswer.revote_id == revote.id, RevoteAnswer.assessment_id == assessment.id
        )
    )


def answer(assessment: Assessment, value: str) -> Revote:
    """A participant's answer to the open re-vote: once each, a second answer (double
    submission, a refresh, a change of mind) replaces the first."""
    workshop = assessment.workshop
    if workshop is None:
        raise NotFound()
    if workshop.state != WorkshopState.OPEN:
        raise Conflict(WORKSHOP_NOT_OPEN)
    revote = current(workshop)
    if revote is None:
        raise Conflict(NO_REVOTE)
    if value not in VALUES:
        raise Invalid("value")
    query = select(RevoteAnswer).where(
        RevoteAnswer.revote_id == revote.id, RevoteAnswer.assessment_id == assessment.id
    )
    for _attempt in range(2):  # two tabs at once: the loser of the race updates instead
        found = db.session.scalar(query)
        if found is not None:
            found.value = value
            found.updated_at = utcnow()
        else:
            db.session.add(
                RevoteAnswer(revote_id=revote.id, assessment_id=assessment.id, value=value)
            )
        try:
            db.session.commit()
            return revote
        except IntegrityError:
            db.session.rollback()
    raise Conflict(NO_REVOTE)


def rounds(workshop: Workshop) -> list[Round]:
    """Every re-vote of the workshop with both rounds (k applied to each), oldest first."""
    revotes = list(
        db.session.scalars(
            select(Revote).where(Revote.workshop_id == workshop.id).order_by(Revote.id)
        )
    )
    found = []
    for revote in revotes:
        values = list(
            db.session.scalars(
                select(RevoteAnswer.value).where(RevoteAnswer.revote_id == revote.id)
            )
        )
        first = consensus.from_counts(revote.item_id, revote.first_round)
        second = consensus.distribution(revote.item_id, (decode_value(v) for v in values))
        first_shown, second_shown = (
            consensus.shown(first, workshop.k),
            consensus.shown(second, workshop.k),
        )
        moved = (
            consensus.movement(first_shown, second_shown) if first_shown and second_shown else None
        )
        found.append(
            Round(
                revote.item_id,
                revote.closed_at is None,
                len(values),
                first_shown,
                second_shown,
                moved,
            )
        )
    return found


def record_agreement(
    workshop: Workshop, subject: str, score: object, rationale: str, dissent: str | None
) -> Agreement:
    """The room's agreed score on a statement ("item:<id>", 1-5) or a dimension
    ("dimension:<id>", 0-100), replacing any recorded before; Invalid names what is wrong."""
    if workshop.state == WorkshopState.DRAFT:
        raise Conflict(WORKSHOP_NOT_OPEN)
    kind, _sep, target = (subject or "").partition(":")
    dims, items = covered(questionnaire(workshop), workshop.sections)
    known = {"item": items, "dimension": dims}.get(kind, [])
    problems = [] if target in known else ["subject"]
    problems += [
        p for p in consensus.agreement_problems(kind, score, rationale, dissent) if p != "kind"
    ]
    if problems:
        raise Invalid(*problems)
    agreement = db.session.scalar(
        select(Agreement).where(Agreement.workshop_id == workshop.id, Agreement.subject == target)
    )
    if agreement is None:
        agreement = Agreement(workshop_id=workshop.id, subject=target)
        db.session.add(agreement)
    agreement.kind, agreement.score = kind, score
    agreement.rationale = rationale.strip()
    agreement.dissent = (dissent or "").strip() or None
    agreement.recorded_at = utcnow()
    _changed(workshop)
    return agreement


def agreements(workshop: Workshop) -> dict[str, Agreement]:
    """The agreed scores by statement or dimension id."""
    rows = db.session.scalars(select(Agreement).where(Agreement.workshop_id == workshop.id))
    return {a.subject: a for a in rows}


def subjects(workshop: Workshop) -> list[tuple[str, str]]:
    """(kind, id) of everything a score may be agreed on: the dimensions, then the statements."""
    q = questionnaire(workshop)
    dims, items = covered(q, workshop.sections)
    rated = [i for i in items if q.item(i).kind is ItemKind.RATED]
    return [("dimension", d) for d in dims] + [("item", i) for i in rated]
