"""Why a recommendation was made, in a sentence per reason, the same on every surface."""

from __future__ import annotations

from flask_babel import gettext as _

from ..core.questionnaire import Iap2Level, Questionnaire
from ..core.recommend import Reason
from .power_text import area_name, fit_text
from .wording import IAP2_NAMES, answer_text, subject_name


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
    if reason.kind == "flag" and reason.subject == "say_do_contradiction":
        return _(
            "Your statements make sharing power a strength, but your practice answers say the "
            "service keeps decisions, resources and risk."
        )
    if reason.kind == "flag":
        return _(
            "The consultation trap applies: you aim at co-creation but decisions, "
            "resources and risk stay with the service."
        )
    if reason.kind == "gap":
        aim_item, aim_answer = reason.also
        return _(
            "You aim at “%(aim)s” (“%(aim_answer)s”) but for %(area)s you answered "
            "“%(practice)s”, which is “%(level)s”.",
            aim=IAP2_NAMES[Iap2Level(reason.threshold)],
            aim_answer=answer_text(q, aim_item, aim_answer, locale),
            area=area_name(q.item(reason.subject).area),
            practice=answer_text(q, reason.subject, reason.value, locale),
            level=IAP2_NAMES[q.item(reason.subject).option(reason.value).level],
        )
    if reason.kind == "dont_know":
        return _(
            "Most of your answers are “don't know” (%(share)s%%): start by finding out.",
            share=reason.value,
        )
    if reason.kind == "fit":
        return fit_text(Iap2Level(reason.value), Iap2Level(reason.threshold))
    item = q.item(reason.subject)
    question = (item.text.get(locale) if item else reason.subject).rstrip(".")
    return _(
        "You answered “%(answer)s” to “%(question)s”.",
        answer=answer_text(q, reason.subject, reason.value, locale),
        question=question,
    )
