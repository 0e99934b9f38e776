"""Refusals made before any view runs: NUL characters in the address, files in a form."""

from __future__ import annotations

from flask import Flask, abort, render_template, request
from flask_babel import gettext as _

BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def init_app(app: Flask) -> None:
    @app.before_request
    def _refuse_malformed():
        # A NUL cannot be in a resume token, and PostgreSQL refuses it in a query: answer
        # like any unknown address, so the refusal reveals nothing.
        if "\x00" in request.path:
            abort(404)
        # No page takes a file; a file part where text is expected would reach the database.
        if request.method in BODY_METHODS and request.files:
            message = _(
                "This service takes typed text only, and what you sent contained a file. "
                "Nothing on that page was saved: go back, type or paste your text and save again."
            )
            return render_template("errors/generic.html", code=400, message=message), 400
        return None
