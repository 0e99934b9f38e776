"""The self-assessment wizard: start, task list, one page per section, check your answers."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from ...content.catalogue import default_questionnaire
from ...core.progress import incomplete_sections, next_section, progress, section_status
from ...core.questionnaire import Questionnaire, Section
from ...services import assessments, organisations, reports, workshops
from ..access import with_assessment
from ..forms import ActionForm, StartForm
from ..limits import limited
from ..locale import choose, ui_locale
from .forms import SectionForm, section_form_class

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
        choose(form.language.data)
        return redirect(url_for(".created", token=assessment.token))
    status = 400 if request.method == "POST" else 200
    return render_template("assessment/start.html", form=form, errors=form_errors(form)), status


@bp.get("/<token>/created")
@with_assessment()
def created(assessment, q):
    return render_template("assessment/created.html", assessment=assessment, q=q)


@bp.get("/<token>")
@with_assessment()
def overview(assessment, q):
    answer_set = assessments.to_answer_set(assessment)
    status = section_status(q, answer_set)
    return render_template(
        "assessment/overview.html",
        assessment=assessment,
        q=q,
        status=status,
        progress=progress(q, answer_set),
        next_section=next_section(q, status),
        form=ActionForm(),
        filing=organisations.filing(assessment, current_user.user),
    )


def _section(q: Questionnaire, section_id: str) -> tuple[int, Section]:
    for index, section in enumerate(q.sections):
        if section.id == section_id:
            return index, section
    abort(404)


@bp.route("/<token>/step/<section_id>", methods=["GET", "POST"])
@with_assessment()
def step(assessment, q, section_id: str):
    index, section = _section(q, section_id)
    form_class = section_form_class(q, section, ui_locale())
    if request.method == "GET":
        form = form_class.from_saved(assessments.to_answer_set(assessment))
        return _render_step(assessment, q, index, form)
    form = form_class()
    if not workshops.accepts_answers(assessment):  # the trainer has closed the workshop
        flash(_("This workshop is closed: your answers can no longer be changed."), "saved")
        return redirect(url_for("join.done", token=assessment.token))
    if not form.validate_page(set(request.form)):
        errors = form_errors(form) + [("", message) for message in form.page_errors]
        return _render_step(assessment, q, index, form, errors), 400
    assessments.save(assessment, *form.answers(), locale=ui_locale())

    token = assessment.token
    if request.form.get("action", "next") == "later":
        flash(_("Your answers have been saved. Use your private link to come back."), "saved")
        return redirect(url_for(".overview", token=token))
    if index + 1 < len(q.sections):
        return redirect(url_for(".step", token=token, section_id=q.sections[index + 1].id))
    return redirect(url_for(".check", token=token))


def _render_step(assessment, q: Questionnaire, index: int, form: SectionForm, errors=()) -> str:
    """Wizard page number `index`, with what the person sent or saved, and any errors."""
    return render_template(
        "assessment/step.html",
        assessment=assessment,
        q=q,
        section=q.sections[index],
        form=form,
        errors=list(errors),
        number=index + 1,
        total=len(q.sections),
        previous=q.sections[index - 1] if index else None,
        progress=progress(q, assessments.to_answer_set(assessment)),
    )


@bp.route("/<token>/check", methods=["GET", "POST"])
@with_assessment()
def check(assessment, q):
    form = ActionForm()
    if form.validate_on_submit():
        if assessment.workshop is not None:  # counted once, however often it is sent
            if workshops.accepts_answers(assessment):
                assessments.submit(assessment)
            return redirect(url_for("join.done", token=assessment.token))
        assessments.submit(assessment)
        # The PDF renders while the results page loads and is read (if not already begun).
        reports.prefetch_answers(assessment, q, ui_locale())
        return redirect(url_for("results.show", token=assessment.token))
    answer_set = assessments.to_answer_set(assessment)
    incomplete = incomplete_sections(q, section_status(q, answer_set))
    page = render_template(
        "assessment/check.html",
        assessment=assessment,
        q=q,
        answers=answer_set,
        form=form,
        incomplete=incomplete,
    )
    if not incomplete:  # likely submitted next: render its report while the page is read
        reports.prefetch_answers(assessment, q, ui_locale())
    return page


@bp.post("/<token>/reassess")
@limited("reassess")
@with_assessment()
def reassess(previous, _q):
    if not ActionForm().validate_on_submit():
        abort(400)
    assessment = assessments.reassess(previous, default_questionnaire())
    return redirect(url_for(".created", token=assessment.token))
