"""The questionnaires an app serves, indexed by id and version (old versions keep old results)."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app

from ..core.questionnaire import Questionnaire


@dataclass
class Catalogue:
    by_version: dict[tuple[str, int], Questionnaire] = field(default_factory=dict)

    @classmethod
    def of(cls, questionnaires: list[Questionnaire]) -> Catalogue:
        return cls({(q.id, q.version): q for q in questionnaires})

    def get(self, questionnaire_id: str, version: int | None = None) -> Questionnaire | None:
        """A given version, or the latest one when `version` is None."""
        if version is not None:
            return self.by_version.get((questionnaire_id, version))
        versions = [v for (qid, v) in self.by_version if qid == questionnaire_id]
        return self.by_version[(questionnaire_id, max(versions))] if versions else None

    def latest(self) -> list[Questionnaire]:
        ids = sorted({qid for qid, _ in self.by_version})
        return [self.get(qid) for qid in ids]


def catalogue() -> Catalogue:
    return current_app.extensions["roadmap.catalogue"]


def default_questionnaire() -> Questionnaire:
    """The questionnaire new assessments use: the configured one, else the first available."""
    found = catalogue()
    return found.get(current_app.config["DEFAULT_QUESTIONNAIRE"]) or found.latest()[0]
