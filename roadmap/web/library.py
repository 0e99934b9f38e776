"""The methods page and the library of tools and methods the recommendations point to."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from ..content.catalogue import default_questionnaire
from ..core.duration import estimate
from .locale import ui_locale

bp = Blueprint("library", __name__)


@bp.get("/methods")
def methods():
    q = default_questionnaire()
    return render_template("library/methods.html", q=q, duration=estimate(q, ui_locale()))


@bp.get("/tools")
def tools():
    q = default_questionnaire()
    locale = ui_locale()
    ordered = sorted(q.recommendations, key=lambda r: r.title.get(locale).casefold())
    return render_template("library/tools.html", q=q, recommendations=ordered)


@bp.get("/tools/<rec_id>")
def tool(rec_id: str):
    q = default_questionnaire()
    rec = q.recommendation(rec_id)
    if rec is None:
        abort(404)
    return render_template("library/tool.html", q=q, rec=rec)
