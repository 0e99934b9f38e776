"""Home page and the self-hosted Plotly library."""

from __future__ import annotations

from pathlib import Path

import plotly
from flask import Blueprint, render_template, send_file

from ..content.catalogue import default_questionnaire
from ..core.duration import estimate
from .locale import ui_locale

bp = Blueprint("home", __name__)

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


@bp.get("/")
def index():
    q = default_questionnaire()
    return render_template("home/index.html", q=q, duration=estimate(q, ui_locale()))


@bp.get("/vendor/plotly.min.js")
def plotly_js():
    """plotly.js from the installed plotly package: same version as the Python side, no CDN."""
    return send_file(PLOTLY_JS, mimetype="text/javascript", max_age=7 * 24 * 3600)
