"""Chart data and geometry: the radar's series, and where every mark of its SVG drawing goes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .results import Results


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per axis; None = not enough answers


@dataclass(frozen=True)
class Radar:
    axes: tuple[str, ...]
    series: tuple[Series, ...]


def radar(results: Results, locale: str, current: str, previous: str) -> Radar:
    """The dimensions as radar axes: this assessment, and the previous one when there is one."""
    q = results.questionnaire
    dims = [q.dimension(d) for d in results.scores.dimensions]
    series = [Series(current, tuple(results.scores.dimensions[d.id].score for d in dims))]
    if results.previous is not None:
        before = results.previous.dimensions
        series.append(
            Series(previous, tuple(before[d.id].score if d.id in before else None for d in dims))
        )
    return Radar(tuple(d.label(locale) for d in dims), tuple(series))


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def polar_point(centre: float, radius: float, index: int, count: int, value: float) -> Point:
    """Axis `index` of `count`, first axis straight up, clockwise; value on 0-100."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = radius * max(0.0, min(100.0, value)) / 100.0
    return Point(round(centre + r * math.cos(angle), 2), round(centre + r * math.sin(angle), 2))


LABEL_GAP = 14  # between the outer ring and an axis name
# The PDF prints the 400-unit drawing 82 mm wide, so 12.5 units is about 7.3 pt: the smallest
# size that stays legible on paper. Names wrap rather than shrink, to leave the chart its room.
LABEL_SIZE = 12.5
TICK_SIZE = 9.5  # the ring marks: secondary, and repeated in the data table
# No mark on the outer ring: it would sit under the top axis name, and the chart's caption
# already says the scale runs from 0 to 100.
TICKS = (25, 50, 75)
LINE_HEIGHT = 1.2  # between the two lines of a wrapped name, in label sizes
WRAP_AFTER = 12  # characters: a longer name with a space goes on two lines
CROP_ROOM = 0.75  # above the top name and below the bottom one, in label sizes (accents)


def label_lines(name: str) -> tuple[str, ...]:
    """An axis name on one line, or on two at the space nearest its middle when it is long.

    Only plain spaces break: a no-break space (French typography) keeps its words together."""
    spaces = [i for i, char in enumerate(name) if char == " "]
    if len(name) <= WRAP_AFTER or not spaces:
        return (name,)
    cut = min(spaces, key=lambda i: abs(len(name) / 2 - i))
    return (name[:cut], name[cut + 1 :])


@dataclass(frozen=True)
class SvgRadar:
    """Everything an SVG template needs to draw the radar, in the coordinates of `view_box`."""

    view_box: str  # "x y width height": the square drawing, cropped to its top and bottom names
    width: float
    height: float
    centre: Point
    rings: tuple[str, ...]  # polygon point lists for 25/50/75/100
    spokes: tuple[Point, ...]
    ticks: tuple[tuple[int, Point], ...]  # TICKS along the first axis
    labels: tuple[tuple[str, Point, str], ...]  # one line of an axis name, position, text-anchor
    polygons: tuple[tuple[str, str, str], ...]  # points, colour, series name
    label_size: float = LABEL_SIZE
    tick_size: float = TICK_SIZE


def _name_lines(name: str, anchor_point: Point, centre: float, reach: float):
    """The lines of one axis name around its anchor point, pushed away from the chart: a wrapped
    name above the chart grows upwards, one below grows downwards, one at the side is centred."""
    lines = label_lines(name)
    step = LABEL_SIZE * LINE_HEIGHT
    block = step * (len(lines) - 1)
    outwards = (anchor_point.y - centre) / reach  # -1 at the top, 1 at the bottom
    first = anchor_point.y - block / 2 + outwards * block / 2
    return [
        (line, Point(anchor_point.x, round(first + k * step, 2))) for k, line in enumerate(lines)
    ]


def svg_radar(
    chart: Radar, colours: Sequence[str], size: float = 400, margin: float = 100
) -> SvgRadar:
    """The radar's geometry in a `size`-wide drawing; `margin` leaves room for the axis names
    at the sides. Above and below, names are centred on their axis and need far less room, so
    the drawing is cropped there instead of leaving white space around the chart."""
    centre = size / 2
    radius = centre - margin
    n = len(chart.axes)

    def ring(value: float) -> str:
        return " ".join(
            f"{p.x},{p.y}" for p in (polar_point(centre, radius, i, n, value) for i in range(n))
        )

    labels = []
    for i, name in enumerate(chart.axes):
        p = polar_point(centre, radius + LABEL_GAP, i, n, 100)
        anchor = "middle" if abs(p.x - centre) < 1 else ("start" if p.x > centre else "end")
        labels += [
            (line, at, anchor) for line, at in _name_lines(name, p, centre, radius + LABEL_GAP)
        ]
    polygons = tuple(
        (
            " ".join(
                f"{p.x},{p.y}"
                for p in (polar_point(centre, radius, i, n, v or 0) for i, v in enumerate(s.values))
            ),
            colour,
            s.name,
        )
        for colour, s in zip(colours, chart.series, strict=False)
    )
    room = LABEL_SIZE * CROP_ROOM
    top = round(max(0.0, min(p.y for _, p, _ in labels) - room), 2)
    bottom = round(min(size, max(p.y for _, p, _ in labels) + room), 2)
    return SvgRadar(
        view_box=f"0 {top:g} {size:g} {bottom - top:g}",
        width=size,
        height=round(bottom - top, 2),
        centre=Point(centre, centre),
        rings=tuple(ring(v) for v in (25, 50, 75, 100)),
        spokes=tuple(polar_point(centre, radius, i, n, 100) for i in range(n)),
        ticks=tuple((v, polar_point(centre, radius, 0, n, v)) for v in TICKS),
        labels=tuple(labels),
        polygons=polygons,
    )
