"""Words for the numbers: translated names of levels and scales, and sentences for reasons.

Shared by the web pages, the PDF report and the CLI so that all three say the same thing.
"""

from __future__ import annotations

from typing import Any

from babel.lists import format_list
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..core.answers import DONT_KNOW, NOT_APPLICABLE, Value
from ..core.charts import Radar, radar
from ..core.power import ARNSTEIN_FOR_IAP2
from ..core.questionnaire import Iap2Level, Item, ItemKind, Questionnaire
from ..core.recommend import Reason
from ..core.results import Results
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


def level_name(q: Questionnaire, level_id: str | None, locale: str) -> str:
    level = next((lvl for lvl in q.levels if lvl.id == level_id), None)
    return level.name.get(locale) if level else _("Not enough answers")


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


def radar_chart(results: Results, locale: str) -> Radar:
    """The radar of a results page or report, its series named in the reader's language."""
    return radar(results, locale, _("This assessment"), _("Previous assessment"))


def written_reflections(results: Results) -> list[tuple[Item, str]]:
    """The reflections that have text, in questionnaire order, with their questions."""
    reflections = results.answers.reflections
    return [
        (item, reflections[item.id])
        for item in results.questionnaire.items.values()
        if item.kind is ItemKind.TEXT and (reflections.get(item.id) or "").strip()
    ]


def results_summary(results: Results, locale: str) -> dict[str, Any]:
    """A plain, JSON-ready account of the results, in one language (for the CLI and tests)."""
    q, scores = results.questionnaire, results.scores
    power = scores.power
    return {
        "questionnaire": {"id": q.id, "version": q.version},
        "locale": locale,
        "overall": {
            "score": scores.overall,
            "level": scores.overall_level_id,
            "level_name": level_name(q, scores.overall_level_id, locale),
        },
        "dimensions": [
            {
                "id": d.dimension_id,
                "name": subject_name(q, d.dimension_id, locale),
                "score": d.score,
                "coverage": round(d.coverage, 3),
                "level": d.level_id,
                "level_name": level_name(q, d.level_id, locale) if d.level_id else None,
                "answered": d.answered,
                "dont_know": d.dont_know,
                "not_applicable": d.not_applicable,
                "unanswered": d.unanswered,
                "explanation": [
                    {
                        "item": c.item_id,
                        "answer": c.answer,
                        "item_score": c.item_score,
                        "weight": c.weight,
                        "reverse": c.reverse,
                        "weight_share": round(c.weight_share, 4),
                        "points": round(c.points, 2),
                    }
                    for c in d.contributions
                ],
            }
            for d in scores.dimensions.values()
        ],
        "power_sharing": None
        if power is None
        else {
            "index": power.index,
            "level": power.level.value if power.level else None,
            "level_name": str(IAP2_NAMES[power.level]) if power.level else None,
            "uncapped_level": power.uncapped_level.value if power.uncapped_level else None,
            "capped_at_consult": power.capped,
            "aim": power.aim.value if power.aim else None,
            "arnstein_rung": power.arnstein_rung,
            "arnstein_rung_name": str(ARNSTEIN_NAMES[ARNSTEIN_FOR_IAP2[power.level]])
            if power.level
            else None,
            "coverage": round(power.coverage, 3),
            "explanation": [
                {
                    "item": c.item_id,
                    "area": c.area,
                    "option": c.option_id,
                    "level": c.level.value if c.level else None,
                    "weight": c.weight,
                    "points": c.points,
                    "key_area": c.key_area,
                }
                for c in power.contributions
            ],
        },
        "flags": list(scores.flags),
        "strengths": [
            {"id": h.subject, "name": subject_name(q, h.subject, locale), "score": h.score}
            for h in results.strengths
        ],
        "priorities": [
            {"id": h.subject, "name": subject_name(q, h.subject, locale), "score": h.score}
            for h in results.priorities
        ],
        "recommendations": [
            {
                "id": r.recommendation_id,
                "title": q.recommendation(r.recommendation_id).title.get(locale),
                "relevance": round(r.relevance, 1),
                "reasons": [reason_text(q, reason, locale) for reason in r.reasons],
            }
            for r in results.recommendations
        ],
    }
