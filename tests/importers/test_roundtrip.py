"""Property: any document of headings, lists and paragraphs reads back as the same notes."""

from __future__ import annotations

import html
import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clio.importers.blocks import Block, Heading, ListItem, Paragraph, render_notes
from clio.importers.webpage import html_to_notes
from clio.importers.word import docx_to_notes

WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.;'()&<>–",
    min_size=1,
    max_size=8,
)
TEXT = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
GROUP = st.one_of(
    st.tuples(st.just("h"), st.integers(1, 3), TEXT),
    st.tuples(st.just("p"), st.just(0), TEXT),
    st.tuples(st.just("ul"), st.just(0), st.lists(TEXT, min_size=1, max_size=4)),
    st.tuples(st.just("ol"), st.just(0), st.lists(TEXT, min_size=1, max_size=4)),
)
DOCUMENT = st.lists(GROUP, min_size=1, max_size=8)


def expected(groups: list[tuple[str, int, object]], *, numbering_continues: bool) -> str:
    """The notes the groups should read as."""
    blocks: list[Block] = []
    number = 0
    for kind, level, content in groups:
        if kind == "h":
            blocks.append(Heading(level=level, text=str(content)))
        elif kind == "p":
            blocks.append(Paragraph(text=str(content)))
        else:
            assert isinstance(content, list)
            if not numbering_continues:
                number = 0
            for text in content:
                number += kind == "ol"
                marker = f"{number}." if kind == "ol" else "•"
                blocks.append(ListItem(marker=marker, text=text))
    return render_notes(blocks)


def as_html(groups: list[tuple[str, int, object]]) -> bytes:
    parts = []
    for kind, level, content in groups:
        if kind == "h":
            parts.append(f"<h{level}>{html.escape(str(content))}</h{level}>")
        elif kind == "p":
            parts.append(f"<p>{html.escape(str(content))}</p>")
        else:
            assert isinstance(content, list)
            items = "".join(f"<li>{html.escape(t)}</li>" for t in content)
            parts.append(f"<{kind}>{items}</{kind}>")
    return ("<html><body><main>" + "\n".join(parts) + "</main></body></html>").encode()


def as_docx(groups: list[tuple[str, int, object]]) -> bytes:
    document = docx.Document()
    for kind, level, content in groups:
        if kind == "h":
            document.add_heading(str(content), level=level)
        elif kind == "p":
            document.add_paragraph(str(content))
        else:
            assert isinstance(content, list)
            style = "List Number" if kind == "ol" else "List Bullet"
            for text in content:
                document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@given(DOCUMENT)
@settings(max_examples=40, deadline=None)
def test_web_pages_read_back_as_written(groups: list[tuple[str, int, object]]) -> None:
    assert html_to_notes(as_html(groups)) == expected(groups, numbering_continues=False)


@given(DOCUMENT)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_word_documents_read_back_as_written(groups: list[tuple[str, int, object]]) -> None:
    # Word's "List Number" style is one list for the whole document: numbers run on
    assert docx_to_notes(as_docx(groups)) == expected(groups, numbering_continues=True)
