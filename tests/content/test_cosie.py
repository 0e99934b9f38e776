"""The CoSIE questionnaire: concept coverage, integrity, and how whole scenarios score."""

import json
import random
import re
from pathlib import Path

import pytest

from roadmap.core.answers import DONT_KNOW, NOT_APPLICABLE, AnswerSet, parse_answer_document
from roadmap.core.concepts import MUST_BE_RATED, TOOLKIT
from roadmap.core.method import method_facts
from roadmap.core.questionnaire import Iap2Level, ItemKind, Text
from roadmap.core.recommend import evaluate
from roadmap.core.results import analyse
from roadmap.core.scoring import score

ROOT = Path(__file__).parent.parent.parent
EXAMPLES = ROOT / "examples"
SHARED_CONCEPTS = ROOT.parent / "shared" / "CONCEPTS.md"


def rated(q):
    return [i for i in q.items.values() if i.kind is ItemKind.RATED]


def test_every_concept_has_a_rated_item(cosie):
    covered = {i.concept for i in rated(cosie)}
    assert set(MUST_BE_RATED) - covered == set()


@pytest.mark.skipif(not SHARED_CONCEPTS.exists(), reason="../shared/CONCEPTS.md not present")
def test_concept_list_matches_the_shared_concepts_file():
    from roadmap.core.concepts import ALL

    listed = set(
        re.findall(
            r"`((?:prestart|system|relations|ethics|catalysts|toolkit|practice)/[a-z-]+)`",
            SHARED_CONCEPTS.read_text(),
        )
    )
    assert listed == set(ALL)


def test_size_and_shape(cosie):
    assert len(rated(cosie)) >= 45
    assert 8 <= len(cosie.dimensions) <= 10
    assert sum(i.reverse for i in rated(cosie)) >= 5
    practice = [i for i in cosie.power_items if i.role == "practice"]
    assert len(practice) >= 6
    assert {"agenda", "decisions", "resources", "risk", "evaluation", "input"} <= {
        i.area for i in practice
    }
    assert set(cosie.power.key_areas) == {"decisions", "resources", "risk"}
    assert [i for i in cosie.power_items if i.role == "aim"]


def test_each_prestart_question_has_a_guided_reflection(cosie):
    texts = {i.concept: i for i in cosie.items.values() if i.kind is ItemKind.TEXT}
    for concept in [c for c in MUST_BE_RATED if c.startswith("prestart/")]:
        item = texts[concept]
        assert item.guidance and item.example


def test_every_scored_item_has_help(cosie):
    assert [i.id for i in cosie.items.values() if i.is_scored and i.help is None] == []


def _texts(node, path="$"):
    """Every bilingual string in the questionnaire, with where it is."""
    if isinstance(node, Text):
        yield path, node
    elif hasattr(type(node), "model_fields"):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, tuple):
        for index, child in enumerate(node):
            yield from _texts(child, f"{path}[{index}]")


def test_every_string_is_in_both_languages_and_differs(cosie):
    texts = list(_texts(cosie))
    assert len(texts) > 500
    for where, text in texts:
        assert text.fr.strip() and text.en.strip(), where
    # A French string identical to its English one is usually an untranslated copy.
    same = [w for w, t in texts if t.fr == t.en and len(t.fr) > 25]
    assert same == []


def test_recommendation_library_is_complete(cosie):
    concepts = {r.concept for r in cosie.recommendations}
    assert set(TOOLKIT) <= concepts  # every CoSIE toolkit tool is in the library
    ids = {r.id for r in cosie.recommendations}
    for method in (
        "cocreation-workshops",
        "participatory-pathway",
        "creative-sprint",
        "citizen-jury",
        "citizens-convention",
        "participatory-action-research",
        "living-lab",
        "innovation-circles",
        "multichannel-feedback",
        "staff-capacity",
        "asset-mapping",
        "get-known",
        "transparent-process",
        "snowball-mapping",
        "go-where-people-are",
    ):
        assert method in ids
    for rec in cosie.recommendations:
        assert len(rec.steps) >= 3, rec.id


def random_answers(q, rnd):
    answers = {}
    for item in q.items.values():
        if item.kind is ItemKind.RATED:
            extra = [] if item.precondition else [NOT_APPLICABLE]
            answers[item.id] = rnd.choice([1, 2, 3, 4, 5, 1, 5, DONT_KNOW, *extra])
        elif item.kind is ItemKind.CHOICE:
            answers[item.id] = rnd.choice([o.id for o in item.options] + [DONT_KNOW])
    return AnswerSet(q.id, q.version, "fr", answers)


def test_every_recommendation_is_reachable_and_none_is_universal(cosie):
    rnd = random.Random(2026)
    fired = {r.id: 0 for r in cosie.recommendations}
    samples = 1500
    for _ in range(samples):
        answer_set = random_answers(cosie, rnd)
        scores = score(cosie, answer_set)
        for rec in cosie.recommendations:
            fired[rec.id] += evaluate(rec, scores, answer_set) is not None
    assert [r for r, n in fired.items() if n == samples] == []
    # The methods for advanced teams (overall 70+ and shared power) are rare in random answers:
    # the example of a team at its best reaches them.
    best = load_example(cosie, "all-best.json")
    reached = {r.recommendation_id for r in best.recommendations}
    assert [r for r, n in fired.items() if n == 0 and r not in reached] == []


def load_example(cosie, name):
    answer_set, problems = parse_answer_document(cosie, json.loads((EXAMPLES / name).read_text()))
    assert problems == []
    return analyse(cosie, answer_set)


def first_ids(results, n):
    return [r.recommendation_id for r in results.recommendations[:n]]


def test_all_best(cosie):
    results = load_example(cosie, "all-best.json")
    assert results.scores.overall == 100
    assert results.scores.overall_level_id == cosie.levels[-1].id
    assert results.scores.power.level is Iap2Level.EMPOWER
    assert results.scores.flags == ()
    assert len(results.strengths) == 3
    assert set(first_ids(results, 3)) <= {
        "spread-practice",
        "living-lab",
        "innovation-circles",
        "participatory-action-research",
    }


def test_all_worst(cosie):
    results = load_example(cosie, "all-worst.json")
    assert results.scores.overall == 0
    assert results.scores.overall_level_id == cosie.levels[0].id
    assert results.scores.power.level is Iap2Level.INFORM
    assert results.strengths == ()
    assert "go-where-people-are" in first_ids(results, 3)
    assert "spread-practice" not in first_ids(results, 100)


def test_all_dont_know_gives_no_numbers_but_guidance_to_find_out(cosie):
    results = load_example(cosie, "all-dont-know.json")
    assert results.scores.overall is None
    assert all(d.score is None and d.coverage == 0 for d in results.scores.dimensions.values())
    assert results.scores.power.level is None
    # The pre-start questions and the ways to find out, because most answers are "don't know".
    assert set(first_ids(results, 2)) == {"prestart-workshop", "asset-mapping"}
    for rec in results.recommendations:
        assert any(r.kind == "dont_know" and r.value == 100 for r in rec.reasons)


def test_consultation_only_service_gets_power_sharing_tools_first(cosie):
    results = load_example(cosie, "consultation-only.json")
    power = results.scores.power
    # Decisions at consult, resources and risk at inform: two of the three key areas reach no
    # more than inform, so the index's consult is held at inform by those two.
    assert (power.uncapped_level, power.level) == (Iap2Level.CONSULT, Iap2Level.INFORM)
    assert power.held_back_by == ("resources", "risk")
    assert results.scores.flags == ("consultation_trap",)
    power_tools = {
        "clarify-promise",
        "citizen-jury",
        "shared-budget",
        "shared-risk-trial",
        "citizens-convention",
        "transparent-process",  # low effort, it also shares what becomes of citizens' input
    }
    assert set(first_ids(results, 3)) <= power_tools
    assert first_ids(results, 1) == ["clarify-promise"]


def test_technology_first_team_gets_relationship_building_first(cosie):
    results = load_example(cosie, "technology-first.json")
    assert results.scores.flags == ()
    assert first_ids(results, 1) == ["go-where-people-are"]
    assert "get-known" in first_ids(results, 3)
    reasons = {r.subject for r in results.recommendations[0].reasons}
    assert {"out_where_they_live", "rel_online_default"} <= reasons
    assert "social-media-open-data" not in first_ids(results, 100)


def test_mixed_team_is_in_between(cosie):
    results = load_example(cosie, "mixed-team.json")
    assert 40 <= results.scores.overall < 70
    assert results.scores.power.level in (Iap2Level.CONSULT, Iap2Level.INVOLVE)
    assert results.priorities and results.recommendations
    assert "staff-capacity" in first_ids(results, 8)


def test_roadmap_check_passes_on_the_shipped_questionnaires():
    from click.testing import CliRunner

    from roadmap.cli import cli

    result = CliRunner().invoke(cli, ["check", "--questionnaires", str(ROOT / "questionnaires")])
    assert result.exit_code == 0, result.output
    assert "ok: cosie-readiness version 1" in result.output


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_examples_score_from_the_command_line(example):
    from click.testing import CliRunner

    from roadmap.cli import cli

    result = CliRunner().invoke(
        cli,
        [
            "score",
            str(EXAMPLES / example),
            "--format",
            "json",
            "--questionnaires",
            str(ROOT / "questionnaires"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["questionnaire"]["id"] == "cosie-readiness"


def test_cosie_facts_name_its_heavier_dimensions(cosie):
    facts = method_facts(cosie)
    assert facts.rated_items == 54 and facts.reverse_items == 11
    assert {d for d, _ in facts.heavier_dimensions} == {
        d.id for d in cosie.dimensions if d.weight != 1
    }
    assert facts.heavier_dimensions  # power and relationships count more
