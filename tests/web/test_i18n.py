"""The French catalogue is complete, current, compiled, and the pages use it."""

import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).parent.parent.parent
TRANSLATIONS = ROOT / "roadmap" / "translations"
PO = TRANSLATIONS / "fr" / "LC_MESSAGES" / "messages.po"
MO = TRANSLATIONS / "fr" / "LC_MESSAGES" / "messages.mo"


def ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def test_template_is_current_with_the_source(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--no-location",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with fresh.open() as new, (TRANSLATIONS / "messages.pot").open() as committed:
        assert ids(read_po(new)) == ids(read_po(committed)), "re-run pybabel extract and update"


def test_every_string_has_a_french_translation():
    with PO.open() as handle:
        catalog = read_po(handle)
    with (TRANSLATIONS / "messages.pot").open() as handle:
        wanted = ids(read_po(handle))
    translated = {}
    for message in catalog:
        if not message.id or "fuzzy" in message.flags:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings):
            translated[message.id] = strings
    assert wanted - set(translated) == set()
    for msgid, strings in translated.items():
        source = msgid if isinstance(msgid, str) else msgid[0]
        for string in strings:
            assert sorted(_placeholders(source)) == sorted(_placeholders(string)), msgid


def _placeholders(text: str) -> list[str]:
    import re

    return re.findall(r"%\([a-z_]+\)[sd]", text)


def test_compiled_catalogue_matches_the_po_file():
    def plain(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    with PO.open() as handle:
        po = {plain(m.id): plain(m.string) for m in read_po(handle) if m.id}
    with MO.open("rb") as handle:
        mo = {plain(m.id): plain(m.string) for m in read_mo(handle) if m.id}
    assert mo == po, "run: pybabel compile -d roadmap/translations"


def test_french_pages_are_in_french(client):
    html = client.get("/").get_data(as_text=True)
    assert "Commencer un autodiagnostic" in html or "Commencer" in html
    assert "Start an assessment" not in html
    html = client.get("/assessment/start").get_data(as_text=True)
    assert "Your role" not in html and "Votre rôle" in html


def test_weights_sentence_is_joined_and_spaced_as_each_language_writes(app):
    from flask_babel import force_locale

    from roadmap.content.loader import load_file
    from roadmap.report.wording import dimension_weights_text

    q, problems = load_file(ROOT / "questionnaires" / "cosie-readiness.yaml")
    assert not problems
    heavier = (("shared_power", 1.5), ("relations", 1.5), ("outreach", 2))
    with app.test_request_context():
        with force_locale("fr"):
            french = dimension_weights_text(q, heavier, "fr")
        with force_locale("en"):
            english = dimension_weights_text(q, heavier, "en")
    nb = "\u202f"  # narrow no-break space inside « » and before ; (report/typography.py)
    assert french == (
        f"«{nb}Partage du pouvoir et des risques{nb}» et «{nb}Relations et écoute{nb}» "
        f"comptent pour 1,5 et «{nb}Aller vers les gens{nb}» compte pour 2{nb}; "
        "les autres dimensions comptent pour 1."
    )
    assert english == (
        "“Sharing power and risk” and “Relationships and listening” count 1.5 and "
        "“Reaching people where they are” counts 2; the other dimensions count 1."
    )
