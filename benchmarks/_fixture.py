"""Shared set-up for the page and report benchmarks: an app on a temporary SQLite database."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from roadmap import create_app

ROOT = Path(__file__).resolve().parent.parent
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_app():
    db = Path(tempfile.mkdtemp()) / "bench.db"
    return create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db}"})


def csrf(client, url: str) -> str:
    return CSRF.search(client.get(url).get_data(as_text=True)).group(1)


def submitted_assessment(client, example: str = "mixed-team.json", service: str = "Bench") -> str:
    """Fill in a whole assessment through the wizard from an example answers file."""
    doc = json.loads((ROOT / "examples" / example).read_text())
    response = client.post(
        "/assessment/start",
        data={
            "csrf_token": csrf(client, "/assessment/start"),
            "language": doc["locale"],
            "service_name": service,
            "role": "manager",
        },
    )
    token = response.headers["Location"].split("/")[-2]
    app = client.application
    q = app.extensions["roadmap.catalogue"].get(doc["questionnaire"])
    for section in q.sections:
        url = f"/assessment/{token}/step/{section.id}"
        data = {"csrf_token": csrf(client, url)}
        for item in section.items:
            if item.id in doc["answers"]:
                data[item.id] = str(doc["answers"][item.id])
            if item.id in doc.get("reflections", {}):
                data[item.id] = doc["reflections"][item.id]
        assert client.post(url, data=data).status_code == 302
    client.post(
        f"/assessment/{token}/check",
        data={"csrf_token": csrf(client, f"/assessment/{token}/check")},
    )
    return token
