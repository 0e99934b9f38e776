"""Where an assessment and each of its sections stand: the status names used everywhere."""

from __future__ import annotations

from enum import StrEnum


class AssessmentStatus(StrEnum):
    """An assessment is answered, then submitted; only a submitted one has results."""

    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


class SectionStatus(StrEnum):
    """A wizard section as the task list shows it."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
