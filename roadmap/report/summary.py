"""What a reader is told about results, whatever the surface: the context the web page and the
PDF share, a plain JSON-ready summary (CLI and tests), and its rendering for the terminal."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from ..core.power import ARNSTEIN_FOR_IAP2
from ..core.questionnaire import Item, ItemKind
from ..core.results import Results
from .charts import radar_chart
from .power_text import (
    arnstein_name,
    key_gap_rows,
    power_cap_text,
    say_do_text,
    stage_cap_text,
)
from .reasons import reason_text
from .wording import IAP2_NAMES, level_name, subject_name


def reading_context(results: Results, locale: str) -> dict[str, Any]:
    """What the results page and the PDF report both show: one place, so they never differ."""
    return {
        "q": results.questionnaire,
        "results": results,
        "locale": locale,
        "chart": radar_chart(results, locale),
        "reflections": written_reflections(results),
    }


def written_reflections(results: Results) -> list[tuple[Item, str]]:
    """The reflections that have text, in questionnaire order, with their questions."""
    reflections = results.answers.reflections
    return [
        (item, reflections[item.id])
        for item in results.questionnaire.items.values()
        if item.kind is ItemKind.TEXT and (reflections.get(item.id) or "").strip()
    ]


def results_summary(results: Results, locale: str) -> dict[str, Any]:
    """A plain, JSON-ready account of the results, in one language (for the CLI and tests)."""
    q, scores = results.questionnaire, results.scores
    power = scores.power
    return {
        "questionnaire": {"id": q.id, "version": q.version},
        "locale": locale,
        "overall": {
            "score": scores.overall,
            "level": scores.overall_level_id,
            "level_name": level_name(q, scores.overall_level_id, locale),
            "capability_level": scores.capability_level_id,
            "held_back_by_power": scores.stage_held_back_by.value
            if scores.stage_held_back_by
            else None,
            "stage_cap_reason": stage_cap_text(q, scores, locale) or None,
        },
        "say_do": None
        if scores.say_do is None
        else {
            "dimension": scores.say_do.dimension_id,
            "text": say_do_text(q, scores, locale),
            "said": [c.item_id for c in scores.say_do.said],
            "done": [c.item_id for c in scores.say_do.done],
        },
        "dimensions": [
            {
                "id": d.dimension_id,
                "name": subject_name(q, d.dimension_id, locale),
                "score": d.score,
                "coverage": round(d.coverage, 3),
                "level": d.level_id,
                "level_name": level_name(q, d.level_id, locale) if d.level_id else None,
                "answered": d.answered,
                "dont_know": d.dont_know,
                "not_applicable": d.not_applicable,
                "not_applicable_share": round(d.not_applicable_share, 3),
                "unanswered": d.unanswered,
                "explanation": [
                    {
                        "item": c.item_id,
                        "answer": c.answer,
                        "item_score": c.item_score,
                        "weight": c.weight,
                        "reverse": c.reverse,
                        "weight_share": round(c.weight_share, 4),
                        "points": round(c.points, 2),
                    }
                    for c in d.contributions
                ],
            }
            for d in scores.dimensions.values()
        ],
        "power_sharing": None
        if power is None
        else {
            "index": power.index,
            "level": power.level.value if power.level else None,
            "level_name": str(IAP2_NAMES[power.level]) if power.level else None,
            "uncapped_level": power.uncapped_level.value if power.uncapped_level else None,
            "capped_at_consult": power.capped,
            "aim": power.aim.value if power.aim else None,
            "arnstein_rung": power.arnstein_rung,
            "arnstein_rung_name": arnstein_name(q, ARNSTEIN_FOR_IAP2[power.level], locale)
            if power.level
            else None,
            "coverage": round(power.coverage, 3),
            "ceiling": power.ceiling.value if power.ceiling else None,
            "held_back_by": list(power.held_back_by),
            "cap_reason": power_cap_text(q, power, locale) or None,
            "key_gaps": [
                {"area": area, "practice": practice, "gap": gap}
                for area, practice, gap in key_gap_rows(q, power, locale)
            ],
            "explanation": [
                {
                    "item": c.item_id,
                    "area": c.area,
                    "option": c.option_id,
                    "level": c.level.value if c.level else None,
                    "weight": c.weight,
                    "points": c.points,
                    "key_area": c.key_area,
                }
                for c in power.contributions
            ],
        },
        "flags": list(scores.flags),
        "strengths": [
            {"id": h.subject, "name": subject_name(q, h.subject, locale), "score": h.score}
            for h in results.strengths
        ],
        "priorities": [
            {"id": h.subject, "name": subject_name(q, h.subject, locale), "score": h.score}
            for h in results.priorities
        ],
        "recommendations": [
            {
                "id": r.recommendation_id,
                "title": q.recommendation(r.recommendation_id).title.get(locale),
                "relevance": round(r.relevance, 1),
                "reasons": [reason_text(q, reason, locale) for reason in r.reasons],
            }
            for r in results.recommendations
        ],
    }


def _score(value: float | None) -> str:
    return _("not enough answers") if value is None else f"{round(value)}/100"


def render_text(summary: dict[str, Any]) -> str:
    overall = summary["overall"]
    lines = [
        _(
            "Overall readiness: %(score)s — %(level)s",
            score=_score(overall["score"]),
            level=overall["level_name"],
        )
        if overall["score"] is not None
        else _("Overall readiness: not enough answers"),
    ]
    if overall["stage_cap_reason"]:
        lines.append(overall["stage_cap_reason"])
    if summary["say_do"]:
        lines.append(_("Warning:") + " " + summary["say_do"]["text"])
    lines += ["", _("Dimensions")]
    width = max(len(d["name"]) for d in summary["dimensions"])
    for d in summary["dimensions"]:
        level = f" — {d['level_name']}" if d["level_name"] else ""
        coverage = _("%(percent)s%% answered", percent=round(d["coverage"] * 100))
        lines.append(f"  {d['name']:<{width}}  {_score(d['score']):>8}{level} ({coverage})")
    power = summary["power_sharing"]
    if power:
        lines += [
            "",
            _(
                "Power-sharing: %(level)s (index %(index)s; Arnstein: %(rung)s)",
                level=power["level_name"] or _("not enough answers"),
                index=_score(power["index"]),
                rung=power["arnstein_rung_name"] or "—",
            ),
        ]
    if power and power["cap_reason"]:
        lines.append(power["cap_reason"])
    if power and power["key_gaps"]:
        lines += [f"  {g['area']}: {g['practice']} ({g['gap']})" for g in power["key_gaps"]]
    if summary["flags"]:
        lines.append(_("Warning: the consultation trap applies."))
    if summary["strengths"]:
        lines += ["", _("Strengths")]
        lines += [f"  + {s['name']} ({_score(s['score'])})" for s in summary["strengths"]]
    lines += ["", _("Recommendations")]
    if not summary["recommendations"]:
        lines.append("  " + _("None for now."))
    for rank, rec in enumerate(summary["recommendations"], 1):
        lines.append(f"  {rank}. {rec['title']}")
        lines += [f"     - {reason}" for reason in rec["reasons"]]
    return "\n".join(lines)
