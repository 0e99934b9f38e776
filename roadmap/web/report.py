"""The PDF readiness report download."""

from __future__ import annotations

import re
import unicodedata

from flask import Blueprint, Response, current_app, request

from ..services import reports
from .access import with_assessment
from .limits import limited

bp = Blueprint("report", __name__, url_prefix="/report")


def _filename(service_name: str | None, locale: str) -> str:
    base = "rapport-cocreation" if locale == "fr" else "co-creation-report"
    # Accents are folded ("à" → "a") rather than dropped, so French names stay readable.
    ascii_name = unicodedata.normalize("NFKD", service_name or "").encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.decode().lower()).strip("-")[:40]
    return f"{base}-{slug}.pdf" if slug else f"{base}.pdf"


@bp.get("/<token>.pdf")
@limited("pdf")
@with_assessment(submitted=True)
def download(assessment, q):
    # The reader's language: chosen at download, else the assessment's.
    locale = request.args.get("lang")
    if locale not in current_app.config["LANGUAGES"]:
        locale = assessment.locale
    pdf = reports.pdf_of(assessment, q, locale)
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{_filename(assessment.service_name, locale)}"'
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response
