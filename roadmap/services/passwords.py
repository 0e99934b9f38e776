"""Password hashing (Argon2id) and the policy check, for the account use cases."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app

from ..core.passwords import password_problems
from .errors import Invalid

EXTENSION = "roadmap.password_hasher"
# Verified when the account does not exist, so that a wrong e-mail address takes as long to
# refuse as a wrong password and reveals nothing.
DUMMY = "roadmap.password_dummy"


def _hasher() -> PasswordHasher:
    """The app's hasher: argon2-cffi's defaults (RFC 9106 low-memory profile) unless the
    settings ask for cheaper ones (the test suite)."""
    hasher = current_app.extensions.get(EXTENSION)
    if hasher is None:
        settings = current_app.config.get("PASSWORD_HASH_PARAMETERS") or {}
        hasher = PasswordHasher(**settings)
        current_app.extensions[EXTENSION] = hasher
    return hasher


def check(password: str, email: str) -> None:
    """Raise Invalid with every reason (PasswordProblem values) to refuse this password."""
    problems = password_problems(password, email)
    if problems:
        raise Invalid(*problems)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify(stored: str | None, password: str) -> bool:
    """Whether `password` matches the stored hash; with none stored, spend the same time."""
    hasher = _hasher()
    if not stored:
        if DUMMY not in current_app.extensions:
            current_app.extensions[DUMMY] = hasher.hash("not the password of anybody")
        stored, password = current_app.extensions[DUMMY], password + "\x00never"
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Whether the hash was made with older or weaker parameters than today's."""
    try:
        return _hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return True
