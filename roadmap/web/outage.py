"""Database outages: a 503 that says the page being sent was not saved, and shows its text."""

from __future__ import annotations

import contextlib

from flask import Flask, current_app, render_template, request
from flask_babel import gettext as _
from sqlalchemy import exc

from ..content.catalogue import catalogue
from ..core.questionnaire import ItemKind
from ..extensions import db
from .locale import ui_locale

# What a database that is down, restarting, unreachable or overloaded raises.
UNAVAILABLE = (exc.OperationalError, exc.InterfaceError, exc.TimeoutError)


def _typed_texts() -> list[tuple[str, str]]:
    """(label, text) of what the person typed on the page being sent: the free-text answers
    and the service name, labelled from the questionnaires in memory (no database needed)."""
    if request.method != "POST":
        return []
    locale = ui_locale()
    labels = {"service_name": _("Service or team name (optional)")}
    for q in catalogue().by_version.values():
        for item_id, item in q.items.items():
            if item.kind is ItemKind.TEXT:
                labels.setdefault(item_id, item.text.get(locale))
    return [
        (labels[name], value)
        for name, value in request.form.items()
        if name in labels and value.strip()
    ]


def init_app(app: Flask) -> None:
    for error_class in UNAVAILABLE:
        app.register_error_handler(error_class, _unavailable)


def _unavailable(error: Exception):
    # The connection may be gone too; the session is removed at the end of the request anyway.
    with contextlib.suppress(exc.SQLAlchemyError):
        db.session.rollback()
    current_app.logger.error("Database unavailable: %s", type(error).__name__, exc_info=error)
    page = render_template("errors/unavailable.html", texts=_typed_texts(), code=503)
    retry = str(current_app.config.get("RETRY_AFTER_SECONDS", 30))
    return page, 503, {"Retry-After": retry, "Cache-Control": "no-store"}
