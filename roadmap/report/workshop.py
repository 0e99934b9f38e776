"""What the facilitator and projector views of a workshop show: the group radar with its
interquartile band, the tables beside it, distributions, the agenda and power per role."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from ..core.charts import Radar, Series, polar_point, svg_radar
from ..core.group import GroupReading, covered
from ..core.questionnaire import ItemKind, Questionnaire
from ..models.workshop import Workshop
from .wording import number_text

MEDIAN_COLOUR = "#1d5e8c"


@dataclass(frozen=True)
class BandRadar:
    svg: object  # core.charts.SvgRadar, for the rings, spokes and names
    band: str  # SVG path: the q3 outline and the q1 outline, filled even-odd between them
    title: str


def _outline(values: list[float | None], n: int, centre: float, radius: float) -> str:
    points = [polar_point(centre, radius, i, n, v) for i, v in enumerate(values) if v is not None]
    return ("M " + " ".join(f"{p.x},{p.y}" for p in points) + " Z") if points else ""


def band_radar(q: Questionnaire, dims: list[str], group: GroupReading, locale: str) -> BandRadar:
    bands = [group.whole.dimensions.get(d) if group.whole else None for d in dims]
    medians = tuple(b.median if b else None for b in bands)
    chart = Radar(
        tuple(q.dimension(d).label(locale) for d in dims), (Series(_("Median"), medians),)
    )
    svg = svg_radar(chart, (MEDIAN_COLOUR,), missing_note=_("fewer than k answers"))
    n, centre, radius = len(dims), 200.0, 100.0
    q3 = _outline([b.q3 if b else None for b in bands], n, centre, radius)
    q1 = _outline([b.q1 if b else None for b in bands], n, centre, radius)
    return BandRadar(svg, f"{q3} {q1}".strip(), _("Group readiness: median and middle half"))


def score_or_dash(value: float | None) -> str:
    return number_text(value) if value is not None else "–"


def live_context(
    workshop: Workshop, q: Questionnaire, group: GroupReading, locale: str, projector: bool
) -> dict:
    """Everything the live panel shows; the projector gets only the sections revealed."""
    sections = list(workshop.revealed or []) if projector else list(workshop.sections)
    dims, item_ids = covered(q, sections) if sections else ([], [])
    items = [(q.item(i), group.items.get(i)) for i in item_ids if q.item(i).kind is ItemKind.RATED]
    shown = {i for i, _d in ((it.id, d) for it, d in items)}
    asks_power = any(
        i.kind is ItemKind.CHOICE for s in q.sections if s.id in sections for i in s.items
    )
    power_rows = []
    if group.released and asks_power:
        if group.whole.power:
            power_rows.append((_("Whole group"), group.whole.n, group.whole.power))
        for role, view in group.roles.items():
            if view.power:
                power_rows.append((role, view.n, view.power))
    role_rows = [
        (role, view.n, [view.dimensions.get(d) for d in dims]) for role, view in group.roles.items()
    ]
    return {
        "group": group,
        "projector": projector,
        "sections": sections,
        "dims": [(d, q.dimension(d).label(locale)) for d in dims],
        "radar": band_radar(q, dims, group, locale) if group.released and dims else None,
        "items": items,
        "agenda": [d for d in group.agenda if d.item_id in shown],
        "unsure": [i for i in group.unsure if i in shown],
        "power_rows": power_rows,
        "role_rows": role_rows if dims else [],
        "q": q,
        "score_or_dash": score_or_dash,
    }
