"""The priorities split on the real questionnaire: the top three, then every other
recommendation once, grouped by effort (low first) and in rank order within a group."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roadmap.core.answers import parse_answer_document
from roadmap.core.results import analyse
from roadmap.report.priorities import EFFORT_ORDER, TOP_RECOMMENDATIONS, priorities

ROOT = Path(__file__).parent.parent.parent


@pytest.mark.parametrize("example", ["all-worst.json", "mixed-team.json"])
def test_top_three_then_the_others_by_effort_each_once(cosie, example):
    doc = json.loads((ROOT / "examples" / example).read_text())
    answer_set, problems = parse_answer_document(cosie, doc)
    results = analyse(cosie, answer_set)
    split = priorities(results)
    assert len(results.recommendations) > TOP_RECOMMENDATIONS  # enough to need grouping
    assert [r.rank for r in split.top] == [1, 2, 3]
    assert [r.rec for r in split.top] == list(results.recommendations[:3])
    efforts = [effort for effort, _ in split.others]
    assert efforts == [e for e in EFFORT_ORDER if e in efforts]
    others = [r for _, group in split.others for r in group]
    assert sorted(r.rank for r in others) == list(range(4, len(results.recommendations) + 1))
    for effort, group in split.others:
        assert [r.rank for r in group] == sorted(r.rank for r in group)
        assert {cosie.recommendation(r.rec.recommendation_id).effort.value for r in group} == {
            effort
        }
    assert split.other_count == len(others)
