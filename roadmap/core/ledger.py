"""The manager's readiness ledger, computed from stored snapshots of scored assessments: each
team's latest reading, staleness, trends, the organisation's figures (withheld below k) and its
most common priorities. Pure: snapshots in, plain values out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .aggregate import DEFAULT_K, DIMENSION_DIVERGENCE_SD, Stats, describe
from .charts import Radar, Series
from .levels import Iap2Level
from .results import Results
from .scoring import Scores

DEFAULT_STALE_DAYS = 365  # a team whose latest assessment is older than this is marked stale
WEAK_SHOWN = 3  # weak dimensions named per team (the core's priorities)
COMMON_SHOWN = 5  # common priorities listed for the organisation
METHODS_SHOWN = 3  # methods named under each common priority
POWER = "power"  # the power-sharing index, a subject beside the dimensions


@dataclass(frozen=True)
class Snapshot:
    """What the ledger needs of one submitted assessment, computed once by the core when it is
    submitted (scoring 2,000 assessments on every page would be far too slow)."""

    assessment_id: int
    team_id: int | None
    day: date
    overall: int | None
    stage: str | None  # the headline stage (after the cap by power-sharing)
    power_index: int | None
    power_level: Iap2Level | None
    dimensions: Mapping[str, int | None]
    priorities: tuple[str, ...] = ()  # weakest dimensions, weakest first
    methods: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (recommendation, addresses), ranked

    def score_of(self, subject: str) -> int | None:
        return self.power_index if subject == POWER else self.dimensions.get(subject)

    def method_for(self, subject: str) -> str | None:
        """The highest-ranked recommended method that addresses `subject`."""
        return next((rec for rec, addresses in self.methods if subject in addresses), None)


def snapshot_record(results: Results) -> dict[str, Any]:
    """The JSON-ready record stored for a submitted assessment (see `snapshot_from`)."""
    scores = results.scores
    power = scores.power
    return {
        "questionnaire_id": results.questionnaire.id,
        "questionnaire_version": results.questionnaire.version,
        "overall": scores.overall,
        "stage": scores.overall_level_id,
        "power_index": power.index if power else None,
        "power_level": power.level.value if power and power.level else None,
        "dimensions": {d: s.score for d, s in scores.dimensions.items()},
        "priorities": [h.subject for h in results.priorities],
        "methods": [[r.recommendation_id, list(r.addresses)] for r in results.recommendations],
        # What the scores export reads besides the above (records stored before it have no
        # "export" key; the export scores those again, see core.exports.score_row_of).
        "export": export_figures(scores),
    }


def export_figures(scores: Scores) -> dict[str, Any]:
    """The scores export's figures that the ledger's own keys do not hold, JSON-ready."""
    power, held_back = scores.power, scores.stage_held_back_by
    return {
        "capability_stage": scores.capability_level_id,
        "stage_held_back_by": held_back.value if held_back else None,
        "power_aim": power.aim.value if power and power.aim else None,
        "consultation_trap": bool(power and power.consultation_trap),
        "dont_know_share": scores.dont_know_share,
        "levels": {d: s.level_id for d, s in scores.dimensions.items() if s.score is not None},
    }


def snapshot_from(
    record: Mapping[str, Any], assessment_id: int, team_id: int | None, day: date
) -> Snapshot:
    """A stored record read back as a Snapshot."""
    level = record.get("power_level")
    return Snapshot(
        assessment_id=assessment_id,
        team_id=team_id,
        day=day,
        overall=record.get("overall"),
        stage=record.get("stage"),
        power_index=record.get("power_index"),
        power_level=Iap2Level(level) if level else None,
        dimensions=dict(record.get("dimensions") or {}),
        priorities=tuple(record.get("priorities") or ()),
        methods=tuple((rec, tuple(addr)) for rec, addr in record.get("methods") or ()),
    )


def is_stale(day: date | None, today: date, stale_days: int) -> bool:
    """Whether a latest assessment of `day` is older than `stale_days` (no assessment: stale)."""
    return day is None or (today - day).days > stale_days


@dataclass(frozen=True)
class Move:
    """How a subject's score went from one assessment to the next."""

    subject: str
    before: int | None
    now: int | None

    @property
    def change(self) -> int | None:
        if self.before is None or self.now is None:
            return None
        return self.now - self.before


@dataclass(frozen=True)
class Weak:
    """A weak dimension of a team's latest assessment and the method recommended for it."""

    subject: str
    score: int | None
    method: str | None


@dataclass(frozen=True)
class TeamLine:
    """One team in the ledger."""

    team_id: int
    latest: Snapshot | None
    previous: Snapshot | None
    assessments: int
    stale: bool
    weak: tuple[Weak, ...]
    followed: tuple[Move, ...]  # the previous assessment's weak dimensions, then and now
    # Hook for the action plans (another part of the work fills it): what the team recorded.
    actions: tuple[Any, ...] = field(default=())


def by_team(snapshots: Iterable[Snapshot]) -> dict[int, list[Snapshot]]:
    """Snapshots per team, oldest first (ties: by assessment id)."""
    teams: dict[int, list[Snapshot]] = {}
    for s in snapshots:
        if s.team_id is not None:
            teams.setdefault(s.team_id, []).append(s)
    for history in teams.values():
        history.sort(key=lambda s: (s.day, s.assessment_id))
    return teams


def team_line(team_id: int, history: Sequence[Snapshot], today: date, stale_days: int) -> TeamLine:
    """A team's line from its snapshots, oldest first."""
    latest = history[-1] if history else None
    previous = history[-2] if len(history) > 1 else None
    weak: tuple[Weak, ...] = ()
    followed: tuple[Move, ...] = ()
    if latest is not None:
        weak = tuple(
            Weak(d, latest.score_of(d), latest.method_for(d))
            for d in latest.priorities[:WEAK_SHOWN]
        )
    if previous is not None and latest is not None:
        followed = tuple(
            Move(d, previous.score_of(d), latest.score_of(d))
            for d in previous.priorities[:WEAK_SHOWN]
        )
    return TeamLine(
        team_id=team_id,
        latest=latest,
        previous=previous,
        assessments=len(history),
        stale=is_stale(latest.day if latest else None, today, stale_days),
        weak=weak,
        followed=followed,
    )


def team_lines(
    team_ids: Sequence[int], snapshots: Iterable[Snapshot], today: date, stale_days: int
) -> list[TeamLine]:
    """Every team's line, in the order of `team_ids` (teams without assessment included)."""
    teams = by_team(snapshots)
    return [team_line(t, teams.get(t, []), today, stale_days) for t in team_ids]


@dataclass(frozen=True)
class Trend:
    """A team's readings over its assessments: one value per assessment per subject."""

    days: tuple[date, ...]
    series: Mapping[str, tuple[int | None, ...]]  # dimension ids, then "power"

    def moved(self, subject: str) -> int | None:
        """Points between the first and the last reading that have a score."""
        values = [v for v in self.series.get(subject, ()) if v is not None]
        return values[-1] - values[0] if len(values) > 1 else None


def trend(history: Sequence[Snapshot], dimensions: Sequence[str]) -> Trend:
    """Per dimension and for the power-sharing index, across a team's assessments (oldest
    first); a reading without a score stays a gap (None), never a 0."""
    series = {d: tuple(s.dimensions.get(d) for s in history) for d in dimensions}
    series[POWER] = tuple(s.power_index for s in history)
    return Trend(tuple(s.day for s in history), series)


@dataclass(frozen=True)
class Figure:
    """An organisation figure: the statistics across teams, or only n when below k."""

    subject: str
    n: int
    k: int
    stats: Stats | None  # None: n < k, nothing is shown but n and k

    @property
    def withheld(self) -> bool:
        return self.stats is None


@dataclass(frozen=True)
class OrganisationFigures:
    """The organisation's figures over each team's latest assessment."""

    teams: int  # teams with an assessment
    k: int
    overall: Figure
    dimensions: Mapping[str, Figure]
    power: Figure
    stages: Mapping[str, int]  # teams per stage ({} when withheld)
    power_levels: Mapping[Iap2Level, int]

    @property
    def released(self) -> bool:
        return self.teams >= self.k


def _figure(subject: str, values: Iterable[int | None], k: int) -> Figure:
    numbers = [v for v in values if v is not None]
    stats = describe(numbers, DIMENSION_DIVERGENCE_SD) if len(numbers) >= k else None
    return Figure(subject, len(numbers), k, stats)


def organisation_figures(
    latest: Sequence[Snapshot], dimensions: Sequence[str], k: int = DEFAULT_K
) -> OrganisationFigures:
    """Median, spread and n per dimension, overall and power index across the teams' latest
    assessments (each team counts once); each withheld when fewer than k teams have a score,
    and the counts by stage and power level withheld when fewer than k teams took part."""
    released = len(latest) >= k
    stages = Counter(s.stage for s in latest if s.stage) if released else Counter()
    levels = Counter(s.power_level for s in latest if s.power_level) if released else Counter()
    return OrganisationFigures(
        teams=len(latest),
        k=k,
        overall=_figure("overall", (s.overall for s in latest), k),
        dimensions={d: _figure(d, (s.dimensions.get(d) for s in latest), k) for d in dimensions},
        power=_figure(POWER, (s.power_index for s in latest), k),
        stages=dict(stages),
        power_levels=dict(levels),
    )


@dataclass(frozen=True)
class CommonPriority:
    """A dimension many teams have among their priorities, and the methods recommended to
    those teams for it, each with how many teams it concerns."""

    subject: str
    teams: int
    methods: tuple[tuple[str, int], ...]


def common_priorities(
    latest: Sequence[Snapshot], k: int = DEFAULT_K, limit: int = COMMON_SHOWN
) -> tuple[CommonPriority, ...] | None:
    """The organisation's most common priorities over each team's latest assessment, most
    teams first (ties: first seen); None when fewer than k teams took part."""
    if len(latest) < k:
        return None
    counts: Counter[str] = Counter()
    methods: dict[str, Counter[str]] = {}
    for s in latest:
        for subject in s.priorities[:WEAK_SHOWN]:
            counts[subject] += 1
            for rec, addresses in s.methods:
                if subject in addresses:
                    methods.setdefault(subject, Counter())[rec] += 1
    order = list(counts)  # insertion order: the first team's order breaks ties
    ranked = sorted(counts, key=lambda d: (-counts[d], order.index(d)))[:limit]
    return tuple(
        CommonPriority(
            d,
            counts[d],
            tuple(sorted(methods.get(d, Counter()).items(), key=lambda m: (-m[1], m[0])))[
                :METHODS_SHOWN
            ],
        )
        for d in ranked
    )


def latest_of(lines: Iterable[TeamLine]) -> list[Snapshot]:
    return [line.latest for line in lines if line.latest is not None]


def comparison_radar(
    dimensions: Sequence[str],
    labels: Sequence[str],
    first: tuple[str, Snapshot],
    second: tuple[str, Mapping[str, float | None]],
) -> Radar:
    """Two series on the dimension axes: a team, and another team's scores or the
    organisation's medians."""
    name, snapshot = first
    other_name, other = second
    return Radar(
        tuple(labels),
        (
            Series(name, tuple(snapshot.dimensions.get(d) for d in dimensions)),
            Series(other_name, tuple(other.get(d) for d in dimensions)),
        ),
    )


def medians(figures: OrganisationFigures) -> dict[str, float | None]:
    """The organisation's median per dimension (None where withheld)."""
    return {d: f.stats.median if f.stats else None for d, f in figures.dimensions.items()}
