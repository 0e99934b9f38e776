"""The action-plan form of the results page, and the words for what the core refuses."""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField
from wtforms.validators import InputRequired, Optional, ValidationError

from ...core.actions import (
    ACTION_MAX,
    EARLIEST_YEAR,
    LATEST_YEAR,
    OWNER_MAX,
    ActionStatus,
    PlanRow,
    Problem,
)
from ...report.plan import status_names
from ...report.wording import number_text
from ..textfields import CleanStringField, MaxLength

NO_METHOD = ""
BAD_DATE = _l("Enter the due date as a real date, for example 2027-03-15.")
PROBLEM_TEXT = {
    Problem.ACTION_MISSING: _l("Describe the action."),
    Problem.ACTION_TOO_LONG: _l("The action must be %(max)s characters or fewer."),
    Problem.OWNER_TOO_LONG: _l("The owner must be %(max)s characters or fewer."),
    Problem.DUE_OUT_OF_RANGE: _l("Enter a due date between the years 2000 and 2100."),
    Problem.BAD_STATUS: _l("Choose where the action stands."),
    Problem.UNKNOWN_METHOD: _l("Choose one of the recommended methods, or none."),
    Problem.TOO_MANY: _l("The plan is full: remove an action before adding another."),
}
# Which field each refusal belongs to (None: the form as a whole).
PROBLEM_FIELD = {
    Problem.ACTION_MISSING: "action",
    Problem.ACTION_TOO_LONG: "action",
    Problem.OWNER_TOO_LONG: "owner",
    Problem.DUE_OUT_OF_RANGE: "due_on",
    Problem.BAD_STATUS: "status",
    Problem.UNKNOWN_METHOD: "method",
    Problem.TOO_MANY: None,
}


class DueDateField(DateField):
    """A date input (`type="date"`, which browsers send as YYYY-MM-DD): empty is no date,
    anything else must be a real day. What was typed stays in the field when it is not."""

    def process_formdata(self, valuelist: list) -> None:
        self.data = None
        if not valuelist or not isinstance(valuelist[0], str) or not valuelist[0].strip():
            return
        try:
            self.data = datetime.strptime(valuelist[0].strip(), "%Y-%m-%d").date()
        except ValueError:
            raise ValueError(str(BAD_DATE)) from None


class ChoiceField(SelectField):
    """A select that refuses a value it did not offer with words of our own."""

    def __init__(self, *args, refusal: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.refusal = refusal

    def pre_validate(self, form) -> None:
        if self.data not in {choice.value for choice in self.choices}:
            raise ValidationError(str(self.refusal))


class ActionPlanForm(FlaskForm):
    """One action: what, who, by when, where it stands, which recommended method."""

    action = CleanStringField(
        _l("Action"),
        validators=[
            InputRequired(PROBLEM_TEXT[Problem.ACTION_MISSING]),
            MaxLength(ACTION_MAX, PROBLEM_TEXT[Problem.ACTION_TOO_LONG]),
        ],
    )
    owner = CleanStringField(
        _l("Owner (optional)"),
        validators=[
            Optional(),
            MaxLength(OWNER_MAX, PROBLEM_TEXT[Problem.OWNER_TOO_LONG]),
        ],
    )
    due_on = DueDateField(_l("Due date (optional)"), validators=[Optional()])
    status = ChoiceField(
        _l("Status"),
        choices=[],
        default=ActionStatus.NOT_STARTED.value,
        refusal=PROBLEM_TEXT[Problem.BAD_STATUS],
    )
    method = ChoiceField(
        _l("Recommended method it carries out (optional)"),
        choices=[],
        refusal=PROBLEM_TEXT[Problem.UNKNOWN_METHOD],
    )

    def __init__(self, *args, methods: list[tuple[str, str]] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = [SelectChoice(s.value, n) for s, n in status_names().items()]
        self.method.choices = [SelectChoice(NO_METHOD, _l("None"))] + [
            SelectChoice(value, label) for value, label in methods
        ]

    def row(self) -> PlanRow:
        return PlanRow(
            action=self.action.data or "",
            owner=self.owner.data,
            due_on=self.due_on.data,
            status=ActionStatus(self.status.data),
            recommendation_id=self.method.data or None,
        )

    def fill(self, row: PlanRow) -> None:
        """Show a stored row (on a GET of its page)."""
        self.action.data, self.owner.data, self.due_on.data = row.action, row.owner, row.due_on
        self.status.data, self.method.data = str(row.status), row.recommendation_id or NO_METHOD

    def refuse(self, problems: list[str]) -> list[str]:
        """Put the service's refusals under their fields; returns those of the whole form."""
        general = []
        for problem in problems:
            field = PROBLEM_FIELD.get(Problem(problem))
            text = problem_text(Problem(problem))
            if field is None:
                general.append(text)
            else:
                getattr(self, field).errors = [text]
        return general


def problem_text(problem: Problem) -> str:
    """The words for a refusal, numbers written as the reader writes them."""
    limits = {Problem.ACTION_TOO_LONG: ACTION_MAX, Problem.OWNER_TOO_LONG: OWNER_MAX}
    text = str(PROBLEM_TEXT[problem])
    return text % {"max": number_text(limits[problem])} if problem in limits else text


def date_bounds() -> tuple[str, str]:
    """The date input's min and max (what the core accepts)."""
    return date(EARLIEST_YEAR, 1, 1).isoformat(), date(LATEST_YEAR, 12, 31).isoformat()
