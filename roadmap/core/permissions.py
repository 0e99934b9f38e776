"""Who may do what: one table of role × action, and a pure function deciding a request."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a person is. Member, trainer and manager hold within one organisation."""

    SIGNED_IN = "signed_in"  # every account, whatever else it holds
    MEMBER = "member"  # of a team (so of its organisation)
    TRAINER = "trainer"  # runs workshops for an organisation
    MANAGER = "manager"  # of an organisation
    ADMIN = "admin"  # of the installation


class Action(StrEnum):
    """What a route or a use case needs."""

    PUBLIC = "public"  # anyone, signed in or not (sign-in page, links by token)
    USE_ACCOUNT = "use_account"  # one's own account: password, teams, sign out
    CLAIM_ASSESSMENT = "claim_assessment"  # into a team of one's own
    VIEW_ORGANISATION = "view_organisation"  # its teams and people
    VIEW_TEAM_RESULTS = "view_team_results"
    EXPORT_RESULTS = "export_results"  # the organisation's scores, answers, JSON (managers)
    VIEW_LEDGER = "view_ledger"  # the organisation's readiness ledger and report
    INVITE = "invite"
    MANAGE_TEAMS = "manage_teams"  # create teams, move people between them
    RESET_PASSWORDS = "reset_passwords"  # make a reset link for a person of the organisation
    MANAGE_PEOPLE = "manage_people"  # change a person's role, take them out of the organisation
    VIEW_AUDIT_LOG = "view_audit_log"  # who invited, changed roles, exported or deleted what
    RUN_WORKSHOP = "run_workshop"
    ADMINISTER = "administer"  # organisations and accounts of the whole installation


# The roles a person is given in an organisation (by an invitation or a manager's change), from
# least to most: a member belongs to teams only; trainers and managers hold over the whole
# organisation. The one list of these names; `OrganisationRole.role` stores one of the last two.
PERSON_ROLES: tuple[Role, ...] = (Role.MEMBER, Role.TRAINER, Role.MANAGER)
ORGANISATION_ROLES: tuple[Role, ...] = (Role.TRAINER, Role.MANAGER)

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.SIGNED_IN: frozenset({Action.USE_ACCOUNT}),
    Role.MEMBER: frozenset(
        {Action.VIEW_ORGANISATION, Action.VIEW_TEAM_RESULTS, Action.CLAIM_ASSESSMENT}
    ),
    Role.TRAINER: frozenset({Action.VIEW_ORGANISATION, Action.RUN_WORKSHOP}),
    Role.MANAGER: frozenset(
        {
            Action.VIEW_ORGANISATION,
            Action.VIEW_TEAM_RESULTS,
            Action.EXPORT_RESULTS,
            Action.VIEW_LEDGER,
            Action.CLAIM_ASSESSMENT,
            Action.INVITE,
            Action.MANAGE_TEAMS,
            Action.RESET_PASSWORDS,
            Action.MANAGE_PEOPLE,
            Action.VIEW_AUDIT_LOG,
            Action.RUN_WORKSHOP,
        }
    ),
    Role.ADMIN: frozenset(Action) - {Action.PUBLIC},
}


@dataclass(frozen=True)
class Grants:
    """Everything a person holds: `roles` are (organisation id, role), `teams` are
    (organisation id, team id) memberships. None means nobody is signed in."""

    signed_in: bool = False
    admin: bool = False
    roles: frozenset[tuple[int, Role]] = field(default_factory=frozenset)
    teams: frozenset[tuple[int, int]] = field(default_factory=frozenset)

    def organisations(self) -> frozenset[int]:
        """The organisations the person belongs to in any role."""
        return frozenset(o for o, _r in self.roles) | frozenset(o for o, _t in self.teams)


ANONYMOUS = Grants()


@dataclass(frozen=True)
class Resource:
    """What an action is done to: an organisation, or one of its teams; nothing for actions
    on one's own account or the installation."""

    organisation_id: int | None = None
    team_id: int | None = None


def roles_in(grants: Grants, organisation_id: int, team_id: int | None) -> set[Role]:
    """The roles held over that organisation, or that team of it: a member's rights hold for
    their own teams only, a manager's and a trainer's for every team of the organisation."""
    held = {role for org, role in grants.roles if org == organisation_id}
    member_of = {team for org, team in grants.teams if org == organisation_id}
    if member_of and (team_id is None or team_id in member_of):
        held.add(Role.MEMBER)
    return held


def allowed(grants: Grants, action: Action, resource: Resource | None = None) -> bool:
    """Whether this person may do `action` to `resource`, by the table above."""
    if action is Action.PUBLIC:
        return True
    if not grants.signed_in:
        return False
    held = {Role.SIGNED_IN}
    if grants.admin:
        held.add(Role.ADMIN)
    resource = resource or Resource()
    if resource.organisation_id is not None:
        held |= roles_in(grants, resource.organisation_id, resource.team_id)
    else:
        # An action on no particular organisation (e.g. claiming into "one of my teams"): any
        # organisation-level role counts, and the service checks the team chosen.
        held |= {role for _o, role in grants.roles}
        if grants.teams:
            held.add(Role.MEMBER)
    return any(action in PERMISSIONS[role] for role in held)


def knows_of(grants: Grants, organisation_id: int) -> bool:
    """Whether the person may learn that the organisation exists (else refusals read 404)."""
    return grants.admin or organisation_id in grants.organisations()


def may_reset_password_of(grants: Grants, target: Grants, organisation_id: int) -> bool:
    """Whether a person may make a reset link for `target`, a person of the organisation: a
    link gives the account, so never for an administrator or a fellow manager unless the
    person is an administrator."""
    if not allowed(grants, Action.RESET_PASSWORDS, Resource(organisation_id)):
        return False
    return grants.admin or not _protected(target, organisation_id)


def _protected(target: Grants, organisation_id: int) -> bool:
    return target.admin or (organisation_id, Role.MANAGER) in target.roles


def may_manage_person(
    grants: Grants, target: Grants, organisation_id: int, *, itself: bool = False
) -> bool:
    """Whether a person may change `target`'s role or take them out of the organisation: a
    manager may not demote or remove a fellow manager (nor an administrator) unless the person
    is an administrator; a manager acting on themselves (`itself`) may (the service keeps the
    organisation's last manager)."""
    if not allowed(grants, Action.MANAGE_PEOPLE, Resource(organisation_id)):
        return False
    return grants.admin or itself or not _protected(target, organisation_id)


def person_role(target: Grants, organisation_id: int) -> Role:
    """The highest of PERSON_ROLES `target` holds in the organisation (MEMBER when none)."""
    held = {role for org, role in target.roles if org == organisation_id}
    return next((r for r in reversed(ORGANISATION_ROLES) if r in held), Role.MEMBER)
