"""Scores are decided on the whole number the reader sees."""

from roadmap.core.answers import AnswerSet
from roadmap.core.results import analyse
from roadmap.core.rounding import whole_points
from roadmap.core.scoring import score


def test_halves_go_up_not_to_even():
    assert [whole_points(v) for v in (12.5, 62.5, 59.5, 0.5)] == [13, 63, 60, 1]
    assert [whole_points(v) for v in (59.49, 0.0, 100.0)] == [59, 0, 100]


def test_float_noise_does_not_move_a_half():
    assert whole_points(62.49999999999999) == 63
    assert whole_points((0.1 + 0.2) * 100) == 30


def test_the_level_is_the_one_of_the_score_shown(tiny):
    # Every combination of answers on the "relations" items: the level always belongs to the
    # whole-number score, never to the unrounded mean just under a level's lower bound.
    for r1 in range(1, 6):
        for r2 in range(1, 6):
            for r3 in range(1, 6):
                result = score(tiny, AnswerSet("tiny", 2, "fr", dict(r1=r1, r2=r2, r3=r3)))
                d = result.dimensions["relations"]
                assert isinstance(d.score, int)
                assert d.score == whole_points(d.raw_score)
                assert d.level_id == tiny.level_for(d.score).id


def test_a_score_on_a_bound_is_judged_on_the_number_shown(tiny):
    # Move the "growing" level and the strength threshold to 63, where relations lands at 62.5.
    growing = tiny.levels[1].model_copy(update={"min": 63})
    q = tiny.model_copy(
        update={"levels": (tiny.levels[0], growing, tiny.levels[2]), "strength_threshold": 63}
    )
    result = analyse(q, AnswerSet("tiny", 2, "fr", dict(r1=4, r2=2, r3=2)))
    relations = result.scores.dimensions["relations"]
    assert relations.raw_score == 62.5 and relations.score == 63
    assert relations.level_id == "growing"  # the level of 63, not of 62.5
    assert [h.subject for h in result.strengths] == ["relations"]
    assert "relations" not in [h.subject for h in result.priorities]
