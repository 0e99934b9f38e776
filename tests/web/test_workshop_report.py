"""The group report of a workshop: a tagged PDF from the same engine as the individual report,
in the language the trainer chooses, with both rounds, agreed scores, roles that pass k and the
group's recommendations; nothing below k."""

from __future__ import annotations

import re
import subprocess

from .test_report import ARTEFACTS, pdf_text
from .test_workshop_consensus import open_room, phones, revote, trainer_post
from .test_workshops import create_workshop, set_state
from .test_workshops import trainer as trainer  # noqa: F401 (the trainer fixture)


def consensus_room(app, post_form, org):
    wid, room = open_room(app, post_form, org)
    trainer_post(post_form, org, wid, "revote", {"item": "e1"})
    for phone, token in room:
        revote(phone, token, "4")
    trainer_post(post_form, org, wid, "revote", {"to": "close"})
    trainer_post(
        post_form, org, wid, "agreement",
        {"subject": "item:e1", "score": "4", "rationale": "Publiées, sauf les budgets.",
         "dissent": "Une personne pense que rien n’est publié."},
    )  # fmt: skip
    trainer_post(
        post_form, org, wid, "agreement",
        {"subject": "dimension:ethics", "score": "55", "rationale": "Un bon départ."},
    )  # fmt: skip
    return wid, room


def test_the_group_report_in_french_is_tagged_and_complete(app, client, post_form, trainer):
    wid, _room = consensus_room(app, post_form, trainer)
    response = client.get(f"/workshops/{trainer}/{wid}/report.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert re.search(
        r'filename="rapport-atelier-atelier-de-laval-\d{4}-\d\d-\d\d\.pdf"',
        response.headers["Content-Disposition"],
    )
    reader, text = pdf_text(response.data)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title.startswith("Rapport de groupe")
    for expected in (
        "L’état de préparation du groupe",
        "Tour de consensus",
        "Premier tour",
        "médiane 3, moitié centrale 2–4, 4 personnes",
        "médiane 4, moitié centrale 4–4, 4 personnes",
        "La médiane est passée de 3 à 4.",
        "La salle s’est rapprochée.",
        "Publiées, sauf les budgets.",
        "rien n’est publié",
        "Un bon départ.",
        "Recommandations pour le groupe",
        "Méthode",
        "deux camps",
    ):
        assert expected in text, expected
    # Four front-line people and nobody else: the role is the whole room, shown; no English.
    for english in ("Consensus round", "First round", "Method", "The median"):
        assert english not in text, english


def test_the_group_report_in_english_and_nothing_below_k(app, client, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    room = phones(app, wid, [(2, 3), (2, 3), (4, 3), (4, 3)])
    trainer_post(post_form, trainer, wid, "revote", {"item": "e1"})
    for phone, token in room[:2]:  # two re-vote answers, k = 3
        revote(phone, token, "5")
    response = client.get(f"/workshops/{trainer}/{wid}/report.pdf?lang=en")
    assert 'filename="workshop-report-atelier-de-laval-' in response.headers["Content-Disposition"]
    reader, text = pdf_text(response.data)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Consensus round" in text and "fewer than 3 answers" in text
    assert "median 5" not in text and "The median rose" not in text


def test_a_room_below_k_gets_a_report_without_figures(app, client, post_form, trainer):
    wid = create_workshop(post_form, trainer)
    set_state(post_form, trainer, wid, "open")
    phones(app, wid, [(5, 5), (1, 1)])
    _reader, text = pdf_text(client.get(f"/workshops/{trainer}/{wid}/report.pdf").data)
    assert "Moins de 3 personnes ont répondu" in text
    assert "médiane" not in text.split("Méthode")[0]


def test_group_report_pages_render_to_png_for_a_visual_check(app, client, post_form, trainer):
    wid, _room = consensus_room(app, post_form, trainer)
    ARTEFACTS.mkdir(exist_ok=True)
    pdf = ARTEFACTS / "workshop-report-fr.pdf"
    pdf.write_bytes(client.get(f"/workshops/{trainer}/{wid}/report.pdf").data)
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(pdf), str(ARTEFACTS / "workshop-report-fr")],
        check=True,
    )
    assert list(ARTEFACTS.glob("workshop-report-fr-*.png"))
