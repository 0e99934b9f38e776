"""The print HTML loses the whitespace between block-level tags, and only that."""

from roadmap.report.pdf import compact_html


def test_whitespace_between_blocks_goes_and_whitespace_in_text_stays():
    html = (
        "<section>\n  <h2>Titre</h2>\n  <p>Un <b>mot</b> <b>deux</b>\n fin</p>\n"
        '  <ul class="answers">\n    <li>A <b>Vrai</b></li>\n  </ul>\n'
        "<table>\n <tr>\n  <td>1 </td>\n </tr>\n</table>\n"
        '<svg viewBox="0 0 1 1">\n  <text x="1">Un mot</text>\n  <line x1="0"/>\n</svg>\n'
        "<blockquote>  ligne un\nligne deux  </blockquote>\n</section>"
    )
    assert compact_html(html) == (
        "<section><h2>Titre</h2><p>Un <b>mot</b> <b>deux</b>\n fin</p>"
        '<ul class="answers"><li>A <b>Vrai</b></li></ul>'
        "<table><tr><td>1 </td></tr></table>"
        '<svg viewBox="0 0 1 1"><text x="1">Un mot</text><line x1="0"/></svg>'
        "<blockquote>  ligne un\nligne deux  </blockquote></section>"
    )
