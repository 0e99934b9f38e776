"""What the readiness ledger reads: a snapshot of each submitted assessment's scores. Data only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .assessment import utcnow


class AssessmentSnapshot(db.Model):
    """The core's scores of a submitted assessment (`core.ledger.snapshot_record`), stored when
    it is submitted or its answers change, so that the ledger never re-scores them."""

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
