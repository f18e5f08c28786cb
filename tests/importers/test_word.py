"""Word documents: headings, numbered, lettered and bulleted lists, bold lead-ins, tables."""

from __future__ import annotations

import io

import docx
import pytest

from clio.errors import InputError
from clio.importers.word import docx_to_notes


def _bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_styles_become_notes_lines() -> None:
    document = docx.Document()
    document.add_heading("The Cold War", level=0)
    document.add_heading("Origins, 1945-49", level=1)
    document.add_paragraph("Yalta", style="List Number")
    document.add_paragraph("Potsdam", style="List Number")
    document.add_paragraph("Big Three met", style="List Bullet")
    lead = document.add_paragraph()
    lead.add_run("Truman Doctrine").bold = True
    lead.add_run(" – containment of communism, 1947")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Marshall Aid"
    table.rows[0].cells[1].text = "$13bn to rebuild Europe"
    notes = docx_to_notes(_bytes(document))
    assert notes.splitlines()[::2] == [
        "# The Cold War",
        "# Origins, 1945-49",
        "1. Yalta",
        "2. Potsdam",
        "• Big Three met",
        "**Truman Doctrine**: containment of communism, 1947",
        "• Marshall Aid: $13bn to rebuild Europe",
    ]


def test_a_broken_file_names_itself() -> None:
    with pytest.raises(InputError, match=r"notes\.docx: not a readable Word"):
        docx_to_notes(b"PK\x03\x04 not really a zip", file="notes.docx")


def test_nested_list_styles_indent() -> None:
    document = docx.Document()
    document.add_heading("Causes, 1914", level=1)
    document.add_paragraph("Alliances", style="List Bullet")
    document.add_paragraph("Triple Entente", style="List Bullet 2")
    document.add_paragraph("Arms race", style="List Bullet")
    notes = docx_to_notes(_bytes(document))
    assert "• Alliances\n\n    • Triple Entente\n\n• Arms race" in notes
    from clio.parse import parse_notes

    point = parse_notes(notes).sections[0].points[0]
    assert point.title == "Alliances" and "Triple Entente" in point.text
