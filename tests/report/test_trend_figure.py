"""The team page's trend charts: one tick per assessment, dated in the reader's language (not
plotly's own ticks, which repeat a day around a single assessment and speak English)."""

from datetime import date

from flask_babel import force_locale

from roadmap.core.ledger import Trend
from roadmap.report.ledger import trend_figure


def test_one_tick_per_assessment_dated_in_the_readers_language(app, cosie):
    dims = [d.id for d in cosie.dimensions]
    one = Trend(days=(date(2026, 12, 2),), series={d: (50,) for d in dims})
    with app.test_request_context(), force_locale("fr"):
        axis = trend_figure(one, cosie, dims, "fr")["layout"]["xaxis"]
    assert axis["tickmode"] == "array"
    assert axis["tickvals"] == ["2026-12-02"]
    assert axis["ticktext"] == ["2 déc. 2026"]
    three = Trend(
        days=(date(2025, 1, 15), date(2025, 11, 3), date(2026, 12, 2)),
        series={d: (40, None, 60) for d in dims},
    )
    with app.test_request_context(), force_locale("en"):
        axis = trend_figure(three, cosie, dims, "en")["layout"]["xaxis"]
    assert axis["ticktext"] == ["15 Jan 2025", "3 Nov 2025", "2 Dec 2026"]


def test_the_height_leaves_room_for_a_legend_line_per_series(app, cosie):
    dims = [d.id for d in cosie.dimensions]
    trend = Trend(days=(date(2026, 12, 2),), series={d: (50,) for d in [*dims, "power"]})
    with app.test_request_context(), force_locale("fr"):
        ten = trend_figure(trend, cosie, dims, "fr")["layout"]["height"]
        one = trend_figure(trend, cosie, ["power"], "fr")["layout"]["height"]
    assert ten - one >= 20 * (len(dims) - 1)  # a 320 px phone shows one series a line
