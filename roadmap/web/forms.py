"""Forms shared by several blueprints: starting an assessment, the report language, buttons."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectField
from wtforms.validators import Length, Optional

from ..report.wording import ROLE_NAMES
from .textfields import CleanStringField

ROLES = [SelectChoice(role, name) for role, name in ROLE_NAMES.items()]
LANGUAGES = [SelectChoice("fr", "Français"), SelectChoice("en", "English")]
SERVICE_NAME_MAX = 200


class StartForm(FlaskForm):
    service_name = CleanStringField(
        _l("Service or team name (optional)"),
        validators=[
            Optional(),
            Length(
                max=SERVICE_NAME_MAX,
                message=_l("The service or team name must be %(max)d characters or fewer."),
            ),
        ],
    )
    role = RadioField(_l("Your role"), choices=ROLES, validators=[Optional()])
    language = RadioField(
        _l("Language of the assessment"),
        choices=LANGUAGES,
        default="fr",
    )


class ReportForm(FlaskForm):
    """Language chosen at download."""

    lang = SelectField(_l("Language of the report"), choices=LANGUAGES)


class ActionForm(FlaskForm):
    """A form with nothing but its CSRF token, for buttons that change state."""
