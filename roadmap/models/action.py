"""Action plans: the actions a team records on its results page. Data only."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..core.actions import ACTION_MAX, OWNER_MAX, ActionStatus
from ..extensions import db
from .assessment import utcnow


class ActionItem(db.Model):
    """One row of an assessment's action plan; rows print in `position` order."""

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    action: Mapped[str] = mapped_column(String(ACTION_MAX))
    owner: Mapped[str | None] = mapped_column(String(OWNER_MAX))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.NOT_STARTED)
    # The recommended method the action carries out (an id of the questionnaire's file).
    recommendation_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
