"""The results page: scores, radar, power-sharing, strengths, recommendations, reflections."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _

from ..core.charts import plotly_figure, radar
from ..forms import ActionForm, ReportForm
from ..i18n import ui_locale
from ..services import reports
from ..services import results as results_service
from . import access

bp = Blueprint("results", __name__, url_prefix="/results")


@bp.get("/<token>")
def show(token: str):
    assessment, q = access.load(token)
    if assessment.status != "submitted":
        return redirect(url_for("assessment.check", token=token))
    locale = ui_locale()
    results = results_service.analyse(assessment, q)
    chart = radar(results, locale, _("This assessment"), _("Previous assessment"))
    page = render_template(
        "results/show.html",
        assessment=assessment,
        q=q,
        results=results,
        chart=chart,
        figure=plotly_figure(chart),
        form=ActionForm(),
        report_form=ReportForm(lang=locale),
    )
    reports.prefetch(results, reports.meta_of(assessment), locale)
    return page
