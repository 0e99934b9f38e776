"""Words for the numbers: translated names of levels and scales, and sentences for reasons.

Shared by the web pages, the PDF report and the CLI so that all three say the same thing.
"""

from __future__ import annotations

from babel.lists import format_list
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..core.answers import DONT_KNOW, NOT_APPLICABLE, Value
from ..core.questionnaire import Iap2Level, ItemKind, MaturityLevel, Questionnaire
from ..core.scoring import scale_points

IAP2_NAMES = {
    Iap2Level.INFORM: _l("Inform"),
    Iap2Level.CONSULT: _l("Consult"),
    Iap2Level.INVOLVE: _l("Involve"),
    Iap2Level.COLLABORATE: _l("Collaborate"),
    Iap2Level.EMPOWER: _l("Empower"),
}
# The promise each level makes to the public (after the IAP2 spectrum).
IAP2_PROMISES = {
    Iap2Level.INFORM: _l("We will keep you informed."),
    Iap2Level.CONSULT: _l(
        "We will listen to you and tell you how your input influenced the decision."
    ),
    Iap2Level.INVOLVE: _l(
        "We will work with you so that your concerns are reflected in the options we consider."
    ),
    Iap2Level.COLLABORATE: _l(
        "We will look to you for advice and include your ideas in the decisions as far as possible."
    ),
    Iap2Level.EMPOWER: _l("We will implement what you decide."),
}
ARNSTEIN_NAMES = {
    "informing": _l("Informing"),
    "consultation": _l("Consultation"),
    "placation": _l("Placation"),
    "partnership": _l("Partnership"),
    "delegated_power": _l("Delegated power"),
}
ARNSTEIN_GROUPS = {
    "tokenism": _l("tokenism"),
    "citizen_power": _l("citizen power"),
}
# Who answered, as the start form offers it and the report's cover prints it.
ROLE_NAMES = {
    "frontline": _l("Front-line public servant"),
    "manager": _l("Manager or team lead"),
    "trainer": _l("Trainer or facilitator"),
    "elected": _l("Elected official"),
    "partner": _l("Citizen, partner or community organisation"),
    "other": _l("Other"),
}
EFFORT_NAMES = {"low": _l("Low effort"), "medium": _l("Medium effort"), "high": _l("High effort")}


def number_text(value: float) -> str:
    """A number as the reader writes it: 1.5 in English, 1,5 in French; no trailing .0."""
    return format_decimal(value)


def scale_points_text() -> str:
    """The points each rating is worth, from the scoring rules: "1 = 0, 2 = 25, … 5 = 100"."""
    return ", ".join(f"{value} = {number_text(points)}" for value, points in scale_points())


def list_text(items: list[str], locale: str) -> str:
    """Items joined as the reader's language joins them: "A, B and C", "A, B et C"."""
    return format_list(items, locale=locale)


def dimension_weights_text(
    q: Questionnaire, heavier: tuple[tuple[str, float], ...], locale: str
) -> str:
    """“A” and “B” count 1.5; the other dimensions count 1. One sentence, translated whole, so
    that French gets its space before the semicolon."""
    names_by_weight: dict[float, list[str]] = {}
    for dim_id, weight in heavier:
        name = _("“%(dimension)s”", dimension=subject_name(q, dim_id, locale))
        names_by_weight.setdefault(weight, []).append(name)
    clauses = [
        ngettext(
            "%(dimensions)s counts %(weight)s",
            "%(dimensions)s count %(weight)s",
            len(names),
            dimensions=list_text(names, locale),
            weight=number_text(weight),
        )
        for weight, names in names_by_weight.items()
    ]
    return _("%(heavier)s; the other dimensions count 1.", heavier=list_text(clauses, locale))


def score_text(value: int | None) -> str:
    """A score in a sentence or a text alternative."""
    return _("not enough answers") if value is None else str(value)


def score_cell(value: int | None) -> str:
    """A score in a table's narrow number column: a dash when there is none (the level column
    beside it, from level_name, says why)."""
    return "—" if value is None else str(value)


def level_of(q: Questionnaire, level_id: str | None) -> MaturityLevel | None:
    return next((lvl for lvl in q.levels if lvl.id == level_id), None)


def level_name(q: Questionnaire, level_id: str | None, locale: str) -> str:
    """A maturity level's name, or "Not enough answers" when there is no level."""
    level = level_of(q, level_id)
    return level.name.get(locale) if level else _("Not enough answers")


def level_description(
    q: Questionnaire, level_id: str | None, locale: str, dimension_id: str | None = None
) -> str:
    """What a maturity level means in practice, in a dimension when the questionnaire
    describes each of its levels ("" when there is no level)."""
    level = level_of(q, level_id)
    if level is None:
        return ""
    dim = q.dimension(dimension_id) if dimension_id else None
    if dim is not None and dim.levels:
        return dim.levels[level.id].get(locale)
    return level.description.get(locale)


def subject_name(q: Questionnaire, subject: str, locale: str) -> str:
    """The name of a dimension, or of the power-sharing index."""
    if subject == "power":
        return _("Power-sharing")
    dim = q.dimension(subject)
    return dim.name.get(locale) if dim else subject


def answer_text(q: Questionnaire, item_id: str, value: Value | None, locale: str) -> str:
    """How an answer reads to a person: the scale label, the option, or a non-answer."""
    item = q.item(item_id)
    if value is None:
        return _("Not answered")
    if value == DONT_KNOW:
        return q.dont_know.get(locale)
    if value == NOT_APPLICABLE:
        return q.not_applicable.get(locale)
    if item is not None and item.kind is ItemKind.CHOICE:
        option = item.option(str(value))
        return option.label.get(locale) if option else str(value)
    point = next((p for p in q.scale if p.value == value), None)
    # A no-break space keeps the rating with its dash: "4 –" never ends a line.
    return f"{value}\u00a0– {point.label.get(locale)}" if point else str(value)
