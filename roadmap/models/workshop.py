"""Workshops that trainers run: a join code, what they cover, their state. Data only.

Participants' answers are ordinary assessments carrying the workshop's id and a role tag."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .assessment import utcnow


class WorkshopState(StrEnum):
    """A workshop is prepared (draft), taken answers (open), then closed."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Workshop(db.Model):
    """A capacity-building session of an organisation, run by one of its trainers."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[int]
    # Lists of ids, in questionnaire order: the sections answered, those shown to the room.
    sections: Mapped[list[str]] = mapped_column(JSON)
    revealed: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON)
    role_tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    held_on: Mapped[date | None] = mapped_column(Date)
    k: Mapped[int] = mapped_column(default=5)
    # Six characters of an alphabet without 0/O/1/I/L; unique, so never shared by two open ones.
    code: Mapped[str] = mapped_column(String(6), unique=True)
    state: Mapped[str] = mapped_column(String(20), default=WorkshopState.DRAFT)
    # The workshop this one follows (the start of the same training): before/after.
    follows_id: Mapped[int | None] = mapped_column(ForeignKey("workshop.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Bumped on every change the room sees (state, reveal): part of the live data's ETag.
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Revote(db.Model):
    """A consensus round on one statement of a workshop, opened after the room discussed it.

    The first round stays in the participants' answers, and is also kept here as it stood when
    the re-vote opened (counts of 1-5, don't know, doesn't apply), so both distributions last."""

    __table_args__ = (UniqueConstraint("workshop_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(64))
    first_round: Mapped[list[int]] = mapped_column(JSON)  # 1..5, don't know, doesn't apply
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RevoteAnswer(db.Model):
    """One participant's answer in a re-vote: once each (a second one replaces the first)."""

    __table_args__ = (UniqueConstraint("revote_id", "assessment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    revote_id: Mapped[int] = mapped_column(ForeignKey("revote.id", ondelete="CASCADE"), index=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    value: Mapped[str] = mapped_column(String(20))  # "1".."5", "dont_know", "not_applicable"
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class Agreement(db.Model):
    """The score the room agreed on for a statement (1-5) or a dimension (0-100), why, and
    any dissent; one per subject and workshop (recording again replaces it)."""

    __table_args__ = (UniqueConstraint("workshop_id", "subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # "item" | "dimension"
    subject: Mapped[str] = mapped_column(String(64))  # item id or dimension id
    score: Mapped[int]
    rationale: Mapped[str] = mapped_column(String(200))
    dissent: Mapped[str | None] = mapped_column(String(300))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
