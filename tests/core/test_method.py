"""The method annex's figures come from the questionnaire and the scoring rules themselves."""

import pytest

from roadmap.core.answers import AnswerSet
from roadmap.core.method import method_facts
from roadmap.core.questionnaire import Iap2Level
from roadmap.core.scoring import item_score, overall_index, score


def test_facts_of_the_tiny_questionnaire(tiny):
    facts = method_facts(tiny)
    assert facts.rated_items == 5
    assert facts.reverse_items == 1
    assert facts.item_weights == ((1.0, 4), (2.0, 1))
    assert facts.dimensions == 2 and facts.heavier_dimensions == ()
    assert facts.coverage_threshold == 0.5 and facts.strength_threshold == 70
    assert facts.power_practice_items == 3  # the aim question is not counted
    assert facts.power_key_weights == (1.0, 2.0) and facts.power_other_weights == (3.0,)
    assert facts.trap_aim_at_least is Iap2Level.COLLABORATE
    assert dict(facts.power_points) == {
        Iap2Level.INFORM: 0,
        Iap2Level.CONSULT: 25,
        Iap2Level.INVOLVE: 50,
        Iap2Level.COLLABORATE: 75,
        Iap2Level.EMPOWER: 100,
    }


def test_printed_scale_is_the_one_scoring_uses(tiny):
    facts = method_facts(tiny)
    plain = tiny.item("r1")
    assert all(item_score(plain, value) == points for value, points in facts.scale_points)
    assert [p for _, p in facts.scale_points] == [0, 25, 50, 75, 100]


def test_printed_overall_rule_is_the_one_scoring_uses(tiny):
    share = method_facts(tiny).overall_min_share
    # One of the two dimensions scored: exactly the printed share, so an overall score exists.
    one_scored = score(tiny, AnswerSet("tiny", 2, "fr", {"r1": 4, "r2": 4}))
    assert share == pytest.approx(0.5)
    assert overall_index(tiny, one_scored.dimensions) is not None
    none_scored = score(tiny, AnswerSet("tiny", 2, "fr", {}))
    assert overall_index(tiny, none_scored.dimensions) is None
