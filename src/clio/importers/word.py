"""Word (.docx) documents to notes text: headings, numbered/lettered/bulleted lists, paragraphs."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from clio.errors import InputError
from clio.importers.blocks import Block, Heading, ListItem, Paragraph, list_marker, render_notes

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_LIST_STYLE = re.compile(r"^list (?:bullet|number|continue)(?:\s+(\d))?$", re.I)


@dataclass
class _Numbering:
    """Word's list definitions: which format each list level uses, and where it starts."""

    formats: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    counters: dict[tuple[str, int], int] = field(default_factory=dict)

    def marker(self, num_id: str, level: int) -> str:
        fmt, start = self.formats.get((num_id, level), ("decimal", 1))
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for other in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[other]  # a new item restarts the levels below it
        return list_marker(self.counters[key], fmt)


def docx_to_notes(data: bytes, *, file: str = "<input>") -> str:
    """The notes text of a Word document."""
    import docx  # python-docx: only needed for Word files

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"not a readable Word (.docx) document ({error})", file=file) from None
    except Exception as error:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise InputError(
            f"not a readable Word (.docx) document ({type(error).__name__}: {error})", file=file
        ) from None
    numbering = _read_numbering(document)
    styles = _StyleChains()
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            blocks.extend(_table_blocks(item))
        else:
            block = _paragraph_block(item, numbering, styles)
            if block is not None:
                blocks.append(block)
    return render_notes(blocks)


def _read_numbering(document: Any) -> _Numbering:
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return numbering
    abstract: dict[str, dict[int, tuple[str, int]]] = {}
    for node in root.findall(f"{_W}abstractNum"):
        levels: dict[int, tuple[str, int]] = {}
        for lvl in node.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            start = lvl.find(f"{_W}start")
            levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                int(start.get(f"{_W}val", "1")) if start is not None else 1,
            )
        abstract[node.get(f"{_W}abstractNumId", "")] = levels
    for num in root.findall(f"{_W}num"):
        num_id = num.get(f"{_W}numId", "")
        ref = num.find(f"{_W}abstractNumId")
        levels = abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {})
        for level, (fmt, start) in levels.items():
            numbering.formats[(num_id, level)] = (fmt, start)
        for override in num.findall(f"{_W}lvlOverride"):
            level = int(override.get(f"{_W}ilvl", "0"))
            restart = override.find(f"{_W}startOverride")
            if restart is not None:
                fmt = numbering.formats.get((num_id, level), ("decimal", 1))[0]
                numbering.formats[(num_id, level)] = (fmt, int(restart.get(f"{_W}val", "1")))
    return numbering


class _StyleChains:
    """Each paragraph style with the styles it is based on, looked up once per style id."""

    def __init__(self) -> None:
        self._cache: dict[str | None, list[Any]] = {}

    def of(self, paragraph: Any) -> list[Any]:
        style_id = paragraph._p.style  # looking up ``paragraph.style`` each time is slow
        if style_id not in self._cache:
            chain: list[Any] = []
            style = paragraph.style
            while style is not None and len(chain) < 10:
                chain.append(style)
                style = style.base_style
            self._cache[style_id] = chain
        return self._cache[style_id]


def _heading_level(chain: list[Any]) -> int | None:
    for style in chain:
        name = (style.name or "").strip()
        if name.lower() == "title":
            return 1
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
    return None


def _num_pr(paragraph: Any, chain: list[Any]) -> tuple[str, int] | None:
    candidates = [paragraph._p.pPr] + [s.element.pPr for s in chain]
    for ppr in candidates:
        if ppr is None or ppr.numPr is None:
            continue
        num_id = ppr.numPr.numId
        if num_id is None or num_id.val == 0:
            return None  # numbering switched off explicitly
        level = ppr.numPr.ilvl.val if ppr.numPr.ilvl is not None else 0
        return str(num_id.val), int(level)
    return None


def _paragraph_text(paragraph: Any, *, mark_bold: bool) -> str:
    text = str(paragraph.text).replace("\t", " ")
    if not mark_bold:
        return text
    # A bold lead-in ("**Soviet Communism**: ...") is how many notes title a point.
    lead = ""
    for run in paragraph.runs:
        if not run.text.strip() and not lead:
            continue
        if run.bold:
            lead += run.text
        else:
            break
    lead = lead.strip()
    if lead and lead != text.strip() and text.strip().startswith(lead):
        rest = text.strip()[len(lead) :].lstrip(" :.–—-")
        return f"**{lead}**: {rest}" if rest else f"**{lead}**"
    return text


def _paragraph_block(paragraph: Any, numbering: _Numbering, styles: _StyleChains) -> Block | None:
    if not paragraph.text.strip():
        return None
    chain = styles.of(paragraph)
    level = _heading_level(chain)
    if level is not None:
        return Heading(level=level, text=paragraph.text)
    num = _num_pr(paragraph, chain)
    text = _paragraph_text(paragraph, mark_bold=True)
    if num is not None:
        num_id, level = num
        marker = numbering.marker(num_id, level)
        # "List Bullet 2" and the like nest by style, each with its own single-level list
        depth = max(level, _style_depth(chain))
        return ListItem(marker=marker, text=text, depth=depth)
    return Paragraph(text=text)


def _style_depth(chain: list[Any]) -> int:
    for style in chain:
        match = _LIST_STYLE.match((style.name or "").strip())
        if match:
            return int(match.group(1) or "1") - 1
    return 0


def _table_blocks(table: Any) -> list[Block]:
    blocks: list[Block] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if len(cells) == 2:
            blocks.append(ListItem(marker="•", text=f"{cells[0]}: {cells[1]}"))
        elif cells:
            blocks.append(Paragraph(text=" – ".join(cells)))
    return blocks
