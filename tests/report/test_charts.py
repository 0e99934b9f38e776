"""The radar as readers get it: its text alternative names every score, and an axis without
one is marked in the reader's language instead of being drawn."""

from flask_babel import force_locale

from roadmap.core.charts import Radar, Series
from roadmap.report.charts import radar_drawing, radar_text

SIX_AXES = Radar(
    axes=("A", "B", "C", "D", "E", "F"),
    series=(Series("Now", (100, 50, 0, None, 25, 75)), Series("Before", (50,) * 6)),
)


def test_text_alternative_names_every_series_and_score(app):
    with app.test_request_context(), force_locale("en"):
        text = radar_text(SIX_AXES)
    assert text.startswith("Now — A: 100; B: 50; C: 0; D: not enough answers; E: 25; F: 75.")
    assert "Before — A: 50;" in text


def test_one_series_needs_no_name(app):
    with app.test_request_context(), force_locale("en"):
        text = radar_text(Radar(("A", "B"), (Series("Now", (10, None)),)))
    assert text == "A: 10; B: not enough answers."


def test_the_missing_axis_note_is_translated(app):
    with app.test_request_context(), force_locale("fr"):
        svg = radar_drawing(SIX_AXES)
    notes = " ".join(label.text for label in svg.labels if label.note)
    assert notes == "pas assez de réponses"
    assert [missing for _, missing in svg.spokes] == [False, False, False, True, False, False]
