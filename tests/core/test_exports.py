"""Export tables, column by column, and formula neutralising, without an app."""

from datetime import date

from roadmap.core.answers import AnswerSet
from roadmap.core.exports import COMMON, Record, answers_table, neutralise, scores_table
from roadmap.core.scoring import score
from tests.factories import TRAP_ANSWERS


def _record(tiny, answers, reflections=None, **kwargs) -> Record:
    values = {
        "assessment_id": 7,
        "team_id": 3,
        "team": "Accueil",
        "service_name": '=HYPERLINK("x")',
        "questionnaire": tiny,
        "answers": AnswerSet("tiny", tiny.version, "fr", answers, reflections or {}),
        "started_on": date(2026, 11, 30),
        "submitted_on": date(2026, 12, 1),
    }
    return Record(**(values | kwargs))


def test_neutralise_prefixes_what_a_spreadsheet_would_run():
    for text in ("=1+1", "+33 1 23", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(text) == "'" + text
    for text in ("Accueil", "1+1", "a=b", ""):
        assert neutralise(text) == text


def test_scores_table_has_one_row_per_assessment_with_stable_columns(tiny):
    record = _record(tiny, dict(TRAP_ANSWERS))
    s = score(tiny, record.answers)
    table = scores_table([record], [s])
    assert table.columns[: len(COMMON)] == COMMON
    row = dict(zip(table.columns, table.rows[0], strict=True))
    assert row["assessment_id"] == 7 and row["team"] == "Accueil"
    assert row["questionnaire_id"] == "tiny" and row["questionnaire_version"] == tiny.version
    assert row["submitted_on"] == date(2026, 12, 1)
    assert row["score_relations"] == 0 and row["score_ethics"] == 75
    assert row["power_level"] == "consult" and row["consultation_trap"] == 1
    assert row["overall_score"] == s.overall and row["stage"] == s.overall_level_id
    assert {"team", "service_name"} <= table.text_columns


def test_a_dimension_without_enough_answers_is_empty(tiny):
    record = _record(tiny, {"r1": 4})
    table = scores_table([record], [score(tiny, record.answers)])
    row = dict(zip(table.columns, table.rows[0], strict=True))
    assert row["score_ethics"] is None and row["level_ethics"] is None


def test_answers_table_is_wide_one_column_per_item(tiny):
    record = _record(
        tiny, {"r1": 4, "p_aim": "cocreate", "e1": "dont_know"}, {"purpose_text": "=x"}
    )
    table = answers_table([record])
    assert table.columns[len(COMMON) :] == tuple(item.id for item in tiny.items.values())
    row = dict(zip(table.columns, table.rows[0], strict=True))
    assert row["r1"] == 4 and row["p_aim"] == "cocreate" and row["e1"] == "dont_know"
    assert row["r2"] is None
    text_items = {item.id for item in tiny.items.values() if item.kind == "text"}
    assert text_items and text_items <= table.text_columns


def test_a_stored_snapshot_gives_the_row_scoring_gives(tiny):
    from roadmap.core.exports import score_row, stored_row
    from roadmap.core.ledger import snapshot_record
    from roadmap.core.results import analyse

    for answers in (
        dict(TRAP_ANSWERS),
        {"r1": 4},
        {"r1": 4, "r2": "dont_know", "e1": 5, "e2": 2, "p_aim": "cocreate"},
        {},
    ):
        answer_set = AnswerSet("tiny", tiny.version, "fr", answers)
        record = snapshot_record(analyse(tiny, answer_set))
        stored = stored_row(record, tiny)
        assert stored == score_row(score(tiny, answer_set))
        r = _record(tiny, answers)
        assert scores_table([r], [stored]).rows == scores_table([r], [score(tiny, r.answers)]).rows


def test_a_snapshot_from_before_the_export_figures_or_another_version_is_not_used(tiny):
    from roadmap.core.exports import stored_row
    from roadmap.core.ledger import snapshot_record
    from roadmap.core.results import analyse

    record = snapshot_record(analyse(tiny, AnswerSet("tiny", tiny.version, "fr", TRAP_ANSWERS)))
    old = {k: v for k, v in record.items() if k != "export"}
    assert stored_row(old, tiny) is None and stored_row(None, tiny) is None
    assert stored_row(record | {"questionnaire_version": tiny.version + 1}, tiny) is None
