"""The Plotly figure of the results page agrees with the scores."""

from roadmap.core.charts import Radar, Series
from roadmap.report.charts import plotly_figure

SIX_AXES = Radar(
    axes=("A", "B", "C", "D", "E", "F"),
    series=(Series("Now", (100, 50, 0, None, 25, 75)), Series("Before", (50,) * 6)),
)


def test_plotly_figure_closes_each_polygon_and_draws_missing_scores_at_zero():
    figure = plotly_figure(SIX_AXES)
    now, before = figure["data"]
    assert now["r"] == [100, 50, 0, 0, 25, 75, 100]
    assert now["theta"][0] == now["theta"][-1] == "A"
    assert before["line"]["dash"] == "dash"
    assert figure["layout"]["showlegend"] is True
