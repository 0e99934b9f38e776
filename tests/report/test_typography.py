"""French print typography: unbreakable spaces before : ; ? ! % and inside guillemets."""

from roadmap.report.typography import NBSP, NNBSP, french_spacing_html, french_spacing_text


def test_spaces_become_unbreakable():
    assert french_spacing_text("Note : oui ; non ? si ! « bien »") == (
        f"Note{NBSP}: oui{NNBSP}; non{NNBSP}? si{NNBSP}! «{NNBSP}bien{NNBSP}»"
    )


def test_no_space_is_added_and_urls_are_untouched():
    assert french_spacing_text("Ratio 3:1, http://x.org?a=1") == "Ratio 3:1, http://x.org?a=1"


def test_only_text_between_tags_changes():
    html = '<p title="a : b">Pourquoi ?</p><style>@page :first { }</style>'
    out = french_spacing_html(html)
    assert 'title="a : b"' in out
    assert f"Pourquoi{NNBSP}?" in out
    assert "@page :first" in out


def test_a_percentage_stays_with_its_number():
    assert french_spacing_text("moins de 50 % des énoncés, 100%") == (
        f"moins de 50{NBSP}% des énoncés, 100%"
    )


def test_quotes_inside_a_quoted_label_take_the_inner_kind():
    from roadmap.report.typography import inner_quotes

    assert (
        inner_quotes("Nous appelons « cocréation » ceci", "fr") == "Nous appelons “cocréation” ceci"
    )
    assert inner_quotes('Un "atelier" ici', "fr") == "Un “atelier” ici"
    assert inner_quotes('We call it "co-creation"', "en") == "We call it ‘co-creation’"
    assert inner_quotes("A “workshop” here", "en") == "A ‘workshop’ here"
    assert inner_quotes("l’avis des gens", "fr") == "l’avis des gens"


def test_typeset_spaces_french_only():
    from roadmap.report.typography import typeset

    assert typeset("Note : oui", "fr") == f"Note{NBSP}: oui"
    assert typeset("Note : oui", "en") == "Note : oui"


def test_heading_lines_become_headings_and_the_rest_stays_paragraphs():
    from roadmap.report.textformat import paragraphs

    html = str(paragraphs("## Les réponses\n\nUn texte <b>.\n\n### Détail\n- un\n- deux"))
    assert html == (
        '<h2 class="govuk-heading-m">Les réponses</h2>'
        '<p class="govuk-body">Un texte &lt;b&gt;.</p>'
        '<h3 class="govuk-heading-s">Détail</h3>'
        '<ul class="govuk-list govuk-list--bullet"><li>un</li><li>deux</li></ul>'
    )
