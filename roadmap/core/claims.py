"""Claims against practice: when what a team says about sharing power contradicts what it does."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # scoring imports this module
    from .power import PowerContribution, PowerResult
    from .questionnaire import Iap2Level, Questionnaire
    from .scoring import Contribution, DimensionScore


@dataclass(frozen=True)
class SayDo:
    """A "what you say / what you do" contradiction, with the answers on both sides."""

    dimension_id: str
    score: int  # the statements' score: a strength
    practice: Iap2Level  # the power-sharing level the practice answers give
    said: tuple[Contribution, ...]  # the statements rated highest
    done: tuple[PowerContribution, ...]  # the key-area practice answers


def say_do_contradiction(
    q: Questionnaire, dimensions: Mapping[str, DimensionScore], power: PowerResult | None
) -> SayDo | None:
    """The contradiction, when the questionnaire checks for one and the answers show it: the
    statements about sharing power make a strength of it while the practice is at
    `practice_at_most` (Consult, say) or below."""
    check = q.reading.say_do
    if check is None or power is None or power.level is None:
        return None
    dim = dimensions.get(check.dimension)
    if dim is None or dim.score is None or dim.score < q.strength_threshold:
        return None
    if power.level.rank > check.practice_at_most.rank:
        return None
    said = sorted(
        (c for c in dim.contributions if c.item_score is not None),
        key=lambda c: (-c.item_score, -c.weight, c.item_id),
    )
    done = tuple(c for c in power.contributions if c.key_area)
    return SayDo(check.dimension, dim.score, power.level, tuple(said[:3]), done)
