"""The password policy: long enough, not common, not the e-mail address; no hashing here."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from pathlib import Path

MIN_LENGTH = 12
MAX_LENGTH = 256  # hashing a megabyte of "password" on every attempt would be a cheap attack
COMMON_FILE = Path(__file__).with_name("common_passwords.txt")
# Keyboard rows and alphabets people walk along (azerty and qwerty layouts).
SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789012345678901234567890",
    "qwertyuiopasdfghjklzxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "1q2w3e4r5t6y7u8i9o0p",
)
PADDING = re.compile(r"^[\d\W_]+|[\d\W_]+$")


class PasswordProblem(StrEnum):
    """Why a password is refused (the web layer words each one)."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    COMMON = "common"
    LIKE_EMAIL = "like_email"


@cache
def common_words() -> frozenset[str]:
    """The shipped list of common passwords and words, read once."""
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _is_walk(text: str) -> bool:
    """A run along a keyboard row or the alphabet, either way ("azertyuiop", "987654")."""
    return any(text in seq or text in seq[::-1] for seq in SEQUENCES)


def _is_repeated(text: str) -> bool:
    """A short chunk said over and over ("abcabcabcabc", "aaaaaaaaaaaa")."""
    return any(
        len(text) % size == 0 and text == text[:size] * (len(text) // size)
        for size in range(1, len(text) // 2 + 1)
    )


def is_common(password: str) -> bool:
    """A listed password or word, alone or padded with digits and symbols, a keyboard walk,
    or a repeated chunk (compared in lower case)."""
    lowered = password.lower()
    core = PADDING.sub("", lowered)
    words = common_words()
    if lowered in words or core in words or not core:
        return True
    return any(_is_walk(text) or _is_repeated(text) for text in {lowered, core})


def password_problems(password: str, email: str = "") -> list[PasswordProblem]:
    """Every reason to refuse `password` for the account `email`, empty when it is fine."""
    if len(password) < MIN_LENGTH:
        return [PasswordProblem.TOO_SHORT]
    if len(password) > MAX_LENGTH:
        return [PasswordProblem.TOO_LONG]
    problems = []
    if is_common(password):
        problems.append(PasswordProblem.COMMON)
    lowered, address = password.lower(), email.lower()
    local = address.partition("@")[0]
    if address and (lowered == address or (len(local) >= 4 and local in lowered)):
        problems.append(PasswordProblem.LIKE_EMAIL)
    return problems
