"""The tables of an organisation's exports (scores, answers), column by column: plain values
in, rows of plain values out (int, str, date or None), whatever the file format."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .answers import AnswerSet
from .questionnaire import ItemKind, Questionnaire
from .scoring import Scores

Cell = int | str | date | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Record:
    """One submitted assessment as an export sees it."""

    assessment_id: int
    team_id: int | None
    team: str | None
    service_name: str | None
    questionnaire: Questionnaire
    answers: AnswerSet
    started_on: date | None
    submitted_on: date | None
    previous_id: int | None = None
    actions: int = 0  # rows in its action plan
    snapshot: Mapping[str, Any] | None = None  # its stored snapshot record, if any


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    text_columns: frozenset[str] = frozenset()  # typed by people (not ids, dates or numbers)


COMMON = (
    "assessment_id",
    "team_id",
    "team",
    "service_name",
    "questionnaire_id",
    "questionnaire_version",
    "started_on",
    "submitted_on",
)
SCORES = (
    "previous_assessment_id",
    "overall_score",
    "stage",
    "capability_stage",
    "stage_held_back_by",
    "power_index",
    "power_level",
    "power_aim",
    "consultation_trap",
    "dont_know_percent",
    "actions",
)
FREE_TEXT = frozenset({"team", "service_name"})


def _ordered(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def _questionnaires(records: Sequence[Record]) -> list[Questionnaire]:
    """Each questionnaire version once, newest version of each questionnaire first, so that
    columns follow the order of the version most assessments will be on."""
    seen = {(r.questionnaire.id, r.questionnaire.version): r.questionnaire for r in records}
    return [seen[k] for k in sorted(seen, key=lambda k: (k[0], -k[1]))]


def _common(r: Record) -> tuple[Cell, ...]:
    q = r.questionnaire
    return (
        r.assessment_id,
        r.team_id,
        r.team,
        r.service_name,
        q.id,
        q.version,
        r.started_on,
        r.submitted_on,
    )


@dataclass(frozen=True)
class ScoreRow:
    """The scores export's figures of one assessment, as plain values: from the core's
    scoring (`score_row`) or from the snapshot stored when it was submitted (`stored_row`)."""

    headline: tuple[Cell, ...]  # overall_score … dont_know_percent, in SCORES' order
    dimensions: Mapping[str, tuple[int, str | None]]  # scored dimensions: (score, level)


def score_row(s: Scores) -> ScoreRow:
    power = s.power
    return ScoreRow(
        (
            s.overall,
            s.overall_level_id,
            s.capability_level_id,
            s.stage_held_back_by.value if s.stage_held_back_by else None,
            power.index if power else None,
            power.level.value if power and power.level else None,
            power.aim.value if power and power.aim else None,
            int(bool(power and power.consultation_trap)),
            round(s.dont_know_share * 100),
        ),
        {d: (ds.score, ds.level_id) for d, ds in s.dimensions.items() if ds.score is not None},
    )


def stored_row(record: Mapping[str, Any] | None, q: Questionnaire) -> ScoreRow | None:
    """The row a snapshot record (`core.ledger.snapshot_record`) gives, equal to scoring the
    answers again; None for a record of another questionnaire version, or one stored before
    records held the export's figures (the caller scores those)."""
    if not record or "export" not in record:
        return None
    if record.get("questionnaire_id") != q.id or record.get("questionnaire_version") != q.version:
        return None
    extra = record["export"]
    levels = extra["levels"]
    return ScoreRow(
        (
            record["overall"],
            record["stage"],
            extra["capability_stage"],
            extra["stage_held_back_by"],
            record["power_index"],
            record["power_level"],
            extra["power_aim"],
            int(extra["consultation_trap"]),
            round(extra["dont_know_share"] * 100),
        ),
        {d: (v, levels.get(d)) for d, v in record["dimensions"].items() if v is not None},
    )


def scores_table(records: Sequence[Record], scores: Sequence[Scores | ScoreRow]) -> Table:
    """One row per assessment: when, which team, the headline results, then a score and a
    level per dimension (`score_<dimension>`, `level_<dimension>`; empty: not enough answers,
    or a dimension this questionnaire version does not have)."""
    dims = _ordered(d.id for q in _questionnaires(records) for d in q.dimensions)
    columns = COMMON + SCORES
    columns += tuple(c for d in dims for c in (f"score_{d}", f"level_{d}"))
    table = Table(columns, text_columns=FREE_TEXT)
    empty = (None, None)
    for r, s in zip(records, scores, strict=True):
        row = s if isinstance(s, ScoreRow) else score_row(s)
        per_dim = row.dimensions
        cells = [c for d in dims for c in per_dim.get(d, empty)]
        table.rows.append((*_common(r), r.previous_id, *row.headline, r.actions, *cells))
    return table


def answers_table(records: Sequence[Record]) -> Table:
    """Wide layout: one row per assessment, one column per item id (rated answers 1-5, option
    ids, `dont_know`, `not_applicable`; reflections as typed; empty: not answered, or not in
    that questionnaire version)."""
    items = []
    text_items = set()
    for q in _questionnaires(records):
        for item in q.items.values():
            items.append(item.id)
            if item.kind is ItemKind.TEXT:
                text_items.add(item.id)
    items = _ordered(items)
    table = Table(COMMON + items, text_columns=FREE_TEXT | text_items)
    for r in records:
        answers, notes = r.answers.answers, r.answers.reflections
        values = tuple(answers.get(i, notes.get(i)) for i in items)
        table.rows.append(_common(r) + values)
    return table


def neutralise(text: str) -> str:
    """Text that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return
    first) gets a leading apostrophe, which spreadsheets show as plain text (OWASP's advice
    against CSV injection); other text is unchanged."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
