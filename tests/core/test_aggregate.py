"""Group aggregation: statistics, divergence and the anonymity threshold."""

import pytest

from roadmap.core.aggregate import aggregate, describe
from roadmap.core.answers import AnswerSet


def group(*maps):
    return [AnswerSet("tiny", 2, "fr", m) for m in maps]


def test_describe():
    stats = describe([1, 5, 3, 3], divergence_sd=1.0)
    assert (stats.n, stats.mean, stats.median, stats.min, stats.max) == (4, 3, 3, 1, 5)
    assert stats.sd == pytest.approx(2**0.5)
    assert stats.divergent


def test_nothing_released_below_k(tiny):
    result = aggregate(tiny, group(*[{"e1": 5}] * 4), k=5)
    assert not result.released
    assert result.participants == 4
    assert result.dimensions == {} and result.items == {}


def test_item_statistics_and_divergence(tiny):
    maps = [{"e1": v, "e2": 3, "r1": "dont_know"} for v in (1, 1, 5, 5, 5)]
    result = aggregate(tiny, group(*maps), k=5)
    assert result.released
    e1 = result.items["e1"].stats
    assert (e1.n, e1.median, e1.min, e1.max) == (5, 5, 1, 5)
    assert e1.mean == pytest.approx(3.4)
    assert e1.divergent
    assert not result.items["e2"].stats.divergent
    assert result.items["r1"].stats is None  # nobody gave a number
    assert result.items["r1"].dont_know == 5
    assert [i.item_id for i in result.divergent_items()] == ["e1"]
    ethics = result.dimensions["ethics"]
    assert ethics.n == 5
    assert ethics.mean == pytest.approx(((0 + 50) / 2 * 2 + (100 + 50) / 2 * 3) / 5)
    assert result.dimensions["relations"] is None  # below k people with a relations score
