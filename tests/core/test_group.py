"""The group reading of a workshop, on the tiny questionnaire, computed by hand.

tiny: relations = r1 (weight 2), r2, r3 (reverse-worded); ethics = e1, e2. Power: p_decide
and p_budget (weight 2) are the key areas, p_eval (weight 3) is not; p_aim is the aim."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap.core.answers import AnswerSet
from roadmap.core.group import (
    Band,
    ItemDistribution,
    group_reading,
    quantile,
    shown_roles,
)
from roadmap.core.person_reading import Plan, read_person
from roadmap.core.questionnaire import Iap2Level, Questionnaire
from roadmap.core.scoring import score
from tests.core.test_reading import BEST_SAID, V2, tiny_file


def people(q, *maps, role=None):
    return [(AnswerSet(q.id, q.version, "fr", m), role) for m in maps]


# --- median and interquartile band -----------------------------------------------------------


def test_band_of_five_and_of_four_values():
    assert Band.of([100, 0, 50, 25, 75]) == Band(5, 50, 25, 75, 0, 100)
    # Four values: the quartiles sit a quarter and three quarters of the way (type 7):
    # q1 at position 0.75 -> 0 + 0.75 * 25; q3 at position 2.25 -> 75 + 0.25 * 25.
    band = Band.of([0, 25, 75, 100])
    assert (band.median, band.q1, band.q3) == (50, 18.75, 81.25)
    assert quantile([7], 0.25) == 7


def test_dimension_band_from_each_persons_score(tiny):
    # e1 alone answered: ethics covered at 1/2 = the threshold, so each person scores e1.
    group = group_reading(tiny, people(tiny, *({"e1": v} for v in (1, 2, 3, 4, 5))), k=5)
    assert group.released and group.participants == 5
    assert group.whole.dimensions["ethics"] == Band(5, 50, 25, 75, 0, 100)
    assert group.whole.dimensions["relations"] is None  # nobody has a relations score


def test_nothing_below_k(tiny):
    group = group_reading(tiny, people(tiny, *[{"e1": 5}] * 4), k=5)
    assert not group.released and group.whole is None and group.items == {}


# --- per-item distributions -----------------------------------------------------------------


def test_item_distribution_counts_non_answers_apart(tiny):
    maps = [{"r1": v} for v in (1, 1, 4, "dont_know", "dont_know", "dont_know", "not_applicable")]
    group = group_reading(tiny, people(tiny, *maps), k=5)
    r1 = group.items["r1"]
    assert (r1.counts, r1.dont_know, r1.not_applicable, r1.n, r1.responders) == (
        (2, 0, 0, 1, 0),
        3,
        1,
        3,
        7,
    )
    assert r1.band.median == 1  # "don't know" is never a number
    assert group.unsure == ()  # 3 "don't know" of 7 answers is less than half
    assert group.items["e1"] is None  # nobody answered it


def test_unsure_is_half_the_responders_or_more():
    assert ItemDistribution("x", (1, 0, 0, 0, 0), 1, 0).unsure  # 1 of 2
    assert not ItemDistribution("x", (2, 0, 0, 0, 0), 1, 0).unsure  # 1 of 3


# --- disagreement and the agenda ------------------------------------------------------------


def test_two_camps_are_a_disagreement_even_with_a_moderate_spread():
    split = ItemDistribution("x", (0, 3, 0, 3, 0), 0, 0)  # three at 2, three at 4
    assert split.spread == pytest.approx(0.5)  # sd 1 point out of the scale's largest, 2
    assert split.camps == 1 and split.two_camps and split.disagreement == 1
    agreed = ItemDistribution("x", (0, 0, 6, 0, 0), 0, 0)
    assert (agreed.spread, agreed.camps, agreed.disagreement) == (0, 0, 0)
    spread = ItemDistribution("x", (1, 0, 3, 0, 1), 0, 0)  # 1, 3, 3, 3, 5
    assert spread.spread == pytest.approx((8 / 5) ** 0.5 / 2)  # 0.632
    assert spread.camps == pytest.approx(0.4) and not spread.two_camps
    halves = ItemDistribution("x", (3, 0, 0, 0, 3), 0, 0)
    assert halves.spread == 1 and halves.disagreement == 1


def test_agenda_ranks_by_disagreement_and_leaves_out_agreement(tiny):
    e1 = (2, 2, 2, 4, 4, 4)  # two camps: 1.0
    e2 = (1, 3, 3, 3, 3, 5)  # sd sqrt(8/6) = 1.155 -> spread 0.577; camps 2/6
    r2 = (3, 3, 3, 3, 3, 3)  # agreement
    maps = [{"e1": a, "e2": b, "r2": c} for a, b, c in zip(e1, e2, r2, strict=True)]
    group = group_reading(tiny, people(tiny, *maps), k=5)
    assert [d.item_id for d in group.agenda] == ["e1", "e2"]
    assert group.agenda[1].disagreement == pytest.approx((8 / 6) ** 0.5 / 2)


# --- the honest-reading rules carry over ----------------------------------------------------


def test_doesnt_apply_counts_as_not_rated_in_the_group(tiny):
    one_left = {"r2": 5, "r1": "not_applicable", "r3": "not_applicable"}
    assert group_reading(tiny, people(tiny, *[one_left] * 5)).whole.dimensions["relations"] == Band(
        5, 100, 100, 100, 100, 100
    )  # version 1: the one statement left speaks
    v2 = group_reading(V2, people(V2, *[one_left] * 5))
    assert v2.whole.dimensions["relations"] is None  # version 2: coverage 1/4, no score


def test_power_practice_is_held_by_the_key_areas_and_set_against_the_aim():
    keeps_the_money = {"p_aim": "cocreate", "p_decide": "them", "p_budget": "asked"}
    power = group_reading(V2, people(V2, *[{**keeps_the_money, "p_eval": "them"}] * 5)).whole.power
    # index 75 (collaborate) but only one key area above consult: consult, as each person reads.
    assert power.practice is Iap2Level.CONSULT and power.aim is Iap2Level.COLLABORATE
    assert power.gap == 2 and power.practice_counts == (0, 5, 0, 0, 0)
    assert power.consultation_trap == 5


SHARED = {"p_decide": "them", "p_budget": "them", "p_eval": "them"}


def test_say_do_contradictions_are_counted():
    contradicted = {**BEST_SAID, "p_decide": "asked", "p_budget": "asked", "p_eval": "us"}
    group = group_reading(V2, people(V2, *[contradicted] * 4, {**BEST_SAID, **SHARED}))
    assert group.whole.power.say_do == 4


def test_the_median_level_never_credits_more_than_half_the_room():
    practices = ["us", "us", "them", "them"]  # p_decide; p_budget "them" for all
    maps = [{"p_decide": p, "p_budget": "them", "p_eval": "them"} for p in practices]
    power = group_reading(V2, people(V2, *maps), k=4).whole.power
    # Two read inform (one key area reached), two empower: the lower median is inform.
    assert power.practice_counts == (2, 0, 0, 0, 2) and power.practice is Iap2Level.INFORM


# --- roles and the subtraction rule ---------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "shown"),
    [
        ({"front": 6, "manager": 6}, {"front", "manager"}),
        ({"front": 6, "manager": 3}, set()),  # 9 - 6 would read the 3 managers
        ({"a": 6, "b": 6, "c": 2}, {"b"}),  # hide a too: 12 - 6 = 6 (a + c) is safe
        ({"front": 5, "manager": 5, None: 2}, {"manager"}),  # the untagged two count too
        ({"front": 7, None: 5}, {"front"}),
        ({"front": 4}, set()),
    ],
)
def test_shown_roles_hand_cases(counts, shown):
    assert shown_roles(counts, 5) == shown


def test_role_views_pass_k_and_the_complement_rule(tiny):
    front = people(tiny, *[{"e1": 5}] * 6, role="front")
    managers = people(tiny, *[{"e1": 1}] * 3, role="manager")
    group = group_reading(tiny, front + managers, k=5)
    assert group.roles == {} and group.hidden_roles == ("front", "manager")
    more = people(tiny, *[{"e1": 1}] * 5, role="manager")
    group = group_reading(tiny, front + more, k=5)
    assert set(group.roles) == {"front", "manager"}
    assert group.roles["manager"].dimensions["ethics"].median == 0
    assert group.roles["front"].n == 6


def test_sections_restrict_what_is_read(tiny):
    group = group_reading(tiny, people(tiny, *[{"e1": 5, "r1": 5}] * 5), sections={"compass"})
    assert set(group.items) == {"e1", "e2"} and set(group.whole.dimensions) == {"ethics"}


# --- properties -----------------------------------------------------------------------------

RATED = ["r1", "r2", "r3", "e1", "e2"]
rated_value = st.one_of(st.integers(1, 5), st.sampled_from(["dont_know", "not_applicable"]))
answer_maps = st.fixed_dictionaries(
    {},
    optional={
        **{i: rated_value for i in RATED},
        "p_aim": st.sampled_from(["tell", "ask", "cocreate", "dont_know"]),
        "p_decide": st.sampled_from(["us", "asked", "together", "them", "dont_know"]),
        "p_budget": st.sampled_from(["us", "asked", "part", "them", "dont_know"]),
        "p_eval": st.sampled_from(["us", "them", "dont_know"]),
    },
)


def _same_reading(q, answers):
    full = score(q, AnswerSet(q.id, q.version, "fr", answers))
    lean = read_person(Plan(q), answers)
    assert lean.dimensions == {d: s.score for d, s in full.dimensions.items()}
    assert lean.practice == full.power.level and lean.aim == full.power.aim
    assert lean.consultation_trap == full.power.consultation_trap
    assert lean.say_do == (full.say_do is not None)
    assert lean.dont_know_share == full.dont_know_share


@given(answer_maps)
def test_the_lean_reading_is_the_results_pages_reading(answers):
    for q in (V2,):
        _same_reading(q, answers)


V1 = Questionnaire.model_validate(tiny_file())


@given(answer_maps)
def test_the_lean_reading_matches_version_1_too(answers):
    _same_reading(V1, answers)


@settings(deadline=None)  # a 68-item questionnaire on a busy machine
@given(st.data())
def test_the_lean_reading_matches_on_cosie(cosie, data):
    answers = {}
    for item in cosie.items.values():
        if item.kind == "rated":
            answers[item.id] = data.draw(rated_value)
        elif item.kind == "choice":
            answers[item.id] = data.draw(
                st.sampled_from([o.id for o in item.options] + ["dont_know"])
            )
    _same_reading(cosie, answers)


@given(
    st.dictionaries(
        st.one_of(st.none(), st.sampled_from(["a", "b", "c", "d"])), st.integers(0, 12)
    ),
    st.integers(1, 8),
)
def test_no_group_below_k_can_be_read_by_subtraction(counts, k):
    shown = shown_roles(counts, k)
    assert all(counts[r] >= k for r in shown)
    remainder = sum(counts.values()) - sum(counts[r] for r in shown)
    assert remainder == 0 or remainder >= k or not shown


@given(st.lists(st.integers(0, 5), min_size=5, max_size=5))
def test_disagreement_is_between_0_and_1_and_the_band_is_ordered(counts):
    d = ItemDistribution("x", tuple(counts), 0, 0)
    assert 0 <= d.disagreement <= 1 + 1e-9
    if d.band:
        assert d.band.low <= d.band.q1 <= d.band.median <= d.band.q3 <= d.band.high
