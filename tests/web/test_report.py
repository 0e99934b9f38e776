"""PDF reports: tagged, in the reader's language, with the results, safe with any user text."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from roadmap.report import documents as reports
from roadmap.report.documents import ReportCache
from roadmap.report.pdf import StaticOnlyFetcher
from roadmap.report.typography import NBSP, NNBSP
from roadmap.services import assessments
from roadmap.services import reports as report_service
from roadmap.services import results as results_service

ARTEFACTS = Path(__file__).parent.parent.parent / "test-artifacts"
HOSTILE = (
    '<b>gras</b> <img src="http://127.0.0.1:9/leak.png"> '
    + "Anticonstitutionnellementdéraisonnablementinterminable" * 4
    + " 😀🎉 שלום עולם مرحبا بالعالم"
)


@pytest.fixture()
def submitted(post_form, start_assessment, answer_all):
    """A submitted assessment of the tiny questionnaire; returns its token."""

    def make(language="fr", reflection="Moins d'attente"):
        token = start_assessment(language=language, service_name="Soutien à domicile")
        answer_all(token, reflection)
        post_form(f"/assessment/{token}/check", {})
        return token

    return make


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    """The reader and the text; poppler's pdftotext when installed, as it decodes the two-byte
    fonts WeasyPrint uses for large glyph sets, where pypdf yields NUL-separated text."""
    reader = PdfReader(io.BytesIO(data))
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        text = done.stdout.decode()
    else:
        text = "\n".join(p.extract_text().replace("\x00", "") for p in reader.pages)
    # Undo line breaks and hyphenation (U+2010) so that phrases can be searched whole. pdftotext
    # prints no-break spaces as plain ones and pypdf keeps them: every kind of space is made a
    # plain one, so the result does not depend on which extractor the machine has. The French
    # spacing is checked on the HTML instead.
    return reader, re.sub(r"\s+", " ", text.replace("\u2010\n", ""))


def test_french_report_is_tagged_and_complete(client, post_form, submitted):
    token = submitted()
    response = client.get(f"/report/{token}.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert re.search(
        r'filename="rapport-cocreation-soutien-a-domicile-\d{4}-\d\d-\d\d\.pdf"',
        response.headers["Content-Disposition"],
    )
    reader, text = pdf_text(response.data)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title.startswith("Rapport")
    # The cover, then the chapters one after the other (none forced onto a page of its own).
    assert len(reader.pages) == 6
    for expected in (
        "Relations",
        "Éthique",
        "Débutant",
        "Consulter",
        "Aller vers",
        "Jury citoyen",
        "Moins d'attente",
        "Plan d’action",
        "Synthèse",
        "Dans ce rapport",
        # The annex, written from the questionnaire's own figures.
        "1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100",
        "4 énoncés pèsent 1, 1 énoncé pèse 2",
        "en dessous de 50 %",
    ):
        assert expected in text, expected
    for english in (
        "Executive summary",
        "Power-sharing",
        "What to do next",
        "Action plan",
        "Scores by dimension",
        "Overall readiness",
        "Top strengths",
        "Who to involve",
        "How the numbers are computed",
        "statements weigh",
    ):
        assert english not in text, english


def test_french_report_keeps_punctuation_with_its_word(app, submitted):
    token = submitted()
    with app.test_request_context():
        assessment, q = assessments.by_token(token, 365)
        results = results_service.analyse(assessment, q)
        french = reports.report_html(results, report_service.meta_of(assessment), "fr")
        english = reports.report_html(results, report_service.meta_of(assessment), "en")
    assert f"une note{NNBSP}; en dessous de 50{NBSP}%" in french
    assert NNBSP not in english and f"{NBSP}%" not in english


def report_html(app, token: str, locale: str = "fr") -> str:
    with app.test_request_context():
        assessment, q = assessments.by_token(token, 365)
        results = results_service.analyse(assessment, q)
        return reports.report_html(results, report_service.meta_of(assessment), locale)


def test_spectrum_names_every_level_in_dark_text_with_a_key(app, submitted):
    html = report_html(app, submitted())
    spectrum = re.search(r'<svg[^>]*aria-labelledby="spectrum-title".*?</svg>', html, re.S)[0]
    names = re.findall(r'<text[^>]*fill="([^"]+)"[^>]*>([^<]+)</text>', spectrum)
    assert [name for _, name in names] == [
        "Informer",
        "Consulter",
        "Impliquer",
        "Collaborer",
        "Habiliter",
        "Votre pratique",
        "Niveau visé",
    ]
    # Dark on the light page, the current level's too (it was once white below its bar).
    assert {fill for fill, _ in names} == {"#0b0c0c"}
    assert re.search(r'font-weight="bold"[^>]*>Consulter<', spectrum)
    assert f"«{NNBSP}Consulter{NNBSP}»{NNBSP}; niveau visé" in spectrum  # the text alternative


def test_long_service_name_is_cut_in_the_running_header_only(app, start_assessment, answer_all):
    name = "Direction des services aux citoyens " + "Unitéextraordinairementlongue" * 3
    token = start_assessment(service_name=name)
    answer_all(token)
    html = report_html(app, token)
    header = re.search(r'<span class="running-title">(.*?)</span>', html)[0]
    # Cut after a whole word, never inside one.
    assert name not in header and header.endswith("· Direction des services aux citoyens…</span>")
    assert f"<dd>{name}</dd>" in html  # whole on the cover


def test_report_without_any_score_says_so_without_contradiction(client, post_form, submitted):
    token = submitted()
    dont_know = {item: "dont_know" for item in ("r1", "r2", "r3")}
    post_form(f"/assessment/{token}/step/start", dont_know)
    post_form(f"/assessment/{token}/step/compass", {"e1": "dont_know", "e2": "dont_know"})
    post_form(f"/assessment/{token}/check", {})
    _, text = pdf_text(client.get(f"/report/{token}.pdf?lang=en").data)
    assert "No dimension has enough answers for a score yet." in text
    assert "reaches 70" not in text  # neither "no dimension reaches" nor "every one reaches"
    # In the summary table, a dash in the narrow score column and the words in the level one.
    assert "Relationships — Not enough answers Ethics — Not enough answers" in text


def test_report_language_is_chosen_at_download(client, post_form, submitted):
    token = submitted(language="fr")
    reader, text = pdf_text(client.get(f"/report/{token}.pdf?lang=en").data)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Executive summary" in text and "Go where people are" in text
    assert "Relationships" in text
    assert "4 statements weigh 1, 1 statement weighs 2" in text
    assert "Synthèse" not in text and "énoncés" not in text


def test_identical_requests_are_served_from_the_cache(app, client, post_form, submitted):
    token = submitted()
    cache = app.extensions.setdefault("roadmap.report_cache", ReportCache(8))
    hits = cache.hits
    first = client.get(f"/report/{token}.pdf").data
    second = client.get(f"/report/{token}.pdf").data
    assert first == second and cache.hits == hits + 1
    post_form(f"/assessment/{token}/step/start", {"r1": "5"})
    post_form(f"/assessment/{token}/check", {})
    client.get(f"/report/{token}.pdf")
    assert cache.hits == hits + 1  # changed answers: rendered again


def test_hostile_user_text_renders_and_nothing_is_fetched(client, post_form, submitted):
    token = submitted(reflection=HOSTILE)
    response = client.get(f"/report/{token}.pdf")
    assert response.status_code == 200
    _, text = pdf_text(response.data)
    assert "<b>gras</b>" in text  # shown as text, not markup
    assert "Anticonstitutionnellement" in text


def has_emoji_font() -> bool:
    if not (shutil.which("fc-list") and shutil.which("pdffonts")):
        return False
    return b"Noto Color Emoji" in subprocess.run(["fc-list"], capture_output=True).stdout


@pytest.mark.skipif(
    not has_emoji_font(),
    reason="no emoji font (Debian fonts-noto-color-emoji) or no pdffonts (poppler-utils)",
)
def test_emoji_in_user_text_print_with_the_systems_emoji_font(client, submitted):
    token = submitted(reflection=HOSTILE)
    data = client.get(f"/report/{token}.pdf").data
    fonts = subprocess.run(["pdffonts", "-"], input=data, capture_output=True).stdout
    assert b"Noto-Color-Emoji" in fonts


def test_fetcher_refuses_everything_but_static_files(tmp_path):
    fetcher = StaticOnlyFetcher()
    from roadmap import paths

    assert fetcher(paths.STATIC.as_uri() + "/css/report.css").read()
    for url in (
        "http://127.0.0.1/x",
        "https://example.org/a.png",
        "file:///etc/passwd",
        paths.STATIC.as_uri() + "/../pyproject.toml",
        "data:text/plain,hi",
    ):
        with pytest.raises(ValueError):
            fetcher(url)


def test_unsubmitted_assessment_has_no_report_yet(client, start_assessment):
    token = start_assessment()
    assert client.get(f"/report/{token}.pdf").status_code == 302
    assert client.get("/report/not-a-token.pdf").status_code == 404


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed"
)
def test_first_pages_render_to_png_for_a_visual_check(client, post_form, submitted):
    token = submitted(reflection=HOSTILE)
    ARTEFACTS.mkdir(exist_ok=True)
    pdf = ARTEFACTS / "report-fr.pdf"
    pdf.write_bytes(client.get(f"/report/{token}.pdf").data)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-l", "3", "-png", str(pdf), str(ARTEFACTS / "report-fr")],
        check=True,
    )
    assert len(list(ARTEFACTS.glob("report-fr-*.png"))) == 3


def test_results_page_prefetches_the_report(app, client, post_form, submitted):
    from roadmap.report import documents as reports

    token = submitted()
    app.extensions["roadmap.report_cache"] = cache = ReportCache(8)
    app.config["REPORT_PREFETCH"] = True
    try:
        client.get(f"/results/{token}")
        reports._prefetcher.submit(lambda: None).result(timeout=30)  # wait for the queue
        client.get(f"/report/{token}.pdf")
        assert cache.hits == 1
    finally:
        app.config["REPORT_PREFETCH"] = False
