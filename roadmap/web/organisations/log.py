"""The audit log pages: an organisation's for its managers, the whole installation's for
administrators; newest first, a page at a time, in the reader's language."""

from __future__ import annotations

from babel.dates import format_datetime
from flask import render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from ...core.audit import AuditAction
from ...core.permissions import Role
from ...models.audit import DELETED_ACCOUNT
from ...report.cover import DATE_LOCALES
from ...services import audit
from ..locale import ui_locale
from ..permissions import requires
from .forms import ROLE_NAMES
from .views import Action, bp

ACTION_NAMES = {
    AuditAction.INVITED: _l("Invited"),
    AuditAction.JOINED: _l("Joined from an invitation"),
    AuditAction.TEAM_CREATED: _l("Created a team"),
    AuditAction.MOVED: _l("Put into a team"),
    AuditAction.REMOVED_FROM_TEAM: _l("Took out of a team"),
    AuditAction.REMOVED_FROM_ORGANISATION: _l("Took out of the organisation"),
    AuditAction.ROLE_CHANGED: _l("Changed the role"),
    AuditAction.RESET_LINK_MADE: _l("Made a password link"),
    AuditAction.ACCOUNT_DISABLED: _l("Disabled the account"),
    AuditAction.ACCOUNT_ENABLED: _l("Enabled the account"),
    AuditAction.ACCOUNT_DELETED: _l("Account deleted"),
    AuditAction.ACCOUNTS_PURGED: _l("Unused accounts deleted"),
    AuditAction.ASSESSMENT_CLAIMED: _l("Filed an assessment under a team"),
    AuditAction.ASSESSMENT_DELETED: _l("Deleted an assessment"),
    AuditAction.DATA_DOWNLOADED: _l("Downloaded their own data"),
    AuditAction.EXPORTED: _l("Exported data"),
}
ROLE_WORDS = {Role.MEMBER: _l("member"), Role.TRAINER: _l("trainer"), Role.MANAGER: _l("manager")}
assert set(ROLE_WORDS) == set(ROLE_NAMES)


def moment_text(moment, locale: str) -> str:
    """ "1 déc. 2026, 23:45" / "1 Dec 2026, 23:45" (UTC, as stored)."""
    return format_datetime(moment, "medium", locale=DATE_LOCALES.get(locale, locale))


def who_text(number: int | None, email: str | None) -> str:
    if number == DELETED_ACCOUNT:
        return _("deleted account")
    if number is None and email is None:
        return _("command line")
    return email or ""


def detail_text(action: str, detail: str | None) -> str:
    """The event's detail in the reader's language: role names and counts translated."""
    if not detail:
        return ""
    if action in (AuditAction.INVITED, AuditAction.JOINED, AuditAction.ROLE_CHANGED):
        return " → ".join(str(ROLE_WORDS.get(word, word)) for word in detail.split(" → "))
    if action in (AuditAction.ASSESSMENT_CLAIMED, AuditAction.ASSESSMENT_DELETED):
        number, arrow, team = detail.partition(" → ")
        return _("assessment no. %(number)s", number=number) + (f" → {team}" if arrow else "")
    if action == AuditAction.ACCOUNT_DELETED:
        count, _space, what = detail.partition(" ")
        if not count.isdigit():
            return detail
        if what == "deleted":
            return ngettext("%(num)s assessment deleted", "%(num)s assessments deleted", int(count))
        return ngettext(
            "%(num)s assessment kept, anonymised",
            "%(num)s assessments kept, anonymised",
            int(count),
        )
    if action == AuditAction.ACCOUNTS_PURGED and detail.isdigit():
        return ngettext("%(num)s account", "%(num)s accounts", int(detail))
    return detail


def _log_page(organisation=None):
    number = request.args.get("page", 1, type=int)
    log = audit.page(organisation.id if organisation else None, number)
    locale = ui_locale()
    return render_template(
        "organisations/log.html",
        organisation=organisation,
        log=log,
        action_name=lambda action: str(ACTION_NAMES.get(action, action)),
        moment=lambda at: moment_text(at, locale),
        who=who_text,
        detail=detail_text,
    )


@bp.get("/<int:organisation_id>/log")
@requires(Action.VIEW_AUDIT_LOG)
def log(organisation):
    return _log_page(organisation)


@bp.get("/log")
@requires(Action.ADMINISTER)
def log_all():
    return _log_page()
