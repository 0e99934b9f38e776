"""Forms of a manager's pages: invite a person, create a team, move a person, change a
person's role, take them out of a team."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectField
from wtforms.validators import DataRequired, Length

from ...core.permissions import PERSON_ROLES, Role
from ...services.invitations import NEEDS_TEAM
from ...services.organisations import INVALID_NAME, NAME_MAX
from ..accounts.forms import PROBLEMS, email_field
from ..textfields import CleanStringField

PROBLEMS.update(
    {
        NEEDS_TEAM: _l("Choose the team a member joins."),
        INVALID_NAME: _l("Enter a name of 200 characters or fewer."),
    }
)
ROLE_NAMES = {
    Role.MEMBER: _l("Member of a team"),
    Role.TRAINER: _l("Trainer for the organisation"),
    Role.MANAGER: _l("Manager of the organisation"),
}
assert tuple(ROLE_NAMES) == PERSON_ROLES
NO_TEAM = 0


def name_field(label) -> CleanStringField:
    return CleanStringField(
        label,
        validators=[
            DataRequired(message=_l("Enter a name.")),
            Length(max=NAME_MAX, message=_l("Enter a name of %(max)d characters or fewer.")),
        ],
    )


class InviteForm(FlaskForm):
    email = email_field(_l("E-mail address of the person"))
    role = RadioField(
        _l("Role"),
        choices=[SelectChoice(role.value, name) for role, name in ROLE_NAMES.items()],
        default=Role.MEMBER.value,
    )
    team = SelectField(_l("Team (for a member)"), coerce=int)


class TeamForm(FlaskForm):
    name = name_field(_l("Name of the new team"))


class OrganisationForm(FlaskForm):
    name = name_field(_l("Name of the new organisation"))


class RoleForm(FlaskForm):
    role = RadioField(
        _l("Role in the organisation"),
        choices=[SelectChoice(role.value, name) for role, name in ROLE_NAMES.items()],
    )


class LeaveTeamForm(FlaskForm):
    team = SelectField(_l("Team"), coerce=int)


class MoveForm(FlaskForm):
    from_team = SelectField(_l("Take out of"), coerce=int)
    to_team = SelectField(_l("Put into"), coerce=int)
