"""Text PDFs: paragraphs rebuilt from lines, page furniture dropped, scans refused with a reason."""

from __future__ import annotations

import pytest
import weasyprint

from clio.errors import InputError
from clio.importers.pdf import pdf_to_notes
from clio.parse import parse_notes


def _pdf(html: str) -> bytes:
    result: bytes = weasyprint.HTML(string=html).write_pdf()
    return result


def test_pages_join_and_page_numbers_go() -> None:
    style = "@page { size: A6; @bottom-center { content: 'Page ' counter(page) } }"
    points = "".join(
        f"<li>Point {n}: an explanation long enough to wrap across several lines of the small "
        f"page, in {1900 + n}.</li>"
        for n in range(1, 13)
    )
    notes = pdf_to_notes(_pdf(f"<style>{style}</style><h1>Long notes</h1><ul>{points}</ul>"))
    assert "Page 1" not in notes and "Page 2" not in notes
    topic = parse_notes(notes)
    assert topic.title == "Long notes"
    points_found = [p for _, p in topic.points()]
    assert len(points_found) == 12
    assert points_found[11].text.endswith("of the small page, in 1912.")


def test_a_pdf_without_text_is_refused_with_a_reason() -> None:
    blank = _pdf("<div style='width: 5cm; height: 5cm; background: black'></div>")
    with pytest.raises(InputError, match="no text to read"):
        pdf_to_notes(blank, file="scan.pdf")


def test_a_file_that_is_not_a_pdf_says_so() -> None:
    with pytest.raises(InputError, match=r"fake\.pdf: cannot read this PDF"):
        pdf_to_notes(b"this is not a pdf at all", file="fake.pdf")


def test_a_bold_line_of_body_size_stays_apart_from_its_paragraph() -> None:
    tight = "p { margin: 0; }"
    notes = pdf_to_notes(
        _pdf(
            f"<style>{tight}</style><p><b>Korean War, 1950-53</b></p>"
            "<p>In June 1950 the North invaded the South; the UN sent troops to defend it.</p>"
        )
    )
    assert notes == (
        "Korean War, 1950-53\n\n"
        "In June 1950 the North invaded the South; the UN sent troops to defend it.\n"
    )


def test_two_columns_are_read_one_after_the_other() -> None:
    left = " ".join(f"Left {n} explains the causes of the war in some detail." for n in range(6))
    right = " ".join(f"Right {n} explains the course of the war in detail." for n in range(6))
    page = (
        "<style>@page { size: A5 } .cols { columns: 2; column-gap: 1.2cm } p { margin: 0 }</style>"
        f"<h1>Two columns</h1><div class='cols'><p>{left}</p><p>{right}</p></div>"
    )
    notes = pdf_to_notes(_pdf(page))
    paragraphs = notes.split("\n\n")
    assert paragraphs[0] == "# Two columns"
    text = " ".join(paragraphs[1:])
    assert left in text and right in text
    assert text.index(left) < text.index(right)
