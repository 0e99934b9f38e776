"""The results page: scores, radar, power-sharing, strengths, recommendations, reflections."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from ..report.charts import radar_drawing
from ..report.summary import reading_context
from ..services import organisations, reports
from ..services import results as results_service
from .access import remember_results, with_assessment
from .forms import ActionForm, ReportForm
from .locale import ui_locale

bp = Blueprint("results", __name__, url_prefix="/results")


@bp.get("/<token>")
@with_assessment(submitted=True)
def show(assessment, q):
    locale = ui_locale()
    results = results_service.analyse(assessment, q)
    context = reading_context(results, locale)
    page = render_template(
        "results/show.html",
        **context,
        assessment=assessment,
        svg=radar_drawing(context["chart"]),
        form=ActionForm(),
        report_form=ReportForm(lang=locale),
        filing=organisations.filing(assessment, current_user.user),
    )
    reports.prefetch(assessment, results, locale)
    remember_results(assessment.token)
    return page
