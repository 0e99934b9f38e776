"""Forgetting: assessments deleted from the private link, lapsed links and accounts unused
for too long purged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete as sql_delete
from sqlalchemy import select

from ..core.audit import AuditAction
from ..extensions import db
from ..models.account import User
from ..models.action import ActionItem
from ..models.assessment import Answer, Assessment, Reflection
from ..models.ledger import AssessmentSnapshot
from ..models.organisation import Team
from . import audit, reports


def delete(assessment: Assessment, *, by: User | None = None) -> None:
    """Delete an assessment with its answers, reflections and action plan, for good; one filed
    under a team leaves an event in its organisation's audit log (`by`: who, if signed in).

    A later re-assessment started from it keeps its own copy of the answers; only its link
    to this one is cleared (the foreign key is ON DELETE SET NULL).
    """
    if assessment.team_id is not None:
        team = db.session.get(Team, assessment.team_id)
        audit.record(
            by,
            AuditAction.ASSESSMENT_DELETED,
            organisation_id=team.organisation_id if team else None,
            detail=str(assessment.id),
        )
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


def delete_ids(ids: list[int]) -> None:
    """Delete these assessments with their answers, reflections and PDFs (not committed)."""
    for start in range(0, len(ids), 500):  # bounded IN lists, whatever the backlog
        _delete_ids(ids[start : start + 500])


def unused_accounts(unused_for_days: int, now: datetime | None = None) -> list[User]:
    """Accounts nobody has signed in to (or, never used, created) for `unused_for_days` days;
    administrators are never among them (they are removed by hand)."""
    cutoff = lapsed_before(unused_for_days, now)
    last_used = db.func.coalesce(User.last_login_at, User.created_at)
    query = select(User).where(last_used < cutoff, User.admin.is_(False)).order_by(User.id)
    return list(db.session.scalars(query))


def purge_accounts(unused_for_days: int, now: datetime | None = None) -> int:
    """Delete every account unused for `unused_for_days` days, as its owner would with
    "keep my assessments, anonymised": their assessments stay with their teams without an
    owner. Returns how many accounts were deleted."""
    from . import rights

    gone = unused_accounts(unused_for_days, now)
    for user in gone:
        rights.erase(user, keep_assessments=True)
    if gone:
        audit.record(None, AuditAction.ACCOUNTS_PURGED, detail=str(len(gone)))
    db.session.commit()
    return len(gone)


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
