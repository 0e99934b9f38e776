"""Charts as readers see them: the radar's series named in their language, the Plotly figure
of the web page and the SVG drawing of the PDF, both from the core's chart data."""

from __future__ import annotations

from flask_babel import gettext as _

from ..core.charts import Radar, SvgRadar, radar, svg_radar
from ..core.results import Results

COLOURS = ("#1d5e8c", "#b35900")  # both reach 4.5:1 on white


def plotly_figure(chart: Radar) -> dict:
    """A Plotly figure as plain JSON (no plotly.graph_objects: it costs ~20 ms to validate).

    No title: the page's <figcaption> names the chart for everyone, screen readers included."""
    traces = []
    for colour, s in zip(COLOURS, chart.series, strict=False):
        # Close the polygon; a missing score is drawn at 0 and named in the data table.
        values = [v if v is not None else 0 for v in s.values]
        traces.append(
            {
                "type": "scatterpolar",
                "r": values + values[:1],
                "theta": list(chart.axes) + list(chart.axes[:1]),
                "name": s.name,
                "fill": "toself",
                "opacity": 0.55 if len(traces) == 0 else 0.35,
                "line": {"color": colour, "width": 3, "dash": "solid" if not traces else "dash"},
                "hovertemplate": "%{theta}: %{r:.0f}/100<extra>" + s.name + "</extra>",
            }
        )
    return {
        "data": traces,
        "layout": {
            "polar": {
                "radialaxis": {"range": [0, 100], "tickvals": [25, 50, 75, 100]},
                "angularaxis": {"direction": "clockwise", "rotation": 90},
            },
            "showlegend": len(traces) > 1,
            "legend": {"orientation": "h"},
            "margin": {"l": 120, "r": 120, "t": 30, "b": 30},
            "font": {"family": "system-ui, Arial, sans-serif", "size": 14},
        },
        "config": {"displaylogo": False, "responsive": True},
    }


def radar_chart(results: Results, locale: str) -> Radar:
    """The radar of a results page or report, its series named in the reader's language."""
    return radar(results, locale, _("This assessment"), _("Previous assessment"))


def radar_drawing(chart: Radar) -> SvgRadar:
    """The geometry of the server-drawn SVG radar, in the chart colours."""
    return svg_radar(chart, COLOURS)
