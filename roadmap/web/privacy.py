"""Pages that show a resume token, reflections or what was typed are never kept in a cache."""

from __future__ import annotations

from flask import Flask, Response, request


def init_app(app: Flask) -> None:
    @app.after_request
    def _no_store(response: Response) -> Response:
        # Every page reached through a token shows it (links) and most show answers; a POST
        # answer echoes what was typed. A shared computer's cache must keep none of them.
        shows_private = "token" in (request.view_args or {}) or request.method != "GET"
        if shows_private and "no-store" not in response.headers.get("Cache-Control", ""):
            response.headers["Cache-Control"] = "no-store"
        return response
