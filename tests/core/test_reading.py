"""The honest-reading rules of a version 2 questionnaire, on the tiny one, computed by hand.

tiny: relations = r1 (weight 2), r2, r3 (reverse-worded); ethics = e1, e2. Power: p_decide
(decisions, weight 1) and p_budget (resources, weight 2) are the key areas, p_eval (weight 3) is
not; p_aim is the aim. Levels: starting 0, growing 40, leading 75."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from roadmap.core.answers import AnswerSet, check_value
from roadmap.core.questionnaire import Iap2Level, Questionnaire
from roadmap.core.recommend import recommend, strengths
from roadmap.core.results import analyse
from roadmap.core.scoring import score

DATA = Path(__file__).parent.parent / "data"
BEST_SAID = {"r1": 5, "r2": 5, "r3": 1, "e1": 5, "e2": 5}  # every statement at its best


def tiny_file() -> dict:
    return yaml.safe_load((DATA / "tiny.yaml").read_text())


def version_2(**reading) -> Questionnaire:
    """tiny with the version 2 rules on (and `reading` overriding them)."""
    doc = tiny_file()
    doc["version"] = 3
    doc["power"].update(ceiling="second_key_area", trap="fewer_than_two_key_areas")
    doc["reading"] = {
        "stage_cap": {"inform": "growing", "consult": "growing"},
        "say_do": {"dimension": "ethics", "practice_at_most": "consult"},
        "not_applicable_counts_as_unrated": True,
        **reading,
    }
    return Questionnaire.model_validate(doc)


V2 = version_2()


def answers(**values) -> AnswerSet:
    return AnswerSet("tiny", 3, "fr", values)


# --- 1. the headline stage never describes more shared power than the practice shows -----


def test_stage_is_capped_by_power_sharing_and_says_why():
    result = score(V2, answers(**BEST_SAID, p_decide="us", p_budget="us", p_eval="us"))
    assert result.overall == 100 and result.capability_level_id == "leading"
    assert result.power.level is Iap2Level.INFORM
    assert result.overall_level_id == "growing"  # the middle level, not "leading"
    assert result.stage_held_back_by is Iap2Level.INFORM


def test_stage_is_not_capped_when_the_practice_allows_it(tiny):
    shared = answers(**BEST_SAID, p_decide="them", p_budget="them", p_eval="them")
    result = score(V2, shared)
    assert (result.overall_level_id, result.stage_held_back_by) == ("leading", None)
    # Version 1 files have no cap at all.
    assert (
        score(tiny, AnswerSet("tiny", 2, "fr", {**BEST_SAID, "p_decide": "us"})).overall_level_id
        == "leading"
    )


# --- 2. what you say against what you do ----------------------------------------------------


def test_statements_contradicted_by_the_practice_are_not_a_strength():
    result = analyse(V2, answers(**BEST_SAID, p_decide="asked", p_budget="asked", p_eval="us"))
    say_do = result.scores.say_do
    assert say_do is not None and say_do.dimension_id == "ethics" and say_do.score == 100
    assert say_do.practice is Iap2Level.CONSULT  # index (25 + 2*25 + 0) / 6 = 12.5 -> 13: consult
    assert {c.item_id for c in say_do.done} == {"p_decide", "p_budget"}
    assert [c.item_id for c in say_do.said] == ["e1", "e2"]
    assert "say_do_contradiction" in result.scores.flags
    assert "ethics" not in [h.subject for h in result.strengths]
    assert "relations" in [h.subject for h in result.strengths]


def test_no_contradiction_when_the_practice_shares_power():
    result = score(V2, answers(**BEST_SAID, p_decide="together", p_budget="part", p_eval="them"))
    assert result.say_do is None


# --- 3. the key-area ceiling ------------------------------------------------------------------


def test_level_never_exceeds_what_two_key_areas_reach(tiny):
    # Decisions handed over (100), the budget kept after asking (25), evaluation by citizens
    # (100, weight 3): index (100 + 2*25 + 3*100) / 6 = 75 -> collaborate.
    keeps_the_money = {"p_decide": "them", "p_budget": "asked", "p_eval": "them"}
    v1 = score(tiny, AnswerSet("tiny", 2, "fr", keeps_the_money)).power
    assert (v1.index, v1.level) == (75, Iap2Level.COLLABORATE)  # version 1: lifted
    v2 = score(V2, answers(**keeps_the_money)).power
    assert (v2.index, v2.uncapped_level) == (75, Iap2Level.COLLABORATE)
    assert v2.ceiling is Iap2Level.CONSULT and v2.level is Iap2Level.CONSULT
    assert v2.held_back_by == ("resources",)


def test_involve_in_the_key_areas_is_an_honest_involve():
    power = score(V2, answers(p_decide="together", p_budget="part", p_eval="them")).power
    # index (75 + 2*50 + 3*100) / 6 = 79.2 -> 79 -> collaborate; key areas collaborate, involve
    assert power.index == 79 and power.level is Iap2Level.INVOLVE


def test_a_key_area_not_known_reaches_nothing():
    power = score(V2, answers(p_decide="them", p_budget="dont_know", p_eval="them")).power
    assert power.level is Iap2Level.INFORM and power.held_back_by == ("resources",)


# --- 4. the consultation trap ----------------------------------------------------------------


def test_trap_when_aiming_at_collaborate_with_fewer_than_two_key_areas_there(tiny):
    claim = {"p_aim": "cocreate", "p_decide": "together", "p_budget": "part", "p_eval": "them"}
    assert not score(tiny, AnswerSet("tiny", 2, "fr", claim)).power.consultation_trap  # v1
    power = score(V2, answers(**claim)).power
    assert power.consultation_trap
    gaps = {g.area: (g.practice, g.steps_short) for g in power.key_gaps}
    assert gaps == {
        "decisions": (Iap2Level.COLLABORATE, 0),
        "resources": (Iap2Level.INVOLVE, 1),
    }


def test_no_trap_when_two_key_areas_reach_the_aim():
    claim = {"p_aim": "cocreate", "p_decide": "together", "p_budget": "them", "p_eval": "us"}
    assert not score(V2, answers(**claim)).power.consultation_trap


# --- 5. the gap drives the advice -----------------------------------------------------------


def version_2_with(recommendations: list[dict], **reading) -> Questionnaire:
    doc = version_2(**reading).model_dump(mode="json", exclude_none=True)
    base = tiny_file()["recommendations"][0]
    doc["recommendations"] = [{**base, **r} for r in recommendations]
    return Questionnaire.model_validate(doc)


def test_a_gap_in_a_key_area_brings_a_method_citing_both_answers():
    q = version_2_with([{"id": "shared-budget", "conditions": [{"gap_in": "resources"}]}])
    at_involve = answers(p_aim="cocreate", p_decide="together", p_budget="part", p_eval="us")
    recs = recommend(q, score(q, at_involve), at_involve)
    assert [r.recommendation_id for r in recs] == ["shared-budget"]
    gap = recs[0].reasons[0]
    assert (gap.kind, gap.subject, gap.value, gap.threshold) == (
        "gap",
        "p_budget",
        "part",
        "collaborate",
    )
    assert gap.also == ("p_aim", "cocreate")
    reached = answers(p_aim="cocreate", p_decide="together", p_budget="them", p_eval="us")
    assert recommend(q, score(q, reached), reached) == []


# --- 6. and 7. coverage with "doesn't apply", preconditions, choice items --------------------


def test_doesnt_apply_counts_as_not_rated(tiny):
    one_left = {"r2": 5, "r1": "not_applicable", "r3": "not_applicable"}
    assert score(tiny, AnswerSet("tiny", 2, "fr", one_left)).dimensions["relations"].score == 100
    relations = score(V2, answers(**one_left)).dimensions["relations"]
    assert relations.score is None and relations.coverage == 0.25  # 1 of weight 4
    assert relations.not_applicable_share == 0.75


def test_preconditions_refuse_doesnt_apply():
    doc = tiny_file()
    doc["sections"][0]["items"][1]["precondition"] = True  # r1
    q = Questionnaire.model_validate(doc)
    assert "precondition" in check_value(q, "r1", "not_applicable")
    assert (
        check_value(q, "r1", "dont_know") is None and check_value(q, "r2", "not_applicable") is None
    )


def test_only_rated_items_can_be_preconditions():
    doc = tiny_file()
    doc["sections"][1]["items"][2]["precondition"] = True  # p_aim
    with pytest.raises(ValueError, match="only rated items can be preconditions"):
        Questionnaire.model_validate(doc)


def test_a_choice_item_refuses_not_applicable(tiny):
    message = check_value(tiny, "p_decide", "not_applicable")
    assert "not an answer to a power-sharing question" in message and "dont_know" in message


# --- 9. mostly "don't know" still gets guidance ----------------------------------------------


def test_mostly_dont_know_gets_the_ways_to_find_out():
    q = version_2_with(
        [
            {
                "id": "prestart",
                "conditions": [{"dont_know_share_at_least": 0.5}],
                "addresses": ["relations"],
            }
        ]
    )
    unsure = answers(r1="dont_know", r2="dont_know", r3=3, e1="dont_know", p_decide="dont_know")
    recs = recommend(q, score(q, unsure), unsure)
    assert [r.recommendation_id for r in recs] == ["prestart"]
    assert (recs[0].reasons[0].kind, recs[0].reasons[0].value) == ("dont_know", 80)  # 4 of 5


# --- 11. ranked by need and by what is feasible from the current practice --------------------


def test_feasible_methods_come_first_and_say_why():
    jury = {"id": "jury", "effort": "high", "presupposes": "involve", "addresses": ["relations"]}
    small = {"id": "small", "effort": "low", "presupposes": "inform", "addresses": ["relations"]}
    both = [{**r, "conditions": [{"dimension": "relations", "below": 50}]} for r in (jury, small)]
    at_inform = answers(r1=1, r2=1, r3=5, p_decide="us", p_budget="us", p_eval="us")
    by_need = recommend(version_2_with(both), score(V2, at_inform), at_inform)
    assert {r.relevance for r in by_need} == {100.0}  # need alone cannot tell them apart
    q = version_2_with(both, feasibility={"per_level_beyond": 15})
    ranked = recommend(q, score(q, at_inform), at_inform)
    assert [(r.recommendation_id, r.relevance) for r in ranked] == [
        ("small", 100.0),
        ("jury", 60.0),
    ]
    fit = ranked[1].reasons[-1]  # involve is 2 steps beyond inform: 2 x 15 + 10 for high effort
    assert (fit.kind, fit.value, fit.threshold) == ("fit", "inform", "involve")


# --- properties -------------------------------------------------------------------------------

RATED = ["r1", "r2", "r3", "e1", "e2"]
rated = st.dictionaries(st.sampled_from(RATED), st.one_of(st.integers(1, 5), st.just("dont_know")))
practice = st.fixed_dictionaries(
    {
        "p_decide": st.sampled_from(["us", "asked", "together", "them", "dont_know"]),
        "p_budget": st.sampled_from(["us", "asked", "part", "them", "dont_know"]),
        "p_eval": st.sampled_from(["us", "them"]),
    }
)
LEVEL_ORDER = ["starting", "growing", "leading"]


@given(rated, practice)
def test_the_headline_stage_never_exceeds_what_the_practice_allows(said, done):
    result = score(V2, answers(**said, **done))
    cap = V2.reading.stage_cap.get(result.power.level) if result.power.level else None
    if result.overall_level_id and cap:
        assert LEVEL_ORDER.index(result.overall_level_id) <= LEVEL_ORDER.index(cap)


@given(rated, st.sets(st.sampled_from(RATED)))
def test_doesnt_apply_never_raises_a_score(said, marked):
    without = score(V2, answers(**{k: v for k, v in said.items() if k not in marked}))
    with_na = score(V2, answers(**{**said, **{k: "not_applicable" for k in marked}}))
    for dim, d in with_na.dimensions.items():
        if d.score is not None:
            assert without.dimensions[dim].score == d.score


@given(practice, st.sampled_from(["p_decide", "p_budget"]))
def test_raising_a_key_area_never_lowers_the_power_level(done, area):
    options = [o.id for o in V2.item(area).options]
    if done[area] == "dont_know" or done[area] == options[-1]:
        return
    higher = {**done, area: options[options.index(done[area]) + 1]}
    before, after = score(V2, answers(**done)).power, score(V2, answers(**higher)).power
    if before.level and after.level:
        assert after.level.rank >= before.level.rank


def test_strengths_exclude_only_the_contradicted_dimension():
    scores = score(V2, answers(**BEST_SAID, p_decide="us", p_budget="us", p_eval="us"))
    assert [h.subject for h in strengths(V2, scores)] == ["relations"]
