"""Organisation use cases: organisations, teams, moving people, claiming an assessment into a
team, and what a person holds (their grants). People's roles and removals: `people.py`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from ..core.audit import AuditAction
from ..core.permissions import ANONYMOUS, Action, Grants, Resource, Role, allowed
from ..extensions import db
from ..models.account import User
from ..models.assessment import Assessment, utcnow
from ..models.organisation import (
    Invitation,
    Membership,
    Organisation,
    OrganisationRole,
    Team,
)
from . import accounts, audit
from .errors import Conflict, Invalid, NotFound

NAME_MAX = 200
INVALID_NAME = "invalid_name"


def _name(raw: str) -> str:
    name = (raw or "").strip()
    if not name or len(name) > NAME_MAX or "\x00" in name:
        raise Invalid(INVALID_NAME)
    return name


def grants_for(user: User | None) -> Grants:
    """Everything `user` holds, for the core's access decision (ANONYMOUS for nobody)."""
    if user is None:
        return ANONYMOUS
    roles = db.session.execute(
        select(OrganisationRole.organisation_id, OrganisationRole.role).where(
            OrganisationRole.user_id == user.id
        )
    )
    teams = db.session.execute(
        select(Team.organisation_id, Team.id)
        .join(Membership, Membership.team_id == Team.id)
        .where(Membership.user_id == user.id)
    )
    return Grants(
        signed_in=True,
        admin=user.admin,
        roles=frozenset((org, Role(role)) for org, role in roles),
        teams=frozenset((org, team) for org, team in teams),
    )


def create_organisation(name: str) -> Organisation:
    """A new organisation (administrators); Conflict if the name is taken."""
    name = _name(name)
    if db.session.scalar(select(Organisation.id).where(Organisation.name == name)):
        raise Conflict()
    organisation = Organisation(name=name)
    db.session.add(organisation)
    db.session.commit()
    return organisation


def get(organisation_id: int) -> Organisation:
    """The organisation with this id, or NotFound."""
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        raise NotFound()
    return organisation


def listed_for(grants: Grants) -> list[Organisation]:
    """The organisations a person may see: all for an administrator, else their own."""
    query = select(Organisation).order_by(Organisation.name)
    if not grants.admin:
        query = query.where(Organisation.id.in_(grants.organisations()))
    return list(db.session.scalars(query))


def get_team(organisation: Organisation, team_id: int) -> Team:
    """A team of this organisation, or NotFound (also for another organisation's team)."""
    team = db.session.get(Team, team_id)
    if team is None or team.organisation_id != organisation.id:
        raise NotFound()
    return team


def get_team_by_id(team_id: int) -> Team:
    """A team by its id alone, or NotFound (for a use case that already checked access)."""
    team = db.session.get(Team, team_id)
    if team is None:
        raise NotFound()
    return team


def create_team(organisation: Organisation, name: str, *, by: User | None = None) -> Team:
    """A new team in the organisation; Conflict if it already has one of that name."""
    name = _name(name)
    taken = select(Team.id).where(Team.organisation_id == organisation.id, Team.name == name)
    if db.session.scalar(taken):
        raise Conflict()
    team = Team(organisation_id=organisation.id, name=name)
    db.session.add(team)
    audit.record(by, AuditAction.TEAM_CREATED, organisation_id=organisation.id, detail=name)
    db.session.commit()
    return team


def join(user_id: int, team_id: int) -> None:
    exists = select(Membership.id).where(
        Membership.user_id == user_id, Membership.team_id == team_id
    )
    if db.session.scalar(exists) is None:
        db.session.add(Membership(user_id=user_id, team_id=team_id))


def grant(user_id: int, organisation_id: int, role: Role) -> None:
    exists = select(OrganisationRole.id).where(
        OrganisationRole.user_id == user_id,
        OrganisationRole.organisation_id == organisation_id,
        OrganisationRole.role == role,
    )
    if db.session.scalar(exists) is None:
        db.session.add(
            OrganisationRole(user_id=user_id, organisation_id=organisation_id, role=role)
        )


def person(organisation: Organisation, user_id: int) -> User:
    """A person of the organisation (any role or team); NotFound for anybody else."""
    user = db.session.get(User, user_id)
    if user is None or organisation.id not in grants_for(user).organisations():
        raise NotFound()
    return user


def move_person(
    organisation: Organisation,
    user: User,
    to_team: Team,
    from_team: Team | None = None,
    *,
    by: User | None = None,
) -> None:
    """Put a person of the organisation into `to_team`, out of `from_team` if given.

    Raises NotFound for a team or person outside the organisation, Conflict when the person
    is not in `from_team`."""
    person(organisation, user.id)
    for team in (to_team, from_team):
        if team is not None and team.organisation_id != organisation.id:
            raise NotFound()
    if from_team is not None:
        left = db.session.execute(
            delete(Membership).where(
                Membership.user_id == user.id, Membership.team_id == from_team.id
            )
        )
        if left.rowcount == 0:
            db.session.rollback()
            raise Conflict()
    join(user.id, to_team.id)
    moved = f"{from_team.name} → {to_team.name}" if from_team else f"→ {to_team.name}"
    audit.record(by, AuditAction.MOVED, organisation_id=organisation.id, target=user, detail=moved)
    db.session.commit()


@dataclass(frozen=True)
class Overview:
    """An organisation's teams with their members, its managers and trainers, open invitations."""

    teams: list[tuple[Team, list[User]]]
    roles: list[tuple[User, str]]
    invitations: list[Invitation]


def overview(organisation: Organisation) -> Overview:
    """What the organisation page lists (three queries whatever the size)."""
    teams = list(organisation.teams)
    rows = db.session.execute(
        select(Membership.team_id, User)
        .join(User, User.id == Membership.user_id)
        .join(Team, Team.id == Membership.team_id)
        .where(Team.organisation_id == organisation.id)
        .order_by(User.email)
    )
    members: dict[int, list[User]] = {team.id: [] for team in teams}
    for team_id, user in rows:
        members[team_id].append(user)
    roles = db.session.execute(
        select(User, OrganisationRole.role)
        .join(OrganisationRole, OrganisationRole.user_id == User.id)
        .where(OrganisationRole.organisation_id == organisation.id)
        .order_by(User.email)
    )
    invitations = db.session.scalars(
        select(Invitation)
        .where(Invitation.organisation_id == organisation.id, Invitation.accepted_at.is_(None))
        .order_by(Invitation.created_at)
    )
    open_ones = [i for i in invitations if accounts.aware(i.expires_at) >= utcnow()]
    return Overview([(t, members[t.id]) for t in teams], [tuple(r) for r in roles], open_ones)


def teams_of(user: User) -> list[Team]:
    """The teams a person belongs to, across organisations."""
    query = (
        select(Team)
        .join(Membership, Membership.team_id == Team.id)
        .where(Membership.user_id == user.id)
        .order_by(Team.name)
    )
    return list(db.session.scalars(query))


def claimable_teams(user: User) -> list[Team]:
    """The teams `user` may file an assessment under: their own, and every team of the
    organisations they manage."""
    grants = grants_for(user)
    managed = [org for org, role in grants.roles if role is Role.MANAGER]
    own = [team for _org, team in grants.teams]
    query = select(Team).where(Team.id.in_(own) | Team.organisation_id.in_(managed))
    return list(db.session.scalars(query.order_by(Team.name)))


def team_assessments(team: Team) -> list[Assessment]:
    """The assessments claimed into a team, newest first."""
    query = select(Assessment).where(Assessment.team_id == team.id)
    return list(db.session.scalars(query.order_by(Assessment.created_at.desc())))


@dataclass(frozen=True)
class Filing:
    """Where an assessment stands for the person reading it: filed under a team (`team` when
    it is theirs), or what they could do (`teams` they may file it under)."""

    filed: bool
    team: Team | None
    teams: list[Team]


def filing(assessment: Assessment, user: User | None) -> Filing:
    """What the results page offers about teams (reads only)."""
    if assessment.team_id is not None:
        mine = user is not None and assessment.owner_id == user.id
        return Filing(True, db.session.get(Team, assessment.team_id) if mine else None, [])
    return Filing(False, None, claimable_teams(user) if user is not None else [])


def claim(assessment: Assessment, user: User, team_id: int) -> None:
    """File an assessment (reached through its private link) under `user` and one of their
    teams. Raises NotFound for a team that is not theirs, Conflict when someone else owns it."""
    team = db.session.get(Team, team_id)
    if team is None or not allowed(
        grants_for(user), Action.CLAIM_ASSESSMENT, Resource(team.organisation_id, team.id)
    ):
        raise NotFound()
    if assessment.owner_id is not None and assessment.owner_id != user.id:
        raise Conflict()
    assessment.owner_id, assessment.team_id = user.id, team.id
    audit.record(
        user,
        AuditAction.ASSESSMENT_CLAIMED,
        organisation_id=team.organisation_id,
        detail=f"{assessment.id} → {team.name}",
    )
    db.session.commit()
