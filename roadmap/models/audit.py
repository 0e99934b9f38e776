"""The audit log: who did what to people or data, and when. Data only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .assessment import utcnow

DELETED_ACCOUNT = 0  # account numbers start at 1


class AuditEvent(db.Model):
    """One event. Actor and target are kept by account number (not a foreign key, so the
    event outlives the account) with the e-mail address they had then. Deleting an account
    turns its number into DELETED_ACCOUNT and clears its address in every event, which then
    reads "deleted account" (and a later account given the same number inherits nothing).
    No actor at all means the command line (or the purge)."""

    __table_args__ = (Index("ix_audit_event_organisation_id_at", "organisation_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(40))
    # Events of an organisation are seen by its managers; without one, administrators only.
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE")
    )
    actor_id: Mapped[int | None] = mapped_column(index=True)
    actor_email: Mapped[str | None] = mapped_column(String(254))
    target_id: Mapped[int | None] = mapped_column(index=True)
    target_email: Mapped[str | None] = mapped_column(String(254))
    # A short fact: a role, a team's name, a file format; never answers or free text.
    detail: Mapped[str | None] = mapped_column(String(200))
