"""Home page."""

from __future__ import annotations

from flask import Blueprint, render_template

from ..content.catalogue import default_questionnaire
from ..core.duration import estimate
from .locale import ui_locale

bp = Blueprint("home", __name__)


@bp.get("/")
def index():
    q = default_questionnaire()
    return render_template("home/index.html", q=q, duration=estimate(q, ui_locale()))
