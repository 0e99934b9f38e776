"""Recommendations: conditions, ranking by need, reasons, strengths and priorities."""

import pytest

from roadmap.core.answers import AnswerSet
from roadmap.core.recommend import Reason, priorities, recommend, strengths
from roadmap.core.results import analyse
from roadmap.core.scoring import score


def run(tiny, **values):
    answer_set = AnswerSet("tiny", 2, "fr", values)
    return recommend(tiny, score(tiny, answer_set), answer_set)


def test_specific_answer_triggers_with_its_reason(tiny):
    recs = run(tiny, r1=4, r2=2, r3=2, e1=5, p_decide="asked", p_budget="part", p_aim="cocreate")
    assert [r.recommendation_id for r in recs] == ["go-out"]
    assert recs[0].reasons == (Reason("answer", "r2", 2, "in", (1, 2)),)
    assert recs[0].relevance == pytest.approx(100 - 63)  # relations: 62.5 shown as 63


def test_weakest_area_ranks_first_and_reasons_are_collected(tiny):
    recs = run(tiny, r1=1, r2=1, r3=5, p_decide="asked", p_budget="asked", p_aim="cocreate")
    assert [r.recommendation_id for r in recs] == ["go-out", "citizen-jury"]
    go_out, jury = recs
    assert go_out.relevance == 100
    assert {r.kind for r in go_out.reasons} == {"dimension", "answer"}
    assert jury.relevance == pytest.approx(75)
    assert [r.kind for r in jury.reasons] == ["power", "flag"]


def test_match_all_needs_every_condition(tiny):
    strong = dict(r1=5, r2=5, r3=1, e1=5, e2=5, p_decide="together", p_budget="them", p_eval="them")
    assert [r.recommendation_id for r in run(tiny, **strong)] == ["spread"]
    weaker_power = {**strong, "p_decide": "us", "p_budget": "us", "p_eval": "us"}
    assert "spread" not in [r.recommendation_id for r in run(tiny, **weaker_power)]


def test_tied_dimensions_keep_the_questionnaires_order(tiny):
    # Both at 25: "relations" comes first in the questionnaire, though "ethics" sorts first by id.
    result = analyse(tiny, AnswerSet("tiny", 2, "fr", dict(r1=2, r2=2, r3=4, e1=2, e2=2)))
    assert [(h.subject, h.score) for h in result.priorities] == [("relations", 25), ("ethics", 25)]


def test_no_answers_no_recommendations(tiny):
    assert run(tiny) == []


def test_strengths_and_priorities(tiny):
    result = analyse(tiny, AnswerSet("tiny", 2, "fr", dict(r1=5, r2=5, r3=1, e1=1, e2=2)))
    assert [(h.subject, h.score) for h in result.strengths] == [("relations", 100)]
    assert [(h.subject, h.score) for h in result.priorities] == [("ethics", 13)]
    assert strengths(tiny, result.scores, limit=0) == []
    assert priorities(tiny, result.scores, limit=0) == []


def test_change_since_previous(tiny):
    before = AnswerSet("tiny", 2, "fr", dict(e1=1, e2=1))
    now = AnswerSet("tiny", 2, "fr", dict(e1=5, e2=3))
    result = analyse(tiny, now, previous=(tiny, before))
    assert result.change("ethics") == 75
    assert result.change("relations") is None
