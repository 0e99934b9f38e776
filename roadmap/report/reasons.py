"""Why a recommendation was made, in a sentence per reason, the same on every surface."""

from __future__ import annotations

from flask_babel import gettext as _

from ..core.answers import Value
from ..core.questionnaire import Iap2Level, ItemKind, Questionnaire
from ..core.recommend import Reason
from .power_text import area_name, fit_text
from .typography import inner_quotes, typeset
from .wording import IAP2_NAMES, answer_text, number_text, subject_name


def reason_text(q: Questionnaire, reason: Reason, locale: str) -> str:
    """One sentence saying why a recommendation was made, typeset for the reader's language."""
    return typeset(_sentence(q, reason, locale), locale)


def _sentence(q: Questionnaire, reason: Reason, locale: str) -> str:
    if reason.kind in ("dimension", "overall"):
        return _score_sentence(q, reason, locale)
    if reason.kind == "power":
        level = str(IAP2_NAMES[Iap2Level(reason.value)])
        threshold = str(IAP2_NAMES[Iap2Level(reason.threshold)])
        if reason.comparison == "at_most":
            return _(
                "Your practice shares power at the “%(level)s” level; this suggestion is for "
                "teams at “%(threshold)s” or below.",
                level=level,
                threshold=threshold,
            )
        return _(
            "Your practice already shares power at the “%(level)s” level; this suggestion "
            "builds on “%(threshold)s” or above.",
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
            "You aim for “%(aim)s” (your answer: “%(aim_answer)s”), but for %(area)s your "
            "answer, “%(practice)s”, stays at “%(level)s”.",
            aim=IAP2_NAMES[Iap2Level(reason.threshold)],
            aim_answer=_label(q, aim_item, aim_answer, locale),
            area=area_name(q.item(reason.subject).area),
            practice=_label(q, reason.subject, reason.value, locale),
            level=IAP2_NAMES[q.item(reason.subject).option(reason.value).level],
        )
    if reason.kind == "dont_know":
        return _(
            "Most of your answers are “don't know” (%(share)s%%): start by finding out.",
            share=number_text(reason.value),
        )
    if reason.kind == "fit":
        return fit_text(Iap2Level(reason.value), Iap2Level(reason.threshold))
    return _answer_sentence(q, reason, locale)


def _score_sentence(q: Questionnaire, reason: Reason, locale: str) -> str:
    """A dimension or overall score against the threshold the tool is suggested for."""
    values = {"score": round(reason.value), "threshold": round(reason.threshold)}
    below = reason.comparison == "below"
    if reason.kind == "overall":
        if below:
            return _(
                "Your overall readiness score is %(score)s out of 100; this suggestion is for "
                "teams under %(threshold)s.",
                **values,
            )
        return _(
            "Your overall readiness score is %(score)s out of 100; this suggestion is for "
            "teams at %(threshold)s or more.",
            **values,
        )
    name = inner_quotes(subject_name(q, reason.subject, locale), locale)
    if below:
        return _(
            "Your score for “%(dimension)s” is %(score)s out of 100; this suggestion is for "
            "teams under %(threshold)s.",
            dimension=name,
            **values,
        )
    return _(
        "Your score for “%(dimension)s” is %(score)s out of 100; this suggestion is for "
        "teams at %(threshold)s or more.",
        dimension=name,
        **values,
    )


def _answer_sentence(q: Questionnaire, reason: Reason, locale: str) -> str:
    """A particular answer that brought the tool: the statement or question, and the answer."""
    item = q.item(reason.subject)
    text = inner_quotes((item.text.get(locale) if item else reason.subject).rstrip(".…"), locale)
    answer = _label(q, reason.subject, reason.value, locale)
    if item is not None and item.kind is ItemKind.CHOICE:
        return _(
            "To the question “%(question)s”, you answered “%(answer)s”.",
            question=text,
            answer=answer,
        )
    return _(
        "You answered “%(answer)s” to the statement “%(statement)s”.",
        answer=answer,
        statement=text,
    )


def _label(q: Questionnaire, item_id: str, value: Value | None, locale: str) -> str:
    """An answer as quoted in a sentence: the scale's words without the number in front, and
    without a full stop of its own (the sentence has one)."""
    point = next((p for p in q.scale if p.value == value), None)
    item = q.item(item_id)
    if point is not None and (item is None or item.kind is ItemKind.RATED):
        return inner_quotes(point.label.get(locale), locale)
    return inner_quotes(answer_text(q, item_id, value, locale).rstrip("."), locale)
