"""A trainer's workshop pages: list, create, the facilitator view, the projector view, the
live data both poll, open/close, reveal section by section, the join QR code."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import wraps

import segno
from flask import (
    Blueprint,
    Response,
    abort,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import SelectChoice

from ...content.catalogue import default_questionnaire
from ...core.permissions import Action
from ...models.workshop import WorkshopState
from ...report.consensus import consensus_context
from ...report.workshop import live_context
from ...services import consensus, reports, workshop_results, workshops
from ...services.errors import Conflict, Invalid
from ..assessment.views import form_errors
from ..forms import ActionForm
from ..locale import ui_locale
from ..permissions import requires
from ..proxy import public_url
from .forms import AgreementForm, WorkshopForm

bp = Blueprint("workshops", __name__, url_prefix="/workshops")
PROBLEM_FIELDS = {"title": "title", "sections": "sections", "languages": "languages", "k": "k"}


STATE_NAMES = {
    WorkshopState.DRAFT: _l("Draft: not open yet"),
    WorkshopState.OPEN: _l("Open: taking answers"),
    WorkshopState.CLOSED: _l("Closed"),
}


@bp.app_context_processor
def _names() -> dict:
    return {"state_name": lambda state: str(STATE_NAMES[WorkshopState(state)])}


def with_workshop(view: Callable) -> Callable:
    """Give the view the organisation's workshop for `workshop_id` (404 for any other)."""

    @wraps(view)
    def wrapper(organisation, workshop_id: int, **kwargs):
        return view(organisation, workshops.get(organisation, workshop_id), **kwargs)

    return wrapper


def join_link(workshop) -> str:
    return public_url("join.choose", code=workshop.code)


@bp.get("/<int:organisation_id>/")
@requires(Action.RUN_WORKSHOP)
def index(organisation):
    listed = workshops.listed(organisation)
    return render_template("workshops/index.html", organisation=organisation, workshops=listed)


@bp.route("/<int:organisation_id>/new", methods=["GET", "POST"])
@requires(Action.RUN_WORKSHOP)
def new(organisation):
    q = default_questionnaire()
    form = WorkshopForm()
    form.sections.choices = [SelectChoice(s.id, s.title.get(ui_locale())) for s in q.sections]
    if form.validate_on_submit():
        tags = (form.role_tags.data or "").split(",")
        try:
            workshop = workshops.create(
                organisation, current_user.user, title=form.title.data, q=q,
                sections=form.sections.data, languages=form.languages.data,
                held_on=form.held_on.data, k=form.k.data, role_tags=tags,
            )  # fmt: skip
            return redirect(
                url_for(".show", organisation_id=organisation.id, workshop_id=workshop.id)
            )
        except Invalid as error:
            form.role_tags.errors = [_("Give at most 8 role tags of 40 characters or fewer.")]
            if "role_tags" not in error.problems:  # the form's own checks caught the rest
                abort(400)
    status = 400 if request.method == "POST" else 200
    page = render_template(
        "workshops/new.html", organisation=organisation, form=form, errors=form_errors(form)
    )
    return page, status


@bp.get("/<int:organisation_id>/<int:workshop_id>")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def show(organisation, workshop):
    return _show(organisation, workshop, _agreement_form(workshop))


def _agreement_form(workshop) -> AgreementForm:
    form = AgreementForm()
    q, locale = workshops.questionnaire(workshop), ui_locale()
    names = {
        "dimension": lambda d: _("Dimension: %(name)s", name=q.dimension(d).label(locale)),
        "item": lambda i: _("Statement: %(text)s", text=q.item(i).text.get(locale)),
    }
    form.subject.choices = [
        SelectChoice(f"{kind}:{target}", names[kind](target))
        for kind, target in consensus.subjects(workshop)
    ]
    return form


def _show(organisation, workshop, agreement_form):
    return render_template(
        "workshops/show.html", organisation=organisation, link=join_link(workshop),
        form=ActionForm(), agreement_form=agreement_form, errors=form_errors(agreement_form),
        revote=consensus.current(workshop), revoted=consensus.revoted(workshop),
        typed_in=workshop_results.typed_in_count(workshop),
        **_live(workshop, projector=False),
    )  # fmt: skip


@bp.get("/<int:organisation_id>/<int:workshop_id>/projector")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def projector(organisation, workshop):
    return render_template(
        "workshops/projector.html", organisation=organisation,
        link=join_link(workshop), **_live(workshop, projector=True),
    )  # fmt: skip


def _live(workshop, projector: bool) -> dict:
    counts, version = workshops.counts_and_version(workshop)
    group = workshops.reading(workshop, version)
    q, locale = workshops.questionnaire(workshop), ui_locale()
    context = live_context(workshop, q, group, locale, projector)
    rounds, agreed = consensus.rounds(workshop), consensus.agreements(workshop)
    context |= consensus_context(q, group, rounds, agreed, context["sections"], locale)
    return {**context, "counts": counts, "version": version, "workshop": workshop}


@bp.get("/<int:organisation_id>/<int:workshop_id>/live")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def live(organisation, workshop):
    """The live panel as JSON, or 304 when nothing changed since the version the page has."""
    projector = request.args.get("view") == "projector"
    counts, version = workshops.counts_and_version(workshop)
    version = f"{version}-{ui_locale()}-{'p' if projector else 'f'}"
    if request.headers.get("If-None-Match", "").strip('"') == version:
        response = make_response("", 304)
    else:
        html = render_template("workshops/_live.html", **_live(workshop, projector))
        response = jsonify(version=version, html=html, counts=counts.__dict__)
    response.headers["ETag"] = f'"{version}"'
    response.headers["Cache-Control"] = "no-cache, private"
    return response


@bp.post("/<int:organisation_id>/<int:workshop_id>/state")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def state(organisation, workshop):
    if not ActionForm().validate_on_submit():
        abort(400)
    wanted = {"open": WorkshopState.OPEN, "close": WorkshopState.CLOSED}.get(request.form.get("to"))
    if wanted is None:
        abort(400)
    try:
        workshops.set_state(workshop, wanted)
    except Conflict:
        abort(409)
    return redirect(url_for(".show", organisation_id=organisation.id, workshop_id=workshop.id))


@bp.post("/<int:organisation_id>/<int:workshop_id>/reveal")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def reveal(organisation, workshop):
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        workshops.reveal(
            workshop, request.form.get("section", ""), request.form.get("shown") == "1"
        )
    except Invalid:
        abort(400)
    return redirect(url_for(".show", organisation_id=organisation.id, workshop_id=workshop.id))


@bp.get("/<int:organisation_id>/<int:workshop_id>/qr.svg")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def qr(organisation, workshop):
    """The join link as a QR code, drawn on the server (segno), black on white."""
    out = io.BytesIO()
    segno.make(join_link(workshop), error="m").save(
        out, kind="svg", scale=8, border=4, xmldecl=False, title=_("QR code of the join link")
    )
    response = make_response("", 200)
    response.set_data(out.getvalue())
    response.mimetype = "image/svg+xml"
    return response


@bp.post("/<int:organisation_id>/<int:workshop_id>/revote")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def revote(organisation, workshop):
    """Open a re-vote on a statement (`item`), or close the one open (`to=close`)."""
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        if request.form.get("to") == "close":
            consensus.close_revote(workshop)
        else:
            consensus.open_revote(workshop, request.form.get("item", ""))
    except Conflict:
        abort(409)
    except Invalid:
        abort(400)
    url = url_for(".show", organisation_id=organisation.id, workshop_id=workshop.id)
    return redirect(f"{url}#consensus")


AGREEMENT_PROBLEMS = {
    "subject": ("subject", _l("Choose one of the answers offered.")),
    "score": (
        "score",
        _l("Enter a whole number from 1 to 5 for a statement, 0 to 100 for a dimension."),
    ),
    "rationale": ("rationale", _l("Say in one line why the room agreed on this score.")),
    "dissent": ("dissent", _l("Keep the dissent note to 300 characters or fewer.")),
}


@bp.post("/<int:organisation_id>/<int:workshop_id>/agreement")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def agreement(organisation, workshop):
    """Record the room's agreed score, rationale and dissent; bad input keeps what was typed."""
    form = _agreement_form(workshop)
    if form.validate_on_submit():
        data = (form.subject.data, form.score.data, form.rationale.data, form.dissent.data)
        try:
            consensus.record_agreement(workshop, *data)
        except Conflict:
            abort(409)
        except Invalid as error:
            for problem in error.problems:
                name, message = AGREEMENT_PROBLEMS[problem]
                form[name].errors = [str(message)]
        else:
            url = url_for(".show", organisation_id=organisation.id, workshop_id=workshop.id)
            return redirect(f"{url}#consensus")
    if form.score.errors:  # not a whole number: the same words as a number out of range
        form.score.errors = [str(AGREEMENT_PROBLEMS["score"][1])]
    return _show(organisation, workshop, form), 400


@bp.get("/<int:organisation_id>/<int:workshop_id>/report.pdf")
@requires(Action.RUN_WORKSHOP)
@with_workshop
def report(organisation, workshop):
    """The group report, in the language asked for (French unless English is asked)."""
    locale = "en" if request.args.get("lang") == "en" else "fr"
    counts, version = workshops.counts_and_version(workshop)
    pdf, filename = reports.workshop_pdf(workshop, workshops.reading(workshop, version), locale)
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
