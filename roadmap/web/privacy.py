"""Privacy: the page saying what is stored and for how long, and no caching of pages that
show a resume token, reflections or what was typed."""

from __future__ import annotations

from flask import Blueprint, Flask, Response, current_app, g, render_template, request

from ..core.permissions import Action
from .permissions import requires

bp = Blueprint("privacy", __name__, url_prefix="/privacy")


@bp.get("/")
@requires(Action.PUBLIC)
def show():
    config = current_app.config
    return render_template(
        "privacy/show.html",
        resume_days=int(config["RESUME_TOKEN_DAYS"]),
        account_days=int(config["ACCOUNT_RETENTION_DAYS"]),
        reset_hours=int(config["RESET_LINK_HOURS"]),
        invitation_days=int(config["INVITATION_DAYS"]),
    )


def init_app(app: Flask) -> None:
    @app.after_request
    def _no_store(response: Response) -> Response:
        # Every page reached through a token shows it (links) and most show answers; a POST
        # answer echoes what was typed. A shared computer's cache must keep none of them.
        shows_private = "token" in (request.view_args or {}) or request.method != "GET"
        shows_private = shows_private or g.get("shows_token", False)  # e.g. a way back to results
        if shows_private and "no-store" not in response.headers.get("Cache-Control", ""):
            response.headers["Cache-Control"] = "no-store"
        return response
