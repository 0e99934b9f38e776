"""Everything shown about one assessment, computed once: scores, recommendations, highlights."""

from __future__ import annotations

from dataclasses import dataclass

from .answers import AnswerSet
from .questionnaire import Questionnaire
from .recommend import Highlight, RankedRecommendation, priorities, recommend, strengths
from .scoring import Scores, score


@dataclass(frozen=True)
class Results:
    questionnaire: Questionnaire
    answers: AnswerSet
    scores: Scores
    recommendations: tuple[RankedRecommendation, ...]
    strengths: tuple[Highlight, ...]
    priorities: tuple[Highlight, ...]
    previous: Scores | None = None  # the assessment this one re-assesses, for the change

    def change(self, dimension_id: str) -> float | None:
        """Points gained (or lost) on a dimension since the previous assessment."""
        if self.previous is None:
            return None
        now = self.scores.dimensions[dimension_id].score
        before = self.previous.dimensions.get(dimension_id)
        if now is None or before is None or before.score is None:
            return None
        return now - before.score


def analyse(
    q: Questionnaire, answers: AnswerSet, previous: tuple[Questionnaire, AnswerSet] | None = None
) -> Results:
    scores = score(q, answers)
    return Results(
        questionnaire=q,
        answers=answers,
        scores=scores,
        recommendations=tuple(recommend(q, scores, answers)),
        strengths=tuple(strengths(q, scores)),
        priorities=tuple(priorities(q, scores)),
        previous=score(*previous) if previous else None,
    )
