"""The team profiles that motivated the honest-reading rules, as example answers files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap.cli import cli
from roadmap.core.answers import parse_answer_document
from roadmap.core.questionnaire import Iap2Level
from roadmap.core.results import analyse

ROOT = Path(__file__).parent.parent.parent
EXAMPLES = ROOT / "examples"


def load(cosie, name):
    answer_set, problems = parse_answer_document(cosie, json.loads((EXAMPLES / name).read_text()))
    assert problems == []
    return analyse(cosie, answer_set)


def test_rating_power_sharing_highly_while_practising_inform(cosie):
    results = load(cosie, "says-shares-practises-inform.json")
    scores = results.scores
    assert scores.dimensions["shared_power"].score == 100  # what the team says
    assert scores.power.level is Iap2Level.INFORM  # what it does
    # The stage is held at the middle level, with the capability score kept beside it.
    assert (scores.overall, scores.capability_level_id) == (78, "consolidation")
    assert (scores.overall_level_id, scores.stage_held_back_by) == (
        "apprentissage",
        Iap2Level.INFORM,
    )
    assert scores.say_do is not None and scores.say_do.dimension_id == "shared_power"
    assert "shared_power" not in [h.subject for h in results.strengths]
    assert set(scores.flags) == {"consultation_trap", "say_do_contradiction"}
    assert results.recommendations[0].recommendation_id == "clarify-promise"


def test_a_team_at_involve_aiming_at_collaborate_gets_methods_for_each_key_area(cosie):
    results = load(cosie, "involve-aiming-collaborate.json")
    power = results.scores.power
    assert power.level is Iap2Level.INVOLVE and power.aim is Iap2Level.COLLABORATE
    assert power.consultation_trap  # no key area reaches collaborate
    assert [g.steps_short for g in power.key_gaps] == [1, 1, 1]
    gaps = {
        r.recommendation_id: reason.subject
        for r in results.recommendations
        for reason in r.reasons
        if reason.kind == "gap"
    }
    assert {gaps.get("citizen-jury"), gaps.get("shared-budget"), gaps.get("shared-risk-trial")} == {
        "pw_decisions",
        "pw_resources",
        "pw_risk",
    }


def test_a_team_that_mostly_does_not_know_gets_guidance(cosie):
    results = load(cosie, "mostly-dont-know.json")
    assert results.scores.overall is None
    ids = [r.recommendation_id for r in results.recommendations]
    assert ids[:2] == ["prestart-workshop", "asset-mapping"]
    reason = results.recommendations[0].reasons[0]
    assert reason.kind == "dont_know" and reason.value >= 50


def test_marking_the_preconditions_doesnt_apply_is_refused_with_each_item():
    result = CliRunner().invoke(
        cli, ["score", str(EXAMPLES / "refused" / "preconditions-doesnt-apply.json")]
    )
    assert result.exit_code == 2
    for item in ("sys_share_risk", "sys_resources", "eth_scope", "cat_training"):
        assert f"answers.{item}: '{item}' is a precondition of co-creation" in result.output


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_the_text_output_explains_the_caps(locale):
    expected = {
        "says-shares-practises-inform.json": {
            "fr": ("retenu à «\u202fApprentissage\u202f»", "ne concordent pas"),
            "en": ("held back at “Learning”", "disagree"),
        },
        "consultation-only.json": {
            "fr": ("au moins deux des domaines clés", "3 échelons sous l’objectif"),
            "en": ("at least two of the key areas", "3 steps short of the aim"),
        },
    }
    for example, words in expected.items():
        result = CliRunner().invoke(cli, ["score", str(EXAMPLES / example), "--locale", locale])
        assert result.exit_code == 0, result.output
        for phrase in words[locale]:
            assert phrase in result.output, (example, phrase)


def test_one_vocabulary_for_arnsteins_ladder(cosie):
    """The methods text names the rungs as the questionnaire defines them for every surface."""
    names = cosie.power.arnstein_names
    for locale in ("fr", "en"):
        methods = cosie.methods.get(locale).casefold()
        assert names["placation"].get(locale).casefold() in methods
        assert "conciliation" not in methods and "réassurance" not in methods
