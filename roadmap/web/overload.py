"""Pages for when the server protects itself: every PDF render slot busy, or a render stopped
for taking too long (503 with Retry-After, never a stalled request)."""

from __future__ import annotations

from flask import Flask, make_response, render_template

from ..report.renderpool import RenderBusy, RenderFailed, RenderTimeout

TIMEOUT_RETRY_AFTER = 60  # seconds


def _busy(error: RenderBusy):
    page = render_template("errors/busy.html", reason="busy", seconds=error.retry_after)
    response = make_response(page, 503)
    response.headers["Retry-After"] = str(error.retry_after)
    return response


def _stopped(error: Exception):
    page = render_template("errors/busy.html", reason="timeout", seconds=TIMEOUT_RETRY_AFTER)
    response = make_response(page, 503)
    response.headers["Retry-After"] = str(TIMEOUT_RETRY_AFTER)
    return response


def init_app(app: Flask) -> None:
    app.register_error_handler(RenderBusy, _busy)
    app.register_error_handler(RenderTimeout, _stopped)
    app.register_error_handler(RenderFailed, _stopped)
