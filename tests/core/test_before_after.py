"""Before/after, computed by hand: the two groups as wholes, each paired person's own change,
and nothing for fewer than k people or pairs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from roadmap.core.before_after import compare
from roadmap.core.group import Band


def test_unpaired_groups_and_paired_changes():
    before = [{"ethics": v} for v in (0, 25, 50, 75, 100)]
    after = [{"ethics": v} for v in (50, 50, 75, 75, 100, 100)]
    # Five people paired: their own changes are +50, +25, +25, 0, 0.
    pairs = [
        ({"ethics": b}, {"ethics": a})
        for b, a in ((0, 50), (25, 50), (50, 75), (75, 75), (100, 100))
    ]
    (change,) = compare(["ethics"], before, after, pairs, k=5)
    assert change.before == Band(5, 50, 25, 75, 0, 100)
    # After, six values: median between 75 and 75; q1 at position 1.25 -> 50 + 0.25 * 25.
    assert change.after == Band(6, 75, 56.25, 93.75, 50, 100)
    assert change.median_change == 25
    assert change.pairs == 5 and change.paired == Band(5, 25, 0, 25, 0, 50)


def test_nothing_below_k_but_the_count_of_pairs():
    before = [{"ethics": 50}] * 5
    after = [{"ethics": 60}] * 4
    pairs = [({"ethics": 50}, {"ethics": 60})] * 4
    (change,) = compare(["ethics"], before, after, pairs, k=5)
    assert change.before is not None and change.after is None
    assert change.median_change is None
    assert change.pairs == 4 and change.paired is None


def test_a_person_without_a_score_on_one_side_is_no_pair_for_that_dimension():
    pairs = [({"ethics": 50, "relations": None}, {"ethics": 75, "relations": 40})] * 5
    ethics, relations = compare(["ethics", "relations"], [], [], pairs, k=5)
    assert ethics.pairs == 5 and ethics.paired.median == 25
    assert relations.pairs == 0 and relations.paired is None
    assert ethics.before is None and ethics.after is None  # no whole group given


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=5, max_size=40))
def test_paired_change_is_zero_when_nobody_moves_and_flips_sign_when_reversed(values):
    pairs = [({"d": b}, {"d": a}) for b, a in values]
    backwards = [(a, b) for b, a in pairs]
    (forward,) = compare(["d"], [], [], pairs, k=5)
    (back,) = compare(["d"], [], [], backwards, k=5)
    assert forward.paired.median == -back.paired.median
    (still,) = compare(["d"], [], [], [(b, b) for b, _a in pairs], k=5)
    assert still.paired == Band(len(values), 0, 0, 0, 0, 0)
