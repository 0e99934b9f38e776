"""Reason sentences written as a person would: no nested quotes, French spacing, no fragments."""

from pathlib import Path

import pytest
from flask_babel import force_locale

from roadmap.core.recommend import Reason
from roadmap.report.reasons import reason_text
from roadmap.report.typography import NBSP, NNBSP
from roadmap.report.wording import strength_text

ROOT = Path(__file__).parent.parent.parent


def say(app, q, reason, locale):
    with app.test_request_context(), force_locale(locale):
        return reason_text(q, reason, locale)


def test_a_statement_with_its_own_quotes_is_not_quoted_twice_in_french(app, cosie):
    text = say(app, cosie, Reason("answer", "eth_consult_label", 4, "in", (4, 5)), "fr")
    assert text.startswith(f"Vous avez répondu «{NNBSP}Plutôt vrai{NNBSP}» à l’énoncé «{NNBSP}")
    assert "“cocréation”" in text
    assert text.count("«") == 2 and text.count("»") == 2
    assert text.endswith(f"groupe de discussion){NNBSP}».")


def test_a_statement_with_its_own_quotes_takes_single_quotes_in_english(app, cosie):
    text = say(app, cosie, Reason("answer", "eth_consult_label", 4, "in", (4, 5)), "en")
    assert text.startswith("You answered “Mostly true” to the statement “We call things")
    assert "‘co-creation’" in text and '"' not in text
    assert text.count("“") == 2


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "fr",
            f"Votre score pour «{NNBSP}Relations et écoute{NNBSP}» est de 33 sur 100{NNBSP}; "
            "cette piste s’adresse aux équipes qui ont moins de 40.",
        ),
        (
            "en",
            "Your score for “Relationships and listening” is 33 out of 100; this suggestion "
            "is for teams under 40.",
        ),
    ],
)
def test_a_low_score_reads_as_a_sentence(app, cosie, locale, expected):
    assert say(app, cosie, Reason("dimension", "relations", 33.4, "below", 40), locale) == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("fr", f"Votre score global de préparation est de 72 sur 100{NNBSP}; cette piste "),
        ("en", "Your overall readiness score is 72 out of 100; this suggestion is for teams at 60"),
    ],
)
def test_an_overall_score_reads_as_a_sentence(app, cosie, locale, expected):
    reason = Reason("overall", "overall", 72, "at_least", 60)
    assert say(app, cosie, reason, locale).startswith(expected)


def test_a_choice_answer_quotes_the_question_and_the_answer_without_full_stops(app, cosie):
    item = next(i for i in cosie.items.values() if i.kind == "choice" and i.area == "resources")
    option = item.options[0]
    french = say(app, cosie, Reason("answer", item.id, option.id, "in", (option.id,)), "fr")
    assert french.startswith(f"À la question «{NNBSP}")
    assert f"?{NNBSP}», vous avez répondu «{NNBSP}" in french
    assert ".\u202f»" not in french and french.endswith(f"{NNBSP}».")
    english = say(app, cosie, Reason("answer", item.id, option.id, "in", (option.id,)), "en")
    assert english.startswith("To the question “") and english.endswith("”.")
    assert ".”" not in english


def test_power_reasons_name_the_level_and_what_the_tool_is_for(app, cosie):
    reason = Reason("power", "power", "consult", "at_most", "consult")
    assert say(app, cosie, reason, "fr") == (
        f"Votre pratique partage le pouvoir au niveau «{NNBSP}Consulter{NNBSP}»{NNBSP}; "
        f"cette piste s’adresse aux équipes au niveau «{NNBSP}Consulter{NNBSP}» ou en deçà."
    )
    assert say(app, cosie, reason, "en") == (
        "Your practice shares power at the “Consult” level; this suggestion is for teams at "
        "“Consult” or below."
    )


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("fr", f"Relations et écoute, 70 sur 100{NBSP}: "), ("en", "Relationships and listening, 70")],
)
def test_a_strength_line_is_spaced_as_the_language_writes(app, cosie, locale, expected):
    with app.test_request_context(), force_locale(locale):
        assert strength_text(cosie, "relations", 70, locale).startswith(expected)
