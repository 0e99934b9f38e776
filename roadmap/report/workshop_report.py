"""The group report of a workshop: the group reading printed through the same engine as the
individual report (tagged PDF/UA, the print stylesheet, French typography, compact HTML).

Recommendations for the group come from the questionnaire's own rules, applied to the room
taken as one respondent (`core.consensus.typical_answers`: per statement the score agreed, or
the lower median of the ratings when at least k people rated it; per power-sharing question
the lower median level), scored over the workshop's sections only. So no recommendation rests
on fewer than k people's answers, and none credits the room with more than half of it says."""

from __future__ import annotations

from datetime import date

from flask import render_template
from flask_babel import force_locale

from ..core import consensus as core
from ..core.answers import AnswerSet
from ..core.group import AGENDA_AT_LEAST, TWO_CAMPS_AT_LEAST, GroupReading, covered
from ..core.questionnaire import Questionnaire
from ..core.recommend import recommend
from ..core.scoring import score
from ..core.workshop import sections_only
from ..models.workshop import Agreement, Workshop
from ..services.consensus import Round
from .consensus import consensus_context
from .cover import _slug_words, long_date
from .pdf import compact_html
from .typography import french_spacing_html
from .workshop import band_radar

TOP_RECOMMENDATIONS = 5


def workshop_filename(title: str, locale: str, day: date, limit: int = 40) -> str:
    """`rapport-atelier-<title>-<date>.pdf`, the title cut at a word."""
    slug = ""
    for word in _slug_words(title):
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > limit:
            slug = slug or word[:limit]
            break
        slug = longer
    parts = ["rapport-atelier" if locale == "fr" else "workshop-report"] + ([slug] if slug else [])
    return "-".join(parts + [day.isoformat()]) + ".pdf"


def group_recommendations(
    q: Questionnaire, workshop: Workshop, people: list[dict], agreed: dict[str, Agreement]
) -> list:
    """(recommendation, ranked) for the room, most needed first, on what the workshop covers."""
    narrowed = sections_only(q, workshop.sections)
    dims, item_ids = covered(q, workshop.sections)
    scores_agreed = {s: a.score for s, a in agreed.items() if a.kind == "item"}
    choice_ids = [i.id for s in narrowed.sections for i in s.items if i.kind.value == "choice"]
    typical = core.typical_answers(
        narrowed, people, workshop.k, [*item_ids, *choice_ids], scores_agreed
    )
    if not typical:
        return []
    answers = AnswerSet(q.id, q.version, "fr", typical)
    scores = score(narrowed, answers)
    wanted = set(dims) | ({"power"} if choice_ids else set())
    ranked = [r for r in recommend(narrowed, scores, answers) if set(r.addresses) & wanted]
    return [(q.recommendation(r.recommendation_id), r) for r in ranked[:TOP_RECOMMENDATIONS]]


def workshop_html(
    workshop: Workshop,
    q: Questionnaire,
    group: GroupReading,
    rounds: list[Round],
    agreed: dict[str, Agreement],
    people: list[dict],
    locale: str,
    day: date,
) -> str:
    """The print HTML of a workshop's group report, in `locale` (needs an app context)."""
    with force_locale(locale):
        dims, item_ids = covered(q, workshop.sections)
        context = consensus_context(q, group, rounds, agreed, list(workshop.sections), locale)
        html = render_template(
            "report/workshop.html",
            workshop=workshop,
            q=q,
            group=group,
            locale=locale,
            date=long_date(workshop.held_on or day, locale),
            dims=[(d, q.dimension(d).label(locale)) for d in dims],
            radar=band_radar(q, dims, group, locale) if group.released and dims else None,
            recommendations=group_recommendations(q, workshop, people, agreed)
            if group.released
            else [],
            agenda_at_least=AGENDA_AT_LEAST,
            two_camps_at_least=TWO_CAMPS_AT_LEAST,
            median_step=core.MEDIAN_STEP,
            disagreement_step=core.DISAGREEMENT_STEP,
            **context,
        )
    return compact_html(french_spacing_html(html) if locale == "fr" else html)
