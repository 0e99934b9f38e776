"""The methods page and the library of tools and methods the recommendations point to."""

from __future__ import annotations

from flask import Blueprint, abort, g, render_template, request

from ..content.catalogue import default_questionnaire
from ..core.duration import estimate
from ..core.questionnaire import Questionnaire
from ..core.rules import Recommendation
from ..report.collation import title_key
from ..report.wording import EFFORT_NAMES
from .access import own_results_token
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
    dimension = _choice(request.args.get("dimension"), dimension_ids(q))
    effort = _choice(request.args.get("effort"), tuple(EFFORT_NAMES))
    g.kept_args = {k: v for k, v in (("dimension", dimension), ("effort", effort)) if v}
    shown = sorted(
        filter_tools(q.recommendations, dimension, effort),
        key=lambda r: title_key(r.title.get(locale), locale),
    )
    return render_template(
        "library/tools.html",
        q=q,
        recommendations=shown,
        dimension=dimension,
        effort=effort,
        dimension_ids=dimension_ids(q),
        results_token=own_results_token(),
    )


@bp.get("/tools/<rec_id>")
def tool(rec_id: str):
    q = default_questionnaire()
    rec = q.recommendation(rec_id)
    if rec is None:
        abort(404)
    return render_template("library/tool.html", q=q, rec=rec, results_token=own_results_token())


def dimension_ids(q: Questionnaire) -> tuple[str, ...]:
    """What a tool can strengthen, in the questionnaire's order: its dimensions, then power."""
    ids = tuple(d.id for d in q.dimensions)
    used = {a for r in q.recommendations for a in r.addresses}
    return ids + (("power",) if "power" in used and "power" not in ids else ())


def filter_tools(
    recs: tuple[Recommendation, ...], dimension: str | None, effort: str | None
) -> list[Recommendation]:
    """The tools that strengthen `dimension` and ask `effort` (None: any)."""
    return [
        r
        for r in recs
        if (dimension is None or dimension in r.addresses)
        and (effort is None or r.effort.value == effort)
    ]


def _choice(value: str | None, allowed: tuple[str, ...]) -> str | None:
    """A filter value from the address bar, or None (all) when it is empty or unknown."""
    return value if value in allowed else None
