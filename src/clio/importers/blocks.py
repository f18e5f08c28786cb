"""Document structure shared by the importers, and how it is written as notes text.

Every importer turns its format into a list of blocks (headings, list items, paragraphs);
:func:`render_notes` writes them in the layout :func:`clio.parse.parse_notes` reads, so every
format goes through the same parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"[ \t\u00a0\u2007\u202f\u2009]+")


@dataclass(frozen=True, kw_only=True)
class Heading:
    """A heading; ``level`` 1 is the document title."""

    level: int
    text: str


@dataclass(frozen=True, kw_only=True)
class ListItem:
    """One item of a numbered, lettered or bulleted list."""

    marker: str  # "1.", "a.", "•"
    text: str
    depth: int = 0


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """A paragraph of running text (lines broken by the author are kept)."""

    text: str


Block = Heading | ListItem | Paragraph


def clean_inline(text: str) -> str:
    """Collapse runs of spaces inside a line and trim each line."""
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def render_notes(blocks: list[Block]) -> str:
    """The blocks as notes text: ``#`` headings, ``1.``/``a.``/``•`` items, paragraphs."""
    out: list[str] = []
    for block in blocks:
        text = clean_inline(block.text)
        if not text:
            continue
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            out.append(f"{'#' * level} {' '.join(text.splitlines())}")
        elif isinstance(block, ListItem):
            indent = "    " * block.depth
            first, *rest = text.splitlines()
            lines = [f"{indent}{block.marker} {first}"]
            lines += [f"{indent}    {line}" for line in rest]
            out.append("\n".join(lines))
        else:
            out.append(text)
    return "\n\n".join(out) + "\n" if out else ""


def to_letters(number: int, *, upper: bool = False) -> str:
    """1 -> "a", 27 -> "aa" (the way word processors letter long lists)."""
    letters = ""
    while number > 0:
        number, rem = divmod(number - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters.upper() if upper else letters


def to_roman(number: int, *, upper: bool = False) -> str:
    """1 -> "i", 4 -> "iv"."""
    table = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    result = ""
    for value, numeral in table:
        while number >= value:
            result += numeral
            number -= value
    return result.upper() if upper else result


def list_marker(number: int, style: str) -> str:
    """The marker for item ``number`` of a list in ``style`` (decimal, lowerLetter, bullet...)."""
    if style == "bullet":
        return "•"
    if style in ("lowerLetter", "lower-alpha", "lower-latin", "a"):
        return f"{to_letters(number)}."
    if style in ("upperLetter", "upper-alpha", "upper-latin", "A"):
        return f"{to_letters(number, upper=True)}."
    if style in ("lowerRoman", "lower-roman", "i"):
        return f"{to_roman(number)}."
    if style in ("upperRoman", "upper-roman", "I"):
        return f"{to_roman(number, upper=True)}."
    return f"{number}."
