"""Chart geometry: the Plotly figure and the server-drawn SVG radar agree with the scores."""

import math

import pytest

from roadmap.core.charts import (
    LABEL_GAP,
    LABEL_ROOM,
    Point,
    Radar,
    Series,
    plotly_figure,
    polar_point,
    svg_radar,
)

SIX_AXES = Radar(
    axes=("A", "B", "C", "D", "E", "F"),
    series=(Series("Now", (100, 50, 0, None, 25, 75)), Series("Before", (50,) * 6)),
)


def points(text: str) -> list[tuple[float, float]]:
    return [tuple(float(v) for v in pair.split(",")) for pair in text.split()]


def test_first_axis_points_straight_up_and_axes_go_clockwise():
    assert polar_point(200, 100, 0, 4, 100) == Point(200, 100)
    assert polar_point(200, 100, 1, 4, 100) == Point(300, 200)  # right of the centre: clockwise
    assert polar_point(200, 100, 0, 4, 50) == Point(200, 150)


def test_values_outside_0_100_are_clamped():
    assert polar_point(200, 100, 0, 4, 140) == polar_point(200, 100, 0, 4, 100)
    assert polar_point(200, 100, 0, 4, -5) == Point(200, 200)


def test_svg_radar_draws_each_score_at_its_distance_from_the_centre():
    svg = svg_radar(SIX_AXES, size=400, margin=90)
    radius = 110
    now = points(svg.polygons[0][0])
    distances = [math.dist(p, (200, 200)) for p in now]
    # A missing score (None) is drawn at the centre; the data table names it.
    expected = [radius, radius / 2, 0, 0, radius / 4, radius * 0.75]
    assert distances == pytest.approx(expected, abs=0.01)
    assert [colour for _, colour, _ in svg.polygons] == ["#1d5e8c", "#b35900"]
    assert len(svg.rings) == 4 and len(svg.spokes) == 6 and len(svg.labels) == 6
    ticks = [math.dist((p.x, p.y), (200, 200)) for _, p in svg.ticks]
    assert ticks == pytest.approx([27.5, 55, 82.5, 110], abs=0.01)


def test_svg_radar_labels_are_anchored_away_from_the_chart():
    anchors = [anchor for _, _, anchor in svg_radar(SIX_AXES).labels]
    assert anchors == ["middle", "start", "start", "middle", "end", "end"]


def test_svg_radar_is_cropped_to_its_top_and_bottom_labels():
    svg = svg_radar(SIX_AXES, size=400, margin=90)
    reach = 110 + LABEL_GAP + LABEL_ROOM
    assert svg.view_box == f"0 {200 - reach} 400 {2 * reach}"
    assert (svg.width, svg.height) == (400, 2 * reach)
    top_label, bottom_label = svg.labels[0][1], svg.labels[3][1]
    assert 200 - reach < top_label.y and bottom_label.y < 200 + reach


def test_plotly_figure_closes_each_polygon_and_draws_missing_scores_at_zero():
    figure = plotly_figure(SIX_AXES)
    now, before = figure["data"]
    assert now["r"] == [100, 50, 0, 0, 25, 75, 100]
    assert now["theta"][0] == now["theta"][-1] == "A"
    assert before["line"]["dash"] == "dash"
    assert figure["layout"]["showlegend"] is True
