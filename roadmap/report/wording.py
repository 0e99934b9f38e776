"""Words for the numbers: translated names of levels and scales, and sentences for reasons.

Shared by the web pages, the PDF report and the CLI so that all three say the same thing.
"""

from __future__ import annotations

from babel.lists import format_list
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..core.answers import DONT_KNOW, NOT_APPLICABLE, Value
from ..core.power import PowerResult
from ..core.questionnaire import Iap2Level, ItemKind, MaturityLevel, Questionnaire
from ..core.recommend import Reason
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


def level_description(q: Questionnaire, level_id: str | None, locale: str) -> str:
    """What a maturity level means in practice ("" when there is no level)."""
    level = level_of(q, level_id)
    return level.description.get(locale) if level else ""


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


def reason_text(q: Questionnaire, reason: Reason, locale: str) -> str:
    """One sentence saying why a recommendation was made."""
    if reason.kind == "dimension":
        values = {
            "dimension": subject_name(q, reason.subject, locale),
            "score": round(reason.value),
            "threshold": round(reason.threshold),
        }
        if reason.comparison == "below":
            return _("%(dimension)s scores %(score)s out of 100, below %(threshold)s.", **values)
        return _("%(dimension)s scores %(score)s out of 100, at least %(threshold)s.", **values)
    if reason.kind == "overall":
        values = {"score": round(reason.value), "threshold": round(reason.threshold)}
        if reason.comparison == "below":
            return _("Overall readiness is %(score)s out of 100, below %(threshold)s.", **values)
        return _("Overall readiness is %(score)s out of 100, at least %(threshold)s.", **values)
    if reason.kind == "power":
        level = str(IAP2_NAMES[Iap2Level(reason.value)])
        threshold = str(IAP2_NAMES[Iap2Level(reason.threshold)])
        if reason.comparison == "at_most":
            return _(
                "Power-sharing is at “%(level)s” (“%(threshold)s” or below).",
                level=level,
                threshold=threshold,
            )
        return _(
            "Power-sharing reaches “%(level)s” (“%(threshold)s” or above).",
            level=level,
            threshold=threshold,
        )
    if reason.kind == "flag":
        return _(
            "The consultation trap applies: you aim at co-creation but decisions, "
            "resources and risk stay with the service."
        )
    item = q.item(reason.subject)
    question = (item.text.get(locale) if item else reason.subject).rstrip(".")
    return _(
        "You answered “%(answer)s” to “%(question)s”.",
        answer=answer_text(q, reason.subject, reason.value, locale),
        question=question,
    )


def consultation_trap_text() -> str:
    """CoSIE's warning, as the results page and the report both give it."""
    return _(
        "The consultation trap: you aim at co-creation, but decisions, resources and risk stay "
        "with the service. Whatever it is called, this is consultation. Co-creation starts when "
        "some power is shared."
    )


def power_position_text(power: PowerResult) -> str:
    """Where the practice stands on the IAP2 spectrum and on Arnstein's ladder, in a sentence."""
    return _(
        "Your practice is at “%(level)s” on the IAP2 spectrum (index %(index)s out of 100). "
        "On Arnstein's ladder of citizen participation this corresponds to “%(rung)s”, "
        "a form of %(group)s.",
        level=IAP2_NAMES[power.level],
        index=power.index,
        rung=ARNSTEIN_NAMES[power.arnstein_rung],
        group=ARNSTEIN_GROUPS[power.arnstein_group],
    )


def power_cap_text(power: PowerResult) -> str:
    """Why the level is lower than the answers' average ("" when it is not capped)."""
    if not power.capped:
        return ""
    return _(
        "Your answers average out at “%(uncapped)s”, but decisions, resources and risk all stay "
        "with the service, so the level is capped at “Consult”.",
        uncapped=IAP2_NAMES[power.uncapped_level],
    )
