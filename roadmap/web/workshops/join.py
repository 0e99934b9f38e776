"""Participants' way into a workshop: the code, then language and role, then the wizard.

No account: the browser keeps the participant's assessment token per workshop in its signed
session, so a reload, a second tab or a phone waking up comes back to the same answers."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice

from ...core.answers import DONT_KNOW, NOT_APPLICABLE
from ...core.permissions import Action
from ...models.workshop import WorkshopState
from ...services import consensus, workshop_results, workshops
from ...services.errors import Conflict, Invalid, NotFound
from ..access import with_assessment
from ..assessment.views import form_errors
from ..forms import LANGUAGES
from ..limits import limited
from ..locale import choose as choose_locale
from ..locale import ui_locale
from ..permissions import requires
from .forms import CodeForm, JoinForm, PairForm, RevoteForm

PAIR_MESSAGE = _l("Enter a code of 4 to 40 characters that you will remember.")
TAKEN_MESSAGE = _l("Someone in this workshop already chose this code: choose another one.")

bp = Blueprint("join", __name__, url_prefix="/join")
SESSION_KEY = "workshops"  # workshop id -> the participant's assessment token


def refusal_text(error: Exception) -> str:
    if isinstance(error, Conflict) and str(error) == workshops.NOT_OPEN:
        return _(
            "This workshop has not started yet. Wait for your trainer to open it, then try again."
        )
    if isinstance(error, Conflict):
        return _("This workshop is closed: it no longer takes answers.")
    return _("No open workshop has this code. Check the six characters shown by your trainer.")


@bp.route("/", methods=["GET", "POST"])
@requires(Action.PUBLIC)
@limited("join", methods=("POST",))
def code():
    form = CodeForm(code=request.args.get("code"))
    if form.validate_on_submit():
        try:
            workshop = workshops.by_code(form.code.data)
            return redirect(url_for(".choose", code=workshop.code))
        except (NotFound, Conflict) as error:
            form.code.errors = [refusal_text(error)]
            status = 404 if isinstance(error, NotFound) else 409
            return _page_code(form), status
    return _page_code(form), 400 if request.method == "POST" else 200


def _page_code(form):
    return render_template("join/code.html", form=form, errors=form_errors(form))


@bp.route("/<code>", methods=["GET", "POST"])
@requires(Action.PUBLIC)
@limited("join")
def choose(code: str):
    try:
        workshop = workshops.by_code(code)
    except (NotFound, Conflict) as error:
        form = CodeForm(code=code)
        form.code.errors = [refusal_text(error)]
        return _page_code(form), 404 if isinstance(error, NotFound) else 409
    mine = workshops.participant(workshop, session.get(SESSION_KEY, {}).get(str(workshop.id)))
    if mine is not None:  # back again (reload, second tab): the same answers, counted once
        return redirect(url_for("assessment.overview", token=mine.token))
    form = JoinForm(language=ui_locale() if ui_locale() in workshop.languages else None)
    form.language.choices = [c for c in LANGUAGES if c.value in workshop.languages]
    form.role.choices = [SelectChoice(t, t) for t in workshop.role_tags]
    if workshop.role_tags and request.method == "POST" and not form.role.data:
        form.role.errors = [_("Choose your role in this workshop.")]
    if form.validate_on_submit() and not form.role.errors:
        try:
            assessment = workshops.join(workshop, form.language.data, form.role.data)
        except Invalid:
            form.role.errors = [_("Choose your role in this workshop.")]
        else:
            session[SESSION_KEY] = {
                **session.get(SESSION_KEY, {}),
                str(workshop.id): assessment.token,
            }
            choose_locale(form.language.data)
            return redirect(url_for("assessment.overview", token=assessment.token))
    page = render_template(
        "join/choose.html", workshop=workshop, form=form, errors=form_errors(form)
    )
    return page, 400 if request.method == "POST" else 200


@bp.get("/done/<token>")
@requires(Action.PUBLIC)
@with_assessment()
def done(assessment, q):
    if assessment.workshop is None:
        return redirect(url_for("results.show", token=assessment.token))
    return _done(assessment, PairForm()), 200


def revote_choices(q, item, locale: str) -> list[SelectChoice]:
    """The answers of the statement, each with its scale label (the prompt of the re-vote)."""
    choices = [SelectChoice(str(p.value), f"{p.value} – {p.label.get(locale)}") for p in q.scale]
    choices.append(SelectChoice(DONT_KNOW, q.dont_know.get(locale)))
    if not item.precondition:
        choices.append(SelectChoice(NOT_APPLICABLE, q.not_applicable.get(locale)))
    return choices


@bp.route("/revote/<token>", methods=["GET", "POST"])
@requires(Action.PUBLIC)
@with_assessment()
def revote(assessment, q):
    """A participant answers the open re-vote again (once: a second answer replaces it)."""
    workshop = assessment.workshop
    if workshop is None:
        abort(404)
    current = consensus.current(workshop) if workshop.state == WorkshopState.OPEN else None
    if current is None:
        page = render_template("join/revote.html", assessment=assessment, revote=None)
        return page, 409 if request.method == "POST" else 200
    item = q.item(current.item_id)
    form = RevoteForm(value=consensus.my_answer(current, assessment))
    form.value.choices = revote_choices(q, item, ui_locale())
    if form.validate_on_submit():
        consensus.answer(assessment, form.value.data)
        flash(_("Your answer to the re-vote is saved."), "saved")
        return redirect(url_for(".done", token=assessment.token))
    page = render_template(
        "join/revote.html", assessment=assessment, revote=current, item=item, q=q,
        form=form, errors=form_errors(form),
    )  # fmt: skip
    return page, 400 if request.method == "POST" else 200


def _done(assessment, form, errors=()):
    workshop = assessment.workshop
    revote = consensus.current(workshop) if workshop.state == WorkshopState.OPEN else None
    return render_template(
        "join/done.html", assessment=assessment, workshop=workshop, revote=revote, form=form,
        errors=list(errors),
    )  # fmt: skip


@bp.post("/pair/<token>")
@requires(Action.PUBLIC)
@limited("join")
@with_assessment()
def pair(assessment, q):
    """The participant's own code pairing this answer with their answer at the other end of
    the training; only its keyed hash is stored."""
    if assessment.workshop is None or not workshops.accepts_answers(assessment):
        return redirect(url_for(".done", token=assessment.token))
    form = PairForm()
    status = 400
    if form.validate_on_submit():
        try:
            workshop_results.set_pair_code(assessment, form.pair_code.data)
        except Invalid:
            form.pair_code.errors = [PAIR_MESSAGE]
        except Conflict:  # counted by the "join" limit (409), against probing others' codes
            form.pair_code.errors = [TAKEN_MESSAGE]
            status = 409
        else:
            flash(_("Your pairing code is saved. Use the same one at the other workshop."), "saved")
            return redirect(url_for(".done", token=assessment.token))
    return _done(assessment, form, form_errors(form)), status
