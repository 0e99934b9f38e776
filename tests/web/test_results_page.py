"""The results page built around priorities: the radar drawn on the server without inventing
scores, where each dimension loses points, the same priorities as the PDF, and a re-assessment
that says what changed and where the earlier results are."""

from __future__ import annotations

import html as markup
import io
import re

from factories import TRAP_ANSWERS
from pypdf import PdfReader

RELATIONS_ONLY = {"r1": 4, "r2": 2, "r3": 2, "p_aim": "cocreate", "p_decide": "asked"}


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_radar_is_inline_svg_and_leaves_a_dimension_without_a_score_off(client, create_assessment):
    token = create_assessment(answers=RELATIONS_ONLY, submitted=True)
    html = html_of(client, f"/results/{token}?lang=en")
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and "viewBox=" in svg
    assert '<desc id="radar-desc">Relationships: 63; Ethics: not enough answers.</desc>' in svg
    # Ethics is marked on its axis (a note, a dashed spoke) and gets no point of the outline.
    assert 'font-style="italic" fill="#505a5f">not enough</text>' in svg
    assert svg.count('stroke-dasharray="2 3"') == 1
    [outline] = re.findall(r'<polygon points="([^"]+)" fill="#1d5e8c"', svg)
    assert len(outline.split()) == 1 and svg.count("<circle") == 1
    assert "<table" in html[html.index("</svg>") :]  # the data table beside it
    assert "plotly" not in html.lower()


def test_each_scored_dimension_says_where_it_loses_most_points(client, create_assessment):
    token = create_assessment(answers=RELATIONS_ONLY, submitted=True)
    html = html_of(client, f"/results/{token}?lang=en").replace("\u00a0", " ")
    # r2 (2 of 5, a quarter of the weight) costs 18.75 points, r1 (4 of 5, half) 12.5.
    assert "Where you lose most points: “We meet in person” (2 – " in html
    assert ": 19 points); “We go where people are” (4 – " in html
    assert html.count("Where you lose most points") == 1  # Ethics has no score
    fr = html_of(client, f"/results/{token}?lang=fr")  # French spacing: no-break spaces
    assert "Là où vous perdez le plus de points\u00a0: «\u202fNous nous rencontrons\u202f»" in fr


def test_a_reverse_worded_answer_that_costs_points_says_so(client, create_assessment):
    token = create_assessment(answers={"r1": 5, "r2": 5, "r3": 4}, submitted=True)
    html = html_of(client, f"/results/{token}?lang=en").replace("\u00a0", " ")
    assert "“We rarely listen” (4 – " in html and ", reverse-worded: 19 points)" in html


def test_web_page_and_pdf_show_the_same_priorities_in_the_same_order(client, create_assessment):
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    html = html_of(client, f"/results/{token}?lang=en")
    section = html[html.index('id="recommendations"') :]
    web = re.findall(r'<h3 class="govuk-heading-m">(\d+)\. <a [^>]+>([^<]+)</a>', section)
    assert [rank for rank, _ in web] == ["1", "2"]  # the tiny file's two that apply
    response = client.get(f"/report/{token}.pdf?lang=en")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages)
    text = text.replace("\n", " ")
    chapter = text[text.index("Suggestions are ranked") :]
    positions = [chapter.index(f"{rank}. {markup.unescape(title)}") for rank, title in web]
    assert positions == sorted(positions)
    # The top recommendations are shown in full on the page: why, first steps, effort, who.
    first = section[: section.index("</li>\n  \n  <li") if "</li>\n  \n  <li" in section else None]
    for part in ("Why we suggest it", "First steps", "Effort", "Who to involve"):
        assert part in first


def test_a_reassessment_shows_the_earlier_figures_and_keeps_the_old_link(client, create_assessment):
    before = create_assessment(answers=TRAP_ANSWERS, submitted=True, locale="en")
    after = create_assessment(
        answers={**TRAP_ANSWERS, "r1": 5, "r2": 5, "p_decide": "together"},
        submitted=True,
        previous=before,
    )
    html = html_of(client, f"/results/{after}?lang=en")
    block = html[html.index("Compared with your previous assessment") :]
    block = block[: block.index("</div>")]
    assert "still shows its results" in block
    rows = re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>', block)
    assert rows == ["Date", "Overall score", "Power-sharing"]
    assert len(re.findall(r"\b20\d\d\b", block)) == 2  # both dates
    # The two radar series differ by outline and marker, and a legend names them.
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'stroke-dasharray="6 4"' in svg and "<rect" in svg and "<circle" in svg
    assert ">This assessment</text>" in svg and ">Previous assessment</text>" in svg
    # The earlier results are still there, unchanged, behind the old link.
    assert "Compared with" not in html_of(client, f"/results/{before}?lang=en")
