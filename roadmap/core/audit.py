"""What the audit log records: the kinds of event, one name each (shown in the reader's
language by the web layer, stored as these values)."""

from __future__ import annotations

from enum import StrEnum


class AuditAction(StrEnum):
    """Something a person (or the command line) did to people or data."""

    INVITED = "invited"  # target: the invited address's account once it exists; detail: role
    JOINED = "joined"  # an invitation accepted; detail: role
    TEAM_CREATED = "team_created"  # detail: the team's name
    MOVED = "moved"  # detail: "from → to" team names
    REMOVED_FROM_TEAM = "removed_from_team"  # detail: the team's name
    REMOVED_FROM_ORGANISATION = "removed_from_organisation"
    ROLE_CHANGED = "role_changed"  # detail: "old → new"
    RESET_LINK_MADE = "reset_link_made"
    ACCOUNT_DISABLED = "account_disabled"
    ACCOUNT_ENABLED = "account_enabled"
    ACCOUNT_DELETED = "account_deleted"  # detail: what became of the assessments
    ACCOUNTS_PURGED = "accounts_purged"  # detail: how many
    ASSESSMENT_CLAIMED = "assessment_claimed"  # detail: the team's name
    ASSESSMENT_DELETED = "assessment_deleted"  # detail: the assessment's number
    DATA_DOWNLOADED = "data_downloaded"  # a person's own data (right of access)
    EXPORTED = "exported"  # detail: what and in which format, e.g. "scores.csv"
