"""The manager's readiness ledger, the organisation report PDF, and a team's assessment
results read inside the organisation area (read only: no change, deletion or re-assessment)."""

from __future__ import annotations

from flask import Response, current_app, render_template, request, url_for
from flask_babel import gettext as _

from ...core import ledger as core
from ...core.permissions import Action
from ...report.charts import radar_drawing
from ...report.cover import long_date
from ...report.ledger import (
    comparison_drawing,
    median_series_name,
    move_text,
    plan_progress,
    short_date,
    short_move,
    spread_text,
    trend_figure,
    withheld_text,
)
from ...report.organisation import organisation_filename
from ...report.plan import plan_lines
from ...report.summary import reading_context
from ...report.wording import IAP2_NAMES, score_cell
from ...services import actions, ledger, reports
from ...services import results as results_service
from ..forms import ReportForm
from ..limits import limited
from ..locale import ui_locale
from ..permissions import requires
from ..report import pdf_download
from .views import bp

MEDIAN = "median"


@bp.context_processor
def _ledger_words() -> dict:
    return {
        "withheld_text": withheld_text,
        "spread_text": spread_text,
        "move_text": move_text,
        "short_move": short_move,
        "plan_progress": plan_progress,
        "short_date": short_date,
        "median_name": median_series_name(),
    }


def _comparison(book: ledger.Ledger, locale: str):
    """The radar asked for by ?compare=<team>&with=<team|median>: (chart, drawing, error,
    (the team chosen, the other choice))."""
    chart, svg, error, first, other = _compared(book, locale)
    return chart, svg, error, (first, other)


def _compared(book: ledger.Ledger, locale: str):
    assessed = [line for line in book.lines if line.latest is not None]
    first_id = request.args.get("compare", type=int)
    other = request.args.get("with", "")
    asked = "compare" in request.args or "with" in request.args
    if not asked:
        # By default the first assessed team beside the median, or beside the next team.
        if not assessed or (len(assessed) < 2 and not book.figures.released):
            return None, None, None, None, ""
        first_id = assessed[0].team_id
        other = MEDIAN if book.figures.released else str(assessed[1].team_id)
    first = book.line_of(first_id) if first_id is not None else None
    if first is None or first.latest is None:
        error = _("Choose a team that has a submitted assessment.") if asked else None
        return None, None, error, first_id, other
    dims = [d.id for d in book.q.dimensions]
    labels = [d.label(locale) for d in book.q.dimensions]
    if other == MEDIAN:
        if not book.figures.released:
            error = _("The organisation median needs at least %(k)s teams.", k=book.k)
            return None, None, error, first_id, other
        second = (median_series_name(), core.medians(book.figures))
    else:
        line = book.line_of(int(other)) if other.isdigit() else None
        if line is None or line.latest is None or line.team_id == first.team_id:
            error = _("Choose another team with an assessment, or the median.")
            return None, None, error, first_id, other
        second = (book.teams[line.team_id].name, dict(line.latest.dimensions))
    chart = core.comparison_radar(
        dims, labels, (book.teams[first.team_id].name, first.latest), second
    )
    return chart, comparison_drawing(chart), None, first_id, other


SENTINEL = 987654321  # an id no row has, replaced in the URL patterns below


def _pattern(endpoint: str, **values):
    """url_for once, then a string replacement per row (url_for costs ~25 µs, 200 teams
    have ~800 links). `values` given as SENTINEL are replaced, in order, by the arguments."""
    url = url_for(endpoint, **{k: v for k, v in values.items()})
    marks = [k for k, v in values.items() if v == SENTINEL]

    def build(*args) -> str:
        out = url
        for _key, arg in zip(marks, args, strict=True):
            out = out.replace(str(SENTINEL), str(arg), 1)
        return out

    return build


def _names(book: ledger.Ledger, locale: str) -> dict:
    """The names a ledger row shows, looked up once per page rather than once per row."""
    q = book.q
    return {
        "stage_names": {level.id: level.name.get(locale) for level in q.levels},
        "power_names": {level: str(name) for level, name in IAP2_NAMES.items()},
        "subject_names": {d.id: d.name.get(locale) for d in q.dimensions},
        "method_names": {r.id: r.title.get(locale) for r in q.recommendations},
        "colon": _(":"),
        "team_url": _pattern(
            "organisations.team", organisation_id=book.organisation.id, team_id=SENTINEL
        ),
        "results_url": _pattern(
            "organisations.team_results",
            organisation_id=book.organisation.id,
            team_id=SENTINEL,
            assessment_id=SENTINEL,
        ),
        "tool_url": _pattern("library.tool", rec_id=SENTINEL),
    }


def _rows(book: ledger.Ledger, names: dict, locale: str) -> list[tuple]:
    """The teams table's rows as plain tuples of words and links, built here in one pass:
    the template only unpacks them (a Jinja call or attribute lookup per cell, ~4,500 of them
    for 200 teams, was most of the page's time)."""
    team_url, results_url, tool_url = names["team_url"], names["results_url"], names["tool_url"]
    stages, powers = names["stage_names"], names["power_names"]
    subjects, methods = names["subject_names"], names["method_names"]
    no_power = _("Not enough answers")
    rows = []
    for line in book.lines:
        team = book.teams[line.team_id]
        s = line.latest
        if s is None:
            rows.append((team_url(team.id), team.name, None))
            continue
        weak = [
            (
                subjects.get(w.subject, w.subject),
                score_cell(w.score),
                tool_url(w.method) if w.method in methods else None,
                methods.get(w.method),
            )
            for w in line.weak
        ]
        followed = [(subjects.get(m.subject, m.subject), short_move(m)) for m in line.followed]
        cells = (
            results_url(team.id, s.assessment_id),
            short_date(s.day, locale),
            line.stale,
            stages.get(s.stage, no_power),
            score_cell(s.overall),
            powers.get(s.power_level, no_power),
            weak,
            followed,
            plan_progress(line.actions) if line.actions else "—",
        )
        rows.append((team_url(team.id), team.name, cells))
    return rows


@bp.get("/<int:organisation_id>/ledger")
@requires(Action.VIEW_LEDGER)
def ledger_page(organisation):
    locale = ui_locale()
    book = ledger.ledger(organisation)
    chart, svg, error, chosen = _comparison(book, locale)
    names = _names(book, locale)
    page = render_template(
        "organisations/ledger.html",
        organisation=organisation,
        book=book,
        q=book.q,
        locale=locale,
        chart=chart,
        svg=svg,
        comparison_error=error,
        chosen=chosen,
        report_form=ReportForm(lang=locale),
        long_date=long_date,
        rows=_rows(book, names, locale),
        assessed=[(row.team_id, book.teams[row.team_id].name) for row in book.lines if row.latest],
        **names,
    )
    return page, 400 if error else 200


@bp.get("/<int:organisation_id>/ledger.pdf")
@limited("pdf")
@requires(Action.VIEW_LEDGER)
def ledger_pdf(organisation):
    locale = request.args.get("lang")
    if locale not in current_app.config["LANGUAGES"]:
        locale = ui_locale()
    book = ledger.ledger(organisation)
    response = Response(reports.organisation_pdf(book, locale), mimetype="application/pdf")
    filename = organisation_filename(organisation.name, locale, book.today)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/<int:organisation_id>/teams/<int:team_id>/assessments/<int:assessment_id>.pdf")
@limited("pdf")
@requires(Action.VIEW_TEAM_RESULTS)
def team_results_pdf(organisation, team, assessment_id: int):
    assessment, q = ledger.team_assessment(team, assessment_id)
    return pdf_download(assessment, q)


@bp.get("/<int:organisation_id>/teams/<int:team_id>/assessments/<int:assessment_id>")
@requires(Action.VIEW_TEAM_RESULTS)
def team_results(organisation, team, assessment_id: int):
    assessment, q = ledger.team_assessment(team, assessment_id)
    locale = ui_locale()
    results = results_service.analyse(assessment, q)
    context = reading_context(results, locale)
    return render_template(
        "results/show.html",
        **context,
        plan=plan_lines(q, actions.plan_of(assessment), locale),
        read_only=True,
        report_form=ReportForm(lang=locale),
        long_date=long_date,
        organisation=organisation,
        team=team,
        assessment=assessment,
        svg=radar_drawing(context["chart"]),
    )


def team_charts(team, locale: str) -> dict:
    """What the team page shows of its history: trends (figures and tables), its line."""
    history = ledger.team_history(team)
    q = history.q
    dims = [d.id for d in q.dimensions]
    return {
        "history": history,
        "dims": dims,
        "dimension_figure": trend_figure(history.trend, q, dims, locale),
        "power_figure": trend_figure(history.trend, q, [core.POWER], locale),
        "long_date": long_date,
        "locale": locale,
        "stale_days": ledger.settings()[0],
        "plan": plan_lines(q, history.line.actions, locale),
    }
