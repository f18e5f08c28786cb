"""Saved web pages: content kept, scripts, navigation and boilerplate dropped."""

from __future__ import annotations

from clio.importers.webpage import html_to_notes
from clio.parse import parse_notes
from tests.importers.documents import as_html


def test_boilerplate_is_dropped() -> None:
    notes = html_to_notes(as_html().encode("utf-8"))
    for furniture in ("cookies", "Contact us", "Copyright", "tracker", "Related topics",
                      "History Revision Site", "console.log", "font-family"):  # fmt: skip
        assert furniture not in notes
    assert notes.startswith("# China and the USSR\n")


def test_lists_tables_and_definitions_become_items() -> None:
    page = b"""<html><body><h1>Causes</h1><h2>Long-term, 1900-14</h2>
    <ol start="3"><li>Alliances<ul><li>Triple Entente</li></ul></li><li>Arms race</li></ol>
    <table><tr><th>Term</th><th>Meaning</th></tr>
    <tr><td>Dreadnought</td><td>a battleship</td></tr></table>
    <dl><dt>Schlieffen Plan</dt><dd>Germany's plan for war on two fronts</dd></dl>
    <p>First line<br>second line</p></body></html>"""
    notes = html_to_notes(page)
    assert "3. Alliances\n\n    • Triple Entente\n\n4. Arms race" in notes
    assert "• Dreadnought: a battleship" in notes
    assert "• Schlieffen Plan: Germany's plan for war on two fronts" in notes
    assert "First line\nsecond line" in notes


def test_page_title_is_used_when_there_is_no_h1() -> None:
    page = b"<html><head><title>Weimar Germany | Revision</title></head><body><h2>Crises, 1923</h2>"
    page += b"<ul><li>Hyperinflation: prices doubled every few days</li></ul></body></html>"
    topic = parse_notes(html_to_notes(page))
    assert topic.title == "Weimar Germany"
    assert topic.sections[0].heading == "Crises, 1923"
    assert topic.sections[0].points[0].title == "Hyperinflation"


def test_entities_and_other_encodings_are_decoded() -> None:
    page = "<html><head><meta charset='latin-1'></head><body><p>Caf\xe9 &amp; Mao&#8217;s</p>"
    assert "Café & Mao’s" in html_to_notes(page.encode("latin-1"))


def test_emphasis_inside_text_does_not_split_words() -> None:
    notes = html_to_notes(b"<p>Mao<em>'s</em> visit, <a href='#'>1949</a>.</p>")
    assert notes.strip() == "Mao's visit, 1949."


def test_a_wrapper_named_like_boilerplate_keeps_the_content_inside() -> None:
    page = b"""<body><div class="content-sidebar-wrap"><div class="entry">
    <header class="entry-header"><h1>Weimar</h1></header><p>Hyperinflation, 1923</p></div>
    <div class="sidebar">Popular posts</div><div class="post-navigation">Next post</div>
    <div id="comments">Great notes!</div></div></body>"""
    assert html_to_notes(page) == "# Weimar\n\nHyperinflation, 1923\n"


def test_word_and_google_docs_pages() -> None:
    word = """<html><body lang=EN-GB><div class=WordSection1><p class=MsoTitle>China</p>
    <h1>Korean War, 1950-53</h1>
    <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>a.<span>
    &nbsp;&nbsp; </span></span><![endif]><b>Kim Il Sung, Jun 1950</b></p>
    <p class=MsoNormal>Kim asked Stalin and Mao to attack South Korea</p>
    <p class=MsoNormal><o:p>&nbsp;</o:p></p></div></body></html>"""
    assert html_to_notes(word.encode("cp1252")) == (
        "# China\n\n# Korean War, 1950-53\n\na. Kim Il Sung, Jun 1950\n\n"
        "Kim asked Stalin and Mao to attack South Korea\n"
    )
    google = (
        '<html><body class="doc-content"><p class="c3 title"><span>Weimar</span></p>'
        '<h2><span>Crises, 1923</span></h2><ul class="lst-kix_a-0 start"><li class="c1">'
        "<span>Hyperinflation</span><span>: prices doubled</span></li></ul></body></html>"
    )
    topic = parse_notes(html_to_notes(google.encode()))
    assert topic.title == "Weimar"
    assert topic.sections[0].points[0].title == "Hyperinflation"
