"""Text PDFs to notes text: lines rebuilt into headings, list items and paragraphs by layout."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from clio.errors import InputError
from clio.importers.blocks import Block, Heading, ListItem, Paragraph, render_notes

_MARKER = re.compile(
    r"^(?P<marker>[•◦▪‣●○■□➢►\-\*–·]|\d{1,3}[.)]|[a-zA-Z][.)]|\([a-zA-Z0-9]{1,3}\)|"
    r"(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s+(?P<rest>\S.*)$"
)
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})
_SENTENCE_END = (".", "!", "?", ":", ";")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.I)


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    size: float
    text: str
    bold: bool = False


def pdf_to_notes(data: bytes, *, file: str = "<input>") -> str:
    """The notes text of a PDF with a text layer (scanned pages need OCR first)."""
    lines = _read_lines(data, file=file)
    if not lines:
        raise InputError(
            "this PDF has no text to read (a scanned image?): run OCR on it, or export the "
            "notes as text, Word or a text PDF",
            file=file,
        )
    lines = _drop_page_furniture(lines)
    return render_notes(_build_blocks(lines))


def _read_lines(data: bytes, *, file: str) -> list[_Line]:
    from pdfminer.high_level import extract_pages  # pdfminer.six: only needed for PDFs

    lines: list[_Line] = []
    try:
        for number, page in enumerate(extract_pages(io.BytesIO(data)), start=1):
            lines.extend(_merge_same_baseline(number, list(_text_lines(page))))
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many types: syntax, encryption, streams
        reason = str(error) or type(error).__name__
        if "password" in reason.lower() or "encrypt" in type(error).__name__.lower():
            reason = "the PDF is encrypted; save an unprotected copy"
        raise InputError(f"cannot read this PDF ({reason})", file=file) from None
    return lines


@dataclass
class _Piece:
    """A line of text as pdfminer found it; a printed line may be several pieces."""

    x0: float
    x1: float
    bottom: float
    top: float
    size: float
    text: str
    bold: bool

    @property
    def marker_only(self) -> bool:
        return " " not in self.text.strip() and _MARKER.match(self.text.strip() + " x") is not None


def _text_lines(node: Any) -> Any:
    from pdfminer.layout import LTChar, LTTextLine

    for child in node:
        if isinstance(child, LTTextLine):
            text = child.get_text().translate(_LIGATURES).replace("\n", " ")
            chars = [c for c in child if isinstance(c, LTChar) and c.get_text().strip()]
            if text.strip() and chars:
                size = Counter(round(c.size, 1) for c in chars).most_common(1)[0][0]
                bold = all(_BOLD.search(c.fontname) for c in chars)
                yield _Piece(
                    x0=child.x0, x1=child.x1, bottom=child.y0, top=child.y1, size=size,
                    text=text.strip(), bold=bold,
                )  # fmt: skip
        elif hasattr(child, "__iter__"):
            yield from _text_lines(child)


def _right_neighbour(pieces: list[_Piece], piece: _Piece, reach: float) -> _Piece | None:
    best: _Piece | None = None
    for other in pieces:
        if other is piece or abs(other.bottom - piece.bottom) >= 2.0:
            continue
        gap = other.x0 - piece.x1
        if -2.0 <= gap <= reach and (best is None or other.x0 < best.x0):
            best = other
    return best


def _merge_same_baseline(page: int, pieces: list[_Piece]) -> list[_Line]:
    """Join pieces printed on one line, keeping pdfminer's reading order (columns stay apart).

    A list marker is its own piece, often ordered away from its text: it joins the text to
    its right. Other pieces join a neighbour that starts within about a letter's width.
    """
    pieces = list(pieces)
    for marker in [p for p in pieces if p.marker_only]:
        text = _right_neighbour(pieces, marker, reach=max(30.0, 3 * marker.size))
        if text is not None and not text.marker_only:
            text.text = f"{marker.text} {text.text}"
            text.x0 = marker.x0
            pieces.remove(marker)
    lines: list[_Line] = []
    while pieces:
        current = pieces.pop(0)
        while (after := _right_neighbour(pieces, current, reach=current.size)) is not None:
            current.text = f"{current.text} {after.text}"
            current.x1 = after.x1
            current.bold = current.bold and after.bold
            current.size = max(current.size, after.size)
            pieces.remove(after)
        lines.append(
            _Line(
                page=page,
                top=current.top,
                bottom=current.bottom,
                x0=current.x0,
                size=current.size,
                text=current.text,
                bold=current.bold,
            )
        )
    return lines


def _drop_page_furniture(lines: list[_Line]) -> list[_Line]:
    """Remove page numbers and running headers/footers repeated across pages."""
    pages = max(line.page for line in lines)
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    edges = [ln for group in by_page.values() for ln in group[:2] + group[-2:]]
    pages_with: dict[str, set[int]] = {}
    for line in edges:
        pages_with.setdefault(_shape(line.text), set()).add(line.page)
    needed = max(2, pages // 2 + 1)
    drop = {
        id(line)
        for line in edges
        if _PAGE_NUMBER.match(line.text)
        or (pages >= 2 and len(pages_with[_shape(line.text)]) >= needed)
    }
    return [line for line in lines if id(line) not in drop]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _build_blocks(lines: list[_Line]) -> list[Block]:
    body = Counter(ln.size for ln in lines for _ in range(max(1, len(ln.text)))).most_common(1)[0][
        0
    ]
    heading_sizes = sorted({ln.size for ln in lines if ln.size > body * 1.1}, reverse=True)
    first_is_title = bool(heading_sizes) and (
        lines[0].size == heading_sizes[0]
        and sum(1 for ln in lines if ln.size == heading_sizes[0]) == _run_length(lines, 0)
    )
    marker_xs = sorted({round(ln.x0) for ln in lines if _MARKER.match(ln.text)})
    blocks: list[Block] = []
    current: dict[str, Any] | None = None
    previous: _Line | None = None

    def close() -> None:
        nonlocal current
        if current is None:
            return
        text = current["text"]
        if current["kind"] == "heading":
            blocks.append(Heading(level=current["level"], text=text))
        elif current["kind"] == "item":
            blocks.append(ListItem(marker=current["marker"], text=text, depth=current["depth"]))
        else:
            blocks.append(Paragraph(text=text))
        current = None

    for line in lines:
        is_heading = line.size > body * 1.1
        gap_break = previous is None or _gap_breaks(previous, line)
        marker = _MARKER.match(line.text)
        if is_heading:
            rank = heading_sizes.index(line.size)
            level = 1 if (rank == 0 and first_is_title) else rank + 2 - int(first_is_title)
            continues = current is not None and current["kind"] == "heading" and not gap_break
            if continues and current is not None and current["size"] == line.size:
                current["text"] = _join(current["text"], line.text)
                previous = line
                continue
            close()
            current = {"kind": "heading", "level": level, "size": line.size, "text": line.text}
        elif marker:
            close()
            depth = _depth(marker_xs, line.x0)
            current = {"kind": "item", "marker": marker.group("marker"), "depth": depth,
                       "text": marker.group("rest"), "size": line.size}  # fmt: skip
        elif current is not None and current["kind"] != "heading" and not gap_break:
            current["text"] = _join(current["text"], line.text)
        else:
            close()
            current = {"kind": "paragraph", "text": line.text, "size": line.size}
        previous = line
    close()
    return blocks


def _run_length(lines: list[_Line], start: int) -> int:
    count = 1
    while start + count < len(lines) and lines[start + count].size == lines[start].size:
        count += 1
    return count


def _gap_breaks(previous: _Line, line: _Line) -> bool:
    gap = previous.bottom - line.top
    if line.page != previous.page or gap < -line.size:
        # on to the next page or column: the paragraph continues unless its last line ended it
        return previous.text.rstrip().endswith(_SENTENCE_END) or line.size != previous.size
    if line.bold != previous.bold:
        return True  # a bold line between plain ones is a title, not part of a paragraph
    return gap > 0.45 * max(line.size, previous.size) or line.size != previous.size


def _depth(marker_xs: list[int], x0: float) -> int:
    levels: list[int] = []
    for x in marker_xs:
        if not levels or x - levels[-1] > 6:
            levels.append(x)
    for index, x in enumerate(levels):
        if abs(round(x0) - x) <= 6:
            return index
    return 0


def _join(text: str, more: str) -> str:
    if text.endswith("-") and more[:1].islower():
        return text + more  # a word broken over two lines
    return f"{text} {more}"
