"""Workshops that trainers run: a join code, what they cover, their state. Data only.

Participants' answers are ordinary assessments carrying the workshop's id and a role tag."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String
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
