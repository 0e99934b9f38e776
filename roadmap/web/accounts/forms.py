"""Forms of the accounts pages, and the words for what a service refused."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, RadioField, SelectChoice, SelectField
from wtforms.validators import DataRequired, EqualTo, Length, Optional

from ...core.passwords import MAX_LENGTH, MIN_LENGTH, PasswordProblem
from ...services.accounts import EMAIL_MAX, INVALID_EMAIL, NAME_MAX
from ..textfields import CleanStringField

PROBLEMS = {
    PasswordProblem.TOO_SHORT: _l("Your password must be at least %(min)d characters long."),
    PasswordProblem.TOO_LONG: _l("Your password must be %(max)d characters or fewer."),
    PasswordProblem.COMMON: _l(
        "This password is too common or too easy to guess. Try a few unrelated words."
    ),
    PasswordProblem.LIKE_EMAIL: _l("Your password must not contain your e-mail address."),
    INVALID_EMAIL: _l("Enter an e-mail address in the right format, like name@example.org."),
}


def problem_text(problem: str) -> str:
    """The sentence for a refusal reason of the account services."""
    message = PROBLEMS.get(problem)
    return str(message) % {"min": MIN_LENGTH, "max": MAX_LENGTH} if message else problem


def email_field(label=None) -> CleanStringField:
    return CleanStringField(
        label or _l("E-mail address"),
        validators=[
            DataRequired(message=_l("Enter your e-mail address.")),
            Length(max=EMAIL_MAX, message=_l("The e-mail address is too long.")),
        ],
    )


def new_password_fields():
    new = PasswordField(
        _l("New password"), validators=[DataRequired(message=_l("Enter a new password."))]
    )
    confirm = PasswordField(
        _l("Confirm the new password"),
        validators=[EqualTo("password", message=_l("The two passwords are not the same."))],
    )
    return new, confirm


class LoginForm(FlaskForm):
    email = email_field()
    password = PasswordField(
        _l("Password"), validators=[DataRequired(message=_l("Enter your password."))]
    )


class ResetRequestForm(FlaskForm):
    email = email_field()


class NewPasswordForm(FlaskForm):
    password, confirm = new_password_fields()


class SignUpForm(FlaskForm):
    name = CleanStringField(
        _l("Your name (optional)"),
        validators=[
            Optional(),
            Length(max=NAME_MAX, message=_l("The name must be %(max)d characters or fewer.")),
        ],
    )
    password, confirm = new_password_fields()


class ChangePasswordForm(FlaskForm):
    current = PasswordField(
        _l("Current password"),
        validators=[DataRequired(message=_l("Enter your current password."))],
    )
    password, confirm = new_password_fields()


class ClaimForm(FlaskForm):
    team = SelectField(_l("Team"), coerce=int)


class DeleteAccountForm(FlaskForm):
    assessments = RadioField(
        _l("What becomes of the assessments filed under your account"),
        choices=[
            SelectChoice("keep", _l("Keep them in their teams, without my name (anonymised)")),
            SelectChoice("delete", _l("Delete them with their answers and reflections")),
        ],
        validators=[DataRequired(message=_l("Choose what becomes of your assessments."))],
    )
    password = PasswordField(
        _l("Your password, to confirm"),
        validators=[DataRequired(message=_l("Enter your password."))],
    )
