"""PDF layout and cover checks from word positions (poppler's pdftotext -bbox): the cover's
labels beside their values, no mostly blank page, the date, the address of the methods page."""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap.cli import cli

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>'
)
PAGE_HEIGHT = 841.89  # A4 in points
BODY_TOP, BODY_BOTTOM = 20 / 25.4 * 72, PAGE_HEIGHT - 18 / 25.4 * 72  # the @page margins

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pages_words(pdf: bytes) -> list[list[tuple[float, float, float, str]]]:
    """Per page, its words as (x, top, bottom, text)."""
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True)
    pages = out.stdout.decode().split("<page ")[1:]
    return [
        [(float(x), float(y0), float(y1), html.unescape(t)) for x, y0, y1, t in WORD.findall(p)]
        for p in pages
    ]


def body_fill(words) -> float:
    """How far down the body the page's text reaches, 0 to 1 (running header, footer aside)."""
    body = [bottom for _, top, bottom, _ in words if top > BODY_TOP and bottom < BODY_BOTTOM]
    return (max(body, default=BODY_TOP) - BODY_TOP) / (BODY_BOTTOM - BODY_TOP)


def top_of(words, text: str, left: bool | None = None) -> float:
    for x, top, _, word in words:
        if word == text and (left is None or (x < 150) == left):
            return top
    raise AssertionError(f"{text!r} not on the page")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_cover_labels_stand_beside_their_values(client, post_form, answer_all, language):
    # A label and a value on two lines each: once, every value below moved up one row.
    name = "Service municipal d'accompagnement des familles et de la petite enfance de Montréal"
    token = (
        post_form(
            "/assessment/start", {"service_name": name, "role": "frontline", "language": language}
        )
        .headers["Location"]
        .split("/")[-2]
    )
    answer_all(token)
    post_form(f"/assessment/{token}/check", {})
    cover = pages_words(client.get(f"/report/{token}.pdf?lang={language}").data)[0]
    date_label, lang_label, lang_value = (
        ("Date", "Langue", "Français") if language == "fr" else ("Date", "Language", "English")
    )
    assert top_of(cover, "Service", left=True) == pytest.approx(top_of(cover, "Service", False))
    assert top_of(cover, lang_label, left=True) == pytest.approx(top_of(cover, lang_value, False))
    assert top_of(cover, "Questionnaire", True) == pytest.approx(top_of(cover, "tiny,", False))
    day = next(w for x, _, _, w in cover if x > 150 and re.fullmatch(r"\d{1,2}", w))
    assert top_of(cover, date_label, left=True) == pytest.approx(top_of(cover, day, False))


def test_english_date_is_day_month_year(client, post_form, start_assessment, answer_all):
    token = start_assessment(language="en")
    answer_all(token)
    post_form(f"/assessment/{token}/check", {})
    cover = " ".join(w for *_, w in pages_words(client.get(f"/report/{token}.pdf").data)[0])
    assert re.search(
        r"Date \d{1,2} (January|February|March|April|May|June|July|August|"
        r"September|October|November|December) \d{4} Language",
        cover,
    ), cover


def test_methods_page_address_is_printed_when_configured(
    app, client, post_form, answer_all, start_assessment
):
    token = start_assessment()
    answer_all(token)
    post_form(f"/assessment/{token}/check", {})
    text = lambda: " ".join(  # noqa: E731
        w for page in pages_words(client.get(f"/report/{token}.pdf").data) for *_, w in page
    )
    assert "https://" not in text() and "l’application." in text()
    app.config["PUBLIC_URL"] = "https://roadmap.example.org/outil"
    try:
        assert "https://roadmap.example.org/outil/methods" in text()
    finally:
        app.config["PUBLIC_URL"] = None


@pytest.mark.parametrize("example", ["all-dont-know", "mixed-team", "says-shares-practises-inform"])
@pytest.mark.parametrize("locale", ["fr", "en"])
def test_no_page_but_the_last_is_mostly_blank(monkeypatch, tmp_path, example, locale):
    # The examples run on the full questionnaire: "don't know" answers once left two pages
    # nearly blank, each chapter being forced onto a new page.
    monkeypatch.delenv("ROADMAP_QUESTIONNAIRE_DIR", raising=False)
    out = tmp_path / "report.pdf"
    answers = EXAMPLES / f"{example}.json"
    assert json.loads(answers.read_text())["questionnaire"]
    result = CliRunner().invoke(
        cli, ["report", str(answers), "-o", str(out), "--locale", locale, "--service-name", "CPAS"]
    )
    assert result.exit_code == 0, result.output
    fills = [body_fill(words) for words in pages_words(out.read_bytes())]
    assert all(fill > 0.5 for fill in fills[1:-1]), [round(f, 2) for f in fills]
