"""Charts as readers see them: the radar's series named in their language, its server-drawn SVG
geometry (the same on the web page and in the PDF) and its text alternative."""

from __future__ import annotations

from flask_babel import gettext as _

from ..core.charts import Radar, SvgRadar, radar, svg_radar
from ..core.results import Results
from .wording import score_text

COLOURS = ("#1d5e8c", "#b35900")  # both reach 4.5:1 on white


def radar_chart(results: Results, locale: str) -> Radar:
    """The radar of a results page or report, its series named in the reader's language."""
    return radar(results, locale, _("This assessment"), _("Previous assessment"))


def radar_drawing(chart: Radar) -> SvgRadar:
    """The geometry of the server-drawn SVG radar, in the chart colours, with the axes that
    have no score marked rather than drawn at 0."""
    return svg_radar(chart, COLOURS, missing_note=_("not enough answers"))


def radar_text(chart: Radar) -> str:
    """The radar's text alternative: every series, every axis and its score."""
    parts = []
    for s in chart.series:
        values = "; ".join(
            f"{axis}: {score_text(v)}" for axis, v in zip(chart.axes, s.values, strict=True)
        )
        parts.append(f"{s.name} — {values}." if len(chart.series) > 1 else f"{values}.")
    return " ".join(parts)
