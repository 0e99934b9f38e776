"""Getting a one-time link to a person: by e-mail when SMTP is configured, else shown to the
manager or administrator who made it, to pass on."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import gettext as _

from .. import mail

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Delivery:
    """Where a link went: `emailed`, or `link` is to be shown to whoever asked for it."""

    link: str | None
    emailed: bool


def _both_languages(write) -> tuple[str, str]:
    """(subject, body) in French then English: we do not know which the person reads."""
    parts = []
    for code in ("fr", "en"):
        with force_locale(code):
            parts.append(write())
    subject = " / ".join(subject for subject, _body in parts)
    body = "\n\n----------\n\n".join(body for _subject, body in parts)
    return subject, body


def reset_message(link: str, hours: int) -> tuple[str, str]:
    def write():
        return _("Roadmap: choose a new password"), _(
            "Someone asked for a new password for your Roadmap account. Open this link to "
            "choose one (it works once, for %(hours)d hours):\n\n%(link)s\n\n"
            "If you did not ask for it, ignore this message: your password stays as it is.",
            link=link,
            hours=hours,
        )

    return _both_languages(write)


def invitation_message(link: str, organisation: str, days: int) -> tuple[str, str]:
    def write():
        return _("Roadmap: you are invited to %(organisation)s", organisation=organisation), _(
            "You are invited to join %(organisation)s on Roadmap, the co-creation readiness "
            "self-assessment. Open this link to create your account (it works once, for "
            "%(days)d days):\n\n%(link)s",
            organisation=organisation,
            link=link,
            days=days,
        )

    return _both_languages(write)


def deliver(to: str, message: tuple[str, str], link: str, *, email: bool = True) -> Delivery:
    """E-mail `message` when SMTP is configured (and `email`), else hand the link back; a
    failed sending hands it back too, so the person can still be given it."""
    if email and mail.configured():
        try:
            mail.send(to, *message)
        except mail.MailError as exc:
            log.warning("%s; the link is shown instead", exc)
        else:
            return Delivery(link=None, emailed=True)
    return Delivery(link=link, emailed=False)
