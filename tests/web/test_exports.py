"""Export downloads: managers and administrators of the organisation get its CSV, XLSX and
JSON; everybody else is refused; file names, types, rate limit; JSON by private link."""

import io
import json
import re
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from tests.services.test_exports import two_orgs_fixture  # noqa: F401 (the two_orgs fixture)

from .test_accounts import sign_in
from .variant_app import configured_app_fixture  # noqa: F401 (the configured_app fixture)


def today() -> str:
    return datetime.now(UTC).date().isoformat()


KINDS = ("scores.csv", "scores.xlsx", "answers.csv", "answers.xlsx")


@pytest.fixture()
def people(create_user, two_orgs):
    return {
        "manager": create_user("chef@example.org", manager_of=[two_orgs["own"]]),
        "member": create_user("membre@example.org", teams=[two_orgs["team"]]),
        "trainer": create_user("formatrice@example.org", trainer_of=[two_orgs["own"]]),
        "other_manager": create_user("chef-b@example.org", manager_of=[two_orgs["other"]]),
        "admin": create_user("admin@example.org", admin=True),
    }


@pytest.mark.parametrize("who", ["manager", "admin"])
def test_managers_and_administrators_download_every_export(
    client, post_form, two_orgs, people, who
):
    sign_in(post_form, f"{'chef' if who == 'manager' else 'admin'}@example.org")
    org = two_orgs["own"]
    page = client.get(f"/exports/{org}").get_data(as_text=True)
    for kind in KINDS:
        assert f"/exports/{org}/{kind}" in page
        response = client.get(f"/exports/{org}/{kind}")
        assert response.status_code == 200
        name, ext = kind.split(".")
        disposition = response.headers["Content-Disposition"]
        assert disposition == f'attachment; filename="cpas-de-liege-{name}-{today()}.{ext}"'
        assert response.headers["Cache-Control"] == "private, no-store"
    csv_body = client.get(f"/exports/{org}/scores.csv")
    assert csv_body.mimetype == "text/csv" and csv_body.data.startswith(b"\xef\xbb\xbf")
    assert csv_body.get_data(as_text=True).count("\r\n") == 3  # header and two assessments
    book = load_workbook(io.BytesIO(client.get(f"/exports/{org}/answers.xlsx").data))
    assert book.active.max_row == 3


def test_one_assessments_json_through_the_organisation(client, post_form, two_orgs, people):
    sign_in(post_form, "chef@example.org")
    org, ids = two_orgs["own"], two_orgs["ids"]
    page = client.get(f"/exports/{org}").get_data(as_text=True)
    assert f"/exports/{org}/assessments/{ids['a1']}.json" in page
    # Dated as the ledger dates them, in the reader's language: "2 déc. 2026", not ISO.
    assert re.search(r"Accueil[^<]*, \d{1,2} [a-zéû]{3,5}\.? \d{4}</a>", page), page
    response = client.get(f"/exports/{org}/assessments/{ids['a1']}.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert re.fullmatch(
        rf'attachment; filename="accueil-assessment-{ids["a1"]}-\d{{4}}-\d\d-\d\d\.json"',
        response.headers["Content-Disposition"],
    )
    document = json.loads(response.data)
    assert document["assessment"]["team"]["name"] == "Accueil"
    for refused in (ids["b"], ids["draft"], ids["anonymous"], 987654):
        assert client.get(f"/exports/{org}/assessments/{refused}.json").status_code == 404
    # Another organisation's assessment through that organisation: not known to this manager.
    assert (
        client.get(f"/exports/{two_orgs['other']}/assessments/{ids['b']}.json").status_code == 404
    )


@pytest.mark.parametrize(
    ("who", "status"), [("member", 403), ("trainer", 403), ("other_manager", 404)]
)
def test_everybody_else_is_refused(client, post_form, two_orgs, people, who, status):
    email = {"member": "membre", "trainer": "formatrice", "other_manager": "chef-b"}[who]
    sign_in(post_form, f"{email}@example.org")
    org = two_orgs["own"]
    for url in [f"/exports/{org}"] + [f"/exports/{org}/{k}" for k in KINDS]:
        response = client.get(url)
        assert response.status_code == status, url
        assert b"Accueil" not in response.data


def test_the_anonymous_are_sent_to_sign_in(client, two_orgs):
    for kind in KINDS:
        response = client.get(f"/exports/{two_orgs['own']}/{kind}")
        assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]


def test_json_of_ones_own_assessment_by_private_link(client, two_orgs):
    token = two_orgs["tokens"]["a1"]
    results = client.get(f"/results/{token}").get_data(as_text=True)
    assert f"/results/{token}/export.json" in results
    response = client.get(f"/results/{token}/export.json")
    assert response.status_code == 200
    document = json.loads(response.data)
    assert document["answers"]["r1"] == 1
    assert document["assessment"]["team"] is None  # the link holder is told no team name
    assert client.get("/results/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/export.json").status_code == 404
    draft = two_orgs["tokens"]["draft"]
    assert client.get(f"/results/{draft}/export.json").status_code == 302  # to its check page


def test_exports_are_rate_limited(configured_app, two_orgs, create_user):
    app = configured_app(RATELIMIT_ENABLED=True, SERVER_NAME=None, RATELIMIT_EXPORT="2 per minute")
    client = app.test_client()
    token = two_orgs["tokens"]["a1"]
    assert client.get(f"/results/{token}/export.json").status_code == 200
    assert client.get(f"/results/{token}/export.json").status_code == 200
    refused = client.get(f"/results/{token}/export.json")
    assert refused.status_code == 429 and "Retry-After" in refused.headers


def test_the_json_links_are_dated_in_the_page_language(client, post_form, two_orgs, people):
    from roadmap.report.ledger import short_date

    sign_in(post_form, "chef@example.org")
    page = client.get(f"/exports/{two_orgs['own']}?lang=fr").get_data(as_text=True)
    assert short_date(datetime.now(UTC).date(), "fr") in page  # "2 déc. 2026"
    assert f", {today()}</a>" not in page  # not ISO
