"""Sentences about power-sharing: where the practice stands, what holds it back, and where
what a team says is not what it does. Shared by the results page, the PDF and the CLI."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from ..core.levels import Iap2Level
from ..core.power import PowerResult
from ..core.questionnaire import Questionnaire
from ..core.scoring import Scores
from .wording import ARNSTEIN_GROUPS, ARNSTEIN_NAMES, IAP2_NAMES, level_name, list_text

# The areas power is shared over, as the questionnaire's power-sharing questions name them.
AREA_NAMES = {
    "agenda": _l("the choice of topics"),
    "decisions": _l("decisions"),
    "resources": _l("resources"),
    "risk": _l("risk"),
    "evaluation": _l("evaluation"),
    "input": _l("what becomes of citizens' input"),
    "implementation": _l("implementation"),
}


def area_name(area: str | None) -> str:
    return str(AREA_NAMES.get(area or "", area or ""))


def arnstein_name(q: Questionnaire, rung: str, locale: str) -> str:
    """A rung of Arnstein's ladder, named as the questionnaire names it (else the catalogue)."""
    names = q.power.arnstein_names if q.power else None
    if names and rung in names:
        return names[rung].get(locale)
    return str(ARNSTEIN_NAMES[rung])


def consultation_trap_text() -> str:
    """CoSIE's warning, as the results page and the report both give it."""
    return _(
        "The consultation trap: you aim at co-creation, but decisions, resources and risk stay "
        "with the service. Whatever it is called, this is consultation. Co-creation starts when "
        "some power is shared."
    )


def power_position_text(q: Questionnaire, power: PowerResult, locale: str) -> str:
    """Where the practice stands on the IAP2 spectrum and on Arnstein's ladder, in a sentence."""
    return _(
        "Your practice is at “%(level)s” on the IAP2 spectrum (index %(index)s out of 100). "
        "On Arnstein's ladder of citizen participation this corresponds to “%(rung)s”, "
        "a form of %(group)s.",
        level=IAP2_NAMES[power.level],
        index=power.index,
        rung=arnstein_name(q, power.arnstein_rung, locale),
        group=ARNSTEIN_GROUPS[power.arnstein_group],
    )


def power_cap_text(q: Questionnaire, power: PowerResult, locale: str) -> str:
    """Why the level is lower than the answers' average ("" when it is not capped)."""
    if not power.capped:
        return ""
    if (
        power.held_back_by
        and power.ceiling is not Iap2Level.CONSULT
        or len(power.held_back_by) < len([c for c in power.contributions if c.key_area])
    ):
        return _(
            "Your answers average out at “%(uncapped)s”, but power-sharing cannot go beyond "
            "what at least two of the key areas reach: it is held at “%(level)s” by %(areas)s.",
            uncapped=IAP2_NAMES[power.uncapped_level],
            level=IAP2_NAMES[power.level],
            areas=list_text([_held_area(power, a) for a in power.held_back_by], locale),
        )
    return _(
        "Your answers average out at “%(uncapped)s”, but decisions, resources and risk all stay "
        "with the service, so the level is capped at “Consult”.",
        uncapped=IAP2_NAMES[power.uncapped_level],
    )


def _held_area(power: PowerResult, area: str) -> str:
    practice = power.practice_in(area)
    if practice is None or practice.level is None:
        return _("%(area)s (not known)", area=area_name(area))
    return _("%(area)s (“%(level)s”)", area=area_name(area), level=IAP2_NAMES[practice.level])


def stage_cap_text(q: Questionnaire, scores: Scores, locale: str) -> str:
    """Why the headline stage is below what the capability score gives ("" when it is not)."""
    if scores.stage_held_back_by is None:
        return ""
    return _(
        "Your capability score, %(score)s, would place you at “%(capability)s”, but the stage is "
        "held back at “%(stage)s” by power-sharing at “%(power)s”: a stage never describes more "
        "shared power than your practice shows.",
        score=scores.overall,
        capability=level_name(q, scores.capability_level_id, locale),
        stage=level_name(q, scores.overall_level_id, locale),
        power=IAP2_NAMES[scores.stage_held_back_by],
    )


def stage_cap_short(scores: Scores) -> str:
    """The cap in a few words, beside the stage's name ("" when there is none)."""
    if scores.stage_held_back_by is None:
        return ""
    return _(
        "held back by power-sharing at “%(power)s”", power=IAP2_NAMES[scores.stage_held_back_by]
    )


def key_gap_rows(q: Questionnaire, power: PowerResult, locale: str) -> list[tuple[str, str, str]]:
    """Per key area: the area, its practice level and how far it is from the aim."""
    rows = []
    for gap in power.key_gaps:
        practice = IAP2_NAMES[gap.practice] if gap.practice else _("Not known")
        steps = gap.steps_short
        distance = (
            _("reaches the aim")
            if steps <= 0
            else ngettext("%(num)s step short of the aim", "%(num)s steps short of the aim", steps)
        )
        rows.append((area_name(gap.area), str(practice), distance))
    return rows


def say_do_text(q: Questionnaire, scores: Scores, locale: str) -> str:
    """CoSIE's core warning when statements about sharing power contradict the practice."""
    say_do = scores.say_do
    return _(
        "What you say and what you do disagree. Your statements about sharing power score "
        "%(score)s, a strength on paper, but your practice answers place power-sharing at "
        "“%(level)s”: the service still decides, funds and carries the risk. “%(dimension)s” is "
        "therefore not counted as a strength.",
        score=say_do.score,
        level=IAP2_NAMES[say_do.practice],
        dimension=q.dimension(say_do.dimension_id).name.get(locale),
    )


def fit_text(practice: Iap2Level, presupposes: Iap2Level) -> str:
    """How feasible a method is from the current practice: why it comes first, or later."""
    if presupposes.rank <= practice.rank:
        return _(
            "It asks for no more shared power than you practise now (“%(practice)s”), so you "
            "can start with it.",
            practice=IAP2_NAMES[practice],
        )
    return ngettext(
        "It presupposes “%(needed)s”, %(num)s step beyond your practice (“%(practice)s”), so it "
        "comes after first steps.",
        "It presupposes “%(needed)s”, %(num)s steps beyond your practice (“%(practice)s”), so "
        "it comes after first steps.",
        presupposes.rank - practice.rank,
        needed=IAP2_NAMES[presupposes],
        practice=IAP2_NAMES[practice],
    )
