"""The roadmap command: check, score, schema, and start-up errors without tracebacks."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import TRAP_ANSWERS

from roadmap.cli import cli, main
from roadmap.core.answers import answers_json_schema

DATA = Path(__file__).parent.parent / "data"
ROOT = DATA.parent.parent


@pytest.fixture()
def cli_runner(monkeypatch):
    monkeypatch.setenv("ROADMAP_QUESTIONNAIRE_DIR", str(DATA))
    return CliRunner()


def write(tmp_path, doc) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc)
    return str(path)


GOOD = {
    "questionnaire": "tiny",
    "version": 2,
    "locale": "en",
    # The consultation-trap service of the factories, without an answer on evaluation.
    "answers": {k: v for k, v in TRAP_ANSWERS.items() if k != "p_eval"},
    "reflections": {"purpose_text": "Shorter waits."},
}


def test_check_passes_on_valid_files(cli_runner):
    result = cli_runner.invoke(cli, ["check", str(DATA / "tiny.yaml")])
    assert result.exit_code == 0
    assert "ok: tiny version 2" in result.output


def test_check_lists_every_problem(cli_runner, tmp_path):
    bad = (DATA / "tiny.yaml").read_text().replace("concept: relations/empathy", "concept: x/y")
    bad = bad.replace("effort: low", "effort: huge")
    (tmp_path / "bad.yaml").write_text(bad)
    result = cli_runner.invoke(cli, ["check", str(tmp_path / "bad.yaml")])
    assert result.exit_code == 1
    assert "bad.yaml:" in result.output and "effort" in result.output
    assert "problem(s) found" in result.output


def test_score_text_in_english(cli_runner, tmp_path):
    result = cli_runner.invoke(cli, ["score", write(tmp_path, GOOD)])
    assert result.exit_code == 0, result.output
    assert "Overall readiness: 38/100 — Starting" in result.output
    assert "Power-sharing: Consult" in result.output
    assert "consultation trap" in result.output
    assert "1. Go where people are" in result.output


def test_score_json_in_french(cli_runner, tmp_path):
    result = cli_runner.invoke(
        cli, ["score", write(tmp_path, GOOD), "--format", "json", "--locale", "fr"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["overall"]["score"] == 38
    assert summary["power_sharing"]["level"] == "consult"
    assert summary["power_sharing"]["level_name"] == "Consulter"
    assert summary["flags"] == ["consultation_trap"]
    assert [r["id"] for r in summary["recommendations"]] == ["go-out", "citizen-jury"]
    assert summary["recommendations"][0]["reasons"][0].startswith("Relations")


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("{not json", "not valid JSON"),
        ({**GOOD, "version": 1}, "version: questionnaire 'tiny' is at version 2"),
        ({**GOOD, "answers": {"nope": 3}}, "answers.nope: unknown item 'nope'"),
        ({**GOOD, "answers": {"r1": 9}}, "answers.r1: value 9 is out of range"),
        ({**GOOD, "questionnaire": "other"}, "unknown id 'other'"),
    ],
)
def test_score_rejects_bad_files_with_exit_2(cli_runner, tmp_path, doc, expected):
    result = cli_runner.invoke(cli, ["score", write(tmp_path, doc)])
    assert result.exit_code == 2
    assert expected in result.output


def test_committed_answers_schema_is_current():
    committed = json.loads((ROOT / "schemas" / "answers.schema.json").read_text())
    assert committed == answers_json_schema()


def test_broken_questionnaire_stops_startup_with_a_message(monkeypatch, tmp_path, capsys):
    (tmp_path / "bad.yaml").write_text("id: bad\n")
    monkeypatch.setenv("ROADMAP_QUESTIONNAIRE_DIR", str(tmp_path))
    monkeypatch.setenv("ROADMAP_SECRET_KEY", "x")
    monkeypatch.setenv("ROADMAP_DATABASE_URL", "sqlite://")
    monkeypatch.setattr("sys.argv", ["roadmap", "routes"])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 1
    err = capsys.readouterr().err
    assert "Roadmap cannot start" in err and "bad.yaml" in err and "Traceback" not in err


def test_report_writes_a_pdf_in_the_chosen_language(cli_runner, tmp_path):
    import io

    from pypdf import PdfReader

    out = tmp_path / "report.pdf"
    result = cli_runner.invoke(
        cli,
        [
            "report",
            write(tmp_path, GOOD),
            "-o",
            str(out),
            "--locale",
            "fr",
            "--service-name",
            "Aide à domicile",
        ],
    )
    assert result.exit_code == 0, result.output
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert "Aide à domicile" in reader.metadata.title


def test_report_rejects_a_bad_answers_file(cli_runner, tmp_path):
    result = cli_runner.invoke(
        cli,
        ["report", write(tmp_path, {**GOOD, "answers": {"r1": 0}}), "-o", str(tmp_path / "x.pdf")],
    )
    assert result.exit_code == 2
    assert "answers.r1" in result.output
    assert not (tmp_path / "x.pdf").exists()
