"""The consensus round, by hand: distributions of both rounds, k, movement, agreed scores."""

from __future__ import annotations

import pytest

from roadmap.core.consensus import (
    Closeness,
    Direction,
    agreement_problems,
    distribution,
    from_counts,
    movement,
    shown,
    to_counts,
)
from roadmap.core.group import ItemDistribution


def test_a_round_counts_ratings_and_non_answers_apart():
    d = distribution("e1", [2, 2, 4, 4, "dont_know", 5, "not_applicable"])
    assert d.counts == (0, 2, 0, 2, 1) and d.dont_know == 1 and d.not_applicable == 1
    assert d.n == 5 and d.band.median == 4
    assert from_counts("e1", to_counts(d)) == d


def test_a_round_below_k_shows_nothing():
    four = distribution("e1", [3, 3, 3, 3, "dont_know"])  # five people, four ratings
    assert shown(four, 5) is None
    assert shown(four, 4) == four
    assert shown(None, 3) is None


def test_a_split_room_that_comes_together_moved_closer():
    # First: 2, 2, 2, 4, 4, 4 -> median 3, two camps 1. Re-vote: 3, 3, 3, 4, 4, 4 -> median 3.5,
    # spread sd 0.5 / 2 = 0.25, no low camp: disagreement 0.25, down by 0.75.
    first = distribution("e1", [2, 2, 2, 4, 4, 4])
    second = distribution("e1", [3, 3, 3, 4, 4, 4])
    moved = movement(first, second)
    assert moved.median_change == 0.5 and moved.direction is Direction.UP
    assert moved.disagreement_change == pytest.approx(-0.75)
    assert moved.closeness is Closeness.CLOSER


def test_a_room_that_did_not_move():
    # 1, 3, 5 both times: median 3, spread sqrt(8/3)/2 = 0.816, camps 2/3.
    same = distribution("e1", [1, 3, 5])
    moved = movement(same, distribution("e1", [5, 3, 1]))
    assert moved.direction is Direction.SAME and moved.closeness is Closeness.HELD
    assert moved.median_change == 0 and moved.disagreement_change == 0


def test_a_room_that_drew_apart_and_down():
    # 3, 3, 3, 3 (disagreement 0) -> 1, 1, 3, 5 (median 2, camps 2 × 1/4 = 0.5, spread
    # sd sqrt(((1-2.5)^2*2 + 0.25 + 6.25)/4) = sqrt(2.75) = 1.658 / 2 = 0.829).
    moved = movement(distribution("e1", [3] * 4), distribution("e1", [1, 1, 3, 5]))
    assert moved.median_change == -1 and moved.direction is Direction.DOWN
    assert moved.disagreement_change == pytest.approx(0.829, abs=1e-3)
    assert moved.closeness is Closeness.APART


def test_half_a_point_or_a_tenth_less_is_no_move():
    # 2, 4 -> 2, 3, 4: median 3 both; camps 1 -> 2/3 (down 0.33): closer, same median.
    moved = movement(distribution("e1", [2, 4]), distribution("e1", [2, 3, 4]))
    assert moved.direction is Direction.SAME and moved.closeness is Closeness.CLOSER
    # 3, 3, 4, 4 -> 3, 4, 4, 4: median 3.5 -> 4 (up 0.5 counts); spread 0.25 -> 0.2165 (held).
    moved = movement(distribution("e1", [3, 3, 4, 4]), distribution("e1", [3, 4, 4, 4]))
    assert moved.direction is Direction.UP and moved.closeness is Closeness.HELD


def test_no_movement_without_ratings_in_both_rounds():
    nobody = ItemDistribution("e1", (0, 0, 0, 0, 0), 3, 0)
    assert movement(nobody, distribution("e1", [3, 3, 3])) is None


@pytest.mark.parametrize(
    ("kind", "score", "rationale", "dissent", "problems"),
    [
        ("item", 4, "Nous publions la plupart des décisions.", None, []),
        ("item", 0, "x", None, ["score"]),
        ("item", 6, "x", None, ["score"]),
        ("item", "4", "x", None, ["score"]),
        ("item", True, "x", None, ["score"]),
        ("dimension", 0, "x", "", []),
        ("dimension", 100, "x", "Deux personnes pensent 40.", []),
        ("dimension", 101, "x", None, ["score"]),
        ("item", 3, "  ", None, ["rationale"]),
        ("item", 3, "deux\nlignes", None, ["rationale"]),
        ("item", 3, "x" * 201, "y" * 301, ["rationale", "dissent"]),
        ("power", 3, "x", None, ["kind"]),
    ],
)
def test_agreed_scores_are_checked(kind, score, rationale, dissent, problems):
    assert agreement_problems(kind, score, rationale, dissent) == problems


def test_the_typical_answers_of_a_room(tiny):
    from roadmap.core.consensus import typical_answers

    room = [
        {"e1": 1, "e2": "dont_know", "p_decide": "us"},
        {"e1": 2, "e2": "dont_know", "p_decide": "asked"},
        {"e1": 4, "e2": "dont_know", "p_decide": "together"},
        {"e1": 5, "e2": 3, "p_decide": "them"},
        {"r1": 5},
    ]
    # e1: ratings 1, 2, 4, 5 -> lower median 2 (never more than half the raters credit);
    # e2: one rating (below k = 3) but three "don't know"; p_decide: inform, consult,
    # collaborate, empower -> lower median consult ("asked"); r1: one answer, left out.
    typical = typical_answers(tiny, room, 3, ["e1", "e2", "p_decide", "r1"])
    assert typical == {"e1": 2, "e2": "dont_know", "p_decide": "asked"}
    # An agreed score replaces the median of its statement.
    assert typical_answers(tiny, room, 3, ["e1"], {"e1": 4}) == {"e1": 4}
    assert typical_answers(tiny, room, 5, ["e1", "e2", "p_decide"]) == {}
