"""Points and sections while they are being read, before they become model values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clio.parse.dates import find_dates
from clio.parse.entities import is_person_name
from clio.parse.layout import inline_title, is_heading_like, strip_emphasis
from clio.parse.lines import Line

_BOLD_TITLE = re.compile(r"^\*\*(?P<title>.+?)\*\*\s*[:.–—-]?\s*(?P<text>.*)$")

SPACE, ITEM, PARAGRAPH = " ", "\n", "\n\n"


@dataclass
class PointDraft:
    """A point being read: label, title and the lines of its explanation."""

    label: str
    style: str
    indent: int
    title: str
    text_lines: list[tuple[str, str]] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    awaiting_text: bool = False

    def add(self, separator: str, text: str, line_number: int) -> None:
        """Add a line of explanation (joined to the previous one by ``separator``)."""
        self.text_lines.append((separator, text))
        self.last_line = line_number
        self.awaiting_text = False


@dataclass
class SectionDraft:
    """A section being read: heading and its point drafts."""

    heading: str
    first_line: int
    points: list[PointDraft] = field(default_factory=list)
    level: int = 0  # a Markdown heading's level ("##" is 2); 0 for other headings
    part: str = ""  # the empty heading this section sits under
    style: str = ""  # how a plain-text heading is set ("upper", "bold+colon"; see heading_style)


def list_item(line: Line, text: str, number: int) -> PointDraft:
    """A point from one line of an unmarked list ("1917 – ...", "Kulak: ...")."""
    draft = paragraph(line, text, number)
    draft.style = "paragraph:item"
    inline = inline_title(text)
    if inline and inline.group("sep") != ";":
        draft.title = inline.group("title").strip()
        draft.text_lines = [(SPACE, inline.group("text"))]
    elif (gap := _DATE_THEN_GAP.match(text)) and _whole_date(gap.group("title")):
        # a timeline's columns: "1558    Elizabeth becomes queen"
        draft.title = gap.group("title")
        draft.text_lines = [(SPACE, gap.group("text"))]
    return draft


_DATE_THEN_GAP = re.compile(r"(?P<title>\S.{0,38}?\S)(?:\s{2,}|\t\s*)(?P<text>\S.*)")


def _whole_date(text: str) -> bool:
    """Whether ``text`` is one date and nothing else ("1558", "Dec 1949", "1577-80")."""
    dates = find_dates(text)
    return len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(text)


def question_point(line: Line) -> PointDraft:
    """A point from a "Q: ...?" line: the question is its title, the "A:" line its text."""
    return PointDraft(
        label=line.label,
        style=line.style,
        indent=line.indent,
        title=line.rest,
        first_line=line.number,
        last_line=line.number,
        awaiting_text=True,
    )


def table_row(line: Line, number: int) -> PointDraft:
    """A point from a table row: its first cell the title, the other cells the explanation."""
    return PointDraft(
        label=str(number),
        style="paragraph:item",
        indent=line.indent,
        title=line.label,
        text_lines=[(SPACE, line.rest)],
        first_line=line.number,
        last_line=line.number,
    )


def paragraph(line: Line, text: str, number: int) -> PointDraft:
    """A point that is a paragraph of prose, numbered in its section."""
    return PointDraft(
        label=str(number),
        style="paragraph",
        indent=line.indent,
        title="",
        text_lines=[(SPACE, text)],
        first_line=line.number,
        last_line=line.number,
    )


def joined(parts: list[tuple[str, str]]) -> str:
    """Join a point's lines: continuation lines with a space, sub-items and paragraphs apart."""
    out: list[str] = []
    for separator, text in parts:
        text = text.strip()
        if not text:
            continue
        if out:
            out.append(separator)
        out.append(text)
    return "".join(out).strip()


_SUB_BULLETS = frozenset(["bullet:◦", "bullet:o", "bullet:▪", "bullet:\uf0a7"])


def is_child(point: PointDraft, line: Line) -> bool:
    """Whether a marker line is a sub-item of ``point`` (◦ under •, or indented)."""
    if line.indent > point.indent and line.style != point.style:
        return True
    if line.style in _SUB_BULLETS and point.style != line.style:
        return True
    return line.style.startswith("bullet") and line.indent > point.indent


def start_point(line: Line, text_follows: bool) -> PointDraft:
    """A point from its marker line: title and text split as the line shows."""
    rest = line.rest
    draft = PointDraft(
        label=line.label,
        style=line.style,
        indent=line.indent,
        title="",
        first_line=line.number,
        last_line=line.number,
    )
    bold = _BOLD_TITLE.match(rest) if rest.startswith("**") else None
    if bold:
        draft.title = strip_emphasis(bold.group("title")).rstrip(":").strip()
        body = bold.group("text").strip()
        if body:
            draft.text_lines.append((SPACE, strip_emphasis(body)))
        else:
            draft.awaiting_text = True
        return draft
    plain = strip_emphasis(rest)
    inline = inline_title(plain)
    if inline and _inline_title_ok(inline.group("title"), inline.group("sep")):
        draft.title = inline.group("title").strip()
        draft.text_lines.append((SPACE, inline.group("text").strip()))
        return draft
    if is_heading_like(plain) and text_follows:
        draft.title = plain.rstrip(":")
        draft.awaiting_text = True
        return draft
    if is_heading_like(plain) and len(plain.split()) <= 8:
        draft.title = plain.rstrip(":")
        return draft
    draft.text_lines.append((SPACE, plain))
    return draft


def _inline_title_ok(title: str, separator: str) -> bool:
    words = title.split()
    if separator == ":":
        return len(words) <= 12
    if any(_CLAUSE_VERB.match(w) for w in words[1:]):
        return False  # "The Council met about five times a year; ..." is a sentence, not a title
    return len(words) <= 8 and not re.match(r"^(?:in|on|by|during|after|before)\s+\d", title, re.I)


# A lower-case finite verb: the text before ";" or " - " is a clause, not a point's title
_CLAUSE_VERB = re.compile(
    r"^(?:was|were|is|are|had|has|have|did|does|met|made|took|gave|became|began|won|lost|"
    r"led|left|sent|fled|fought|wanted|[a-z]{2,}ed)$"
)


def nest_sections(sections: list[SectionDraft]) -> list[SectionDraft]:
    """Sections under a Markdown heading that has no points of its own, placed under it.

    When every sub-heading holds only prose ("### Kirov's murder, December 1934" and a
    paragraph), the sub-headings become the titled points of the empty heading. Otherwise
    the sub-sections stay sections and name the empty heading as their ``part``, and the
    empty heading itself is dropped.
    """
    if all(section.points for section in sections):
        return sections  # no empty heading: nothing to nest (most notes)
    result = _nest_plain(list(sections))
    levels = {section.level for section in result if not section.points and section.level}
    for level in sorted(levels, reverse=True):  # the deepest empty headings first
        position = 0
        while position < len(result):
            parent = result[position]
            end = position + 1
            while end < len(result) and result[end].level > level:
                end += 1
            children = result[position + 1 : end]
            if parent.level != level or parent.points or not children:
                position += 1
                continue
            if all(p.style == "paragraph" for child in children for p in child.points) and all(
                child.points for child in children
            ):
                parent.points = [_heading_point(child, k) for k, child in enumerate(children, 1)]
                del result[position + 1 : end]
                position += 1
                continue
            for child in children:
                child.part = child.part or parent.heading
            del result[position]
            position = end - 1
    return result


def _heading_point(section: SectionDraft, number: int) -> PointDraft:
    """A sub-heading and its paragraphs as one titled point."""
    parts: list[tuple[str, str]] = []
    for k, paragraph_draft in enumerate(section.points):
        text = joined(paragraph_draft.text_lines)
        parts.append((SPACE if k == 0 else PARAGRAPH, text))
    return PointDraft(
        label=str(number),
        style="heading",
        indent=0,
        title=section.heading,
        text_lines=parts,
        first_line=section.first_line,
        last_line=section.points[-1].last_line,
    )


def _nest_plain(sections: list[SectionDraft]) -> list[SectionDraft]:
    """Plain-text headings set apart from the ones after them ("THE TERROR" over "Kirov" and
    "Show trials"): an empty one holds the following headings of another style, up to the
    next heading set like it."""
    result: list[SectionDraft] = []
    position = 0
    while position < len(sections):
        parent = sections[position]
        end = position + 1
        if not parent.points and parent.style and parent.level == 0:
            while (
                end < len(sections)
                and sections[end].level == 0
                and sections[end].style
                and sections[end].style != parent.style
            ):
                end += 1
            if end == position + 1:
                # "Key people" over "Lenin", "Kerensky": headings that are each a person's name
                while (
                    end < len(sections) and sections[end].points and _names_a_person(sections[end])
                ):
                    end += 1
        children = sections[position + 1 : end]
        if not children:
            result.append(parent)
            position += 1
            continue
        for child in children:
            child.part = parent.heading
        result.extend(children)
        position = end
    return result


def _names_a_person(section: SectionDraft) -> bool:
    """True when a plain heading is a person's name and nothing more ("Lenin", "Steve Biko")."""
    return section.level == 0 and is_person_name(section.heading)
