"""The access-control matrix: every route × every role × own / other organisation's resource
and guessed ids and tokens. Nobody sees data that is not theirs, and nothing answers 500."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from werkzeug.routing import Rule

from roadmap.content.catalogue import default_questionnaire
from roadmap.core.actions import PlanRow
from roadmap.models.workshop import WorkshopState
from roadmap.services import accounts, actions, assessments, organisations, workshops
from roadmap.web.permissions import MARK
from tests.conftest import FAST_HASHING

from .variant_app import configured_app_fixture  # noqa: F401 (the configured_app fixture)

ROLES = ("anonymous", "member", "trainer", "manager", "admin")
# What only the other organisation's people may see.
SECRETS = (
    "Organisation-B-secrete",
    "Equipe-B-secrete",
    "membre-b-secret@example.org",
    "chef-b-secret@example.org",
    "Service-B-secret",
    "Atelier-B-secret",
)
GUESSED_ID = 987654
WORKSHOP_EXPORTS = ("answers_csv", "answers_xlsx", "aggregates_csv", "aggregates_xlsx")
GUESSED_TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
# The private link of an assessment is its key (whoever holds it may read and change it), so
# these blueprints' pages of the other organisation's assessment are reached with its token
# by design; they are still probed with guessed tokens, and never written to destructively.
PRIVATE_LINK_BLUEPRINTS = ("assessment", "results", "report")
# A workshop's join code is public by design (it is on the projector): anyone may join with it.
PUBLIC_CODE_BLUEPRINTS = ("join",)
DESTRUCTIVE = {
    "assessment.delete",
    "assessment.reassess",
    "results.remove_action",
    "organisations.remove",
}


@dataclass
class World:
    ids: dict[str, int]
    tokens: dict[str, str]
    sessions: dict[str, str]


@pytest.fixture()
def world(app, create_organisation, create_team, create_user, create_assessment) -> World:
    own, other = (
        create_organisation("Organisation A"),
        create_organisation("Organisation-B-secrete"),
    )
    own_team, own_team2 = create_team(own, "Accueil A"), create_team(own, "Jeunesse A")
    other_team = create_team(other, "Equipe-B-secrete")
    users = {
        "member": create_user("membre-a@example.org", teams=[own_team]),
        "trainer": create_user("formatrice-a@example.org", trainer_of=[own]),
        "manager": create_user("chef-a@example.org", manager_of=[own]),
        "admin": create_user("admin@example.org", admin=True),
        "other_member": create_user("membre-b-secret@example.org", teams=[other_team]),
        "other_manager": create_user("chef-b-secret@example.org", manager_of=[other]),
    }
    tokens = {
        "own": create_assessment(submitted=True, service_name="Service A"),
        "other": create_assessment(submitted=True, service_name="Service-B-secret"),
    }
    with app.app_context():
        filed = {}
        for key, owner, team in (
            ("own", "member", own_team),
            ("other", "other_member", other_team),
        ):
            assessment, q = assessments.by_token(tokens[key], 365)
            organisations.claim(assessment, accounts.get(users[owner]), team)
            action = actions.add(assessment, q, PlanRow(f"Action {key}"))
            filed |= {f"{key}_assessment": assessment.id, f"{key}_action": action.id}
        sessions = {
            role: f"{user.id}.{user.session_epoch}"
            for role, user in ((r, accounts.get(i)) for r, i in users.items())
        }
        workshop_ids = {}
        for key, org, title in (("own", own, "Atelier A"), ("other", other, "Atelier-B-secret")):
            made = workshops.create(
                organisations.get(org), None, title=title, q=default_questionnaire(),
                sections=["compass"], languages=["fr"], k=3,
            )  # fmt: skip
            workshops.set_state(made, WorkshopState.OPEN)
            tokens[f"{key}_code"], workshop_ids[f"{key}_workshop"] = made.code, made.id
    ids = {"own": own, "other": other, "own_team": own_team, "own_team2": own_team2}
    ids |= workshop_ids
    ids |= {"other_team": other_team, **{f"user_{k}": v for k, v in users.items()}, **filed}
    return World(ids, tokens, sessions)


def variants(rule: Rule, world: World) -> list[tuple[str, dict]]:
    """(which resource, URL values) to try for a rule: own, other and guessed."""
    args = rule.arguments
    ids = world.ids
    if not args:
        return [("none", {})]
    if "organisation_id" in args:
        cases = [
            ("own", {"organisation_id": ids["own"]}),
            ("other", {"organisation_id": ids["other"]}),
            ("guessed", {"organisation_id": GUESSED_ID}),
        ]
        if "workshop_id" in args:
            return [
                ("own", {"organisation_id": ids["own"], "workshop_id": ids["own_workshop"]}),
                ("other", {"organisation_id": ids["other"], "workshop_id": ids["other_workshop"]}),
                (
                    "foreign_workshop",
                    {"organisation_id": ids["own"], "workshop_id": ids["other_workshop"]},
                ),
                ("guessed", {"organisation_id": ids["own"], "workshop_id": GUESSED_ID}),
            ]
        if "team_id" in args:
            cases = [
                ("own", {"organisation_id": ids["own"], "team_id": ids["own_team"]}),
                ("own_other_team", {"organisation_id": ids["own"], "team_id": ids["own_team2"]}),
                ("other", {"organisation_id": ids["other"], "team_id": ids["other_team"]}),
                ("foreign_team", {"organisation_id": ids["own"], "team_id": ids["other_team"]}),
                ("guessed", {"organisation_id": ids["own"], "team_id": GUESSED_ID}),
            ]
        if "assessment_id" in args:
            if "team_id" not in args:
                own, other = ids["own_assessment"], ids["other_assessment"]
                cases = [
                    ("own", {"organisation_id": ids["own"], "assessment_id": own}),
                    ("other", {"organisation_id": ids["other"], "assessment_id": other}),
                    ("foreign_assessment", {"organisation_id": ids["own"], "assessment_id": other}),
                    ("guessed", {"organisation_id": ids["own"], "assessment_id": GUESSED_ID}),
                ]
            else:
                own, team, team2 = ids["own"], ids["own_team"], ids["own_team2"]
                mine, theirs = ids["own_assessment"], ids["other_assessment"]
                cases = [
                    ("own", {"organisation_id": own, "team_id": team, "assessment_id": mine}),
                    (
                        "own_other_team",
                        {"organisation_id": own, "team_id": team2, "assessment_id": mine},
                    ),
                    (
                        "other",
                        {
                            "organisation_id": ids["other"],
                            "team_id": ids["other_team"],
                            "assessment_id": theirs,
                        },
                    ),
                    (
                        "foreign_team",
                        {
                            "organisation_id": own,
                            "team_id": ids["other_team"],
                            "assessment_id": theirs,
                        },
                    ),
                    (
                        "foreign_assessment",
                        {"organisation_id": own, "team_id": team, "assessment_id": theirs},
                    ),
                    (
                        "guessed",
                        {"organisation_id": own, "team_id": team, "assessment_id": GUESSED_ID},
                    ),
                ]
        if "user_id" in args:
            cases = [
                ("own", {"organisation_id": ids["own"], "user_id": ids["user_member"]}),
                ("other", {"organisation_id": ids["other"], "user_id": ids["user_other_member"]}),
                (
                    "foreign_person",
                    {"organisation_id": ids["own"], "user_id": ids["user_other_member"]},
                ),
                ("guessed", {"organisation_id": ids["own"], "user_id": GUESSED_ID}),
            ]
        return cases
    extra = {"section_id": "start"} if "section_id" in args else {}
    if "code" in args:
        return [
            ("own", {"code": world.tokens["own_code"]}),
            ("public_code", {"code": world.tokens["other_code"]}),
            ("guessed", {"code": "ZZZZZZ"}),
            ("guessed", {"code": "x"}),
        ]
    if "rec_id" in args:
        return [("none", {"rec_id": "guessed-tool"})]
    if "token" in args:
        guessed = [
            ("guessed", {"token": GUESSED_TOKEN, **extra}),
            ("guessed", {"token": "x", **extra}),
        ]
        if rule.endpoint in ("accounts.reset", "accounts.signup"):
            return guessed  # one-time tokens: the real ones are tested in their own flows
        if "action_id" in args:
            # Each link with its own action; a guessed token or action id, and one link with
            # the other assessment's action (a crossed id) are all "guessed".
            real = [
                (k, {"token": world.tokens[k], "action_id": ids[f"{k}_action"]})
                for k in ("own", "other")
            ]
            crossed = {"token": world.tokens["own"], "action_id": ids["other_action"]}
            return real + [
                ("guessed", {"token": GUESSED_TOKEN, "action_id": ids["own_action"]}),
                ("guessed", {"token": world.tokens["own"], "action_id": GUESSED_ID}),
                ("guessed", crossed),
            ]
        real = [(k, {"token": world.tokens[k], **extra}) for k in ("own", "other")]
        return real + guessed
    raise AssertionError(f"no test values for {rule.rule}: add them to the matrix")


def rules(app) -> list[Rule]:
    return sorted(
        (r for r in app.url_map.iter_rules() if r.endpoint != "static"), key=lambda r: r.rule
    )


@pytest.fixture()
def matrix_app(configured_app):
    # CSRF off so every POST reaches the view's own checks; sessions are set directly.
    return configured_app(
        WTF_CSRF_ENABLED=False,
        PASSWORD_HASH_PARAMETERS=FAST_HASHING,
        SERVER_NAME="localhost",
        ACCESS_LOG=False,
    )


def request_as(client, world: World, role: str, method: str, url: str):
    with client.session_transaction() as session:
        session.clear()
        if role != "anonymous":
            session["_user_id"] = world.sessions[role]
            session["_fresh"] = True
    return client.open(url, method=method)


def test_every_route_is_covered_and_account_routes_declare_their_needs(matrix_app, world):
    for rule in rules(matrix_app):
        assert variants(rule, world)
        blueprints = ("accounts", "organisations", "exports", "privacy", "workshops", "join")
        if rule.endpoint.split(".")[0] in blueprints:
            view = matrix_app.view_functions[rule.endpoint]
            assert getattr(view, MARK, None) is not None, f"{rule.endpoint} lacks @requires"


def test_nobody_sees_what_is_not_theirs(matrix_app, world):
    client = matrix_app.test_client()
    seen: dict[tuple[str, str, str, str], int] = {}
    problems = []
    with matrix_app.test_request_context():
        from flask import url_for

        cases = [
            (rule, which, url_for(rule.endpoint, **values), method)
            for rule in rules(matrix_app)
            for which, values in variants(rule, world)
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
        ]
    for role, (rule, which, url, method) in itertools.product(ROLES, cases):
        if method == "POST" and rule.endpoint in DESTRUCTIVE and which != "guessed":
            continue
        response = request_as(client, world, role, method, url)
        status = response.status_code
        seen[(rule.endpoint, which, role, method)] = status
        readable = ("text/html", "application/json", "image/svg+xml")
        body = response.get_data(as_text=True) if response.mimetype in readable else ""
        if status >= 500:
            problems.append(f"{role} {method} {url}: {status}")
        response.close()  # file responses (the Plotly bundle) hold their file open until then
        # 403 in one's own organisation says nothing about whether the guessed id exists.
        if which == "guessed" and status not in (302, 400, 403, 404):
            problems.append(f"{role} {method} {url}: guessed gave {status}")
        by_link = (
            rule.endpoint.split(".")[0] in PRIVATE_LINK_BLUEPRINTS
            or rule.endpoint == "accounts.claim"
        )
        if role != "admin" and not (by_link and which == "other") and which != "public_code":
            leaked = [s for s in SECRETS if s in body]
            if leaked:
                problems.append(f"{role} {method} {url}: shows {leaked}")
            foreign = (
                "other",
                "foreign_team",
                "foreign_person",
                "foreign_assessment",
                "foreign_workshop",
            )
            if which in foreign and status == 200:
                problems.append(f"{role} {method} {url}: 200 on another organisation's data")
        if role == "anonymous" and getattr(matrix_app.view_functions[rule.endpoint], MARK, None):
            needs = getattr(matrix_app.view_functions[rule.endpoint], MARK)
            if needs != "public" and not (
                status == 302 and "/accounts/login" in response.headers["Location"]
            ):
                problems.append(f"anonymous {method} {url}: {status}, not sent to sign in")
    assert problems == [], "\n".join(problems)
    assert len(seen) > 400  # every route, variant, role and method was tried
    expected = {
        ("organisations.show", "own"): {
            "member": 200,
            "trainer": 200,
            "manager": 200,
            "admin": 200,
        },
        ("organisations.show", "other"): {
            "member": 404,
            "trainer": 404,
            "manager": 404,
            "admin": 200,
        },
        ("organisations.invite", "own"): {
            "member": 403,
            "trainer": 403,
            "manager": 200,
            "admin": 200,
        },
        ("organisations.team", "own"): {
            "member": 200,
            "trainer": 403,
            "manager": 200,
            "admin": 200,
        },
        ("organisations.team", "own_other_team"): {"member": 403, "manager": 200},
        ("organisations.team", "foreign_team"): {"manager": 404, "admin": 404},
        ("organisations.move", "own"): {
            "member": 403,
            "trainer": 403,
            "manager": 200,
            "admin": 200,
        },
        ("organisations.move", "foreign_person"): {"manager": 404, "admin": 404},
        ("accounts.index", "none"): {"anonymous": 302, "member": 200, "admin": 200},
        ("exports.index", "own"): {"member": 403, "trainer": 403, "manager": 200, "admin": 200},
        ("exports.index", "other"): {"member": 404, "manager": 404, "admin": 200},
        ("exports.scores_csv", "own"): {"member": 403, "trainer": 403, "manager": 200},
        ("exports.answers_xlsx", "own"): {"member": 403, "manager": 200, "admin": 200},
        ("exports.assessment_json", "own"): {"member": 403, "manager": 200, "admin": 200},
        ("exports.assessment_json", "foreign_assessment"): {"manager": 404, "admin": 404},
        ("exports.assessment_json", "other"): {"manager": 404, "admin": 200},
        ("results.edit_action", "own"): {"anonymous": 200, "member": 200},
        ("results.export_json", "own"): {"anonymous": 200},
        ("organisations.ledger_page", "own"): {
            "member": 403,
            "trainer": 403,
            "manager": 200,
            "admin": 200,
        },
        ("organisations.ledger_page", "other"): {"member": 404, "manager": 404, "admin": 200},
        ("organisations.ledger_pdf", "own"): {"member": 403, "trainer": 403, "manager": 200},
        ("organisations.ledger_pdf", "other"): {"manager": 404},
        ("organisations.team_results", "own"): {
            "member": 200,
            "trainer": 403,
            "manager": 200,
            "admin": 200,
        },
        ("organisations.team_results", "own_other_team"): {"member": 403, "manager": 404},
        ("organisations.team_results_pdf", "own"): {"member": 200, "trainer": 403, "manager": 200},
        ("organisations.team_results_pdf", "other"): {"member": 404, "manager": 404},
        ("organisations.team_results_pdf", "foreign_assessment"): {"manager": 404, "admin": 404},
        ("organisations.team_results", "foreign_team"): {"manager": 404, "admin": 404},
        ("organisations.team_results", "foreign_assessment"): {
            "member": 404,
            "manager": 404,
            "admin": 404,
        },
        ("accounts.login", "none"): {"anonymous": 200, "member": 200},
        ("accounts.delete", "none"): {"anonymous": 302, "member": 200, "admin": 200},
        ("privacy.show", "none"): {"anonymous": 200, "member": 200},
        ("organisations.person", "own"): {
            "member": 403,
            "trainer": 403,
            "manager": 200,
            "admin": 200,
        },
        ("organisations.person", "foreign_person"): {"manager": 404, "admin": 404},
        ("organisations.person", "guessed"): {"manager": 404, "admin": 404},
        ("organisations.log", "own"): {
            "member": 403,
            "trainer": 403,
            "manager": 200,
            "admin": 200,
        },
        ("organisations.log", "other"): {"member": 404, "manager": 404, "admin": 200},
        ("organisations.log_all", "none"): {
            "anonymous": 302,
            "member": 403,
            "trainer": 403,
            "manager": 403,
            "admin": 200,
        },
        **{
            (f"workshops.{name}", "own"): {
                "anonymous": 302,
                "member": 403,
                "trainer": 200,
                "manager": 200,
                "admin": 200,
            }
            for name in (
                "index",
                "new",
                "show",
                "projector",
                "live",
                "qr",
                "report",
                "paper",
                "change",
            )
        },
        # Exports of a workshop still open send the trainer back to it with a message.
        **{
            (f"workshops.{name}", "own"): {
                "anonymous": 302,
                "member": 403,
                "trainer": 302,
                "manager": 302,
                "admin": 302,
            }
            for name in WORKSHOP_EXPORTS
        },
        **{
            (f"workshops.{name}", which): {"member": status, "trainer": 404, "manager": 404}
            for name in (
                "show",
                "projector",
                "live",
                "qr",
                "report",
                "paper",
                "change",
                *WORKSHOP_EXPORTS,
            )
            # In their own organisation a member is refused (403) before any workshop loads.
            for which, status in (("other", 404), ("foreign_workshop", 403))
        },
        ("workshops.show", "foreign_workshop"): {"admin": 404, "trainer": 404},
        ("join.choose", "own"): {"anonymous": 200, "member": 200},
        ("join.choose", "guessed"): {"anonymous": 404},
    }
    for (endpoint, which), by_role in expected.items():
        for role, status in by_role.items():
            assert seen[(endpoint, which, role, "GET")] == status, (endpoint, which, role)
    assert seen[("organisations.reset", "own", "trainer", "POST")] == 403
    assert seen[("organisations.reset", "own", "manager", "POST")] == 200
    assert seen[("organisations.create_team", "other", "manager", "POST")] == 404
    assert seen[("organisations.index", "none", "manager", "POST")] == 403  # admins only
    for role in ROLES:  # a crossed or guessed action id is never found, whoever asks
        assert seen[("results.remove_action", "guessed", role, "POST")] == 404
    assert seen[("accounts.data", "none", "member", "POST")] == 200  # one's own data
    assert seen[("accounts.data", "none", "anonymous", "POST")] == 302
    assert seen[("organisations.change_role", "own", "trainer", "POST")] == 403
    assert seen[("organisations.change_role", "own", "manager", "POST")] == 400  # no role given
    assert seen[("organisations.change_role", "other", "manager", "POST")] == 404
    assert seen[("organisations.leave_team", "own", "member", "POST")] == 403
    assert seen[("organisations.remove", "guessed", "manager", "POST")] == 404
    # The consensus round: only the organisation's trainers (an empty form is bad input),
    # never through another organisation's workshop; a participant's re-vote page answers
    # only for an assessment of a workshop.
    for name in ("revote", "agreement"):
        endpoint = f"workshops.{name}"
        assert seen[(endpoint, "own", "anonymous", "POST")] == 302
        assert seen[(endpoint, "own", "member", "POST")] == 403
        for role in ("trainer", "manager", "admin"):
            assert seen[(endpoint, "own", role, "POST")] == 400, (endpoint, role)
        for which in ("other", "foreign_workshop", "guessed"):
            assert seen[(endpoint, which, "trainer", "POST")] == 404, (endpoint, which)
    for role in ROLES:
        for which in ("own", "other", "guessed"):
            for method in ("GET", "POST"):
                assert seen[("join.revote", which, role, method)] == 404, (which, role, method)
    for role, status in (("anonymous", 302), ("member", 403), ("trainer", 400), ("admin", 400)):
        assert seen[("workshops.paper", "own", role, "POST")] == status  # an empty paper form
    assert seen[("workshops.paper", "foreign_workshop", "trainer", "POST")] == 404
    assert seen[("workshops.follows", "own", "trainer", "POST")] == 302  # unlinked: nothing
    assert seen[("workshops.follows", "foreign_workshop", "manager", "POST")] == 404
    assert seen[("workshops.follows", "own", "member", "POST")] == 403
    # A pairing code is set only through one's own private link (the other link is a key).
    assert seen[("join.pair", "guessed", "anonymous", "POST")] == 404
