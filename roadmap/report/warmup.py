"""What a render process renders before its first report: a real report of a made-up
assessment in each language, so that the first report a person asks for is as quick as the rest."""

from __future__ import annotations

from ..core.answers import AnswerSet
from ..core.questionnaire import ItemKind, Questionnaire

REFLECTION = "Nous voulons aller vers les familles ; l’équipe écoute déjà les usagers."


def sample_answers(q: Questionnaire, locale: str) -> AnswerSet:
    """Every question answered, the values spread so that every chapter has content."""
    answers: dict[str, object] = {}
    reflections: dict[str, str] = {}
    for index, item in enumerate(q.items.values()):
        if item.kind is ItemKind.RATED:
            answers[item.id] = 1 + index % 5
        elif item.kind is ItemKind.CHOICE:
            answers[item.id] = item.options[index % len(item.options)].id
        else:
            reflections[item.id] = REFLECTION
    return AnswerSet(q.id, q.version, locale, answers, reflections)


def sample_reports() -> tuple[str, ...]:
    """The print HTML of the sample assessment's report, in French then in English (needs an
    app context: the web process builds it once and hands it to each render process)."""
    from datetime import UTC, datetime

    from ..content.catalogue import default_questionnaire
    from ..core.results import analyse
    from .documents import ReportMeta, report_html

    meta = ReportMeta("Service d’accompagnement des familles", "manager", datetime.now(UTC))
    q = default_questionnaire()
    return tuple(report_html(analyse(q, sample_answers(q, loc)), meta, loc) for loc in ("fr", "en"))
