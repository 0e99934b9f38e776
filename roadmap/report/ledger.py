"""The readiness ledger's words and charts, the same on the web page and in the organisation
PDF: withheld figures, moves, the trend charts' Plotly figures and tables, the radars."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel.dates import format_date
from flask_babel import gettext as _
from flask_babel import ngettext

from ..core.actions import ActionStatus
from ..core.charts import Radar, SvgRadar, svg_radar
from ..core.ledger import POWER, Figure, Move, Trend
from ..core.questionnaire import Questionnaire
from .charts import COLOURS
from .cover import DATE_LOCALES
from .wording import number_text, subject_name

# Line colours for the trend chart (each 4.5:1 or more on white); traces also differ by
# marker symbol and dash, so that colour is never the only difference.
TREND_COLOURS = ("#1d5e8c", "#b35900", "#00703c", "#6f3c97", "#a0185a", "#505a5f", "#0b0c0c")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star", "cross")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid")


def withheld_text(figure: Figure) -> str:
    """What is said instead of a figure over too few teams."""
    return _("n = %(n)s, below the threshold of %(k)s", n=figure.n, k=figure.k)


def spread_text(figure: Figure) -> str:
    """The spread of a released figure: its range and standard deviation."""
    stats = figure.stats
    return _(
        "%(min)s to %(max)s (standard deviation %(sd)s)",
        min=number_text(round(stats.min)),
        max=number_text(round(stats.max)),
        sd=number_text(round(stats.sd, 1)),
    )


def move_text(move: Move) -> str:
    """How a weak dimension moved at the next assessment."""
    change = move.change
    if change is None:
        return _("cannot be compared (not enough answers)")
    if change > 0:
        return _(
            "up %(points)s points (%(before)s → %(now)s)",
            points=change,
            before=move.before,
            now=move.now,
        )
    if change < 0:
        return _(
            "down %(points)s points (%(before)s → %(now)s)",
            points=-change,
            before=move.before,
            now=move.now,
        )
    return _("unchanged (%(now)s)", now=move.now)


def short_move(move: Move) -> str:
    """A move in a table cell, in figures only: "20 → 60 (+40)", "—" when not comparable."""
    change = move.change
    if change is None:
        return "—"
    return f"{move.before} → {move.now} ({change:+d})".replace("-", "−")


def plan_progress(rows) -> str:
    """A team's action plan in a table cell: "3 actions, 1 done"."""
    done = sum(1 for row in rows if row.status == ActionStatus.DONE)
    done_text = ngettext(", %(num)s done", ", %(num)s done", done)  # "terminée(s)" in French
    return ngettext("%(num)s action", "%(num)s actions", len(rows)) + done_text


def trend_subjects(q: Questionnaire) -> list[str]:
    return [d.id for d in q.dimensions]


@lru_cache(maxsize=4096)
def short_date(day, locale: str) -> str:
    """A date in a narrow table column: "1 déc. 2026", "1 Dec 2026"."""
    return format_date(day, "medium", locale=DATE_LOCALES.get(locale, locale))


def trend_figure(trend: Trend, q: Questionnaire, subjects: list[str], locale: str) -> dict:
    """A Plotly line chart (scatter traces, in the partial bundle) of `subjects` over a team's
    assessments, as JSON-ready data: the page script draws it, the table beside it says the
    same. Gaps (no score) stay gaps."""
    data = []
    for k, subject in enumerate(subjects):
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": subject_name(q, subject, locale),
                "x": [day.isoformat() for day in trend.days],
                "y": list(trend.series[subject]),
                "line": {"color": TREND_COLOURS[k % 7], "dash": DASHES[k % 7], "width": 2},
                "marker": {"symbol": SYMBOLS[k % 7], "size": 9},
                "connectgaps": False,
                "hovertemplate": "%{y}<extra>%{fullData.name}</extra>",
            }
        )
    layout: dict[str, Any] = {
        # On the right, room for half the last date's label.
        "margin": {"l": 40, "r": 45, "t": 10, "b": 40},
        # Room for the legend on a phone too, where it takes a line per series: at a fixed
        # height plotly squeezes the plot and cuts the legend off.
        "height": 300 + 22 * len(subjects),
        "yaxis": {"range": [0, 100], "title": {"text": _("Score (0–100)")}, "fixedrange": True},
        # A tick at each assessment, dated as the table beside says it: plotly's own ticks
        # repeat a day (one every 12 hours around a single assessment) and speak English.
        "xaxis": {
            "type": "date",
            "fixedrange": True,
            "tickmode": "array",
            "tickvals": [day.isoformat() for day in trend.days],
            "ticktext": [short_date(day, locale) for day in trend.days],
            "ticklabeloverflow": "allow",  # the last date's label, not hidden at the edge
            "tickfont": {"size": 11},  # three dates side by side on a 320 px phone
        },
        "legend": {"orientation": "h", "y": -0.2},
        "font": {"family": "system-ui, sans-serif", "size": 13, "color": "#0b0c0c"},
        "showlegend": True,
    }
    return {"data": data, "layout": layout, "config": {"displaylogo": False, "responsive": True}}


def power_subjects() -> list[str]:
    return [POWER]


def comparison_drawing(chart: Radar) -> SvgRadar:
    """Two series (solid with circles, dashed with squares), as the re-assessment radar."""
    return svg_radar(chart, COLOURS, missing_note=_("no score"))


def team_series_name(name: str) -> str:
    return name


def median_series_name() -> str:
    return _("Organisation median")
