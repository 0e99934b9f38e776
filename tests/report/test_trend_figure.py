"""The team page's trend charts: their axis speaks the page's language."""

from __future__ import annotations

from datetime import date

from flask_babel import force_locale

from roadmap.core.ledger import Trend
from roadmap.report.ledger import trend_figure

DAYS = (date(2025, 2, 5), date(2026, 7, 20))


def _figure(app, locale):
    q = app.extensions["roadmap.catalogue"].get("tiny")
    trend = Trend(DAYS, {d.id: (40, 60) for d in q.dimensions})
    with app.test_request_context(), force_locale(locale):
        return trend_figure(trend, q, [d.id for d in q.dimensions], locale)


def test_a_tick_at_each_assessment_named_as_in_the_table(app):
    axis = _figure(app, "fr")["layout"]["xaxis"]
    assert axis["tickvals"] == ["2025-02-05", "2026-07-20"]
    assert axis["ticktext"] == ["5 févr. 2025", "20 juil. 2026"]
    assert _figure(app, "en")["layout"]["xaxis"]["ticktext"] == ["5 Feb 2025", "20 Jul 2026"]
