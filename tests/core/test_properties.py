"""Properties that hold for any answers: bounds, monotonicity, order-independence, don't know."""

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap.core.aggregate import aggregate
from roadmap.core.answers import AnswerSet
from roadmap.core.scoring import score

RATED = ["r1", "r2", "r3", "e1", "e2"]
value = st.one_of(st.integers(1, 5), st.sampled_from(["dont_know", "not_applicable"]))
answer_maps = st.dictionaries(st.sampled_from(RATED), value)


def as_set(values) -> AnswerSet:
    return AnswerSet("tiny", 2, "fr", values)


@given(answer_maps)
def test_scores_stay_between_0_and_100(tiny, values):
    result = score(tiny, as_set(values))
    for d in result.dimensions.values():
        assert d.score is None or 0 <= d.score <= 100
        assert 0 <= d.coverage <= 1
    assert result.overall is None or 0 <= result.overall <= 100


@given(answer_maps, st.sampled_from(RATED), st.integers(1, 4))
def test_raising_an_answer_never_lowers_its_dimension(tiny, values, item_id, low):
    item = tiny.item(item_id)
    lower = score(tiny, as_set({**values, item_id: low})).dimensions[item.dimension]
    higher = score(tiny, as_set({**values, item_id: low + 1})).dimensions[item.dimension]
    if lower.raw_score is None:
        return
    if item.reverse:
        assert higher.raw_score <= lower.raw_score + 1e-9
    else:
        assert higher.raw_score >= lower.raw_score - 1e-9


@given(answer_maps, st.sampled_from(RATED))
def test_dont_know_never_lowers_a_score(tiny, values, item_id):
    blank = {k: v for k, v in values.items() if k != item_id}
    without = score(tiny, as_set(blank))
    with_dont_know = score(tiny, as_set({**blank, item_id: "dont_know"}))
    for d_id, d in with_dont_know.dimensions.items():
        assert d.raw_score == without.dimensions[d_id].raw_score
        if without.dimensions[d_id].score is not None and d.score is not None:
            assert d.score >= without.dimensions[d_id].score


@settings(max_examples=50)
@given(st.lists(answer_maps, min_size=5, max_size=12), st.randoms())
def test_aggregation_is_order_independent(tiny, groups, rnd):
    sets = [as_set(v) for v in groups]
    shuffled = sets[:]
    rnd.shuffle(shuffled)
    assert aggregate(tiny, sets, k=5) == aggregate(tiny, shuffled, k=5)


@settings(max_examples=50)
@given(st.lists(answer_maps, min_size=1, max_size=8))
def test_aggregated_dimension_scores_match_individual_scoring(tiny, groups):
    sets = [as_set(v) for v in groups]
    group = aggregate(tiny, sets, k=1)
    for dim in tiny.dimensions:
        individual = [s for a in sets if (s := score(tiny, a).dimensions[dim.id].score) is not None]
        stats = group.dimensions[dim.id]
        if not individual:
            assert stats is None
        else:
            assert stats.n == len(individual)
            assert abs(stats.mean - sum(individual) / len(individual)) < 1e-9
