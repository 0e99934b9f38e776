"""The results page: scores, radar, power-sharing, strengths, recommendations, reflections."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for

from ..core.charts import plotly_figure
from ..report import documents as reports
from ..report.wording import radar_chart, written_reflections
from ..services import results as results_service
from . import access
from .forms import ActionForm, ReportForm
from .locale import ui_locale

bp = Blueprint("results", __name__, url_prefix="/results")


@bp.get("/<token>")
def show(token: str):
    assessment, q = access.load(token)
    if assessment.status != "submitted":
        return redirect(url_for("assessment.check", token=token))
    locale = ui_locale()
    results = results_service.analyse(assessment, q)
    chart = radar_chart(results, locale)
    page = render_template(
        "results/show.html",
        assessment=assessment,
        q=q,
        results=results,
        chart=chart,
        figure=plotly_figure(chart),
        reflections=written_reflections(results),
        form=ActionForm(),
        report_form=ReportForm(lang=locale),
    )
    reports.prefetch(results, reports.meta_of(assessment), locale)
    return page
