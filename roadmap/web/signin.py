"""Sessions with Flask-Login: who is signed in, signing in with a fresh session, signing out."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask, redirect, request, session, url_for
from flask_login import AnonymousUserMixin, UserMixin, login_user, logout_user

from ..core.permissions import ANONYMOUS, Grants
from ..extensions import login_manager
from ..models.account import User
from ..services import accounts, organisations
from .locale import SESSION_KEY


@dataclass
class Person(UserMixin):
    """The signed-in account and what it holds, for this request."""

    user: User
    grants: Grants

    def get_id(self) -> str:
        # The epoch changes with the password: older sessions then load nobody.
        return f"{self.user.id}.{self.user.session_epoch}"

    @property
    def is_active(self) -> bool:
        return self.user.active


class Nobody(AnonymousUserMixin):
    """Nobody signed in: holds nothing."""

    user = None
    grants = ANONYMOUS


def _load(session_id: str) -> Person | None:
    user = accounts.session_user(session_id)
    return Person(user, organisations.grants_for(user)) if user else None


def _fresh_session() -> None:
    """Drop everything the session held before (session fixation), but its language."""
    language = session.get(SESSION_KEY)
    session.clear()
    if language:
        session[SESSION_KEY] = language


def sign_in(user: User) -> None:
    """Sign `user` in on a new session."""
    _fresh_session()
    login_user(Person(user, organisations.grants_for(user)))


def sign_out() -> None:
    logout_user()
    _fresh_session()


def safe_next(target: str | None, default: str) -> str:
    """Where to go after signing in: a path of this site only, never another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return default


def _to_sign_in():
    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(_load)
    login_manager.anonymous_user = Nobody
    login_manager.unauthorized_handler(_to_sign_in)
    # Sessions live in a signed cookie; "strong" would end one whenever an address changes
    # (phones switching networks), and the epoch already ends stolen sessions on a reset.
    login_manager.session_protection = "basic"
