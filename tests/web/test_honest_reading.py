"""The honest reading as people see it: results page, PDF and wizard on a version 2 file."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

# Every statement at its best, but decisions and the budget kept after asking: consult.
SAYS_SHARES = {
    "r1": 5,
    "r2": 5,
    "r3": 1,
    "e1": 5,
    "e2": 5,
    "p_aim": "cocreate",
    "p_decide": "asked",
    "p_budget": "asked",
    "p_eval": "us",
}


@pytest.fixture()
def says_shares(create_assessment):
    return create_assessment(answers=SAYS_SHARES, submitted=True, questionnaire="tiny-honest")


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        (
            "en",
            (
                "held back by power-sharing at “Consult”",
                "What you say and what you do",
                "is therefore not counted as a strength",
                "against your practice in the key areas",
                "2 steps short of the aim",
                "out of 100: capability score",
            ),
        ),
        (
            "fr",
            (
                "retenu par un partage du pouvoir au niveau « Consulter »",
                "Ce que vous dites et ce que vous faites",
                "n’est donc pas compté comme un point fort",
                "face à votre pratique dans les domaines clés",
                "2 échelons sous l’objectif",
                "sur 100 : score de capacité",
            ),
        ),
    ],
)
def test_results_page_shows_the_caps_and_the_contradiction(client, says_shares, lang, phrases):
    html = client.get(f"/results/{says_shares}?lang={lang}").get_data(as_text=True)
    for phrase in phrases:
        assert phrase in html.replace("\u00a0", " "), phrase
    # The contradicted dimension is not listed among the strengths.
    title = "Strengths to build on" if lang == "en" else "Points forts sur lesquels vous appuyer"
    strengths = html[html.index(title) : html.index('id="recommendations"')]
    assert ("Relationships" in strengths) or ("Relations" in strengths)
    assert "Éthique" not in strengths and "Ethics" not in strengths


def test_the_report_carries_the_same_reading(client, says_shares):
    response = client.get(f"/report/{says_shares}.pdf?lang=en")
    assert response.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    text = " ".join(text.split())
    for phrase in (
        "Capability score: 100/100.",
        "held back at “Growing” by power-sharing at “Consult”",
        "What you say and what you do disagree.",
        "Claims against practice",
        "The level never goes beyond what at least two of the key areas reach",
    ):
        assert phrase in text, phrase


def test_a_precondition_offers_no_doesnt_apply_and_refuses_it(client, post_form, create_assessment):
    token = create_assessment(questionnaire="tiny-honest")
    html = client.get(f"/assessment/{token}/step/compass").get_data(as_text=True)
    assert 'name="e1" type="radio" value="not_applicable"' not in html
    assert 'name="e2" type="radio" value="not_applicable"' in html
    response = post_form(f"/assessment/{token}/step/compass", {"e1": "not_applicable"})
    assert response.status_code == 400
    assert 'href="#e1"' in response.get_data(as_text=True)


def test_a_choice_question_refuses_not_applicable(post_form, create_assessment):
    token = create_assessment()
    response = post_form(f"/assessment/{token}/step/compass", {"p_decide": "not_applicable"})
    assert response.status_code == 400
    assert 'href="#p_decide"' in response.get_data(as_text=True)
