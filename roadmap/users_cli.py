"""The `roadmap users` commands: list, create (the first administrator), disable, reset,
delete."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from .core.passwords import MIN_LENGTH


@click.group("users", cls=AppGroup, invoke_without_command=True)
@click.pass_context
def users(ctx: click.Context) -> None:
    """Accounts: list (the default), create, disable, enable, reset, delete."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_users)


def _links(token: str, endpoint: str) -> str:
    """An absolute link from the public URL (or the local address in development)."""
    from .web.proxy import public_url

    base = current_app.config.get("PUBLIC_URL") or "http://127.0.0.1:5000"
    with current_app.test_request_context(base_url=base):
        return public_url(endpoint, token=token)


def _fail(message: str) -> None:
    click.echo(message, err=True)
    raise click.exceptions.Exit(1)


@users.command("list")
def list_users() -> None:
    """List every account: e-mail, role, state, last sign-in."""
    from .services import accounts

    for user in accounts.everyone():
        last = user.last_login_at.strftime("%Y-%m-%d %H:%M") if user.last_login_at else "never"
        role = "admin" if user.admin else "-"
        state = "active" if user.active else "disabled"
        password = "" if user.password_hash else " (no password yet)"
        click.echo(f"{user.email}\t{role}\t{state}\tlast sign-in: {last}{password}")


@users.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(["admin", "user"]), default="user", show_default=True)
@click.option("--name", help="Optional name.")
@click.option(
    "--password",
    "ask_password",
    is_flag=True,
    help="Type a password now (hidden) instead of getting a one-time link.",
)
def create_user(email: str, role: str, name: str | None, ask_password: bool) -> None:
    """Create an account; prints a one-time link to choose its password unless --password."""
    from .services import accounts
    from .services.errors import Conflict, Invalid
    from .web.accounts.forms import problem_text

    password = None
    if ask_password:
        password = click.prompt(
            f"Password (at least {MIN_LENGTH} characters)",
            hide_input=True,
            confirmation_prompt=True,
        )
    try:
        user = accounts.create(email, name=name, password=password, admin=role == "admin")
    except Conflict:
        _fail(f"An account with the address {email.strip().lower()} exists already.")
    except Invalid as error:
        from flask_babel import force_locale

        with current_app.test_request_context(), force_locale("en"):  # the CLI speaks English
            _fail("\n".join(problem_text(p) for p in error.problems))
    click.echo(f"created {user.email}" + (" (administrator)" if user.admin else ""))
    if password is None:
        _print_reset(user)


def _print_reset(user) -> None:
    from .services import accounts

    delivery = accounts.start_reset(
        user, lambda token: _links(token, "accounts.reset"), email=False
    )
    hours = current_app.config["RESET_LINK_HOURS"]
    click.echo(f"One-time link to choose the password (works for {hours} hours):")
    click.echo(delivery.link)


@users.command("reset")
@click.argument("email")
def reset_user(email: str) -> None:
    """Print a one-time link to choose a new password (earlier links stop working)."""
    from .services import accounts
    from .services.errors import Conflict, NotFound

    try:
        user = accounts.find(email)
        _print_reset(user)
    except NotFound:
        _fail(f"No account has the address {email.strip().lower()}.")
    except Conflict:
        _fail(f"{email.strip().lower()} is disabled: enable it first (roadmap users enable).")


def _set_active(email: str, active: bool) -> None:
    from .services import accounts
    from .services.errors import NotFound

    try:
        user = accounts.set_active(email, active)
    except NotFound:
        _fail(f"No account has the address {email.strip().lower()}.")
    click.echo(f"{user.email} is {'active' if active else 'disabled; its sessions have ended'}")


@users.command("disable")
@click.argument("email")
def disable_user(email: str) -> None:
    """Disable an account: it can no longer sign in, and its sessions end."""
    _set_active(email, False)


@users.command("enable")
@click.argument("email")
def enable_user(email: str) -> None:
    """Enable a disabled account again."""
    _set_active(email, True)


@users.command("delete")
@click.argument("email")
@click.option(
    "--delete-assessments",
    is_flag=True,
    help="Delete the account's assessments too (by default they stay in their teams, anonymised).",
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete_user(email: str, delete_assessments: bool, yes: bool) -> None:
    """Delete an account for good (a request under the GDPR or Law 25, a departure)."""
    from .services import accounts, rights
    from .services.errors import Conflict, NotFound

    try:
        user = accounts.find(email)
    except NotFound:
        _fail(f"No account has the address {email.strip().lower()}.")
    kept = "deleted" if delete_assessments else "kept in their teams, anonymised"
    if not yes:
        click.confirm(f"Delete {user.email}? Its assessments will be {kept}.", abort=True)
    try:
        rights.remove_account(user, keep_assessments=not delete_assessments)
    except Conflict:
        _fail(f"{user.email} is the only administrator: create another one first.")
    click.echo(f"deleted {email.strip().lower()}; its assessments were {kept}")
