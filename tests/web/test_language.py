"""Request tests: one language on every page, from the choice, the session or the assessment."""

import pytest

from roadmap.services.assessments import by_token

OTHER = {"fr": "en", "en": "fr"}
LIBRARY = ("/", "/methods", "/tools", "/tools/citizen-jury", "/assessment/start")


def lang_of(client, url, **headers) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    html = response.get_data(as_text=True)
    return html.split('<html lang="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_resuming_on_a_browser_in_the_other_language_keeps_the_assessments(
    client, create_assessment, language
):
    token = create_assessment(locale=language)
    browser = {"Accept-Language": OTHER[language]}
    assert lang_of(client, f"/assessment/{token}", **browser) == language
    for url in LIBRARY:
        assert lang_of(client, url, **browser) == language, url


@pytest.mark.parametrize("language", ["fr", "en"])
def test_results_then_tools_stay_in_the_assessments_language(client, create_assessment, language):
    token = create_assessment(locale=language, submitted=True, answers={"r1": 2})
    browser = {"Accept-Language": OTHER[language]}
    assert lang_of(client, f"/results/{token}", **browser) == language
    assert lang_of(client, "/tools/citizen-jury", **browser) == language
    assert lang_of(client, "/methods", **browser) == language


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_explicit_choice_holds_on_every_page_until_changed(client, create_assessment, language):
    other = OTHER[language]
    token = create_assessment(locale=other)
    assert lang_of(client, f"/?lang={language}") == language
    for url in (f"/assessment/{token}", f"/assessment/{token}/check", *LIBRARY):
        assert lang_of(client, url, **{"Accept-Language": other}) == language, url
    assert lang_of(client, f"/methods?lang={other}") == other
    assert lang_of(client, f"/assessment/{token}") == other
    assert lang_of(client, "/tools") == other


@pytest.mark.parametrize("language", ["fr", "en"])
def test_start_form_preselects_the_interface_language(client, language):
    html = client.get(f"/assessment/start?lang={language}").get_data(as_text=True)
    assert f'value="{language}" checked' in html
    assert f'value="{OTHER[language]}" checked' not in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_start_form_follows_the_browser_without_a_choice(client, language):
    html = client.get("/assessment/start", headers={"Accept-Language": language})
    assert f'value="{language}" checked' in html.get_data(as_text=True)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_start_forms_language_becomes_the_choice(client, start_assessment, language):
    start_assessment(language=language)
    assert lang_of(client, "/methods", **{"Accept-Language": OTHER[language]}) == language


def test_opening_an_assessment_and_the_library_writes_nothing(app, client, create_assessment):
    token = create_assessment(locale="fr", answers={"r1": 2})
    with app.app_context():
        before = by_token(token, 365)[0]
        stamp = (before.updated_at, before.locale)
    english = {"Accept-Language": "en"}
    for url in (f"/assessment/{token}", "/methods", "/tools", f"/assessment/{token}?lang=en"):
        assert client.get(url, headers=english).status_code == 200
    with app.app_context():
        after = by_token(token, 365)[0]
        assert (after.updated_at, after.locale) == stamp
