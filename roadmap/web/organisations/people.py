"""A manager's page about one person: their role, their teams, taking them out."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...core.permissions import Role
from ...services import organisations, people
from ...services.errors import Conflict, Forbidden
from ..assessment.views import form_errors
from ..forms import ActionForm
from ..permissions import requires
from .forms import LeaveTeamForm, RoleForm
from .views import Action, bp

REFUSED = {
    Forbidden: lambda: _("Only an administrator can change the role of a manager."),
    Conflict: lambda: _(
        "The organisation needs a manager: make someone else a manager first, or ask an"
        " administrator."
    ),
}


def _person_page(organisation, person, role_form=None, status=200):
    teams = [t for t in organisations.teams_of(person) if t.organisation_id == organisation.id]
    role_form = role_form or RoleForm(role=people.role_of(organisation, person).value)
    leave_form = LeaveTeamForm(formdata=None)
    leave_form.team.choices = [(t.id, t.name) for t in teams]
    page = render_template(
        "organisations/person.html",
        organisation=organisation,
        person=person,
        teams=teams,
        role_form=role_form,
        leave_form=leave_form,
        errors=form_errors(role_form),
    )
    return page, status


def _back(organisation, person=None):
    if person is None:
        return redirect(url_for(".show", organisation_id=organisation.id))
    return redirect(url_for(".person", organisation_id=organisation.id, user_id=person.id))


@bp.get("/<int:organisation_id>/people/<int:user_id>")
@requires(Action.MANAGE_PEOPLE)
def person(organisation, user_id: int):
    return _person_page(organisation, organisations.person(organisation, user_id))


@bp.post("/<int:organisation_id>/people/<int:user_id>/role")
@requires(Action.MANAGE_PEOPLE)
def change_role(organisation, user_id: int):
    person = organisations.person(organisation, user_id)
    form = RoleForm()
    if not form.validate_on_submit():
        return _person_page(organisation, person, form, 400)
    try:
        people.set_role(organisation, person, Role(form.role.data), by=current_user.user)
    except (Forbidden, Conflict) as error:
        form.role.errors = [REFUSED[type(error)]()]
        return _person_page(organisation, person, form, error.code)
    flash(_("%(email)s's role is saved.", email=person.email), "account")
    # A manager who stepped down may no longer open the person page.
    return _back(organisation, None if person.id == current_user.user.id else person)


@bp.post("/<int:organisation_id>/people/<int:user_id>/leave")
@requires(Action.MANAGE_TEAMS)
def leave_team(organisation, user_id: int):
    person = organisations.person(organisation, user_id)
    form = LeaveTeamForm()
    form.team.choices = [(t.id, t.name) for t in organisation.teams]
    if not form.validate_on_submit():
        return _back(organisation, person)
    team = organisations.get_team(organisation, form.team.data)
    try:
        people.remove_from_team(organisation, person, team, by=current_user.user)
    except Conflict:
        flash(_("%(email)s was not in %(team)s.", email=person.email, team=team.name), "account")
        return _back(organisation, person)
    flash(_("%(email)s is no longer in %(team)s.", email=person.email, team=team.name), "account")
    return _back(organisation, person)


@bp.post("/<int:organisation_id>/people/<int:user_id>/remove")
@requires(Action.MANAGE_PEOPLE)
def remove(organisation, user_id: int):
    person = organisations.person(organisation, user_id)
    if not ActionForm().validate_on_submit():
        return _back(organisation, person)
    try:
        people.remove_from_organisation(organisation, person, by=current_user.user)
    except (Forbidden, Conflict) as error:
        form = RoleForm(formdata=None, role=people.role_of(organisation, person).value)
        form.role.errors = [REFUSED[type(error)]()]
        return _person_page(organisation, person, form, error.code)
    flash(_("%(email)s is no longer in the organisation.", email=person.email), "account")
    if person.id == current_user.user.id:  # left it: nothing of it to show any more
        return redirect(url_for("accounts.index"))
    return _back(organisation)
