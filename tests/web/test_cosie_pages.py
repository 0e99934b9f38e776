"""Request tests on the real CoSIE questionnaire: headings, numbers, time and labels as read."""

import re
from pathlib import Path

import pytest

from roadmap import create_app
from roadmap.extensions import db
from tests.conftest import csrf_from

ROOT = Path(__file__).parent.parent.parent
NNBSP = "\u202f"


@pytest.fixture(scope="module")
def cosie_app(tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "cosie-pages",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path_factory.mktemp('cosie') / 'c.db'}",
            "QUESTIONNAIRE_DIR": str(ROOT / "questionnaires"),
            "DEFAULT_QUESTIONNAIRE": "cosie-readiness",
            "SERVER_NAME": "localhost",
            "REPORT_PREFETCH": False,
        }
    )
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture()
def cosie(cosie_app):
    return cosie_app.test_client()


def text_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def start(client, language: str) -> str:
    html = text_of(client, f"/assessment/start?lang={language}")
    response = client.post(
        "/assessment/start", data={"csrf_token": csrf_from(html), "language": language}
    )
    assert response.status_code == 302
    return response.headers["Location"].split("/")[-2]


@pytest.mark.parametrize(
    ("lang", "headings", "gone"),
    [
        ("fr", ["À quoi sert cet outil", "Le piège de la consultation", "Sources"], "En groupe"),
        ("en", ["What this tool is for", "The consultation trap", "Sources"], "In a group"),
    ],
)
def test_methods_page_has_real_headings_and_no_group_feature(cosie, lang, headings, gone):
    html = text_of(cosie, f"/methods?lang={lang}")
    found = re.findall(r'<h2 class="govuk-heading-m"[^>]*>([^<]+)</h2>', html)
    for heading in headings:
        assert heading in found, heading
    assert "## " not in html
    assert f'<p class="govuk-body">{headings[0]}</p>' not in html
    assert gone not in html
    assert len(found) == len(set(found)), "a heading is repeated"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Répondre aux 62 questions prend de 15 à 25 minutes environ"),
        ("en", "Answering the 62 questions takes about 15 to 20 minutes"),
    ],
)
def test_home_page_gives_the_estimated_time(cosie, lang, expected):
    html = text_of(cosie, f"/?lang={lang}")
    assert expected in html
    assert "15 to 25 minutes. Your" not in html and "Comptez de 15" not in html
    assert "#duration" in html
    assert 'id="duration"' in text_of(cosie, "/methods")


@pytest.mark.parametrize(("lang", "limit"), [("fr", f"2{NNBSP}000"), ("en", "2,000")])
def test_character_limits_are_written_as_the_language_writes_numbers(cosie, lang, limit):
    token = start(cosie, lang)
    html = text_of(cosie, f"/assessment/{token}")
    first = re.search(r'href="(/assessment/[^"]+/step/[^"]+)"', html).group(1)
    html = text_of(cosie, first)
    assert limit in html and "2000 " not in html
    section = first.rsplit("/", 1)[1]
    field = re.search(r'<textarea[^>]* name="([^"]+)"', html).group(1)
    response = cosie.post(
        first, data={"csrf_token": csrf_from(html), field: "x" * 2001, "action": "next"}
    )
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    longer = f"2{NNBSP}001" if lang == "fr" else "2,001"
    assert longer in body and limit in body, section


def test_the_scale_says_plutot_faux(cosie):
    token = start(cosie, "fr")
    html = text_of(cosie, f"/assessment/{token}")
    steps = re.findall(r'href="(/assessment/[^"]+/step/[^"]+)"', html)
    pages = "".join(text_of(cosie, url) for url in steps[:3])
    assert "Plutôt faux" in pages and "Plutôt pas vrai" not in pages


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_33_tools_are_sorted_ignoring_articles_and_filter_by_power(cosie, lang):
    from roadmap.report.collation import title_key

    html = text_of(cosie, f"/tools?lang={lang}")
    titles = re.findall(r'<dt class="govuk-summary-list__key"><a [^>]*>([^<]+)</a>', html)
    assert len(titles) == 33
    unescaped = [t.replace("&#39;", "'").replace("&amp;", "&") for t in titles]
    assert unescaped == sorted(unescaped, key=lambda t: title_key(t, lang))
    first = {"fr": "Aller là où sont les gens", "en": "A “before you start” workshop"}[lang]
    assert unescaped[0] == first
    power = text_of(cosie, f"/tools?lang={lang}&dimension=power")
    assert 0 < power.count('<dt class="govuk-summary-list__key">') < 33
