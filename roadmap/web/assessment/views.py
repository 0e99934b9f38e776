"""The self-assessment wizard: start, task list, one page per section, check your answers."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from ...content.catalogue import default_questionnaire
from ...core.questionnaire import Questionnaire, Section
from ...services import assessments
from .. import access
from ..forms import ActionForm, StartForm, section_form_class
from ..limits import limited
from ..locale import SESSION_KEY, ui_locale

bp = Blueprint("assessment", __name__, url_prefix="/assessment")


def form_errors(form: FlaskForm) -> list[tuple[str, str]]:
    """(field id, first message) for the error summary, in page order."""
    return [(field.id, field.errors[0]) for field in form if field.errors]


@bp.route("/start", methods=["GET", "POST"])
@limited("create", methods=("POST",))
def start():
    form = StartForm()
    if form.validate_on_submit():
        assessment = assessments.create(
            default_questionnaire(), form.language.data, form.service_name.data, form.role.data
        )
        session[SESSION_KEY] = form.language.data
        return redirect(url_for(".created", token=assessment.token))
    status = 400 if request.method == "POST" else 200
    return render_template("assessment/start.html", form=form, errors=form_errors(form)), status


@bp.get("/<token>/created")
def created(token: str):
    assessment, q = access.load(token)
    return render_template("assessment/created.html", assessment=assessment, q=q)


@bp.get("/<token>")
def overview(token: str):
    assessment, q = access.load(token)
    answer_set = assessments.to_answer_set(assessment)
    return render_template(
        "assessment/overview.html",
        assessment=assessment,
        q=q,
        status=assessments.section_status(q, answer_set),
        progress=assessments.progress(q, answer_set),
        form=ActionForm(),
    )


def _section(q: Questionnaire, section_id: str) -> tuple[int, Section]:
    for index, section in enumerate(q.sections):
        if section.id == section_id:
            return index, section
    abort(404)


@bp.route("/<token>/step/<section_id>", methods=["GET", "POST"])
def step(token: str, section_id: str):
    assessment, q = access.load(token)
    index, section = _section(q, section_id)
    form_class = section_form_class(q, section, ui_locale())
    answer_set = assessments.to_answer_set(assessment)
    if request.method == "GET":
        form = form_class.from_saved(answer_set)
        return _render_step(assessment, q, index, section, form, [], answer_set)
    form = form_class()
    if not form.validate_page(set(request.form)):
        errors = form_errors(form) + [("", message) for message in form.page_errors]
        return _render_step(assessment, q, index, section, form, errors, answer_set), 400
    assessments.save(assessment, *form.answers())

    action = request.form.get("action", "next")
    if action == "later":
        flash(_("Your answers have been saved. Use your private link to come back."), "saved")
        return redirect(url_for(".overview", token=token))
    if index + 1 < len(q.sections):
        return redirect(url_for(".step", token=token, section_id=q.sections[index + 1].id))
    return redirect(url_for(".check", token=token))


def _render_step(assessment, q, index, section, form, errors, answer_set):
    return render_template(
        "assessment/step.html",
        assessment=assessment,
        q=q,
        section=section,
        form=form,
        errors=errors,
        number=index + 1,
        total=len(q.sections),
        previous=q.sections[index - 1] if index else None,
        progress=assessments.progress(q, answer_set),
    )


@bp.route("/<token>/check", methods=["GET", "POST"])
def check(token: str):
    assessment, q = access.load(token)
    form = ActionForm()
    if form.validate_on_submit():
        assessments.submit(assessment)
        return redirect(url_for("results.show", token=token))
    answer_set = assessments.to_answer_set(assessment)
    return render_template(
        "assessment/check.html",
        assessment=assessment,
        q=q,
        answers=answer_set,
        form=form,
        status=assessments.section_status(q, answer_set),
    )


@bp.post("/<token>/reassess")
@limited("reassess")
def reassess(token: str):
    previous, _q = access.load(token)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    assessment = assessments.create(
        default_questionnaire(),
        previous.locale,
        previous.service_name,
        previous.role,
        previous=previous,
    )
    return redirect(url_for(".created", token=assessment.token))
