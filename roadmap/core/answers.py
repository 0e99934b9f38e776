"""A person's answers to one questionnaire, and the checks that keep them consistent with it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .questionnaire import LOCALES, ItemKind, Questionnaire

DONT_KNOW = "dont_know"
NOT_APPLICABLE = "not_applicable"
NON_ANSWERS = (DONT_KNOW, NOT_APPLICABLE)

Value = int | str


@dataclass(frozen=True)
class AnswerSet:
    """What one person answered: rated values 1-5, option ids, or a non-answer, per item id."""

    questionnaire: str
    version: int
    locale: str = "fr"
    answers: Mapping[str, Value] = field(default_factory=dict)
    reflections: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AnswerProblem:
    """One inconsistency between an answers document and its questionnaire."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def decode_value(text: str) -> Value:
    """Answers travel and are stored as text; rated values come back as integers."""
    return int(text) if text.isdigit() else text


def check_value(q: Questionnaire, item_id: str, value: Any) -> str | None:
    """Why `value` is not a valid answer to `item_id`, or None when it is."""
    item = q.item(item_id)
    if item is None:
        return f"unknown item '{item_id}'"
    if item.kind is ItemKind.TEXT:
        return f"'{item_id}' is a free-text item: put it under 'reflections'"
    if value == NOT_APPLICABLE and item.kind is ItemKind.CHOICE:
        choices = ", ".join(o.id for o in item.options)
        return (
            f"'{NOT_APPLICABLE}' is not an answer to a power-sharing question: "
            f"use one of {choices}, or '{DONT_KNOW}'"
        )
    if value == NOT_APPLICABLE and item.precondition:
        return (
            f"'{item_id}' is a precondition of co-creation: it always applies, so "
            f"'{NOT_APPLICABLE}' is not accepted; use 1 to 5 or '{DONT_KNOW}'"
        )
    if value in NON_ANSWERS:
        return None
    if item.kind is ItemKind.RATED:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            return (
                f"value {value!r} is out of range: use 1 to 5, '{DONT_KNOW}' or '{NOT_APPLICABLE}'"
            )
        return None
    if not isinstance(value, str) or item.option(value) is None:
        choices = ", ".join(o.id for o in item.options)
        return f"unknown option {value!r}: use one of {choices}, or '{DONT_KNOW}'"
    return None


def check_reflection(q: Questionnaire, item_id: str, text: Any) -> str | None:
    """Why `text` is not a valid reflection for `item_id`, or None when it is."""
    item = q.item(item_id)
    if item is None:
        return f"unknown item '{item_id}'"
    if item.kind is not ItemKind.TEXT:
        return f"'{item_id}' is not a free-text item: put it under 'answers'"
    if not isinstance(text, str):
        return "a reflection must be text"
    if len(text) > item.max_length:
        return f"text is {len(text)} characters long; the limit is {item.max_length}"
    return None


def parse_answer_document(
    q: Questionnaire, doc: Any
) -> tuple[AnswerSet | None, list[AnswerProblem]]:
    """Turn a decoded answers document into an AnswerSet, or list every problem with it."""
    if not isinstance(doc, dict):
        return None, [AnswerProblem("$", "the document must be a JSON object")]
    problems: list[AnswerProblem] = []
    unknown_keys = set(doc) - {"questionnaire", "version", "locale", "answers", "reflections"}
    problems += [AnswerProblem(k, "unknown key") for k in sorted(unknown_keys)]
    if doc.get("questionnaire") != q.id:
        problems.append(
            AnswerProblem("questionnaire", f"expected '{q.id}', got {doc.get('questionnaire')!r}")
        )
    if doc.get("version") != q.version:
        problems.append(
            AnswerProblem(
                "version",
                f"questionnaire '{q.id}' is at version {q.version}, "
                f"the file says {doc.get('version')!r}",
            )
        )
    locale = doc.get("locale", "fr")
    if locale not in LOCALES:
        problems.append(AnswerProblem("locale", f"use 'fr' or 'en', not {locale!r}"))
    answers = doc.get("answers", {})
    reflections = doc.get("reflections", {})
    for name, section in (("answers", answers), ("reflections", reflections)):
        if not isinstance(section, dict):
            problems.append(AnswerProblem(name, "must be an object keyed by item id"))
    if problems and not all(isinstance(s, dict) for s in (answers, reflections)):
        return None, problems
    for item_id, value in answers.items():
        if (why := check_value(q, item_id, value)) is not None:
            problems.append(AnswerProblem(f"answers.{item_id}", why))
    for item_id, text in reflections.items():
        if (why := check_reflection(q, item_id, text)) is not None:
            problems.append(AnswerProblem(f"reflections.{item_id}", why))
    if problems:
        return None, problems
    return AnswerSet(q.id, q.version, locale, dict(answers), dict(reflections)), []


def answers_json_schema() -> dict[str, Any]:
    """The JSON Schema of an answers file (item ids are checked against the questionnaire)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Roadmap answers file",
        "description": (
            "One person's answers to a Roadmap questionnaire. Rated items take 1-5, "
            "'dont_know' or 'not_applicable'; choice items take an option id or 'dont_know'; "
            "free-text items go under 'reflections'."
        ),
        "type": "object",
        "required": ["questionnaire", "version", "answers"],
        "additionalProperties": False,
        "properties": {
            "questionnaire": {"type": "string", "description": "questionnaire id"},
            "version": {"type": "integer", "minimum": 1},
            "locale": {"enum": list(LOCALES), "default": "fr"},
            "answers": {
                "type": "object",
                "additionalProperties": {
                    "oneOf": [
                        {"type": "integer", "minimum": 1, "maximum": 5},
                        {"type": "string", "minLength": 1},
                    ]
                },
            },
            "reflections": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
