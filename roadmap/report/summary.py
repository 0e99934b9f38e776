"""A plain-text rendering of the results summary, for the terminal."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _


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
        "",
        _("Dimensions"),
    ]
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
