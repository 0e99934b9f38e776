"""Progress rules: when a wizard section counts as completed, and how far an assessment is."""

from __future__ import annotations

from .answers import AnswerSet
from .questionnaire import Item, ItemKind, Questionnaire
from .status import SectionStatus


def _written(answer_set: AnswerSet, item: Item) -> bool:
    return bool((answer_set.reflections.get(item.id) or "").strip())


def section_status(q: Questionnaire, answer_set: AnswerSet) -> dict[str, SectionStatus]:
    """The status of every section, by section id.

    Reflections are optional, so a section is completed once its scored questions are answered
    ("don't know" counts as an answer); a reflections-only section once every text is written.
    """
    status = {}
    for section in q.sections:
        scored = [i for i in section.items if i.kind is not ItemKind.TEXT]
        texts = [i for i in section.items if i.kind is ItemKind.TEXT]
        answered = sum(i.id in answer_set.answers for i in scored)
        written = sum(_written(answer_set, i) for i in texts)
        required = scored or texts
        done = answered if scored else written
        if answered + written == 0:
            status[section.id] = SectionStatus.NOT_STARTED
        elif done == len(required):
            status[section.id] = SectionStatus.COMPLETED
        else:
            status[section.id] = SectionStatus.IN_PROGRESS
    return status


def progress(q: Questionnaire, answer_set: AnswerSet) -> int:
    """Percentage of questions answered, reflections included."""
    total = len(q.items)
    done = sum(
        _written(answer_set, i) if i.kind is ItemKind.TEXT else i.id in answer_set.answers
        for i in q.items.values()
    )
    return round(100 * done / total) if total else 0
