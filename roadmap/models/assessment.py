"""Database models: assessments with their answers and reflections. Data only, no behaviour."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..core.status import AssessmentStatus
from ..extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class Assessment(db.Model):
    """One self-assessment, reachable only through its unguessable resume token."""

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    questionnaire_id: Mapped[str] = mapped_column(String(64))
    questionnaire_version: Mapped[int]
    locale: Mapped[str] = mapped_column(String(8))
    service_name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default=AssessmentStatus.IN_PROGRESS)
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("assessment.id", ondelete="SET NULL")
    )
    # Claimed into an account and one of its teams; both empty for an anonymous assessment.
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), index=True
    )
    # A participant's answers in a workshop, and the role tag they chose there.
    workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    workshop_role: Mapped[str | None] = mapped_column(String(40))
    # Typed in by the trainer from a paper form (counted like the others, shown as a count).
    typed_in: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Keyed hash of the code the participant chose to pair this answer with their answer in
    # the linked workshop (before/after); never the code itself.
    pair_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    answers: Mapped[list[Answer]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", passive_deletes=True
    )
    reflections: Mapped[list[Reflection]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", passive_deletes=True
    )
    previous: Mapped[Assessment | None] = relationship(remote_side=[id])
    workshop: Mapped[Workshop | None] = relationship()  # noqa: F821 (models.workshop)


class Answer(db.Model):
    """A rated value ("1".."5"), an option id, or "dont_know" / "not_applicable"."""

    __table_args__ = (UniqueConstraint("assessment_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    assessment: Mapped[Assessment] = relationship(back_populates="answers")


class Reflection(db.Model):
    """A free-text answer to a reflection question."""

    __table_args__ = (UniqueConstraint("assessment_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    assessment: Mapped[Assessment] = relationship(back_populates="reflections")
