"""Home page."""

from __future__ import annotations

from flask import Blueprint, render_template

from ..content.catalogue import default_questionnaire
from .forms import StartForm

bp = Blueprint("home", __name__)


@bp.get("/")
def index():
    return render_template("home/index.html", q=default_questionnaire(), form=StartForm())
