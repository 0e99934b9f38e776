"""Reads questionnaire YAML files and reports every problem with its file, path and line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..core.questionnaire import Questionnaire
from ..core.validation import cross_check

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class FileProblem:
    file: str
    path: Path_
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        dotted = ".".join(str(p) for p in self.path) or "(top)"
        return f"{where}: {dotted}: {self.message}"


class QuestionnaireError(Exception):
    """One or more questionnaire files are invalid; the message lists every problem."""

    def __init__(self, problems: list[FileProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _line_index(node: yaml.Node, path: Path_ = (), index: dict | None = None) -> dict[Path_, int]:
    """Map each path in the YAML document to the (1-based) line where it starts."""
    index = {} if index is None else index
    index[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, key.value)
            index[child] = key.start_mark.line + 1
            _line_index(value, child, index)
            index[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _line_index(value, (*path, i), index)
    return index


def _nearest_line(lines: dict[Path_, int], path: Path_) -> int | None:
    """The line of the deepest known ancestor of `path` (a missing key has no line of its own)."""
    for cut in range(len(path), -1, -1):
        if path[:cut] in lines:
            return lines[path[:cut]]
    return None


def _clean_loc(loc: tuple) -> Path_:
    # Pydantic names union branches (e.g. "DimensionCondition") in locations; they are not keys.
    return tuple(p for p in loc if not (isinstance(p, str) and p[:1].isupper()))


def parse(text: str, file: str = "<string>") -> tuple[Questionnaire | None, list[FileProblem]]:
    """Parse and validate one questionnaire document."""
    try:
        data = yaml.safe_load(text)
        lines = _line_index(yaml.compose(text, Loader=yaml.SafeLoader) or yaml.ScalarNode("", ""))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        return None, [
            FileProblem(file, (), line, f"not valid YAML: {getattr(exc, 'problem', exc)}")
        ]
    if not isinstance(data, dict):
        return None, [
            FileProblem(file, (), 1, "the file must be a mapping (key: value) at the top")
        ]
    try:
        q = Questionnaire.model_validate(data)
    except ValidationError as exc:
        seen: set[tuple[Path_, str]] = set()
        problems = []
        for err in exc.errors(include_url=False):
            path = _clean_loc(err["loc"])
            message = err["msg"].removeprefix("Value error, ")
            if (path, message) in seen:
                continue
            seen.add((path, message))
            problems.append(FileProblem(file, path, _nearest_line(lines, path), message))
        return None, problems
    problems = [
        FileProblem(file, p.path, _nearest_line(lines, p.path), p.message) for p in cross_check(q)
    ]
    return (None, problems) if problems else (q, [])


def load_file(path: Path) -> tuple[Questionnaire | None, list[FileProblem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [FileProblem(str(path), (), None, f"cannot read the file: {exc}")]
    return parse(text, str(path))


def check_files(paths: Iterable[Path]) -> tuple[list[Questionnaire], list[FileProblem]]:
    """Load every file; collect every problem, including two files with the same id and version."""
    loaded: dict[tuple[str, int], Questionnaire] = {}
    problems: list[FileProblem] = []
    for path in paths:
        q, found = load_file(path)
        problems += found
        if q is None:
            continue
        key = (q.id, q.version)
        if key in loaded:
            problems.append(
                FileProblem(
                    str(path),
                    ("version",),
                    None,
                    f"'{q.id}' version {q.version} is also defined in another file",
                )
            )
            continue
        loaded[key] = q
    return list(loaded.values()), problems


def load_directory(directory: Path) -> list[Questionnaire]:
    """All questionnaires in `directory`, or QuestionnaireError listing every problem."""
    files = sorted(directory.glob("**/*.yaml")) + sorted(directory.glob("**/*.yml"))
    if not files:
        raise QuestionnaireError([FileProblem(str(directory), (), None, "no questionnaire files")])
    loaded, problems = check_files(files)
    if problems:
        raise QuestionnaireError(problems)
    return loaded


def questionnaire_json_schema() -> str:
    """The JSON Schema of a questionnaire file, for editors."""
    schema = Questionnaire.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Roadmap questionnaire file"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def load_json(path: Path) -> Any:
    """A decoded JSON document, or ValueError with a message that names the line."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the file: {exc}") from exc
