"""The `roadmap` command: Flask's CLI (run, db, …) plus serve, check, score, report and schema."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, ScriptInfo

from . import create_app, paths
from .config import ConfigError
from .content.loader import QuestionnaireError, check_files, load_json

EXIT_BAD_ANSWERS = 2
QUESTIONNAIRES_OPTION = click.option(
    "--questionnaires",
    "questionnaire_dir",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="ROADMAP_QUESTIONNAIRE_DIR",
    default=paths.QUESTIONNAIRES,
    show_default=True,
    help="Folder of questionnaire files.",
)


def _app_factory() -> Flask:
    return create_app()


class RoadmapGroup(FlaskGroup):
    """Flask's group, but an app that cannot start is explained in one message."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        # Flask prints a traceback when the app fails to load while listing commands.
        try:
            ctx.ensure_object(ScriptInfo).load_app()
        except (QuestionnaireError, ConfigError) as exc:
            click.echo(f"Roadmap cannot start:\n{exc}\n", err=True)
            return sorted(self.commands)
        return super().list_commands(ctx)


@click.group(cls=RoadmapGroup, create_app=_app_factory, add_version_option=False)
def cli() -> None:
    """Roadmap: co-creation readiness self-assessment for public services."""


@cli.command("serve", with_appcontext=False)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    envvar="ROADMAP_HOST",
    help="Interface to listen on.",
)
@click.option(
    "--port", default=5000, show_default=True, type=int, envvar="ROADMAP_PORT", help="Port."
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    envvar="ROADMAP_WORKERS",
    help="Worker processes (more than 1 uses gunicorn, on Linux).",
)
@click.option(
    "--threads",
    default=8,
    show_default=True,
    type=click.IntRange(1),
    envvar="ROADMAP_THREADS",
    help="Threads per worker process.",
)
@click.option(
    "--connections",
    default=1000,
    show_default=True,
    type=click.IntRange(1),
    envvar="ROADMAP_CONNECTIONS",
    help="Open connections accepted per worker process.",
)
def serve(host: str, port: int, workers: int, threads: int, connections: int) -> None:
    """Serve the app: waitress for one process, gunicorn for several."""
    _require_system_libraries()  # before .server imports WeasyPrint
    from .server import ServeOptions
    from .server import serve as run_server

    options = ServeOptions(host, port, workers, threads, connections)
    run_server(options, announce=click.echo)


@cli.command("check", with_appcontext=False)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@QUESTIONNAIRES_OPTION
def check(files: tuple[Path, ...], questionnaire_dir: Path) -> None:
    """Validate questionnaire files (all of the questionnaire folder when none are given)."""
    targets = list(files) or sorted(questionnaire_dir.glob("**/*.yaml"))
    loaded, problems = check_files(targets)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s) found.", err=True)
        sys.exit(1)
    for q in loaded:
        click.echo(f"ok: {q.id} version {q.version} ({len(q.items)} items)")


def _offline_app(questionnaire_dir: Path) -> Flask:
    """An app for translation only: in-memory database, nothing written to disk."""
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "AUTO_MIGRATE": False,
            "SECRET_KEY": "offline",
            "QUESTIONNAIRE_DIR": str(questionnaire_dir),
            "REPORT_RECYCLE_AFTER": 0,
            "REPORT_CACHE_DIR": "",  # in memory: a command run writes nothing but its output
        }
    )


def _require_system_libraries() -> None:
    """One line naming the missing Debian packages, before anything imports WeasyPrint."""
    from .syslibs import MissingSystemLibrary, require

    try:
        require()
    except MissingSystemLibrary as exc:
        raise click.ClickException(str(exc)) from None


def _read_answers(answers_file: Path, app: Flask):
    """The questionnaire and answer set of an answers file, or exit 2 with every problem.

    The questionnaires are the ones `app` loaded at start-up: read once per command."""
    from .core.answers import parse_answer_document

    try:
        doc = load_json(answers_file)
    except ValueError as exc:
        raise click.exceptions.Exit(_fail([str(exc)])) from exc
    found = app.extensions["roadmap.catalogue"]
    qid = doc.get("questionnaire") if isinstance(doc, dict) else None
    q = found.get(qid) if isinstance(qid, str) else None
    if q is None:
        known = ", ".join(sorted({k[0] for k in found.by_version}))
        raise click.exceptions.Exit(_fail([f"questionnaire: unknown id {qid!r} (known: {known})"]))
    version = doc.get("version")
    q = found.get(qid, version) if isinstance(version, int) and found.get(qid, version) else q
    answer_set, problems = parse_answer_document(q, doc)
    if problems:
        raise click.exceptions.Exit(_fail([f"{answers_file}: {p}" for p in problems]))
    return q, answer_set


def _fail(messages: list[str]) -> int:
    for message in messages:
        click.echo(message, err=True)
    return EXIT_BAD_ANSWERS


@cli.command("score", with_appcontext=False)
@click.argument("answers_file", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--locale", type=click.Choice(["fr", "en"]), help="Defaults to the file's locale.")
@QUESTIONNAIRES_OPTION
def score_command(
    answers_file: Path, fmt: str, locale: str | None, questionnaire_dir: Path
) -> None:
    """Score an answers file offline; exit 2 if the file is malformed or inconsistent."""
    _require_system_libraries()
    from flask_babel import force_locale

    from .core.results import analyse
    from .report.summary import render_text, results_summary

    app = _offline_app(questionnaire_dir)
    q, answer_set = _read_answers(answers_file, app)
    locale = locale or answer_set.locale
    with app.test_request_context(), force_locale(locale):
        summary = results_summary(analyse(q, answer_set), locale)
        output = (
            json.dumps(summary, indent=2, ensure_ascii=False)
            if fmt == "json"
            else render_text(summary)
        )
    click.echo(output)


@cli.command("report", with_appcontext=False)
@click.argument("answers_file", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Where to write the PDF.",
)
@click.option("--locale", type=click.Choice(["fr", "en"]), help="Defaults to the file's locale.")
@click.option("--service-name", help="Service or team name for the cover.")
@QUESTIONNAIRES_OPTION
def report_command(
    answers_file: Path,
    output: Path,
    locale: str | None,
    service_name: str | None,
    questionnaire_dir: Path,
) -> None:
    """Write the PDF readiness report of an answers file."""
    _require_system_libraries()
    from .core.results import analyse
    from .report.documents import ReportMeta, report_pdf

    app = _offline_app(questionnaire_dir)
    q, answer_set = _read_answers(answers_file, app)
    locale = locale or answer_set.locale
    with app.test_request_context():
        meta = ReportMeta(
            service_name, None, datetime.fromtimestamp(answers_file.stat().st_mtime, UTC)
        )
        pdf = report_pdf(analyse(q, answer_set), meta, locale)
    output.write_bytes(pdf)
    click.echo(f"wrote {output} ({len(pdf) // 1024} KB)")


@cli.command("purge")
@click.option(
    "--unused-for",
    "days",
    type=click.IntRange(min=1),
    required=True,
    metavar="DAYS",
    help="Delete assessments whose private link has not been used for this many days.",
)
@click.option(
    "--accounts-unused-for",
    "account_days",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help="Delete accounts nobody signed in to for this many days (default: the"
    " ACCOUNT_RETENTION_DAYS setting; 0 keeps every account).",
)
@click.option("--dry-run", is_flag=True, help="Only count what would be deleted.")
def purge(days: int, account_days: int | None, dry_run: bool) -> None:
    """Delete assessments whose private link has lapsed, and accounts unused for too long
    (their assessments stay with their teams, anonymised). Run it daily, e.g. from cron."""
    from .services import retention

    if account_days is None:
        account_days = int(current_app.config["ACCOUNT_RETENTION_DAYS"])
    if dry_run:
        click.echo(f"{len(retention.lapsed_ids(days))} assessment(s) unused for {days} days")
        if account_days:
            unused = len(retention.unused_accounts(account_days))
            click.echo(f"{unused} account(s) unused for {account_days} days")
        return
    # Accounts first: an assessment of a purged account is then judged by its own link only.
    if account_days:
        gone = retention.purge_accounts(account_days)
        click.echo(f"deleted {gone} account(s) unused for {account_days} days")
    click.echo(f"deleted {retention.purge(days)} assessment(s) unused for {days} days")


@cli.command("schema", with_appcontext=False)
@click.option("--out", type=click.Path(path_type=Path), default=Path("schemas"), show_default=True)
def schema(out: Path) -> None:
    """Write the JSON Schemas of questionnaire and answers files (for editors)."""
    from .content.loader import questionnaire_json_schema
    from .core.answers import answers_json_schema

    out.mkdir(parents=True, exist_ok=True)
    (out / "questionnaire.schema.json").write_text(questionnaire_json_schema(), encoding="utf-8")
    (out / "answers.schema.json").write_text(
        json.dumps(answers_json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    click.echo(f"wrote {out}/questionnaire.schema.json and {out}/answers.schema.json")


def main() -> None:
    """Console entry point: configuration and content errors are messages, not tracebacks."""
    try:
        cli.main(prog_name="roadmap")
    except (QuestionnaireError, ConfigError) as exc:
        click.echo(f"Roadmap cannot start:\n{exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # python -m roadmap.cli
    main()
