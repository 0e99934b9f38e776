"""The cover's date, the service name cut at a word, the download's file name."""

from datetime import date, datetime

from roadmap.report.cover import clip_words, long_date, report_filename

NAME = "Service municipal d'accompagnement des familles et de la petite enfance de Montréal"


def test_dates_are_day_month_year_in_both_languages():
    assert long_date(datetime(2026, 12, 1, 23, 0), "en") == "1 December 2026"
    assert long_date(date(2026, 12, 1), "fr") == "1 décembre 2026"
    assert long_date(None, "en") == ""


def test_clip_words_cuts_at_a_word_with_an_ellipsis():
    assert clip_words("Soutien à domicile", 48) == "Soutien à domicile"
    clipped = clip_words(NAME, 48)
    assert clipped == "Service municipal d'accompagnement des familles…"
    assert len(clipped) <= 48
    assert clip_words("a, b, " + "c" * 50, 10) == "a, b…"  # no comma before the ellipsis
    assert clip_words("x" * 60, 20) == "x" * 19 + "…"  # one word longer than the limit


def test_filename_cut_at_a_word_with_the_iso_date():
    day = datetime(2026, 12, 1, 9, 30)
    assert report_filename(NAME, "fr", day) == (
        "rapport-cocreation-service-municipal-d-accompagnement-des-2026-12-01.pdf"
    )
    assert report_filename("Équipe à domicile", "en", day) == (
        "co-creation-report-equipe-a-domicile-2026-12-01.pdf"
    )
    assert report_filename(None, "en", None) == "co-creation-report.pdf"
    assert report_filename("z" * 90, "fr", day) == f"rapport-cocreation-{'z' * 40}-2026-12-01.pdf"
