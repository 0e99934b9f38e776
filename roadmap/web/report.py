"""The PDF readiness report download."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request

from ..report.cover import report_filename
from ..services import reports
from .access import with_assessment
from .limits import limited

bp = Blueprint("report", __name__, url_prefix="/report")


def _filename(assessment, locale: str) -> str:
    """The service name cut at a word, then the assessment's date (ISO), so that a team's
    successive reports sort by date in a folder."""
    day = assessment.submitted_at or assessment.updated_at
    return report_filename(assessment.service_name, locale, day)


@bp.get("/<token>.pdf")
@limited("pdf")
@with_assessment(submitted=True)
def download(assessment, q):
    return pdf_download(assessment, q)


def pdf_download(assessment, q) -> Response:
    """An assessment's PDF report as a download, in the language chosen (?lang=), else the
    assessment's; by private link here, read-only for a team in the organisation area."""
    locale = request.args.get("lang")
    if locale not in current_app.config["LANGUAGES"]:
        locale = assessment.locale
    pdf = reports.pdf_of(assessment, q, locale)
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{_filename(assessment, locale)}"'
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response
