"""A manager's pages: the organisation's teams and people, invitations, moving people, links."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...core.permissions import Action, Resource, Role, allowed, may_reset_password_of
from ...services import accounts, invitations, organisations
from ...services.errors import Conflict, Invalid
from ..accounts.forms import problem_text
from ..accounts.views import reset_link
from ..assessment.views import form_errors
from ..forms import ActionForm
from ..locale import ui_locale
from ..permissions import requires
from ..proxy import public_url
from .forms import NO_TEAM, ROLE_NAMES, InviteForm, MoveForm, OrganisationForm, TeamForm

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


@bp.context_processor
def _names() -> dict:
    return {"Action": Action, "role_name": lambda role: str(ROLE_NAMES[Role(role)])}


def _signup_link(token: str) -> str:
    return public_url("accounts.signup", token=token)


@bp.route("/", methods=["GET", "POST"])
@requires(Action.USE_ACCOUNT)
def index():
    grants = current_user.grants
    form = OrganisationForm() if allowed(grants, Action.ADMINISTER) else None
    status = 200
    if form is not None and form.validate_on_submit():
        try:
            organisation = organisations.create_organisation(form.name.data)
            return redirect(url_for(".show", organisation_id=organisation.id))
        except (Conflict, Invalid):
            form.name.errors = [_("An organisation of that name exists already.")]
    if request.method == "POST":
        status = 400 if form is not None else 403
    listed = organisations.listed_for(grants)
    errors = form_errors(form) if form else []
    page = render_template(
        "organisations/index.html", organisations=listed, form=form, errors=errors
    )
    return page, status


def _show(organisation, team_form=None, status=200):
    grants = current_user.grants
    may = {
        action: allowed(grants, action, Resource(organisation.id))
        for action in (
            Action.INVITE,
            Action.MANAGE_TEAMS,
            Action.RESET_PASSWORDS,
            Action.EXPORT_RESULTS,
            Action.VIEW_LEDGER,
            Action.MANAGE_PEOPLE,
            Action.VIEW_AUDIT_LOG,
            Action.RUN_WORKSHOP,
        )
    }
    team_form = team_form or TeamForm()
    page = render_template(
        "organisations/show.html",
        organisation=organisation,
        overview=organisations.overview(organisation),
        may=may,
        team_form=team_form,
        errors=form_errors(team_form),
        form=ActionForm(),
    )
    return page, status


@bp.get("/<int:organisation_id>")
@requires(Action.VIEW_ORGANISATION)
def show(organisation):
    return _show(organisation)


@bp.post("/<int:organisation_id>/teams")
@requires(Action.MANAGE_TEAMS)
def create_team(organisation):
    form = TeamForm()
    if form.validate_on_submit():
        try:
            team = organisations.create_team(organisation, form.name.data, by=current_user.user)
        except (Conflict, Invalid):
            form.name.errors = [_("This organisation already has a team of that name.")]
        else:
            flash(_("Team %(name)s created.", name=team.name), "account")
            return redirect(url_for(".show", organisation_id=organisation.id))
    return _show(organisation, form, 400)


@bp.get("/<int:organisation_id>/teams/<int:team_id>")
@requires(Action.VIEW_TEAM_RESULTS)
def team(organisation, team):
    from .ledger import team_charts  # the ledger's routes live beside these, on this blueprint

    members = dict(organisations.overview(organisation).teams).get(team, [])
    assessments = organisations.team_assessments(team)
    return render_template(
        "organisations/team.html",
        organisation=organisation,
        team=team,
        members=members,
        assessments=assessments,
        may_ledger=allowed(current_user.grants, Action.VIEW_LEDGER, Resource(organisation.id)),
        **team_charts(team, ui_locale()),
    )


@bp.route("/<int:organisation_id>/invite", methods=["GET", "POST"])
@requires(Action.INVITE)
def invite(organisation):
    form = InviteForm()
    form.team.choices = [(NO_TEAM, _("No team"))] + [(t.id, t.name) for t in organisation.teams]
    if form.validate_on_submit():
        role = Role(form.role.data)
        team = None
        if form.team.data != NO_TEAM:
            team = organisations.get_team(organisation, form.team.data)
        try:
            delivery = invitations.invite(
                organisation,
                form.email.data,
                role,
                _signup_link,
                team=team,
                invited_by=current_user.user,
            )
        except Invalid as error:
            field = "team" if error.problems == ["needs_team"] else "email"
            getattr(form, field).errors = [problem_text(p) for p in error.problems]
        else:
            return render_template(
                "organisations/link.html",
                organisation=organisation,
                delivery=delivery,
                email=accounts.normalise_email(form.email.data),
                kind="invitation",
            )
    status = 400 if request.method == "POST" else 200
    page = render_template(
        "organisations/invite.html", organisation=organisation, form=form, errors=form_errors(form)
    )
    return page, status


@bp.route("/<int:organisation_id>/people/<int:user_id>/move", methods=["GET", "POST"])
@requires(Action.MANAGE_TEAMS)
def move(organisation, user_id: int):
    person = organisations.person(organisation, user_id)
    teams = list(organisation.teams)
    form = MoveForm()
    form.from_team.choices = [(NO_TEAM, _("No team (add only)"))] + [(t.id, t.name) for t in teams]
    form.to_team.choices = [(t.id, t.name) for t in teams]
    if form.validate_on_submit():
        to_team = organisations.get_team(organisation, form.to_team.data)
        from_team = None
        if form.from_team.data != NO_TEAM:
            from_team = organisations.get_team(organisation, form.from_team.data)
        try:
            organisations.move_person(
                organisation, person, to_team, from_team, by=current_user.user
            )
        except Conflict:
            form.from_team.errors = [_("This person is not in that team.")]
        else:
            flash(
                _("%(email)s is now in %(team)s.", email=person.email, team=to_team.name), "account"
            )
            return redirect(url_for(".show", organisation_id=organisation.id))
    status = 400 if request.method == "POST" else 200
    page = render_template(
        "organisations/move.html",
        organisation=organisation,
        person=person,
        form=form,
        errors=form_errors(form),
    )
    return page, status


@bp.post("/<int:organisation_id>/people/<int:user_id>/reset")
@requires(Action.RESET_PASSWORDS)
def reset(organisation, user_id: int):
    person = organisations.person(organisation, user_id)
    target = organisations.grants_for(person)
    if not may_reset_password_of(current_user.grants, target, organisation.id):
        abort(403)
    if not ActionForm().validate_on_submit():
        return redirect(url_for(".show", organisation_id=organisation.id))
    try:
        delivery = accounts.start_reset(
            person, reset_link, by=current_user.user, organisation_id=organisation.id
        )
    except Conflict:
        flash(_("This account is disabled: an administrator can enable it again."), "account")
        return redirect(url_for(".show", organisation_id=organisation.id))
    return render_template(
        "organisations/link.html",
        organisation=organisation,
        delivery=delivery,
        email=person.email,
        kind="reset",
    )
