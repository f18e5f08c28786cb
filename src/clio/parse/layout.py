"""The role of each line in the layout: headings, list items, a point's explanation."""

from __future__ import annotations

import re
from collections.abc import Callable

from clio.parse.dates import find_dates
from clio.parse.lines import BLANK, MARKER, TEXT, Line, LineKind

_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")

INLINE_TITLE = re.compile(
    r"^(?P<title>[^:;]{2,90}?)\s*(?P<sep>:|;|\s[-–—]\s|\s(?:→|->|=>)\s)\s*(?P<text>\S.*)$"
)


def inline_title(text: str) -> re.Match[str] | None:
    """``INLINE_TITLE.match(text)``, skipped for text with no separator character in it."""
    if (
        ":" in text
        or ";" in text
        or "-" in text
        or "–" in text
        or "—" in text
        or "→" in text
        or "=>" in text
    ):
        return INLINE_TITLE.match(text)
    return None


def strip_emphasis(text: str) -> str:
    """Remove Markdown emphasis markers, keeping the words."""
    if "*" not in text and "_" not in text:
        return text.strip()
    return _EMPHASIS.sub(lambda m: m.group(2) or m.group(4) or "", text).strip()


def heading_style(text: str) -> str:
    """How a plain-text heading is set: capitals, bold, a final colon ("upper+colon")."""
    bare = strip_emphasis(text)
    marks = [
        "upper" if bare.isupper() else "",
        "bold" if text.strip().startswith(("**", "__")) else "",
        "colon" if bare.endswith(":") else "",
    ]
    return "+".join(m for m in marks if m) or "plain"


def is_heading_like(text: str) -> bool:
    """A short line that reads as a heading or title, not a sentence."""
    plain = strip_emphasis(text).strip()
    if not plain or len(plain) > 120 or len(plain.split()) > 16:
        return False
    if plain[-1] in ".,;" and not plain.endswith("..."):
        return False
    return plain[0].isupper() or plain[0].isdigit() or plain[0] in "‘'\"“($£€"


def titles_paragraph(lines: list[Line], index: int) -> bool:
    """A short title-like line ("The police state") with a paragraph of sentences right under
    it (no blank line between) is that paragraph's title."""
    line = lines[index]
    if index + 1 >= len(lines) or len(line.text.split()) > 8 or not is_heading_like(line.text):
        return False
    below = lines[index + 1]
    return (
        below.kind is TEXT
        and below.indent <= line.indent
        and len(below.text.split()) >= 8
        and not is_heading_like(below.text)
        and below.text[:1].isupper()
    )


def next_content(lines: list[Line], start: int) -> Line | None:
    """The first non-blank line from ``start`` on, or None."""
    for line in lines[start:]:
        if line.kind is not BLANK:
            return line
    return None


def next_indexes(lines: list[Line]) -> list[int | None]:
    """For each line, the index of the next non-blank line after it (or None)."""
    result: list[int | None] = [None] * len(lines)
    following: int | None = None
    for index in range(len(lines) - 1, -1, -1):
        result[index] = following
        if lines[index].kind is not BLANK:
            following = index
    return result


def _is_item_like(text: str) -> bool:
    """A line that reads as an unmarked list item: "1917 – February Revolution", "Kulak: ..."."""
    dates = find_dates(text[:40])
    if dates and dates[0].start == 0 and text[dates[0].end : dates[0].end + 1] in " :,–—-":
        return True
    inline = inline_title(text)
    return bool(
        inline
        and inline.group("sep") != ";"
        and len(inline.group("title").split()) <= 5
        and inline.group("title")[:1].isupper()
    )


def list_item_flags(lines: list[Line]) -> list[bool]:
    """Text lines that form an unmarked list: two or more item-like lines with no gap."""
    like: dict[int, bool] = {}

    def item_like(index: int) -> bool:
        if index not in like:
            like[index] = _is_item_like(strip_emphasis(lines[index].text))
        return like[index]

    flags = [False] * len(lines)
    for index in range(len(lines) - 1):
        # only adjacent text lines can form a list: most notes have blank lines between
        both_text = lines[index].kind is TEXT and lines[index + 1].kind is TEXT
        if both_text and item_like(index) and item_like(index + 1):
            flags[index] = flags[index + 1] = True
    _flag_statement_runs(lines, flags, item_like)
    return flags


def _flag_statement_runs(
    lines: list[Line], flags: list[bool], item_like: Callable[[int], bool]
) -> None:
    """Two or more adjacent text lines under a heading, each a whole statement ("Soviet troops
    were stationed in most satellite states."): one point per line, as the notes set them out.

    A hard-wrapped paragraph has lines that stop mid-sentence, so it is never such a run; the
    line before the run must be a heading (a short line, a Markdown heading or a numbered title).
    """
    index = 1
    while index < len(lines):
        line = lines[index]
        before = lines[index - 1]
        if (
            line.kind is not TEXT
            or (before.kind is MARKER and before.style not in _NUMBER_STYLES)
            or before.kind is BLANK
            or not _is_statement(line.text)
            or not _heads_a_run(before)
            or not _has_subject(line.text)
        ):
            index += 1
            continue
        end = index + 1
        while (
            end < len(lines)
            and lines[end].kind is TEXT
            and (_is_statement(lines[end].text) or item_like(end))
        ):
            end += 1
        if end - index >= 2:
            for at in range(index, end):
                flags[at] = True
        index = end


def _is_statement(text: str) -> bool:
    """A line that is one or more whole sentences: a capital first, a full stop last."""
    if not text.rstrip("\"'”’)*_").endswith((".", "!")):
        return False  # most lines of notes: cheap to rule out first
    if "*" in text or "_" in text:
        text = strip_emphasis(text)
    return text[:1].isupper() and text.count(" ") >= 3


_PRONOUN_TEXT = "it he she they this these its his her their"
_PRONOUNS = frozenset(_PRONOUN_TEXT.split())


def _has_subject(text: str) -> bool:
    """Whether a statement names its own subject: not "It said ..." or "Announced in 1968."
    (those go on from a title, and stay that title's explanation)."""
    words = strip_emphasis(text).split()
    first = words[0].lower()
    if first in _PRONOUNS:
        return False
    return not (first.endswith("ed") and len(words) > 1 and words[1][:1].islower())


def _heads_a_run(line: Line) -> bool:
    """Whether a line can head a run of statements: a heading-like text line, a Markdown
    heading or a numbered title."""
    if line.kind is TEXT:
        return is_heading_like(line.text)
    if line.kind is MARKER:
        return line.style in _NUMBER_STYLES and is_heading_like(line.rest)
    return line.kind is LineKind.MD_HEADING


def heading_flags(lines: list[Line], nexts: list[int | None], items: list[bool]) -> list[bool]:
    """Which text lines act as section headings (short, and followed by points)."""
    flags = [False] * len(lines)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.kind is not TEXT or items[index] or not is_heading_like(line.text):
            continue
        after = nexts[index]
        if after is None:
            flags[index] = True
            continue
        following = lines[after]
        flags[index] = (
            following.kind is MARKER
            or (items[after] and not items[index])
            or (
                following.kind is TEXT
                # "Heading:" or "Why ...?" then prose, or a part heading above a sub-heading
                and (line.text.rstrip().endswith((":", "?")) or flags[after])
            )
        )
    return flags


_NUMBER_STYLES = ("number", "paren_number", "roman")

_LETTER_STYLES = ("letter", "paren_letter")


def is_numbered_heading(
    lines: list[Line], index: int, nexts: list[int | None], items: list[bool] | None = None
) -> bool:
    """A numbered line with lettered or sub-numbered points under it heads a section
    ("1. Causes" then "a) ...", "1 Origins" then "1.1 Yalta ...")."""
    line = lines[index]
    after = nexts[index]
    if line.style not in _NUMBER_STYLES or after is None:
        return False
    following = lines[after]
    if following.kind is TEXT and after == index + 1 and is_heading_like(line.rest):
        # "1. How the USSR ..." over statements, or over a sub-heading over statements
        if items is None:
            return False
        beyond = nexts[after]
        return items[after] or (
            is_heading_like(following.text) and beyond == after + 1 and items[beyond]
        )
    if following.kind is not MARKER or not is_heading_like(line.rest):
        return False
    if following.style in _LETTER_STYLES:
        return following.label.lower() in ("a", "i")
    return following.style == "number" and following.label == f"{line.label}.1"


def text_follows(
    lines: list[Line], index: int, nexts: list[int | None], headings: list[bool]
) -> bool:
    """Whether the text line after the marker at ``index`` is that point's explanation."""
    after = nexts[index]
    if after is None or lines[after].kind is not TEXT:
        return False
    marker = lines[index]
    if marker.style.startswith("bullet"):
        return lines[after].indent > marker.indent
    if not headings[after]:
        return True
    # A short line then more points: the explanation if the sequence goes on (c. ... d.),
    # a new heading if the points start again (a., 1.) or change style.
    beyond = nexts[after]
    if beyond is None or lines[beyond].kind is not MARKER:
        return True
    following = lines[beyond]
    return following.style == marker.style and following.label.lower() not in ("a", "1", "i")
