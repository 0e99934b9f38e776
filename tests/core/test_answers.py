"""Checking answers documents against their questionnaire."""

from roadmap.core.answers import parse_answer_document


def doc(**overrides):
    base = {
        "questionnaire": "tiny",
        "version": 2,
        "locale": "en",
        "answers": {"r1": 4, "p_decide": "together", "e1": "dont_know"},
        "reflections": {"purpose_text": "Shorter waits."},
    }
    return {**base, **overrides}


def test_valid_document(tiny):
    answer_set, problems = parse_answer_document(tiny, doc())
    assert problems == []
    assert answer_set.answers["r1"] == 4
    assert answer_set.locale == "en"


def test_every_problem_is_reported_precisely(tiny):
    bad = doc(
        version=1,
        locale="de",
        answers={"r1": 6, "zz": 1, "p_decide": "nobody", "r2": True, "purpose_text": 3},
        reflections={"r1": "x", "purpose_text": "y" * 501},
        extra=1,
    )
    answer_set, problems = parse_answer_document(tiny, bad)
    assert answer_set is None
    text = [str(p) for p in problems]
    assert "extra: unknown key" in text
    assert any(t.startswith("version: questionnaire 'tiny' is at version 2") for t in text)
    assert any(t.startswith("locale:") for t in text)
    assert any(t.startswith("answers.r1: value 6 is out of range") for t in text)
    assert "answers.zz: unknown item 'zz'" in text
    assert any(t.startswith("answers.p_decide: unknown option 'nobody'") for t in text)
    assert any(t.startswith("answers.r2: value True is out of range") for t in text)
    assert any(
        t.startswith("answers.purpose_text: 'purpose_text' is a free-text item") for t in text
    )
    assert any(t.startswith("reflections.r1: 'r1' is not a free-text item") for t in text)
    assert "reflections.purpose_text: text is 501 characters long; the limit is 500" in text


def test_not_an_object(tiny):
    assert parse_answer_document(tiny, [])[1][0].message == "the document must be a JSON object"
    assert parse_answer_document(tiny, doc(answers=[]))[0] is None
