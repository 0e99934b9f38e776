"""What to act on first, the same on the web page and in the PDF: the top recommendations in
full, the others grouped by effort, and where each dimension loses most points."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from ..core.questionnaire import Questionnaire
from ..core.recommend import RankedRecommendation
from ..core.results import Results
from ..core.scoring import DimensionScore
from .typography import french_spacing_text
from .wording import answer_text

TOP_RECOMMENDATIONS = 3  # shown in full on every surface; the others are grouped
EFFORT_ORDER = ("low", "medium", "high")
LOST_POINTS_SHOWN = 2  # answers named on a dimension's "where you lose points" line


@dataclass(frozen=True)
class Ranked:
    rank: int  # 1-based, in the order of all recommendations
    rec: RankedRecommendation


@dataclass(frozen=True)
class Priorities:
    top: tuple[Ranked, ...]
    others: tuple[tuple[str, tuple[Ranked, ...]], ...]  # (effort, in rank order), low effort first

    @property
    def other_count(self) -> int:
        return sum(len(group) for _, group in self.others)


def priorities(results: Results) -> Priorities:
    """The top TOP_RECOMMENDATIONS, and the rest grouped by effort, each group in rank order."""
    q = results.questionnaire
    ranked = [Ranked(i, r) for i, r in enumerate(results.recommendations, start=1)]
    rest = ranked[TOP_RECOMMENDATIONS:]
    groups = []
    for effort in EFFORT_ORDER:
        group = tuple(
            r for r in rest if q.recommendation(r.rec.recommendation_id).effort.value == effort
        )
        if group:
            groups.append((effort, group))
    return Priorities(tuple(ranked[:TOP_RECOMMENDATIONS]), tuple(groups))


def points_lost_text(q: Questionnaire, d: DimensionScore, locale: str) -> str:
    """One line: the answers that cost the dimension most points, and how many each costs.
    Empty when the dimension has no score or loses nothing."""
    if d.score is None:
        return ""
    costs = d.costliest(LOST_POINTS_SHOWN)
    costs = [c for c in costs if round(c.points_lost) >= 1]
    if not costs:
        return ""
    parts = []
    for c in costs:
        values = {
            "statement": q.item(c.item_id).text.get(locale).rstrip(" ."),
            "answer": answer_text(q, c.item_id, c.answer, locale),
            "points": round(c.points_lost),
        }
        if c.reverse:
            parts.append(
                _("“%(statement)s” (%(answer)s, reverse-worded: %(points)s points)", **values)
            )
        else:
            parts.append(_("“%(statement)s” (%(answer)s: %(points)s points)", **values))
    separator = " ; " if locale == "fr" else "; "
    text = _("Where you lose most points: %(answers)s.", answers=separator.join(parts))
    return french_spacing_text(text) if locale == "fr" else text
