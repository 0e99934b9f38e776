"""Account use cases: create, sign in, change and reset passwords, disable; the only code that
writes accounts and reset links."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select

from ..core.audit import AuditAction
from ..extensions import db
from ..models.account import PasswordReset, User
from ..models.assessment import utcnow
from . import audit, passwords
from .delivery import Delivery, deliver, reset_message
from .errors import Conflict, Forbidden, Invalid, NotFound

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EMAIL_MAX = 254
NAME_MAX = 200
INVALID_EMAIL = "invalid_email"


def new_token() -> str:
    """256 random bits, URL-safe, for one-time links."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What is stored of a one-time token: a database leak gives no usable link."""
    return hashlib.sha256(token.encode()).hexdigest()


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def normalise_email(raw: str) -> str:
    """The address as stored: trimmed, lower case; Invalid if it does not look like one."""
    email = (raw or "").strip().lower()
    if len(email) > EMAIL_MAX or not EMAIL.match(email) or "\x00" in email:
        raise Invalid(INVALID_EMAIL)
    return email


def get(user_id: int) -> User:
    """The account with this id, or NotFound."""
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound()
    return user


def find(email: str) -> User:
    """The account with this e-mail address, or NotFound."""
    try:
        address = normalise_email(email)
    except Invalid:
        raise NotFound() from None
    user = db.session.scalar(select(User).where(User.email == address))
    if user is None:
        raise NotFound()
    return user


def everyone() -> list[User]:
    """Every account, by e-mail address."""
    return list(db.session.scalars(select(User).order_by(User.email)))


def new_user(email: str, name: str | None = None, password: str | None = None) -> User:
    """An account added to the session, not committed (for the use cases that make one)."""
    address = normalise_email(email)
    if db.session.scalar(select(User.id).where(User.email == address)) is not None:
        raise Conflict()
    if password is not None:
        passwords.check(password, address)
    user = User(
        email=address,
        name=(name or "").strip()[:NAME_MAX] or None,
        password_hash=passwords.hash_password(password) if password is not None else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


def create(
    email: str, *, name: str | None = None, password: str | None = None, admin: bool = False
) -> User:
    """Create an account (from the CLI); without a password it waits for a reset link.

    Raises Invalid for a malformed address or a refused password, Conflict if it exists."""
    user = new_user(email, name, password)
    user.admin = admin
    db.session.commit()
    return user


def session_user(session_id: str) -> User | None:
    """The active account behind a session's user id ("<id>.<epoch>"), or None. Reads only."""
    user_id, _dot, epoch = (session_id or "").partition(".")
    if not (user_id.isdigit() and epoch.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_epoch != int(epoch):
        return None
    return user


def authenticate(email: str, password: str) -> User:
    """The account for these credentials, its sign-in recorded.

    Raises Forbidden for an unknown address, a wrong password or a disabled account alike, in
    about the same time, so the refusal reveals nothing."""
    try:
        user = find(email)
    except NotFound:
        passwords.verify(None, password)
        raise Forbidden() from None
    if not passwords.verify(user.password_hash, password) or not user.active:
        raise Forbidden()
    if passwords.needs_rehash(user.password_hash or ""):
        user.password_hash = passwords.hash_password(password)
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def _set_password(user: User, password: str) -> None:
    passwords.check(password, user.email)
    user.password_hash = passwords.hash_password(password)
    user.session_epoch += 1  # every other session of this account ends
    db.session.execute(delete(PasswordReset).where(PasswordReset.user_id == user.id))


def change_password(user: User, current: str, new: str) -> None:
    """Change one's own password; Forbidden if `current` is wrong, Invalid if `new` is refused.

    Other sessions of the account end; the caller signs this one in again."""
    if not passwords.verify(user.password_hash, current):
        raise Forbidden()
    _set_password(user, new)
    db.session.commit()


def set_active(email: str, active: bool) -> User:
    """Disable (or enable again) an account; disabling ends its sessions."""
    user = find(email)
    if user.active and not active:
        user.session_epoch += 1
    if user.active != active:
        action = AuditAction.ACCOUNT_ENABLED if active else AuditAction.ACCOUNT_DISABLED
        audit.record(None, action, target=user)  # from the command line
    user.active = active
    db.session.commit()
    return user


def start_reset(
    user: User,
    link_for: Callable[[str], str],
    *,
    email: bool = True,
    by: User | None = None,
    organisation_id: int | None = None,
) -> Delivery:
    """Make a one-time reset link for `user` (earlier unused ones stop working) and e-mail it
    when SMTP is configured, else hand it back to be passed on. `by` (None: the person
    themselves or the command line) and `organisation_id` go into the audit log."""
    if not user.active:
        raise Conflict()
    hours = int(current_app.config["RESET_LINK_HOURS"])
    token = new_token()
    db.session.execute(delete(PasswordReset).where(PasswordReset.user_id == user.id))
    db.session.add(
        PasswordReset(
            user_id=user.id,
            token_hash=token_hash(token),
            expires_at=utcnow() + timedelta(hours=hours),
        )
    )
    audit.record(by, AuditAction.RESET_LINK_MADE, organisation_id=organisation_id, target=user)
    db.session.commit()
    link = link_for(token)
    return deliver(user.email, reset_message(link, hours), link, email=email)


def request_reset(email: str, link_for: Callable[[str], str]) -> None:
    """Self-service: e-mail a reset link if the account exists and SMTP is configured.

    Says nothing either way (the page reads the same), so nobody learns who has an account."""
    from .. import mail

    if not mail.configured():
        return
    try:
        user = find(email)
    except NotFound:
        return
    if user.active:
        start_reset(user, link_for, by=user)


def _live_reset(token: str) -> PasswordReset:
    if not token or len(token) > 128:
        raise NotFound()
    reset = db.session.scalar(
        select(PasswordReset).where(PasswordReset.token_hash == token_hash(token))
    )
    if reset is None or reset.used_at is not None or aware(reset.expires_at) < utcnow():
        raise NotFound()
    return reset


def reset_target(token: str) -> User:
    """The account a reset link is for; NotFound for unknown, used and lapsed links alike."""
    return get(_live_reset(token).user_id)


def reset_password(token: str, new: str) -> User:
    """Choose a new password from a reset link, which then stops working; sessions end."""
    user = reset_target(token)
    if not user.active:
        raise NotFound()
    _set_password(user, new)  # also deletes the link
    db.session.commit()
    return user
