"""Request tests: the way back to one's results, tool filters and order, the task list's last
row, resuming where one left off, and which sections check-your-answers says are unanswered."""

import re

import pytest

from roadmap.report.collation import title_key
from tests.factories import TRAP_ANSWERS

BACK = {"fr": "Retour à vos résultats", "en": "Back to your results"}


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def titles(html: str) -> list[str]:
    return re.findall(r'<dt class="govuk-summary-list__key"><a [^>]*>([^<]+)</a>', html)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tool_pages_lead_back_to_ones_own_results(client, create_assessment, lang):
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True, locale=lang)
    assert BACK[lang] not in html_of(client, f"/tools/citizen-jury?lang={lang}")
    html_of(client, f"/results/{token}")
    for url in ("/tools/citizen-jury", "/tools"):
        html = html_of(client, url)
        assert BACK[lang] in html
        assert f'href="/results/{token}"' in html
        # The back link sits in a landmark, before <main>.
        nav = html[html.index('<nav class="app-back"') : html.index("<main")]
        assert f"/results/{token}" in nav
    assert client.get("/tools").headers["Cache-Control"] == "no-store"


def test_a_deleted_assessment_no_longer_offers_the_way_back(client, create_assessment, post_form):
    token = create_assessment(answers=TRAP_ANSWERS, submitted=True)
    html_of(client, f"/results/{token}")
    post_form(f"/assessment/{token}/delete", {})
    assert "Retour à vos résultats" not in html_of(client, "/tools/citizen-jury")


def test_a_results_link_from_another_device_is_not_offered_without_a_visit(
    client, create_assessment
):
    create_assessment(answers=TRAP_ANSWERS, submitted=True)
    assert "/results/" not in html_of(client, "/tools?lang=en")


@pytest.mark.parametrize(
    ("lang", "effort", "expected"),
    [("fr", "high", ["Jury citoyen"]), ("en", "low", ["Go where people are"])],
)
def test_tools_filter_by_effort_without_javascript(client, lang, effort, expected):
    html = html_of(client, f"/tools?lang={lang}&effort={effort}")
    assert titles(html) == expected
    assert f'<option value="{effort}" selected>' in html
    assert 'method="get"' in html and "<label" in html and 'for="effort"' in html


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tools_filter_by_dimension_and_both(client, lang):
    html = html_of(client, f"/tools?lang={lang}&dimension=relations")
    # Sorted without the article: "Aller vers" before "Essaimer", "Go where…" before "Spread…".
    expected = (
        ["Aller vers", "Essaimer"]
        if lang == "fr"
        else ["Go where people are", "Spread the practice"]
    )
    assert titles(html) == expected
    html = html_of(client, f"/tools?lang={lang}&dimension=relations&effort=medium")
    assert titles(html) == expected[1:]
    html = html_of(client, f"/tools?lang={lang}&dimension=relations&effort=high")
    assert titles(html) == []
    assert ("Aucun outil" if lang == "fr" else "No tool or method matches") in html


def test_unknown_filter_values_show_everything(client):
    everything = titles(html_of(client, "/tools?lang=en"))
    assert titles(html_of(client, "/tools?dimension=nope&effort=%3Cb%3E")) == everything
    assert len(everything) == 3


@pytest.mark.parametrize(
    ("locale", "ordered"),
    [
        ("fr", ["L’atelier", "Un budget", "Des cercles", "Évaluer", "La fresque", "Jury"]),
        ("en", ["The assembly", "A budget", "circles", "An evaluation", "Jury", "The Zoo"]),
    ],
)
def test_titles_sort_without_articles_accents_or_case(locale, ordered):
    assert sorted(reversed(ordered), key=lambda t: title_key(t, locale)) == ordered


def test_the_cosie_library_sorts_ignoring_articles(app):
    from pathlib import Path

    from roadmap.content.loader import load_file

    q, _problems = load_file(Path("questionnaires/cosie-readiness.yaml"))
    keys = [title_key(r.title.get("fr"), "fr") for r in q.recommendations]
    assert not any(k.startswith(("un ", "une ", "des ", "le ", "la ", "les ", "l’")) for k in keys)
    assert len(q.recommendations) == 33


@pytest.mark.parametrize(("lang", "word"), [("fr", "À commencer"), ("en", "Not started")])
def test_the_last_task_list_row_has_a_status(client, create_assessment, lang, word):
    token = create_assessment(locale=lang)
    html = html_of(client, f"/assessment/{token}?lang={lang}")
    last = html[html.rindex('<li class="govuk-task-list__item') :]
    assert 'id="status-check"' in last and word in last.split("</li>")[0]
    submitted = create_assessment(answers=TRAP_ANSWERS, submitted=True, locale=lang)
    last = html_of(client, f"/assessment/{submitted}")
    last = last[last.rindex('<li class="govuk-task-list__item') :].split("</li>")[0]
    assert ("Terminé" if lang == "fr" else "Completed") in last


@pytest.mark.parametrize(
    ("lang", "button"),
    [("fr", "Reprendre là où vous en étiez"), ("en", "Continue where you left off")],
)
def test_resuming_offers_to_continue_at_the_first_unfinished_section(
    client, create_assessment, lang, button
):
    fresh = create_assessment(locale=lang)
    assert button not in html_of(client, f"/assessment/{fresh}")
    started = create_assessment(locale=lang, answers={"r1": 2, "r2": 3, "r3": 1})
    html = html_of(client, f"/assessment/{started}")
    assert button in html
    link = re.search(r'<a href="([^"]+)" role="button"[^>]*>' + re.escape(button), html)
    assert link.group(1) == f"/assessment/{started}/step/compass"


def test_all_answered_offers_to_check(client, create_assessment):
    token = create_assessment(answers=TRAP_ANSWERS, locale="en")
    html = html_of(client, f"/assessment/{token}")
    assert f'<a href="/assessment/{token}/check" role="button"' in html


@pytest.mark.parametrize(
    ("lang", "warning", "section"),
    [
        ("fr", "Des questions restent sans réponse dans cette section", "2. Boussole"),
        ("en", "Some questions are not answered in this section", "2. Compass"),
    ],
)
def test_check_your_answers_names_the_unanswered_sections(
    client, create_assessment, lang, warning, section
):
    token = create_assessment(answers={"r1": 2, "r2": 3, "r3": 1}, locale=lang)
    html = html_of(client, f"/assessment/{token}/check")
    assert warning in html
    listed = html[html.index(warning) : html.index("<h2")]
    assert section in listed and f"/assessment/{token}/step/compass" in listed
    assert "1. " not in listed
    complete = create_assessment(answers=TRAP_ANSWERS, locale=lang)
    assert warning not in html_of(client, f"/assessment/{complete}/check")


@pytest.mark.parametrize("page", ["step/start", "check"])
def test_wizard_back_links_sit_in_a_landmark(client, create_assessment, page):
    token = create_assessment()
    html = html_of(client, f"/assessment/{token}/{page}")
    before_main = html[html.index("</header>") : html.index("<main")]
    assert 'class="govuk-back-link"' in before_main
    assert before_main.index('<nav class="app-back"') < before_main.index("govuk-back-link")
