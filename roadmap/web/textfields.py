"""Text form fields that refuse what the database cannot store: NUL characters and files."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import StopValidation

NUL = "\x00"
NUL_MESSAGE = _l(
    "Your text contained an invisible character (NUL) that cannot be saved. It has been "
    "removed below: check your text and save again."
)
NOT_TEXT_MESSAGE = _l("This answer must be typed text, not a file.")


class CleanTextMixin:
    """Keeps what was typed, minus NUL characters (PostgreSQL refuses them in text), and
    turns the removal into an error so that nothing is saved without the person seeing it."""

    def process_formdata(self, valuelist: list) -> None:
        self.refusal = None
        if not valuelist:
            return
        value = valuelist[0]
        if not isinstance(value, str):  # a file sent in a multipart body
            self.data, self.refusal = "", NOT_TEXT_MESSAGE
            return
        if NUL in value:
            value, self.refusal = value.replace(NUL, ""), NUL_MESSAGE
        self.data = value

    def pre_validate(self, form) -> None:
        if getattr(self, "refusal", None):
            raise StopValidation(str(self.refusal))


class CleanStringField(CleanTextMixin, StringField):
    """A one-line text input that never stores a NUL character."""


class CleanTextAreaField(CleanTextMixin, TextAreaField):
    """A textarea that never stores a NUL character."""
