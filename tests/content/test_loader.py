"""Loading questionnaire files: every problem at once, located by path and line."""

import json
from pathlib import Path

import pytest

from roadmap.content.loader import (
    QuestionnaireError,
    load_directory,
    parse,
    questionnaire_json_schema,
)

DATA = Path(__file__).parent.parent / "data"
ROOT = DATA.parent.parent
TINY = (DATA / "tiny.yaml").read_text()


def test_tiny_is_valid():
    q, problems = parse(TINY, "tiny.yaml")
    assert problems == []
    assert q.id == "tiny"


def test_all_problems_are_reported_with_lines():
    broken = (
        TINY.replace("concept: relations/go-to-people", "concept: relations/nowhere")
        .replace(
            'dimension: ethics\n        text: {fr: "Nos', 'dimension: nope\n        text: {fr: "Nos'
        )
        .replace("    effort: low", "    effort: tiny")
        .replace("{item: r2, values: [1, 2]}", "{item: r9, values: [1, 2]}")
        .replace('en: "Tiny questionnaire"}', "}")
    )
    q, problems = parse(broken, "broken.yaml")
    assert q is None
    messages = {(".".join(map(str, p.path)), p.line): p.message for p in problems}
    lines = broken.splitlines()
    # pydantic problems come first (the cross checks need a valid model)
    assert any(
        path == "title.en" and msg == "Field required" for (path, _), msg in messages.items()
    )
    effort = next((line for (path, line) in messages if path == "recommendations.1.effort"), None)
    assert effort is not None and lines[effort - 1].strip().startswith("effort: tiny")


def test_cross_reference_problems_have_lines():
    broken = (
        TINY.replace("concept: relations/go-to-people", "concept: relations/nowhere")
        .replace("{item: r2, values: [1, 2]}", "{item: r9, values: [1, 2]}")
        .replace("key_areas: [decisions, resources]", "key_areas: [decisions, budget]")
    )
    _, problems = parse(broken, "broken.yaml")
    text = [str(p) for p in problems]
    lines = broken.splitlines()
    concept = next(p for p in problems if p.message == "unknown concept 'relations/nowhere'")
    assert "relations/nowhere" in lines[concept.line - 1]
    assert any("unknown item 'r9'" in t for t in text)
    assert any("no choice item has area 'budget'" in t for t in text)
    assert all(t.startswith("broken.yaml:") for t in text)


def test_yaml_syntax_error_has_a_line():
    _, problems = parse("id: x\ntitle: [unclosed\n", "bad.yaml")
    assert problems[0].line is not None
    assert "not valid YAML" in problems[0].message


def test_duplicate_ids_and_empty_translations():
    broken = TINY.replace("id: r2\n", "id: r1\n").replace('en: "Links with people."', 'en: ""')
    _, problems = parse(broken, "dup.yaml")
    assert any("String should have at least 1 character" in p.message for p in problems)


def test_thresholds_are_whole_numbers_like_scores():
    broken = TINY.replace("strength_threshold: 70", "strength_threshold: 62.5").replace(
        "{id: growing, min: 40,", "{id: growing, min: 40.5,"
    )
    _, problems = parse(broken, "half.yaml")
    found = {".".join(map(str, p.path)): p.message for p in problems}
    assert "fractional part" in found["strength_threshold"]
    assert "fractional part" in found["levels.1.min"]
    assert parse(TINY.replace("strength_threshold: 70", "strength_threshold: 70.0"), "t")[1] == []


def test_directory_errors_list_every_file(tmp_path):
    (tmp_path / "a.yaml").write_text("id: a\n")
    (tmp_path / "b.yaml").write_text(TINY)
    (tmp_path / "c.yaml").write_text(TINY)
    with pytest.raises(QuestionnaireError) as caught:
        load_directory(tmp_path)
    text = str(caught.value)
    assert "a.yaml" in text and "Field required" in text
    assert "'tiny' version 2 is also defined in another file" in text


def test_committed_json_schema_is_current():
    committed = (ROOT / "schemas" / "questionnaire.schema.json").read_text()
    assert committed == questionnaire_json_schema(), "run: roadmap schema"
    json.loads(committed)
