"""The audit log: `record()` is what every use case calls; managers read their organisation's
events, administrators all of them.

    audit.record(user, AuditAction.EXPORTED, organisation_id=org.id, detail="scores.xlsx")

`record` adds the event to the session of the use case that calls it, which commits it with
the change it describes (pass `commit=True` from a use case that writes nothing else, such as
an export)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select, update

from ..core.audit import AuditAction
from ..extensions import db
from ..models.account import User
from ..models.audit import DELETED_ACCOUNT, AuditEvent

PER_PAGE = 50
DETAIL_MAX = 200


def record(
    actor: User | None,
    action: AuditAction,
    *,
    organisation_id: int | None = None,
    target: User | None = None,
    detail: str | None = None,
    commit: bool = False,
) -> AuditEvent:
    """Note that `actor` (None: the command line) did `action`, in an organisation (its
    managers see the event; without one, administrators only), to `target` (an account).

    `detail` is a short fact (a role, a team's name, a format), never answers or free text."""
    event = AuditEvent(
        action=AuditAction(action),
        organisation_id=organisation_id,
        actor_id=actor.id if actor else None,
        actor_email=actor.email if actor else None,
        target_id=target.id if target else None,
        target_email=target.email if target else None,
        detail=(detail or "")[:DETAIL_MAX] or None,
    )
    db.session.add(event)
    if commit:
        db.session.commit()
    return event


@dataclass(frozen=True)
class Page:
    """One page of the log, newest first."""

    events: list[AuditEvent]
    number: int
    pages: int
    total: int


def page(organisation_id: int | None, number: int = 1, per_page: int = PER_PAGE) -> Page:
    """A page of the events of one organisation, or of the whole installation (None)."""
    query = select(AuditEvent)
    counted = select(func.count()).select_from(AuditEvent)
    if organisation_id is not None:
        query = query.where(AuditEvent.organisation_id == organisation_id)
        counted = counted.where(AuditEvent.organisation_id == organisation_id)
    total = db.session.scalar(counted) or 0
    pages = max(1, -(-total // per_page))
    number = min(max(1, number), pages)
    events = db.session.scalars(
        query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(per_page)
        .offset((number - 1) * per_page)
    )
    return Page(list(events), number, pages, total)


def about(user: User) -> list[AuditEvent]:
    """Every event the person did or underwent, oldest first (their data download)."""
    query = select(AuditEvent).where(
        or_(
            AuditEvent.actor_id == user.id,
            AuditEvent.target_id == user.id,
            AuditEvent.target_email == user.email,
        )
    )
    return list(db.session.scalars(query.order_by(AuditEvent.at, AuditEvent.id)))


def forget(user: User) -> None:
    """Drop a deleted account from every event (not committed): the events stay, and read
    "deleted account"; neither its address nor its number is kept (an invitation's event,
    made before the account existed, is found by its address)."""
    for who in ("actor", "target"):
        number, address = getattr(AuditEvent, f"{who}_id"), getattr(AuditEvent, f"{who}_email")
        db.session.execute(
            update(AuditEvent)
            .where(or_(number == user.id, address == user.email))
            .values({f"{who}_id": DELETED_ACCOUNT, f"{who}_email": None})
        )
