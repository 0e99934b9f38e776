"""The lock files CI and operators install from pin every dependency pyproject.toml names."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).parent.parent.parent


def pinned(lock: Path) -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", lock.read_text(), re.MULTILINE)
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in pins}


def names(requirements: list[str]) -> list[Requirement]:
    return [Requirement(r) for r in requirements]


@pytest.mark.parametrize(
    ("lock", "extras"), [("requirements.lock", []), ("requirements-test.lock", ["test"])]
)
def test_every_dependency_is_pinned_within_its_range(lock, extras):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = names(project["dependencies"])
    for extra in extras:
        wanted += names(project["optional-dependencies"][extra])
    pins = pinned(ROOT / lock)
    problems = []
    for req in wanted:
        key = re.sub(r"[-_.]+", "-", req.name).lower()
        if key not in pins:
            problems.append(f"{req.name} is not in {lock}: run deploy/lock.sh")
        elif not req.specifier.contains(pins[key], prereleases=True):
            problems.append(f"{req.name}=={pins[key]} is outside {req.specifier}")
    assert problems == []
