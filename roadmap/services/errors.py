"""What a use case refuses: the errors services raise, which the web layer turns into pages."""

from __future__ import annotations


class ServiceError(Exception):
    """A use case that cannot go on; `code` is the HTTP status the web layer answers with."""

    code = 400


class NotFound(ServiceError):
    """Nothing there, or nothing this person may know exists (both read the same)."""

    code = 404


class Forbidden(ServiceError):
    """It exists, but this person may not do that to it."""

    code = 403


class Conflict(ServiceError):
    """The request contradicts the current state (e.g. a change to something already closed)."""

    code = 409


class Invalid(ServiceError):
    """What was given cannot be used (e.g. a password that is too common); `problems` say why."""

    code = 400

    def __init__(self, *problems: str) -> None:
        super().__init__(*problems)
        self.problems = list(problems)
