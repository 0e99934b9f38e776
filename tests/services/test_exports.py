"""Export use cases on the database: which assessments an organisation's export holds, the
CSV and XLSX files, and one assessment's JSON."""

import csv
import io
import json
from datetime import date

import pytest
from factories import TRAP_ANSWERS
from openpyxl import load_workbook

from roadmap.core.actions import PlanRow
from roadmap.report.spreadsheets import csv_bytes, export_filename, xlsx_bytes
from roadmap.services import accounts, actions, assessments, exports, organisations
from roadmap.services.errors import NotFound


@pytest.fixture(name="two_orgs")
def two_orgs_fixture(app, create_organisation, create_team, create_user, create_assessment):
    """Organisation A with two filed assessments (one with a formula for a name), one still
    being answered and one anonymous; organisation B with one."""
    own, other = create_organisation("CPAS de Liège"), create_organisation("Ville B")
    team, other_team = create_team(own, "Accueil"), create_team(other, "Equipe B")
    member = create_user(teams=[team])
    other_member = create_user(teams=[other_team])
    tokens = {
        "a1": create_assessment(answers=TRAP_ANSWERS, submitted=True, service_name="Accueil"),
        "a2": create_assessment(
            answers=TRAP_ANSWERS,
            reflections={"purpose_text": "@SUM(A1) et «\u00a0accents\u00a0»"},
            submitted=True,
            service_name='=HYPERLINK("http://x")',
        ),
        "draft": create_assessment(answers=TRAP_ANSWERS),
        "anonymous": create_assessment(answers=TRAP_ANSWERS, submitted=True),
        "b": create_assessment(answers=TRAP_ANSWERS, submitted=True, service_name="Service B"),
    }
    with app.app_context():
        for key, user, into in (
            ("a1", member, team),
            ("a2", member, team),
            ("draft", member, team),
            ("b", other_member, other_team),
        ):
            assessment, _q = assessments.by_token(tokens[key], 365)
            organisations.claim(assessment, accounts.get(user), into)
        ids = {k: assessments.by_token(t, 365)[0].id for k, t in tokens.items()}
    return {"own": own, "other": other, "team": team, "ids": ids, "tokens": tokens}


def test_an_organisation_exports_its_submitted_assessments_only(app, two_orgs):
    with app.app_context():
        table = exports.scores_table(organisations.get(two_orgs["own"]))
        ids = [row[0] for row in table.rows]
        assert sorted(ids) == sorted([two_orgs["ids"]["a1"], two_orgs["ids"]["a2"]])
        row = dict(zip(table.columns, table.rows[0], strict=True))
        assert row["team"] == "Accueil" and row["power_level"] == "consult"
        assert isinstance(row["submitted_on"], date)
        answers = exports.answers_table(organisations.get(two_orgs["own"]))
        assert len(answers.rows) == 2 and "r1" in answers.columns


def test_csv_opens_in_french_excel_and_runs_no_formula(app, two_orgs):
    with app.app_context():
        org = organisations.get(two_orgs["own"])
        body = csv_bytes(exports.answers_table(org))
    assert body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["assessment_id", "team_id", "team"]
    assert "\r\n" in text
    cells = [cell for row in rows[1:] for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells
    assert "'@SUM(A1) et «\u00a0accents\u00a0»" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_xlsx_has_typed_cells_and_text_never_becomes_a_formula(app, two_orgs):
    with app.app_context():
        org = organisations.get(two_orgs["own"])
        body = xlsx_bytes(exports.scores_table(org), "scores")
    sheet = load_workbook(io.BytesIO(body)).active
    assert sheet.title == "scores"
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, [c for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
    names = {r["service_name"].value: r for r in rows}
    formula = names['=HYPERLINK("http://x")']["service_name"]
    assert formula.data_type == "s"  # a string cell, not a formula
    assert isinstance(rows[0]["overall_score"].value, int)
    assert rows[0]["submitted_on"].is_date


def test_one_assessments_json_has_answers_scores_and_plan(app, two_orgs):
    with app.app_context():
        org = organisations.get(two_orgs["own"])
        assessment, q = exports.organisation_assessment(org, two_orgs["ids"]["a1"])
        actions.add(assessment, q, PlanRow("Aller vers", "Lina", date(2027, 3, 15)))
        document = exports.assessment_document(assessment, q, exports.team_of(assessment))
        json.dumps(document)  # plain JSON values only
    assert document["format"] == "roadmap-assessment" and document["format_version"] == 1
    assert document["assessment"]["team"]["name"] == "Accueil"
    assert document["answers"]["r1"] == 1
    assert document["scores"]["dimensions"]["ethics"]["score"] == 75
    assert document["scores"]["power"]["level"] == "consult"
    assert document["action_plan"] == [
        {
            "action": "Aller vers",
            "owner": "Lina",
            "due_on": "2027-03-15",
            "status": "not_started",
            "recommendation_id": None,
        }
    ]


def test_an_organisation_reaches_only_its_own_filed_assessments(app, two_orgs):
    ids = two_orgs["ids"]
    with app.app_context():
        org = organisations.get(two_orgs["own"])
        for refused in (ids["b"], ids["draft"], ids["anonymous"], 987654):
            with pytest.raises(NotFound):
                exports.organisation_assessment(org, refused)


def test_file_names_carry_the_organisation_and_the_day():
    name = export_filename("CPAS de Liège", "scores", date(2026, 12, 1), "csv")
    assert name == "cpas-de-liege-scores-2026-12-01.csv"
    assert export_filename("", "answers", date(2026, 12, 1), "xlsx").startswith("organisation-")


def test_the_scores_export_reads_snapshots_and_scores_assessments_without_one(app, two_orgs):
    """The scores of an assessment whose snapshot is missing, or was stored before snapshots
    held the export's figures, are computed from its answers: the same table either way."""
    from roadmap.extensions import db
    from roadmap.models.ledger import AssessmentSnapshot

    with app.app_context():
        org = organisations.get(two_orgs["own"])
        from_snapshots = exports.scores_table(org)
        first = db.session.get(AssessmentSnapshot, two_orgs["ids"]["a1"])
        first.record = {k: v for k, v in first.record.items() if k != "export"}
        db.session.delete(db.session.get(AssessmentSnapshot, two_orgs["ids"]["a2"]))
        db.session.commit()
        assert exports.scores_table(org).rows == from_snapshots.rows
