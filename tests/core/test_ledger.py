"""The ledger's pure computations, checked by hand: staleness, trends, the threshold, common
priorities, weak dimensions followed to the next assessment."""

from __future__ import annotations

from datetime import date

from roadmap.core.answers import AnswerSet
from roadmap.core.ledger import (
    Move,
    Snapshot,
    by_team,
    common_priorities,
    comparison_radar,
    is_stale,
    medians,
    organisation_figures,
    snapshot_from,
    snapshot_record,
    team_lines,
    trend,
)
from roadmap.core.levels import Iap2Level
from roadmap.core.results import analyse

DIMS = ["relations", "ethics"]
TODAY = date(2026, 12, 1)


def snap(aid, team, day, rel, eth, power=None, priorities=(), methods=(), overall=None):
    return Snapshot(
        assessment_id=aid,
        team_id=team,
        day=day,
        overall=overall,
        stage="learning",
        power_index=power,
        power_level=Iap2Level.CONSULT if power is not None else None,
        dimensions={"relations": rel, "ethics": eth},
        priorities=tuple(priorities),
        methods=tuple(methods),
    )


def test_a_team_is_stale_after_the_configured_age_and_without_any_assessment():
    assert not is_stale(date(2025, 12, 1), TODAY, 365)  # exactly 365 days: still current
    assert is_stale(date(2025, 11, 30), TODAY, 365)  # 366 days
    assert is_stale(date(2026, 10, 1), TODAY, 30)
    assert is_stale(None, TODAY, 365)


def test_team_lines_take_the_latest_and_follow_the_previous_weak_dimensions():
    history = [
        snap(2, 1, date(2026, 6, 1), 60, 80, priorities=["ethics"]),  # later, listed first
        snap(1, 1, date(2025, 1, 1), 20, 40, priorities=["relations", "ethics"]),
        snap(3, 2, date(2026, 11, 1), None, 50, priorities=["ethics"],
             methods=[("jury", ("power",)), ("spread", ("relations", "ethics"))]),
    ]  # fmt: skip
    one, two, three = team_lines([1, 2, 3], history, TODAY, 365)
    assert one.latest.assessment_id == 2 and one.previous.assessment_id == 1
    assert one.assessments == 2 and not one.stale
    assert one.followed == (Move("relations", 20, 60), Move("ethics", 40, 80))
    assert [m.change for m in one.followed] == [40, 40]
    assert two.weak[0].subject == "ethics" and two.weak[0].method == "spread"
    assert two.followed == ()
    assert three.latest is None and three.stale and three.assessments == 0
    assert one.actions == ()  # the hook the action plans fill


def test_a_move_without_a_score_on_either_side_has_no_change():
    assert Move("relations", None, 50).change is None
    assert Move("relations", 50, 50).change == 0


def test_trends_keep_gaps_and_count_what_moved():
    history = by_team(
        [
            snap(1, 1, date(2025, 1, 1), 20, None, power=10),
            snap(2, 1, date(2025, 6, 1), None, 30, power=None),
            snap(3, 1, date(2026, 1, 1), 45, 50, power=35),
        ]
    )[1]
    t = trend(history, DIMS)
    assert t.days == (date(2025, 1, 1), date(2025, 6, 1), date(2026, 1, 1))
    assert t.series == {
        "relations": (20, None, 45),
        "ethics": (None, 30, 50),
        "power": (10, None, 35),
    }
    assert t.moved("relations") == 25 and t.moved("ethics") == 20 and t.moved("power") == 25
    assert trend(history[:1], DIMS).moved("relations") is None


def test_organisation_figures_are_withheld_below_the_threshold():
    latest = [snap(i, i, TODAY, 10 * i, 50 if i < 4 else None, overall=i) for i in range(1, 6)]
    figures = organisation_figures(latest, DIMS, k=5)
    assert figures.released and figures.teams == 5
    rel = figures.dimensions["relations"]
    # 10, 20, 30, 40, 50: median 30, population sd = sqrt(200) = 14.14…
    assert rel.n == 5 and rel.stats.median == 30 and rel.stats.min == 10 and rel.stats.max == 50
    assert round(rel.stats.sd, 2) == 14.14
    eth = figures.dimensions["ethics"]
    assert eth.withheld and eth.n == 3 and eth.k == 5  # "n = 3, below the threshold of 5"
    assert figures.stages == {"learning": 5}
    assert medians(figures) == {"relations": 30, "ethics": None}
    few = organisation_figures(latest[:3], DIMS, k=5)
    assert not few.released and few.stages == {} and few.power_levels == {}
    assert all(f.withheld for f in few.dimensions.values()) and few.overall.n == 3


def test_common_priorities_count_teams_and_the_methods_for_them():
    jury, spread, go = (
        ("jury", ("power",)),
        ("spread", ("relations", "ethics")),
        ("go-out", ("relations",)),
    )
    latest = [
        snap(1, 1, TODAY, 0, 0, priorities=["relations", "ethics"], methods=[go, spread]),
        snap(2, 2, TODAY, 0, 0, priorities=["ethics"], methods=[spread, jury]),
        snap(3, 3, TODAY, 0, 0, priorities=["relations"], methods=[go]),
        snap(4, 4, TODAY, 0, 0, priorities=["relations"], methods=[spread]),
        snap(5, 5, TODAY, 0, 0, priorities=[], methods=[jury]),
    ]  # fmt: skip
    found = common_priorities(latest, k=5)
    assert [(c.subject, c.teams) for c in found] == [("relations", 3), ("ethics", 2)]
    assert found[0].methods == (("go-out", 2), ("spread", 2))  # ties: by id
    assert found[1].methods == (("spread", 2),)
    assert common_priorities(latest[:4], k=5) is None


def test_the_comparison_radar_has_two_series_on_the_dimension_axes():
    s = snap(1, 1, TODAY, 40, None)
    chart = comparison_radar(
        DIMS, ["Relations", "Éthique"], ("A", s), ("Médiane", {"relations": 55.5})
    )
    assert chart.axes == ("Relations", "Éthique")
    assert [x.values for x in chart.series] == [(40, None), (55.5, None)]


def test_a_snapshot_record_round_trips_the_cores_scores(tiny):
    answers = AnswerSet("tiny", tiny.version, "fr", {"r1": 1, "r2": 1, "r3": 5, "e1": 4, "e2": 4,
        "p_aim": "cocreate", "p_decide": "asked", "p_budget": "asked", "p_eval": "us"})  # fmt: skip
    results = analyse(tiny, answers)
    record = snapshot_record(results)
    s = snapshot_from(record, 7, 3, TODAY)
    assert s.dimensions == {"relations": 0, "ethics": 75}
    assert s.overall == results.scores.overall and s.power_level is Iap2Level.CONSULT
    assert s.priorities == ("relations",)
    assert s.method_for("relations") is not None
