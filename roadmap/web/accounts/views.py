"""Account pages: sign in and out, one's account, passwords, sign-up, claiming an assessment."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ... import mail
from ...core.permissions import Action
from ...services import accounts, invitations, organisations
from ...services.errors import Conflict, Forbidden, Invalid
from ..access import with_assessment
from ..assessment.views import form_errors
from ..forms import ActionForm
from ..limits import limited
from ..permissions import requires
from ..proxy import public_url
from ..signin import safe_next, sign_in, sign_out
from .forms import (
    ChangePasswordForm,
    ClaimForm,
    LoginForm,
    NewPasswordForm,
    ResetRequestForm,
    SignUpForm,
    problem_text,
)

bp = Blueprint("accounts", __name__, url_prefix="/accounts")


def reset_link(token: str) -> str:
    return public_url("accounts.reset", token=token)


def _refused(form, error: Invalid, field: str = "password") -> list[tuple[str, str]]:
    """The form's errors plus the service's reasons, shown against `field`."""
    messages = [problem_text(p) for p in error.problems]
    getattr(form, field).errors = list(getattr(form, field).errors) + messages
    return form_errors(form)


def _page(template: str, form, errors=None, **context):
    status = 400 if errors or (request.method == "POST" and form.errors) else 200
    return render_template(
        template, form=form, errors=errors or form_errors(form), **context
    ), status


@bp.route("/login", methods=["GET", "POST"])
@limited("login", methods=("POST",))
@requires(Action.PUBLIC)
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(form.email.data, form.password.data)
        except Forbidden:
            message = _("The e-mail address or the password is not right.")
            return _page("accounts/login.html", form, [("email", message)])
        sign_in(user)
        return redirect(safe_next(request.args.get("next"), url_for(".index")))
    return _page("accounts/login.html", form)


@bp.post("/logout")
@requires(Action.USE_ACCOUNT)
def logout():
    if ActionForm().validate_on_submit():
        sign_out()
        flash(_("You are signed out."), "account")
    return redirect(url_for(".login"))


@bp.get("/")
@requires(Action.USE_ACCOUNT)
def index():
    user = current_user.user
    return render_template(
        "accounts/index.html",
        user=user,
        teams=organisations.teams_of(user),
        organisations=organisations.listed_for(current_user.grants),
        form=ActionForm(),
    )


@bp.route("/password", methods=["GET", "POST"])
@requires(Action.USE_ACCOUNT)
def password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user.user
        try:
            accounts.change_password(user, form.current.data, form.password.data)
        except Forbidden:
            form.current.errors = [_("Your current password is not right.")]
            return _page("accounts/password.html", form)
        except Invalid as error:
            return _page("accounts/password.html", form, _refused(form, error))
        sign_in(user)  # the change ended every session, this one included
        flash(_("Your password has been changed. You are signed out everywhere else."), "account")
        return redirect(url_for(".index"))
    return _page("accounts/password.html", form)


@bp.route("/reset", methods=["GET", "POST"])
@limited("reset", methods=("POST",))
@requires(Action.PUBLIC)
def reset_request():
    form = ResetRequestForm()
    if mail.configured() and form.validate_on_submit():
        accounts.request_reset(form.email.data, reset_link)
        return render_template("accounts/reset_sent.html")
    return _page("accounts/reset_request.html", form, mail_configured=mail.configured())


@bp.route("/reset/<token>", methods=["GET", "POST"])
@requires(Action.PUBLIC)
def reset(token: str):
    user = accounts.reset_target(token)
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            accounts.reset_password(token, form.password.data)
        except Invalid as error:
            return _page("accounts/reset.html", form, _refused(form, error), user=user)
        sign_in(user)
        flash(_("Your new password is saved and you are signed in."), "account")
        return redirect(url_for(".index"))
    return _page("accounts/reset.html", form, user=user)


@bp.route("/signup/<token>", methods=["GET", "POST"])
@requires(Action.PUBLIC)
def signup(token: str):
    invitation = invitations.invitation(token)
    organisation = organisations.get(invitation.organisation_id)
    signed_in = current_user.user
    form = ActionForm() if signed_in else SignUpForm()
    context = {"invitation": invitation, "organisation": organisation, "signed_in": signed_in}
    if signed_in is None and invitations.account_exists(invitation.email):
        return render_template("accounts/signup_existing.html", **context)
    if form.validate_on_submit():
        try:
            user = invitations.accept_invitation(
                token,
                user=signed_in,
                password=None if signed_in else form.password.data,
                name=None if signed_in else form.name.data,
            )
        except Invalid as error:
            return _page("accounts/signup.html", form, _refused(form, error), **context)
        sign_in(user)
        flash(_("Welcome to %(organisation)s.", organisation=organisation.name), "account")
        return redirect(url_for(".index"))
    return _page("accounts/signup.html", form, **context)


@bp.route("/claim/<token>", methods=["GET", "POST"])
@requires(Action.CLAIM_ASSESSMENT)
@with_assessment()
def claim(assessment, q):
    teams = organisations.claimable_teams(current_user.user)
    form = ClaimForm()
    form.team.choices = [(t.id, t.name) for t in teams]
    context = {"assessment": assessment, "q": q, "teams": teams}
    if form.validate_on_submit():
        try:
            organisations.claim(assessment, current_user.user, form.team.data)
        except Conflict:
            form.team.errors = [_("This assessment is already filed under someone else.")]
            return _page("accounts/claim.html", form, **context)
        team = organisations.get_team_by_id(form.team.data)
        flash(_("The assessment is filed under your team."), "account")
        return redirect(
            url_for("organisations.team", organisation_id=team.organisation_id, team_id=team.id)
        )
    return _page("accounts/claim.html", form, **context)
