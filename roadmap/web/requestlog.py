"""The access log: one line per request with method, path (token redacted), status, duration."""

from __future__ import annotations

import logging
import time

from flask import Flask, Response, g, request

from ..logs import redact

log = logging.getLogger("roadmap.request")


def init_app(app: Flask) -> None:
    if not app.config.get("ACCESS_LOG", True):
        return

    @app.before_request
    def _start_clock() -> None:
        g.request_started = time.perf_counter()

    @app.after_request
    def _log_request(response: Response) -> Response:
        started = g.get("request_started", time.perf_counter())
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        path = redact(request.path)  # never the query string: it is not needed to trace a visit
        log.info(
            "%s %s %s %.1f ms",
            request.method,
            path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response
