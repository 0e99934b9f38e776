"""Scoring on the tiny questionnaire, against figures computed by hand."""

import pytest

from roadmap.core.answers import AnswerSet
from roadmap.core.questionnaire import Iap2Level
from roadmap.core.scoring import score


def answers(**values) -> AnswerSet:
    return AnswerSet("tiny", 2, "fr", values)


def test_dimension_score_is_the_weighted_mean_with_reverse_items(tiny):
    # r1 (weight 2) = 4 -> 75; r2 = 2 -> 25; r3 reversed = 2 -> 75: (2*75 + 25 + 75) / 4
    result = score(tiny, answers(r1=4, r2=2, r3=2))
    relations = result.dimensions["relations"]
    assert relations.raw_score == pytest.approx(62.5)
    assert relations.score == 63  # shown in whole points, halves up
    assert relations.coverage == 1
    assert relations.level_id == "growing"
    assert [c.points for c in relations.contributions] == pytest.approx([37.5, 6.25, 18.75])
    assert sum(c.points for c in relations.contributions) == pytest.approx(relations.raw_score)


def test_dont_know_leaves_the_item_out_and_only_lowers_coverage(tiny):
    result = score(tiny, answers(e1=5, e2="dont_know"))
    ethics = result.dimensions["ethics"]
    assert ethics.score == 100
    assert ethics.coverage == pytest.approx(0.5)
    assert ethics.dont_know == 1
    assert ethics.level_id == "leading"


def test_below_the_coverage_threshold_there_is_no_number(tiny):
    # r1 has weight 2 of 4: answering r2 alone covers 1/4 < 0.5
    result = score(tiny, answers(r2=5, r1="dont_know"))
    relations = result.dimensions["relations"]
    assert relations.score is None
    assert relations.raw_score == 100
    assert relations.level_id is None
    assert not relations.sufficient


def test_not_applicable_leaves_the_denominator(tiny):
    result = score(tiny, answers(r1="not_applicable", r2=5))
    relations = result.dimensions["relations"]
    # applicable: r2, r3 (weight 2); answered r2 (weight 1) -> coverage 0.5
    assert relations.coverage == pytest.approx(0.5)
    assert relations.score == 100
    assert relations.not_applicable == 1
    assert relations.unanswered == 1


def test_overall_index_averages_scored_dimensions(tiny):
    result = score(tiny, answers(r1=4, r2=2, r3=2, e1=5, e2="dont_know"))
    # From the scores shown (63 and 100), so a reader can redo the sum: 81.5 -> 82.
    assert result.overall == 82
    assert result.overall_level_id == "leading"


def test_overall_needs_half_the_dimensions(tiny):
    assert score(tiny, answers()).overall is None
    # one of two dimensions is half of them: enough
    assert score(tiny, answers(e1=1, e2=1)).overall == 0


def test_power_index_and_level(tiny):
    # decisions consult (25, w1) + budget involve (50, w2) + evaluation unanswered
    result = score(tiny, answers(p_decide="asked", p_budget="part", p_aim="cocreate"))
    power = result.power
    assert power.index == 42  # (25 + 2 * 50) / 3 = 41.67, in whole points
    assert power.coverage == pytest.approx(3 / 6)
    assert power.level is Iap2Level.INVOLVE
    assert power.arnstein_rung == "placation"
    assert power.arnstein_group == "tokenism"
    assert not power.capped
    assert not power.consultation_trap
    assert result.flags == ()


def test_consultation_trap_when_aiming_high_but_keeping_key_areas(tiny):
    result = score(tiny, answers(p_decide="asked", p_budget="asked", p_eval="us", p_aim="cocreate"))
    assert result.power.level is Iap2Level.CONSULT
    assert result.power.consultation_trap
    assert result.flags == ("consultation_trap",)


def test_level_is_capped_at_consult_when_no_key_area_is_shared(tiny):
    # (25 + 2*25 + 3*100) / 6 = 62.5 -> collaborate, but decisions and budget stay at consult
    result = score(tiny, answers(p_decide="asked", p_budget="asked", p_eval="them", p_aim="ask"))
    power = result.power
    assert power.index == 63
    assert power.uncapped_level is Iap2Level.COLLABORATE
    assert power.level is Iap2Level.CONSULT
    assert power.capped
    assert not power.consultation_trap  # the aim is only "consult": no claim of co-creation


def test_power_dont_know_is_not_a_level(tiny):
    result = score(tiny, answers(p_decide="dont_know", p_budget="dont_know", p_eval="dont_know"))
    assert result.power.index is None
    assert result.power.level is None
    assert result.power.arnstein_rung is None


def test_weightiest_answers_prefer_weight_then_extremes(tiny):
    relations = score(tiny, answers(r1=3, r2=1, r3=3)).dimensions["relations"]
    assert [c.item_id for c in relations.weightiest(2)] == ["r1", "r2"]


def test_points_lost_are_what_a_top_answer_would_add_reverse_items_included(tiny):
    # r1 (weight 2/4) = 4 -> 75: loses 25 * 0.5 = 12.5; r2 (1/4) = 2 -> 25: loses 18.75;
    # r3 reversed (1/4), answered 2 -> 75: loses 6.25 (agreeing more would lose more).
    relations = score(tiny, answers(r1=4, r2=2, r3=2)).dimensions["relations"]
    lost = {c.item_id: c.points_lost for c in relations.contributions}
    assert lost == pytest.approx({"r1": 12.5, "r2": 18.75, "r3": 6.25})
    assert sum(lost.values()) == pytest.approx(100 - relations.raw_score)
    assert [c.item_id for c in relations.costliest(2)] == ["r2", "r1"]


def test_costliest_skips_answers_that_lose_nothing_and_non_answers(tiny):
    # r3 reversed and answered 1 -> 100: nothing lost; r2 "don't know" has no number.
    relations = score(tiny, answers(r1=5, r2="dont_know", r3=1)).dimensions["relations"]
    assert relations.costliest(3) == ()
