"""Chart geometry: the server-drawn SVG radar puts every mark where the scores say."""

import math

import pytest

from roadmap.core.charts import (
    CROP_ROOM,
    LABEL_GAP,
    LABEL_SIZE,
    LINE_HEIGHT,
    Point,
    Radar,
    Series,
    label_lines,
    polar_point,
    svg_radar,
)

COLOURS = ("#111111", "#222222")
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
    svg = svg_radar(SIX_AXES, COLOURS, size=400, margin=90)
    radius = 110
    now = points(svg.polygons[0][0])
    distances = [math.dist(p, (200, 200)) for p in now]
    # A missing score (None) is drawn at the centre; the data table names it.
    expected = [radius, radius / 2, 0, 0, radius / 4, radius * 0.75]
    assert distances == pytest.approx(expected, abs=0.01)
    assert [colour for _, colour, _ in svg.polygons] == list(COLOURS)
    assert len(svg.rings) == 4 and len(svg.spokes) == 6 and len(svg.labels) == 6
    ticks = [math.dist((p.x, p.y), (200, 200)) for _, p in svg.ticks]
    assert ticks == pytest.approx([27.5, 55, 82.5], abs=0.01)


def test_svg_radar_labels_are_anchored_away_from_the_chart():
    anchors = [anchor for _, _, anchor in svg_radar(SIX_AXES, COLOURS).labels]
    assert anchors == ["middle", "start", "start", "middle", "end", "end"]


def test_svg_radar_is_cropped_to_its_top_and_bottom_labels():
    svg = svg_radar(SIX_AXES, COLOURS, size=400, margin=90)
    reach = 110 + LABEL_GAP
    room = LABEL_SIZE * CROP_ROOM
    box = [float(v) for v in svg.view_box.split()]
    assert box == pytest.approx([0, 200 - reach - room, 400, 2 * (reach + room)], abs=0.01)
    assert (svg.width, svg.height) == (400, box[3])


def test_long_axis_names_wrap_at_the_space_nearest_their_middle():
    assert label_lines("Relations") == ("Relations",)
    assert label_lines("Reaching out") == ("Reaching out",)  # short enough for one line
    assert label_lines("Service apprenant") == ("Service", "apprenant")
    assert label_lines("Équité des voix") == ("Équité", "des voix")
    assert label_lines("Relationshipsandmore") == ("Relationshipsandmore",)  # nowhere to break
    assert label_lines("Catalyseurs\u00a0: forces") == ("Catalyseurs\u00a0:", "forces")


def test_wrapped_names_grow_away_from_the_chart():
    chart = Radar(("Service apprenant", "B", "Pouvoir partagé", "D"), (Series("Now", (50,) * 4),))
    svg = svg_radar(chart, COLOURS, size=400, margin=90)
    lines = {text: p for text, p, _ in svg.labels}
    anchor_y = 200 - 110 - LABEL_GAP
    # Above the chart, the second line sits where a one-line name would: the first goes above it.
    assert lines["apprenant"].y == anchor_y
    assert lines["Service"].y == pytest.approx(anchor_y - LABEL_SIZE * LINE_HEIGHT)
    # Below it, the first line sits there and the second goes below.
    assert lines["Pouvoir"].y == 200 + 110 + LABEL_GAP
    assert lines["partagé"].y > lines["Pouvoir"].y
    top = float(svg.view_box.split()[1])
    assert top == pytest.approx(lines["Service"].y - LABEL_SIZE * CROP_ROOM, abs=0.01)
