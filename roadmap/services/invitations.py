"""Invitation use cases: invite a person into an organisation, sign up or join from the link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from ..core.audit import AuditAction
from ..core.permissions import PERSON_ROLES, Role
from ..extensions import db
from ..models.account import User
from ..models.assessment import utcnow
from ..models.organisation import Invitation, Organisation, Team
from . import accounts, audit, organisations
from .delivery import Delivery, deliver, invitation_message
from .errors import Conflict, Forbidden, Invalid, NotFound

NEEDS_TEAM = "needs_team"


def invite(
    organisation: Organisation,
    email: str,
    role: Role,
    link_for: Callable[[str], str],
    *,
    team: Team | None = None,
    invited_by: User | None = None,
) -> Delivery:
    """Invite a person into the organisation (a member into `team`) with a one-time sign-up
    link, e-mailed when SMTP is configured, else handed back to be passed on."""
    address = accounts.normalise_email(email)
    if role not in PERSON_ROLES:
        raise Invalid()
    if role is Role.MEMBER and team is None:
        raise Invalid(NEEDS_TEAM)
    if team is not None and team.organisation_id != organisation.id:
        raise NotFound()
    days = int(current_app.config["INVITATION_DAYS"])
    token = accounts.new_token()
    db.session.add(
        Invitation(
            email=address,
            organisation_id=organisation.id,
            team_id=team.id if team else None,
            role=role,
            token_hash=accounts.token_hash(token),
            invited_by_id=invited_by.id if invited_by else None,
            expires_at=utcnow() + timedelta(days=days),
        )
    )
    # Nobody has this address yet as an account maybe: the event names the address alone.
    event = audit.record(
        invited_by, AuditAction.INVITED, organisation_id=organisation.id, detail=role.value
    )
    event.target_email = address
    db.session.commit()
    link = link_for(token)
    return deliver(address, invitation_message(link, organisation.name, days), link)


def invitation(token: str) -> Invitation:
    """The open invitation behind a link; NotFound for unknown, used and lapsed ones alike."""
    if not token or len(token) > 128:
        raise NotFound()
    found = db.session.scalar(
        select(Invitation).where(Invitation.token_hash == accounts.token_hash(token))
    )
    if (
        found is None
        or found.accepted_at is not None
        or accounts.aware(found.expires_at) < utcnow()
    ):
        raise NotFound()
    return found


def account_exists(email: str) -> bool:
    """Whether an account has this address (the invitation page asks to sign in first)."""
    return db.session.scalar(select(User.id).where(User.email == email)) is not None


def accept_invitation(
    token: str, *, user: User | None = None, password: str | None = None, name: str | None = None
) -> User:
    """Sign up from an invitation (with `password`), or join with an account already signed
    in (`user`, whose address must be the invited one); the link then stops working.

    Raises NotFound for a dead link, Conflict when the address already has an account and
    nobody is signed in, Forbidden when the signed-in account is not the invited one."""
    found = invitation(token)
    if user is None:
        if account_exists(found.email):
            raise Conflict()
        user = accounts.new_user(found.email, name, password or "")
    elif user.email != found.email:
        raise Forbidden()
    if found.role == Role.MEMBER and found.team_id is not None:
        organisations.join(user.id, found.team_id)
    elif found.role != Role.MEMBER:
        organisations.grant(user.id, found.organisation_id, Role(found.role))
    found.accepted_at = utcnow()
    audit.record(user, AuditAction.JOINED, organisation_id=found.organisation_id, detail=found.role)
    db.session.commit()
    return user
