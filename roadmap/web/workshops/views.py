"""A trainer's workshop pages: list, create, the facilitator view, the projector view, the
live data both poll, open/close, reveal section by section, the join QR code."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import wraps

import segno
from flask import (
    Blueprint,
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
from ...report.workshop import live_context
from ...services import workshop_results, workshops
from ...services.errors import Conflict, Invalid
from ..assessment.views import form_errors
from ..forms import ActionForm
from ..locale import ui_locale
from ..permissions import requires
from ..proxy import public_url
from .forms import WorkshopForm

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
    return render_template(
        "workshops/show.html", organisation=organisation,
        link=join_link(workshop), form=ActionForm(), **_live(workshop, projector=False),
        typed_in=workshop_results.typed_in_count(workshop),
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
    context = live_context(
        workshop, workshops.questionnaire(workshop), group, ui_locale(), projector
    )
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
