"""The web layer: blueprints, forms, access, locale, errors and security headers."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the blueprints and everything templates rely on (globals, filters, locale)."""
    from ..core.status import AssessmentStatus, SectionStatus
    from ..report import charts, power_text, priorities, reasons, wording
    from ..report.textformat import paragraphs
    from . import (
        errors,
        exports,
        guards,
        home,
        library,
        locale,
        outage,
        privacy,
        report,
        security,
        staticfiles,
    )
    from .accounts import views as accounts
    from .assessment import views as assessment
    from .organisations import ledger as _ledger  # noqa: F401 (its routes join the blueprint)
    from .organisations import views as organisations
    from .results import views as results
    from .signin import init_app as init_sessions
    from .workshops import join as workshop_join
    from .workshops import paper as _paper  # noqa: F401 (its routes join the blueprint)
    from .workshops import results as _results  # noqa: F401 (likewise)
    from .workshops import views as workshops

    for blueprint in (home.bp, assessment.bp, results.bp, library.bp, report.bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(accounts.bp)
    app.register_blueprint(organisations.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(privacy.bp)
    app.register_blueprint(workshops.bp)
    app.register_blueprint(workshop_join.bp)
    init_sessions(app)

    app.jinja_env.globals.update(
        answer_text=wording.answer_text,
        reason_text=reasons.reason_text,
        consultation_trap_text=power_text.consultation_trap_text,
        power_position_text=power_text.power_position_text,
        power_cap_text=power_text.power_cap_text,
        stage_cap_text=power_text.stage_cap_text,
        stage_cap_short=power_text.stage_cap_short,
        key_gap_rows=power_text.key_gap_rows,
        say_do_text=power_text.say_do_text,
        arnstein_name=power_text.arnstein_name,
        radar_text=charts.radar_text,
        points_lost_text=priorities.points_lost_text,
        level_name=wording.level_name,
        level_description=wording.level_description,
        subject_name=wording.subject_name,
        list_text=wording.list_text,
        score_text=wording.score_text,
        strength_text=wording.strength_text,
        duration_text=wording.duration_text,
        duration_method_text=wording.duration_method_text,
        score_cell=wording.score_cell,
        number=wording.number_text,
        dimension_weights_text=wording.dimension_weights_text,
        scale_points_text=wording.scale_points_text,
        IAP2_NAMES=wording.IAP2_NAMES,
        IAP2_PROMISES=wording.IAP2_PROMISES,
        ARNSTEIN_GROUPS=wording.ARNSTEIN_GROUPS,
        EFFORT_NAMES=wording.EFFORT_NAMES,
        AssessmentStatus=AssessmentStatus,
        SectionStatus=SectionStatus,
    )
    app.jinja_env.filters["number"] = wording.number_text
    app.add_template_filter(paragraphs)
    locale.init_app(app)
    security.init_app(app)
    staticfiles.init_app(app)
    errors.init_app(app)
    for module in (guards, outage, privacy):  # refusals, the outage page, no-store
        module.init_app(app)
