"""Wizard pages as forms, built from a questionnaire section's items."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectChoice
from wtforms.validators import Length, Optional, ValidationError

from ...core.answers import DONT_KNOW, NOT_APPLICABLE, AnswerSet, Value, decode_value
from ...core.questionnaire import Item, ItemKind, Questionnaire, Section
from ..textfields import CleanTextAreaField

CHOICE_MESSAGE = _l("Choose one of the answers offered.")


class AnswerField(RadioField):
    """A radio group whose out-of-range message tells the person what to do."""

    def process_formdata(self, valuelist: list[str]) -> None:
        # No choice and a blank value both mean "not answered on this page".
        self.data = (valuelist[0].strip() or None) if valuelist else None

    def pre_validate(self, form: FlaskForm) -> None:
        if self.data is not None and self.data not in {c.value for c in self.choices}:
            raise ValidationError(CHOICE_MESSAGE)


def _radio(item: Item, q: Questionnaire, locale: str) -> AnswerField:
    if item.kind is ItemKind.RATED:
        choices = [
            SelectChoice(str(p.value), f"{p.value} – {p.label.get(locale)}") for p in q.scale
        ]
        choices.append(SelectChoice(DONT_KNOW, q.dont_know.get(locale)))
        if not item.precondition:  # a precondition of co-creation always applies
            choices.append(SelectChoice(NOT_APPLICABLE, q.not_applicable.get(locale)))
    else:
        choices = [SelectChoice(o.id, o.label.get(locale)) for o in item.options]
        choices.append(SelectChoice(DONT_KNOW, q.dont_know.get(locale)))
    return AnswerField(item.text.get(locale), choices=choices, validators=[Optional()])


CONTROL_FIELDS = frozenset({"csrf_token", "action"})


class SectionForm(FlaskForm):
    """A wizard page; subclasses made by section_form_class() carry one field per item."""

    section: Section

    @classmethod
    def from_saved(cls, answer_set: AnswerSet) -> SectionForm:
        saved = {**{k: str(v) for k, v in answer_set.answers.items()}, **answer_set.reflections}
        return cls(data={i.id: saved.get(i.id) for i in cls.section.items})

    def validate_page(self, posted_names: set[str]) -> bool:
        """Validate the fields, and refuse answers to questions that are not on this page
        (a tampered or outdated form) rather than drop them silently."""
        self.page_errors: list[str] = []
        self.posted_names = posted_names
        unknown = sorted(posted_names - set(self._fields) - CONTROL_FIELDS)
        if unknown:
            self.page_errors.append(
                _(
                    "This page was sent with answers to questions it does not contain "
                    "(%(names)s). Nothing was saved: check your answers and save again.",
                    names=", ".join(unknown[:5]),
                )
            )
        return self.validate() and not unknown

    def answers(self) -> tuple[dict[str, Value], dict[str, str]]:
        """(answers, reflections) to save; an unanswered radio group keeps its saved answer,
        and so does a reflection whose field is absent from the POST (only an empty one sent
        by the page clears it)."""
        answers, reflections = {}, {}
        posted = getattr(self, "posted_names", None)
        for item in self.section.items:
            value = self[item.id].data
            if item.kind is ItemKind.TEXT:
                if posted is None or item.id in posted:
                    reflections[item.id] = value or ""
            elif value:
                answers[item.id] = decode_value(value)
        return answers, reflections


def section_form_class(q: Questionnaire, section: Section, locale: str) -> type[SectionForm]:
    """A form class with one field per item of `section`, named by the item id."""
    fields: dict[str, Field] = {}
    for item in section.items:
        if item.kind is ItemKind.TEXT:
            fields[item.id] = CleanTextAreaField(
                item.text.get(locale),
                validators=[
                    Optional(),
                    Length(
                        max=item.max_length,
                        message=_l(
                            "Your answer is %(length)d characters long; the limit is %(max)d. "
                            "Shorten it to save this page."
                        ),
                    ),
                ],
            )
        else:
            fields[item.id] = _radio(item, q, locale)
    return type(f"Section_{section.id}", (SectionForm,), {"section": section, **fields})
