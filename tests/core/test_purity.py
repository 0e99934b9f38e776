"""roadmap/core must stay pure: no web framework, database or PDF imports."""

import ast
from pathlib import Path

import roadmap.core

FORBIDDEN = ("flask", "flask_", "sqlalchemy", "weasyprint", "werkzeug", "jinja2", "alembic")


def test_core_imports_no_framework():
    core = Path(roadmap.core.__file__).parent
    offenders = []
    for path in core.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.ImportFrom) and node.level > 1:
                names = ["(relative import outside core)"]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0].startswith(FORBIDDEN) or n.startswith("(")
            ]
    assert offenders == []
