"""Markdown: links, images, comments and front matter go; setext headings become ``#``."""

from __future__ import annotations

from clio.importers.markdown import markdown_to_notes


def test_markup_the_parser_does_not_read_is_removed() -> None:
    text = (
        "---\ntags: [x]\n---\nWeimar\n======\n\nCrises\n------\n\n- [Hyperinflation](h.md), 1923\n"
    )
    text += "![chart](c.png)\n<!-- todo -->\n"
    notes = markdown_to_notes(text)
    assert notes.split("\n")[:5] == ["# Weimar", "", "## Crises", "", "- Hyperinflation, 1923"]
    assert "chart" not in notes
    assert "todo" not in notes
