"""A person's rights over their data (GDPR, Québec's Law 25): everything stored about them,
and deleting their account, with their assessments kept anonymised or deleted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update

from ..core.audit import AuditAction
from ..extensions import db
from ..models.account import PasswordReset, User
from ..models.assessment import Assessment
from ..models.audit import DELETED_ACCOUNT
from ..models.organisation import Invitation, Membership, Organisation, OrganisationRole, Team
from . import audit, passwords, retention
from .errors import Conflict, Forbidden

LAST_ADMIN = "last_admin"
FORMAT = "roadmap-personal-data/1"


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def owned(user: User) -> list[Assessment]:
    """The assessments filed under the person's account, oldest first."""
    query = select(Assessment).where(Assessment.owner_id == user.id)
    return list(db.session.scalars(query.order_by(Assessment.created_at, Assessment.id)))


def _assessment(a: Assessment, team_names: dict[int, str]) -> dict[str, Any]:
    return {
        "id": a.id,
        "questionnaire": a.questionnaire_id,
        "questionnaire_version": a.questionnaire_version,
        "language": a.locale,
        "service_name": a.service_name,
        "role": a.role,
        "status": a.status,
        "team": team_names.get(a.team_id) if a.team_id else None,
        "created_at": _when(a.created_at),
        "updated_at": _when(a.updated_at),
        "submitted_at": _when(a.submitted_at),
        "answers": {answer.item_id: answer.value for answer in a.answers},
        "reflections": {r.item_id: r.text for r in a.reflections},
    }


def _who(number: int | None, email: str | None, user: User) -> str:
    if number == user.id:
        return "you"
    if number == DELETED_ACCOUNT:
        return "deleted account"
    return email or "command line"


def export(user: User) -> dict[str, Any]:
    """Everything stored about the person, as plain JSON-ready values: account, teams and
    roles, their assessments with answers and reflections, invitations they sent or received,
    and the audit events about them. Recorded in the audit log (committed)."""
    organisations = dict(db.session.execute(select(Organisation.id, Organisation.name)).all())
    teams = {t.id: t for t in db.session.scalars(select(Team))}
    team_names = {i: t.name for i, t in teams.items()}
    memberships = db.session.scalars(select(Membership).where(Membership.user_id == user.id))
    roles = db.session.scalars(select(OrganisationRole).where(OrganisationRole.user_id == user.id))
    sent_or_received = db.session.scalars(
        select(Invitation)
        .where((Invitation.invited_by_id == user.id) | (Invitation.email == user.email))
        .order_by(Invitation.created_at)
    )
    data = {
        "format": FORMAT,
        "account": {
            "id": user.id,
            "email": user.email,
            "name": user.name,
            "administrator": user.admin,
            "active": user.active,
            "created_at": _when(user.created_at),
            "last_sign_in_at": _when(user.last_login_at),
            "password": "stored as an Argon2 hash only" if user.password_hash else None,
        },
        "teams": [
            {
                "organisation": organisations.get(teams[m.team_id].organisation_id),
                "team": team_names[m.team_id],
                "since": _when(m.created_at),
            }
            for m in memberships
        ],
        "organisation_roles": [
            {"organisation": organisations.get(r.organisation_id), "role": r.role} for r in roles
        ],
        "assessments": [_assessment(a, team_names) for a in owned(user)],
        "invitations": [
            {
                "sent_by_you": i.invited_by_id == user.id,
                "email": i.email,
                "organisation": organisations.get(i.organisation_id),
                "team": team_names.get(i.team_id) if i.team_id else None,
                "role": i.role,
                "created_at": _when(i.created_at),
                "accepted_at": _when(i.accepted_at),
            }
            for i in sent_or_received
        ],
        "audit_events": [
            {
                "at": _when(e.at),
                "action": e.action,
                "organisation": organisations.get(e.organisation_id),
                "by": _who(e.actor_id, e.actor_email, user),
                "about": _who(e.target_id, e.target_email, user)
                if (e.target_id or e.target_email)
                else None,
                "detail": e.detail,
            }
            for e in audit.about(user)
        ],
    }
    audit.record(user, AuditAction.DATA_DOWNLOADED, target=user, commit=True)
    return data


def last_admin(user: User) -> bool:
    """Whether the person is the installation's only active administrator."""
    if not (user.admin and user.active):
        return False
    others = select(func.count()).where(User.admin.is_(True), User.active.is_(True))
    return (db.session.scalar(others) or 0) <= 1


def erase(user: User, *, keep_assessments: bool, by_self: bool = False) -> None:
    """Delete an account (not committed): its assessments stay with their teams without an
    owner (`keep_assessments`) or are deleted; teams, roles and links go with it; the audit
    log keeps its events without its address, and each of its organisations gets one saying
    a deleted account left (`by_self`: by its own hand, else by the purge)."""
    from .organisations import grants_for

    ids = [a.id for a in owned(user)]
    where = sorted(grants_for(user).organisations()) or [None]
    if keep_assessments:
        db.session.execute(
            update(Assessment).where(Assessment.owner_id == user.id).values(owner_id=None)
        )
    else:
        retention.delete_ids(ids)
    kept = f"{len(ids)} kept anonymised" if keep_assessments else f"{len(ids)} deleted"
    audit.forget(user)
    for organisation_id in where:
        event = audit.record(
            None, AuditAction.ACCOUNT_DELETED, organisation_id=organisation_id, detail=kept
        )
        event.target_id = DELETED_ACCOUNT
        event.actor_id = DELETED_ACCOUNT if by_self else None
    # Children first (SQLite cascades only with its foreign_keys pragma on).
    for model in (Membership, OrganisationRole, PasswordReset):
        db.session.execute(delete(model).where(model.user_id == user.id))
    db.session.execute(
        update(Invitation).where(Invitation.invited_by_id == user.id).values(invited_by_id=None)
    )
    db.session.execute(delete(User).where(User.id == user.id))
    db.session.expire_all()


def delete_account(user: User, password: str, *, keep_assessments: bool) -> None:
    """The person deletes their own account after typing their password again.

    Raises Forbidden for a wrong password, Conflict(LAST_ADMIN) for the installation's only
    administrator."""
    if not passwords.verify(user.password_hash, password):
        raise Forbidden()
    if last_admin(user):
        raise Conflict(LAST_ADMIN)
    erase(user, keep_assessments=keep_assessments, by_self=True)
    db.session.commit()


def remove_account(user: User, *, keep_assessments: bool) -> None:
    """An administrator deletes an account from the command line; Conflict(LAST_ADMIN) for
    the installation's only administrator."""
    if last_admin(user):
        raise Conflict(LAST_ADMIN)
    erase(user, keep_assessments=keep_assessments)
    db.session.commit()
