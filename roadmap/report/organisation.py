"""The organisation report: the ledger printed through the same engine as a team's report
(tagged PDF/UA, the print stylesheet, French typography), in the manager's language."""

from __future__ import annotations

from datetime import date

from flask import render_template
from flask_babel import force_locale

from ..core import ledger as core
from .cover import _slug_words, long_date
from .ledger import (
    comparison_drawing,
    median_series_name,
    move_text,
    short_date,
    spread_text,
    withheld_text,
)
from .pdf import compact_html
from .plan import plan_lines
from .typography import french_spacing_html


def organisation_html(book, locale: str) -> str:
    """The print HTML of an organisation's ledger (`services.ledger.Ledger`), in `locale`."""
    q = book.q
    with force_locale(locale):
        chart = svg = None
        assessed = [line for line in book.lines if line.latest is not None]
        if book.figures.released and assessed:
            # The organisation median beside the team with most assessments: a picture of
            # where teams stand, the table beside it gives every team.
            line = max(assessed, key=lambda line: (line.assessments, -line.team_id))
            chart = core.comparison_radar(
                [d.id for d in q.dimensions],
                [d.label(locale) for d in q.dimensions],
                (book.teams[line.team_id].name, line.latest),
                (median_series_name(), core.medians(book.figures)),
            )
            svg = comparison_drawing(chart)
        plans = {line.team_id: plan_lines(q, line.actions, locale) for line in book.lines}
        html = render_template(
            "report/organisation.html",
            book=book,
            q=q,
            locale=locale,
            chart=chart,
            svg=svg,
            plans=plans,
            date=long_date(book.today, locale),
            long_date=long_date,
            short_date=short_date,
            move_text=move_text,
            spread_text=spread_text,
            withheld_text=withheld_text,
        )
    return compact_html(french_spacing_html(html) if locale == "fr" else html)


def organisation_filename(name: str, locale: str, day: date, limit: int = 40) -> str:
    """`rapport-organisation-<name>-<date>.pdf`, the name cut at a word."""
    parts = ["rapport-organisation" if locale == "fr" else "organisation-report"]
    slug = ""
    for word in _slug_words(name):
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > limit:
            slug = slug or word[:limit]
            break
        slug = longer
    if slug:
        parts.append(slug)
    return "-".join(parts + [day.isoformat()]) + ".pdf"
