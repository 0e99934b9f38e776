"""People of an organisation: change a person's role, take them out of a team or out of the
organisation. Each refuses what would leave the organisation without a manager."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from ..core.audit import AuditAction
from ..core.permissions import (
    ORGANISATION_ROLES,
    PERSON_ROLES,
    Role,
    may_manage_person,
    person_role,
)
from ..extensions import db
from ..models.account import User
from ..models.organisation import Membership, Organisation, OrganisationRole, Team
from . import audit, organisations
from .errors import Conflict, Forbidden, Invalid, NotFound

LAST_MANAGER = "last_manager"


def role_of(organisation: Organisation, user: User) -> Role:
    """The person's role in the organisation: manager, trainer or member."""
    return person_role(organisations.grants_for(user), organisation.id)


def _managers(organisation: Organisation) -> int:
    query = select(func.count()).where(
        OrganisationRole.organisation_id == organisation.id,
        OrganisationRole.role == Role.MANAGER,
    )
    return db.session.scalar(query) or 0


def _check(organisation: Organisation, user: User, by: User, *, leaves_manager: bool) -> None:
    """Forbidden for a fellow manager or an administrator (unless `by` is an administrator);
    Conflict when it would take away the organisation's last manager (unless `by` is one)."""
    organisations.person(organisation, user.id)
    target = organisations.grants_for(user)
    if not may_manage_person(
        organisations.grants_for(by), target, organisation.id, itself=by.id == user.id
    ):
        raise Forbidden()
    is_manager = (organisation.id, Role.MANAGER) in target.roles
    if leaves_manager and is_manager and _managers(organisation) <= 1 and not by.admin:
        raise Conflict(LAST_MANAGER)


def set_role(organisation: Organisation, user: User, role: Role, *, by: User) -> None:
    """Make `user` a member (teams only), a trainer or a manager of the organisation.

    Raises Invalid for another role, NotFound for somebody outside the organisation,
    Forbidden for a fellow manager, Conflict for the last manager stepping down."""
    if role not in PERSON_ROLES:
        raise Invalid()
    before = role_of(organisation, user)
    _check(organisation, user, by, leaves_manager=role is not Role.MANAGER)
    if before is role:
        return
    db.session.execute(
        delete(OrganisationRole).where(
            OrganisationRole.user_id == user.id,
            OrganisationRole.organisation_id == organisation.id,
            OrganisationRole.role.in_(ORGANISATION_ROLES),
        )
    )
    if role in ORGANISATION_ROLES:
        organisations.grant(user.id, organisation.id, role)
    audit.record(
        by,
        AuditAction.ROLE_CHANGED,
        organisation_id=organisation.id,
        target=user,
        detail=f"{before} → {role}",
    )
    db.session.commit()


def remove_from_team(organisation: Organisation, user: User, team: Team, *, by: User) -> None:
    """Take a person out of one team of the organisation; their assessments stay with it.

    Raises NotFound for a person or team outside the organisation, Conflict when the person
    is not in that team."""
    organisations.person(organisation, user.id)
    if team.organisation_id != organisation.id:
        raise NotFound()
    left = db.session.execute(
        delete(Membership).where(Membership.user_id == user.id, Membership.team_id == team.id)
    )
    if left.rowcount == 0:
        db.session.rollback()
        raise Conflict()
    audit.record(
        by,
        AuditAction.REMOVED_FROM_TEAM,
        organisation_id=organisation.id,
        target=user,
        detail=team.name,
    )
    db.session.commit()


def remove_from_organisation(organisation: Organisation, user: User, *, by: User) -> None:
    """Take a person out of every team and role of the organisation. The assessments they
    filed stay with their teams (the organisation's results); the account itself stays.

    Same refusals as `set_role`."""
    _check(organisation, user, by, leaves_manager=True)
    teams = select(Team.id).where(Team.organisation_id == organisation.id)
    db.session.execute(
        delete(Membership).where(Membership.user_id == user.id, Membership.team_id.in_(teams))
    )
    db.session.execute(
        delete(OrganisationRole).where(
            OrganisationRole.user_id == user.id,
            OrganisationRole.organisation_id == organisation.id,
        )
    )
    audit.record(
        by, AuditAction.REMOVED_FROM_ORGANISATION, organisation_id=organisation.id, target=user
    )
    db.session.commit()
