"""The results page: scores, radar, power-sharing, strengths, recommendations, reflections,
and the team's action plan (added, changed and removed through the private link)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...core.actions import MAX_ROWS
from ...core.permissions import Action
from ...report.charts import radar_drawing
from ...report.plan import plan_lines
from ...report.summary import reading_context
from ...services import actions, exports, organisations, reports
from ...services import results as results_service
from ...services.errors import Invalid
from ..access import remember_results, with_assessment
from ..assessment.views import form_errors
from ..exports import json_download
from ..forms import ActionForm, ReportForm
from ..limits import limited
from ..locale import ui_locale
from ..permissions import requires
from .forms import ActionPlanForm, date_bounds

bp = Blueprint("results", __name__, url_prefix="/results")
# The private link is the key to an assessment: whoever holds it may read and change its
# plan, so these routes are public (the link is checked by with_assessment).
BY_LINK = Action.PUBLIC


def _methods(results, plan=()) -> list[tuple[str, str]]:
    """The methods an action may link to: those recommended, in rank order, and any already
    linked (after a change of answers it may no longer be recommended)."""
    q, locale = results.questionnaire, ui_locale()
    ids = [r.recommendation_id for r in results.recommendations]
    ids += [row.recommendation_id for row in plan if row.recommendation_id not in ids]
    return [(i, q.recommendation(i).title.get(locale)) for i in ids if i and q.recommendation(i)]


@bp.get("/<token>")
@requires(BY_LINK)
@with_assessment(submitted=True)
def show(assessment, q):
    locale = ui_locale()
    results = results_service.analyse(assessment, q)
    context = reading_context(results, locale)
    plan = actions.plan_of(assessment)
    page = render_template(
        "results/show.html",
        **context,
        assessment=assessment,
        svg=radar_drawing(context["chart"]),
        form=ActionForm(),
        report_form=ReportForm(lang=locale),
        plan=plan_lines(q, plan, locale),
        plan_form=ActionPlanForm(methods=_methods(results, plan)) if len(plan) < MAX_ROWS else None,
        date_bounds=date_bounds(),
        filing=organisations.filing(assessment, current_user.user),
    )
    reports.prefetch(assessment, results, locale)
    remember_results(assessment.token)
    return page


def _action_page(assessment, form, general=(), action_id=None, status=200):
    page = render_template(
        "results/action.html",
        assessment=assessment,
        form=form,
        errors=[(None, message) for message in general] + form_errors(form),
        action_id=action_id,
        date_bounds=date_bounds(),
        remove_form=ActionForm(),
    )
    return page, status


def _to_plan(assessment, message: str):
    flash(message, "plan")
    return redirect(url_for(".show", token=assessment.token, _anchor="action-plan"))


@bp.post("/<token>/actions")
@requires(BY_LINK)
@with_assessment(submitted=True)
def add_action(assessment, q):
    results = results_service.analyse(assessment, q)
    form = ActionPlanForm(methods=_methods(results, actions.plan_of(assessment)))
    general = []
    if form.validate_on_submit():
        try:
            actions.add(assessment, q, form.row())
        except Invalid as error:
            general = form.refuse(error.problems)
        else:
            return _to_plan(assessment, _("The action has been added to the plan."))
    return _action_page(assessment, form, general, status=400)


@bp.route("/<token>/actions/<int:action_id>", methods=["GET", "POST"])
@requires(BY_LINK)
@with_assessment(submitted=True)
def edit_action(assessment, q, action_id: int):
    row = actions.get(assessment, action_id)
    results = results_service.analyse(assessment, q)
    form = ActionPlanForm(methods=_methods(results, [row]))
    general = []
    if form.validate_on_submit():
        try:
            actions.update(assessment, q, action_id, form.row())
        except Invalid as error:
            general = form.refuse(error.problems)
        else:
            return _to_plan(assessment, _("The action has been saved."))
    elif not form.is_submitted():
        form.fill(row)
    status = 400 if form.is_submitted() else 200
    return _action_page(assessment, form, general, action_id, status)


@bp.post("/<token>/actions/<int:action_id>/remove")
@requires(BY_LINK)
@with_assessment(submitted=True)
def remove_action(assessment, q, action_id: int):
    actions.get(assessment, action_id)  # 404 for an action of another assessment
    if not ActionForm().validate_on_submit():
        return redirect(url_for(".edit_action", token=assessment.token, action_id=action_id))
    actions.remove(assessment, action_id)
    return _to_plan(assessment, _("The action has been removed from the plan."))


@bp.get("/<token>/export.json")
@limited("export")
@requires(BY_LINK)
@with_assessment(submitted=True)
def export_json(assessment, q):
    # Not audited: whoever holds the private link owns the assessment (no account involved).
    return json_download(exports.assessment_document(assessment, q), assessment)
