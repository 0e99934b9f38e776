"""How long a questionnaire takes to answer, estimated from its own words and questions."""

# The model: a person reads every page's title, introduction, statements, choice options and
# writing guidance, and the answer scale once per page, at a silent-reading speed measured for
# their language (IReST, Trauzettel-Klosinski & Dietz 2012); opens one help text in ten; takes a
# few seconds to decide each rated statement (it asks about the team's own practice) and each
# choice question, and a few to save each page. The low end is a reader one deviation faster who
# decides quickly, the high end one deviation slower who weighs each answer. The optional
# reflections are counted apart: about 30 words composed at about 15 words a minute.

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .questionnaire import ItemKind, Questionnaire

# Silent reading, words a minute: (mean, one standard deviation) per language.
READING_WPM = {"fr": (195, 26), "en": (228, 30)}
HELP_SHARE = 0.1  # share of the folded help texts a person opens and reads
# Seconds to decide, low and high: a rated statement, a choice question, saving a page.
RATED_SECONDS = (3, 6)
CHOICE_SECONDS = (5, 10)
PAGE_SECONDS = (5, 15)
REFLECTION_WORDS = 30
WRITING_WPM = 15

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


@dataclass(frozen=True)
class Duration:
    """Minutes to answer (low, high) and to write the reflections, to the nearest 5."""

    low: int
    high: int
    reflections: int
    questions: int
    words: int


def words(text: str) -> int:
    return len(_WORD.findall(text))


def reading_words(q: Questionnaire, locale: str) -> tuple[int, int]:
    """(words read on the pages, words of the folded help texts) in `locale`."""
    scale = sum(words(p.label.get(locale)) for p in q.scale)
    scale += words(q.dont_know.get(locale)) + words(q.not_applicable.get(locale))
    shown = help_words = 0
    for section in q.sections:
        shown += words(section.title.get(locale)) + scale
        shown += words(section.intro.get(locale)) if section.intro else 0
        for item in section.items:
            shown += words(item.text.get(locale))
            shown += sum(words(o.label.get(locale)) for o in item.options)
            shown += words(item.guidance.get(locale)) if item.guidance else 0
            help_words += words(item.help.get(locale)) if item.help else 0
    return shown, help_words


def estimate(q: Questionnaire, locale: str) -> Duration:
    """The time `q` takes in `locale`, from its own words and questions."""
    mean, sd = READING_WPM.get(locale, READING_WPM["en"])
    shown, help_words = reading_words(q, locale)
    read = shown + HELP_SHARE * help_words
    items = [item for section in q.sections for item in section.items]
    rated = sum(1 for i in items if i.kind is ItemKind.RATED)
    choice = sum(1 for i in items if i.kind is ItemKind.CHOICE)
    texts = [i for i in items if i.kind is ItemKind.TEXT]

    def minutes(side: int, wpm: float) -> float:
        seconds = rated * RATED_SECONDS[side] + choice * CHOICE_SECONDS[side]
        return read / wpm + (seconds + len(q.sections) * PAGE_SECONDS[side]) / 60

    example = sum(words(i.example.get(locale)) for i in texts if i.example)
    writing = len(texts) * REFLECTION_WORDS / WRITING_WPM + example / mean
    return Duration(
        low=_five(minutes(0, mean + sd)),
        high=max(_five(minutes(0, mean + sd)), _five(minutes(1, mean - sd))),
        reflections=_five(writing) if texts else 0,
        questions=rated + choice,
        words=round(read),
    )


def _five(minutes: float) -> int:
    """Minutes to the nearest 5 (at least 5): an estimate should not look more precise."""
    return max(5, 5 * math.floor(minutes / 5 + 0.5))
