"""Sending e-mail (reset and invitation links) through the configured SMTP server."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from flask import current_app


class MailError(Exception):
    """The SMTP server could not be reached or refused the message."""


def configured() -> bool:
    """Whether e-mail can be sent (ROADMAP_SMTP_HOST is set)."""
    return bool(current_app.config.get("SMTP_HOST"))


def send(to: str, subject: str, body: str) -> None:
    """Send one plain-text message, or raise MailError (never with the message in it)."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config.get("SMTP_FROM") or f"roadmap@{config['SMTP_HOST']}"
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    security = str(config.get("SMTP_SECURITY", "starttls")).lower()
    timeout = float(config.get("SMTP_TIMEOUT", 10))
    host, port = config["SMTP_HOST"], int(config.get("SMTP_PORT") or 0)
    try:
        if security == "ssl":
            connection = smtplib.SMTP_SSL(host, port or 465, timeout=timeout)
        else:
            connection = smtplib.SMTP(host, port or 587, timeout=timeout)
        with connection:
            if security == "starttls":
                connection.starttls(context=ssl.create_default_context())
            if config.get("SMTP_USERNAME"):
                connection.login(config["SMTP_USERNAME"], config.get("SMTP_PASSWORD") or "")
            connection.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        # The exception names the server, not the link: the link must not reach the logs.
        raise MailError(f"could not send e-mail through {host}: {type(exc).__name__}") from None
