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
    now = points(svg.series[0].points)
    distances = [math.dist(p, (200, 200)) for p in now]
    # The axis without a score (D) is left out of the outline: never drawn at 0.
    expected = [radius, radius / 2, 0, radius / 4, radius * 0.75]
    assert distances == pytest.approx(expected, abs=0.01)
    assert [(p.x, p.y) for p in svg.series[0].vertices] == now
    assert [s.colour for s in svg.series] == list(COLOURS)
    assert len(svg.rings) == 4 and len(svg.spokes) == 6 and len(svg.labels) == 6
    ticks = [math.dist((p.x, p.y), (200, 200)) for _, p in svg.ticks]
    assert ticks == pytest.approx([27.5, 55, 82.5], abs=0.01)


def test_svg_radar_labels_are_anchored_away_from_the_chart():
    anchors = [label.anchor for label in svg_radar(SIX_AXES, COLOURS).labels]
    assert anchors == ["middle", "start", "start", "middle", "end", "end"]


def test_svg_radar_is_cropped_to_its_top_and_bottom_labels():
    svg = svg_radar(Radar(SIX_AXES.axes, SIX_AXES.series[:1]), COLOURS, size=400, margin=90)
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
    lines = {label.text: label.at for label in svg.labels}
    anchor_y = 200 - 110 - LABEL_GAP
    # Above the chart, the second line sits where a one-line name would: the first goes above it.
    assert lines["apprenant"].y == anchor_y
    assert lines["Service"].y == pytest.approx(anchor_y - LABEL_SIZE * LINE_HEIGHT)
    # Below it, the first line sits there and the second goes below.
    assert lines["Pouvoir"].y == 200 + 110 + LABEL_GAP
    assert lines["partagé"].y > lines["Pouvoir"].y
    top = float(svg.view_box.split()[1])
    assert top == pytest.approx(lines["Service"].y - LABEL_SIZE * CROP_ROOM, abs=0.01)


def test_an_axis_without_a_score_is_marked_not_drawn():
    svg = svg_radar(SIX_AXES, COLOURS, size=400, margin=90, missing_note="not enough answers")
    assert [missing for _, missing in svg.spokes] == [False, False, False, True, False, False]
    d = [label for label in svg.labels if label.at.x == 200 and label.at.y > 200]
    # D points straight down: its name, then the note on the lines below it.
    assert [label.text for label in d] == ["D", "not enough", "answers"]
    assert [label.note for label in d] == [False, True, True]
    assert d[0].at.y < d[1].at.y < d[2].at.y
    assert len(svg.series[0].vertices) == 5 and len(svg.series[1].vertices) == 6


def test_no_note_without_text_and_no_outline_without_scores():
    chart = Radar(("A", "B", "C"), (Series("Now", (None, None, None)),))
    svg = svg_radar(chart, COLOURS)
    assert not any(label.note for label in svg.labels)
    assert svg.series[0].points == "" and svg.series[0].vertices == ()
    assert svg.legend == ()  # one series needs no legend


def test_two_series_differ_by_outline_and_marker_and_have_a_legend():
    svg = svg_radar(SIX_AXES, COLOURS, size=400, margin=90)
    now, before = svg.series
    assert (now.dashed, now.marker) == (False, "circle")
    assert (before.dashed, before.marker) == (True, "square")
    assert [entry.series.name for entry in svg.legend] == ["Now", "Before"]
    box = [float(v) for v in svg.view_box.split()]
    bottom = box[1] + box[3]
    lowest_label = max(label.at.y for label in svg.labels)
    # The legend sits below the lowest axis name, inside the drawing.
    assert all(lowest_label < entry.mark.y < bottom for entry in svg.legend)
    assert svg.legend[0].mark.y < svg.legend[1].mark.y
