"""Forms of the workshop pages: creating one, joining one by code, choosing language and role."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectMultipleField
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional

from ...core.questionnaire import Questionnaire
from ..assessment.forms import AnswerField, SectionForm, section_form_class
from ..forms import LANGUAGES
from ..textfields import CleanStringField, CleanTextAreaField, MaxLength


class WorkshopForm(FlaskForm):
    title = CleanStringField(
        _l("Title of the workshop"),
        validators=[
            DataRequired(_l("Enter a title for the workshop.")),
            MaxLength(200, _l("The title must be %(max)s characters or fewer.")),
        ],
    )
    sections = SelectMultipleField(
        _l("Sections answered"),
        validators=[DataRequired(_l("Choose at least one section."))],
    )
    languages = SelectMultipleField(
        _l("Languages offered"),
        choices=LANGUAGES,
        default=["fr", "en"],
        validators=[DataRequired(_l("Choose at least one language."))],
    )
    held_on = DateField(
        _l("Date (optional)"),
        validators=[Optional()],
        render_kw={"type": "date"},
    )
    k = IntegerField(
        _l("Anonymity threshold"),
        default=5,
        validators=[
            InputRequired(_l("Enter the anonymity threshold, a whole number from 3 to 50.")),
            NumberRange(3, 50, _l("Enter the anonymity threshold, a whole number from 3 to 50.")),
        ],
    )
    role_tags = CleanStringField(
        _l("Role tags (optional)"),
        validators=[Optional(), MaxLength(300, _l("Keep the role tags under %(max)s characters."))],
    )


class CodeForm(FlaskForm):
    code = CleanStringField(
        _l("Workshop code"), validators=[DataRequired(_l("Enter the code shown by your trainer."))]
    )


class JoinForm(FlaskForm):
    # AnswerField: an answer not offered reads "Choose one of the answers offered."
    language = AnswerField(
        _l("Your language"), validators=[DataRequired(_l("Choose your language."))]
    )
    role = AnswerField(_l("Your role in this workshop"), validators=[Optional()])


class AgreementForm(FlaskForm):
    """The score the room agreed on, for a statement (1-5) or a dimension (0-100)."""

    subject = AnswerField(
        _l("Agreed on"), validators=[DataRequired(_l("Choose a statement or a dimension."))]
    )
    score = IntegerField(
        _l("Agreed score"),
        validators=[
            InputRequired(
                _l("Enter the agreed score: 1 to 5 for a statement, 0 to 100 for a dimension.")
            )
        ],
    )
    rationale = CleanStringField(
        _l("Rationale, in one line"),
        validators=[
            DataRequired(_l("Say in one line why the room agreed on this score.")),
            MaxLength(200, _l("Keep the rationale to %(max)s characters or fewer.")),
        ],
    )
    dissent = CleanTextAreaField(
        _l("Dissent (optional)"),
        validators=[
            Optional(),
            MaxLength(300, _l("Keep the dissent note to %(max)s characters or fewer.")),
        ],
    )


class RevoteForm(FlaskForm):
    value = AnswerField(_l("Your answer"), validators=[DataRequired(_l("Choose an answer."))])


class _AllItems:
    """What SectionForm reads of a section: its items (here, those of every section)."""

    def __init__(self, items):
        self.items = items


class PaperForm(SectionForm):
    """One paper form: the role, then every item of the workshop's sections."""

    role = AnswerField(_l("Role written on the form"), validators=[Optional()])


def paper_form_class(q: Questionnaire, sections: list[str], locale: str) -> type[PaperForm]:
    """A form with one field per item of the sections, named by the item id, built from the
    wizard's own pages (same choices, same limits, same messages)."""
    fields: dict = {}
    items = []
    for section in q.sections:
        if section.id in sections:
            page = section_form_class(q, section, locale)
            for item in section.items:
                fields[item.id] = getattr(page, item.id)
                items.append(item)
    return type("Paper", (PaperForm,), {"section": _AllItems(items), **fields})


class PairForm(FlaskForm):
    pair_code = CleanStringField(
        _l("Your pairing code"),
        validators=[
            DataRequired(_l("Enter a code of 4 to 40 characters that you will remember.")),
            MaxLength(40, _l("Enter a code of 4 to 40 characters that you will remember.")),
        ],
    )
