"""Forgetting assessments: deletion from the private link, and purging lapsed links."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete as sql_delete
from sqlalchemy import select

from ..extensions import db
from ..models.action import ActionItem
from ..models.assessment import Answer, Assessment, Reflection
from ..models.ledger import AssessmentSnapshot
from . import reports


def delete(assessment: Assessment) -> None:
    """Delete an assessment with its answers, reflections and action plan, for good.

    A later re-assessment started from it keeps its own copy of the answers; only its link
    to this one is cleared (the foreign key is ON DELETE SET NULL).
    """
    _delete_ids([assessment.id])
    db.session.commit()


def lapsed_before(unused_for_days: int, now: datetime | None = None) -> datetime:
    """The moment before which a link unused since then no longer works."""
    if unused_for_days < 1:
        raise ValueError("unused_for_days must be at least 1: 0 would delete every assessment")
    return (now or datetime.now(UTC)) - timedelta(days=unused_for_days)


def lapsed_ids(unused_for_days: int, now: datetime | None = None) -> list[int]:
    """Ids of the assessments whose link has not been used for `unused_for_days` days."""
    cutoff = lapsed_before(unused_for_days, now)
    return list(db.session.scalars(select(Assessment.id).where(Assessment.updated_at < cutoff)))


def purge(unused_for_days: int, now: datetime | None = None) -> int:
    """Delete every assessment whose link has lapsed; returns how many were deleted."""
    ids = lapsed_ids(unused_for_days, now)
    for start in range(0, len(ids), 500):  # bounded IN lists, whatever the backlog
        _delete_ids(ids[start : start + 500])
    db.session.commit()
    return len(ids)


def _delete_ids(ids: list[int]) -> None:
    # Children first: the database cascades too, but SQLite does so only with its
    # foreign_keys pragma on, and an explicit order does not depend on it.
    db.session.execute(sql_delete(Answer).where(Answer.assessment_id.in_(ids)))
    db.session.execute(sql_delete(Reflection).where(Reflection.assessment_id.in_(ids)))
    db.session.execute(sql_delete(ActionItem).where(ActionItem.assessment_id.in_(ids)))
    db.session.execute(
        sql_delete(AssessmentSnapshot).where(AssessmentSnapshot.assessment_id.in_(ids))
    )
    db.session.execute(
        Assessment.__table__.update()
        .where(Assessment.previous_id.in_(ids))
        .values(previous_id=None)
    )
    db.session.execute(sql_delete(Assessment).where(Assessment.id.in_(ids)))
    db.session.expire_all()
    reports.forget(ids)  # their rendered PDFs, which hold the same answers and names
