"""A trainer's use of a workshop's answers: exports once closed (anonymised answers and
aggregates, CSV and XLSX), linking the end of a training to its start, and the change."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...core.permissions import Action
from ...report.spreadsheets import csv_bytes, export_filename, xlsx_bytes
from ...services import workshop_results, workshops
from ...services.errors import Conflict, Invalid, NotFound
from ..exports import _download, _today
from ..forms import ActionForm
from ..limits import limited
from ..locale import ui_locale
from ..permissions import requires
from .views import bp, with_workshop


def _export(organisation, workshop, kind: str, extension: str):
    name = export_filename(workshop.title, f"workshop-{kind}", _today(), extension)
    try:
        table = workshop_results.export_table(workshop, kind, current_user.user, name)
    except Conflict as error:
        if str(error) == workshop_results.NOT_CLOSED:
            flash(_("Close the workshop before exporting its answers."), "workshop")
        else:
            flash(
                _("Fewer than %(k)s people answered: nothing can be exported.", k=workshop.k),
                "workshop",
            )
        return redirect(url_for(".show", organisation_id=organisation.id, workshop_id=workshop.id))
    body = csv_bytes(table) if extension == "csv" else xlsx_bytes(table, kind)
    return _download(body, name, extension)


@bp.get("/<int:organisation_id>/<int:workshop_id>/answers.csv")
@limited("export")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def answers_csv(organisation, workshop):
    return _export(organisation, workshop, "answers", "csv")


@bp.get("/<int:organisation_id>/<int:workshop_id>/answers.xlsx")
@limited("export")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def answers_xlsx(organisation, workshop):
    return _export(organisation, workshop, "answers", "xlsx")


@bp.get("/<int:organisation_id>/<int:workshop_id>/aggregates.csv")
@limited("export")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def aggregates_csv(organisation, workshop):
    return _export(organisation, workshop, "aggregates", "csv")


@bp.get("/<int:organisation_id>/<int:workshop_id>/aggregates.xlsx")
@limited("export")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def aggregates_xlsx(organisation, workshop):
    return _export(organisation, workshop, "aggregates", "xlsx")


@bp.post("/<int:organisation_id>/<int:workshop_id>/follows")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def follows(organisation, workshop):
    """Link this workshop to the start of its training (an empty choice unlinks)."""
    if not ActionForm().validate_on_submit():
        abort(400)
    chosen = request.form.get("start", "")
    try:
        workshop_results.follow(workshop, int(chosen) if chosen.isdigit() else None)
    except Invalid:
        abort(400)
    except Conflict:
        flash(
            _("Participants have already chosen pairing codes: the link cannot change."), "workshop"
        )
    return redirect(url_for(".change", organisation_id=organisation.id, workshop_id=workshop.id))


@bp.get("/<int:organisation_id>/<int:workshop_id>/change")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def change(organisation, workshop):
    """Before/after: the change per dimension since the workshop this one follows."""
    try:
        start, changes, k = workshop_results.change(workshop)
    except NotFound:
        start, changes, k = None, [], workshop.k
    return render_template(
        "workshops/change.html", organisation=organisation, workshop=workshop, start=start,
        changes=changes, k=k, starts=workshop_results.starts(workshop), form=ActionForm(),
        q=workshops.questionnaire(workshop), locale=ui_locale(),
    )  # fmt: skip
