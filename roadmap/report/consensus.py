"""The words and rows of the consensus round, shown alike on the facilitator view, the
projector and the group report: both rounds of each re-vote, where the room moved, the
scores agreed with their rationale and dissent."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from ..core.consensus import Closeness, Direction, Movement
from ..core.group import Band, GroupReading, covered
from ..core.questionnaire import Questionnaire
from ..models.workshop import Agreement
from ..services.consensus import Round
from .wording import number_text


def movement_text(moved: Movement | None, first: Band | None, second: Band | None) -> str:
    """Where the room moved, in one or two sentences; empty when a round is below k."""
    if moved is None or first is None or second is None:
        return ""
    a, b = number_text(first.median), number_text(second.median)
    if moved.direction is Direction.UP:
        median = _("The median rose from %(a)s to %(b)s.", a=a, b=b)
    elif moved.direction is Direction.DOWN:
        median = _("The median fell from %(a)s to %(b)s.", a=a, b=b)
    else:
        median = _("The median stayed at %(b)s.", b=b)
    closeness = {
        Closeness.CLOSER: _("The room came closer together."),
        Closeness.APART: _("The room drew further apart."),
        Closeness.HELD: _("The room is as divided as before."),
    }[moved.closeness]
    return f"{median} {closeness}"


@dataclass(frozen=True)
class RoundRow:
    item_id: str
    text: str
    round: Round | None  # None: agreed without a re-vote
    moved: str
    agreement: Agreement | None
    first: object  # the first round as the live reading has it, when there is no re-vote


@dataclass(frozen=True)
class DimensionRow:
    dimension_id: str
    label: str
    band: Band | None
    agreement: Agreement


def consensus_context(
    q: Questionnaire,
    group: GroupReading,
    rounds: list[Round],
    agreements: dict[str, Agreement],
    sections: list[str],
    locale: str,
) -> dict:
    """The consensus rows of the sections given (the projector's: those revealed)."""
    dims, item_ids = covered(q, sections) if sections else ([], [])
    by_item = {r.item_id: r for r in rounds}
    rows = []
    for item_id in item_ids:
        found, agreed = by_item.get(item_id), agreements.get(item_id)
        if found is None and agreed is None:
            continue
        moved = ""
        if found is not None:
            first = found.first.band if found.first else None
            second = found.second.band if found.second else None
            moved = movement_text(found.movement, first, second)
        rows.append(
            RoundRow(
                item_id, q.item(item_id).text.get(locale), found, moved, agreed,
                group.items.get(item_id) if group.released else None,
            )
        )  # fmt: skip
    dim_rows = [
        DimensionRow(
            d, q.dimension(d).label(locale),
            group.whole.dimensions.get(d) if group.released and group.whole else None,
            agreements[d],
        )
        for d in dims
        if d in agreements
    ]  # fmt: skip
    return {"round_rows": rows, "dimension_rows": dim_rows}
