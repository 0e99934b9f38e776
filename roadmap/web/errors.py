"""Friendly, translated error pages; never a bare traceback or a hint about what exists."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from ..services.errors import ServiceError


def _page(code: int):
    template = "errors/404.html" if code == 404 else "errors/generic.html"
    return render_template(template, code=code), code


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError):
        return render_template("errors/csrf.html"), 400

    @app.errorhandler(ServiceError)
    def _refused(error: ServiceError):
        return _page(error.code)

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        return _page(error.code or 500)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        if app.testing:  # let tests see the real error
            raise error
        app.logger.exception("Unexpected error")
        return render_template("errors/generic.html", code=500), 500
