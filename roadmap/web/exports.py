"""Exports for managers and administrators: an organisation's scores and answers as CSV and
XLSX, and one assessment as JSON. The JSON download by private link is on the results page."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from flask import Blueprint, Response, render_template
from flask_login import current_user

from ..core.permissions import Action
from ..report.ledger import short_date
from ..report.spreadsheets import csv_bytes, export_filename, xlsx_bytes
from ..services import exports
from .limits import limited
from .locale import ui_locale
from .permissions import requires

bp = Blueprint("exports", __name__, url_prefix="/exports")
TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def _download(body: bytes, filename: str, extension: str) -> Response:
    response = Response(body, mimetype=TYPES[extension])
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _today():
    return datetime.now(UTC).date()


def json_download(document: dict, assessment) -> Response:
    """One assessment's JSON document as a file named after the service and the date."""
    body = json.dumps(document, ensure_ascii=False, indent=2).encode()
    day = (assessment.submitted_at or assessment.updated_at).date()
    kind = f"assessment-{assessment.id}"
    name = export_filename(assessment.service_name or "", kind, day, "json")
    return _download(body, name.removeprefix("organisation-"), "json")


def _table(organisation, kind: str, extension: str) -> Response:
    table = (exports.scores_table if kind == "scores" else exports.answers_table)(organisation)
    body = csv_bytes(table) if extension == "csv" else xlsx_bytes(table, kind)
    exports.record_export(current_user.user, organisation, f"{kind}.{extension}")
    return _download(body, export_filename(organisation.name, kind, _today(), extension), extension)


@bp.get("/<int:organisation_id>")
@requires(Action.EXPORT_RESULTS)
def index(organisation):
    listed = exports.listed(organisation)
    return render_template(
        "exports/index.html",
        organisation=organisation,
        listed=listed,
        short_date=short_date,
        locale=ui_locale(),
    )


@bp.get("/<int:organisation_id>/scores.csv")
@limited("export")
@requires(Action.EXPORT_RESULTS)
def scores_csv(organisation):
    return _table(organisation, "scores", "csv")


@bp.get("/<int:organisation_id>/scores.xlsx")
@limited("export")
@requires(Action.EXPORT_RESULTS)
def scores_xlsx(organisation):
    return _table(organisation, "scores", "xlsx")


@bp.get("/<int:organisation_id>/answers.csv")
@limited("export")
@requires(Action.EXPORT_RESULTS)
def answers_csv(organisation):
    return _table(organisation, "answers", "csv")


@bp.get("/<int:organisation_id>/answers.xlsx")
@limited("export")
@requires(Action.EXPORT_RESULTS)
def answers_xlsx(organisation):
    return _table(organisation, "answers", "xlsx")


@bp.get("/<int:organisation_id>/assessments/<int:assessment_id>.json")
@limited("export")
@requires(Action.EXPORT_RESULTS)
def assessment_json(organisation, assessment_id: int):
    assessment, q = exports.organisation_assessment(organisation, assessment_id)
    document = exports.assessment_document(assessment, q, exports.team_of(assessment))
    exports.record_export(current_user.user, organisation, f"assessment {assessment.id} (JSON)")
    return json_download(document, assessment)
