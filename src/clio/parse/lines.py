"""Classify each line of the notes: heading, point marker, bullet, source heading or text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from clio.parse.dates import MONTH_WORDS
from clio.parse.instances import assemble


class LineKind(StrEnum):
    """What a line of notes is."""

    BLANK = "blank"
    MD_HEADING = "md_heading"
    MARKER = "marker"
    SOURCE_HEADING = "source_heading"
    QUESTIONS_HEADING = "questions_heading"
    TABLE_ROW = "table_row"
    TEXT = "text"


# The kinds as module constants: reading a member off an Enum class runs Python code in
# Python 3.11 (ten times slower than reading a global), and the parser does it for every line.
BLANK, MD_HEADING, MARKER = LineKind.BLANK, LineKind.MD_HEADING, LineKind.MARKER
SOURCE_HEADING, QUESTIONS_HEADING, TEXT = (
    LineKind.SOURCE_HEADING,
    LineKind.QUESTIONS_HEADING,
    LineKind.TEXT,
)
TABLE_ROW = LineKind.TABLE_ROW


@dataclass(frozen=True, kw_only=True)
class Line:
    """One line of the notes, classified."""

    number: int  # 1-based
    raw: str
    text: str  # stripped, markdown emphasis kept
    indent: int
    kind: LineKind
    style: str = ""  # marker style: "letter", "paren_letter", "number", "bullet:•", ...
    label: str = ""  # "a", "3", "9-12", or the bullet character
    rest: str = ""  # text after the marker or heading hashes
    level: int = 0  # markdown heading level


_FIELDS = ("text", "indent", "kind", "style", "label", "rest", "level")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_PAREN_LABEL = re.compile(r"^\((?P<label>[a-zA-Z]|[ivxlc]{1,5}|\d{1,3})\)\s+(?P<rest>\S.*)$")
_LETTER = re.compile(r"^(?P<label>[a-zA-Z])[.)]\s+(?P<rest>\S.*)$")
_ROMAN = re.compile(r"^(?P<label>(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii))[.)]\s+(?P<rest>\S.*)$")
_NUMBER = re.compile(
    r"^(?P<label>\d{1,3}(?:\s*[-–]\s*\d{1,3}|(?:\.\d{1,2})+(?=\.?\s))?)[.)]?(?<=[.)\d])\s+"
    r"(?P<rest>\S.*)$"
)
# Word exports use private-use symbol bullets (U+F0B7, U+F0A7, ...) and "o" for the second level.
_BULLET = re.compile(
    r"^(?P<label>[•◦▪‣●○■□➢►➤➔→◆◇♦✓✔⁃\-\*–—·\uf000-\uf0ff]|o(?=\s{2}))\s+(?P<rest>\S.*)$"
)
_SOURCE = re.compile(
    r"^(?:\*\*)?(?P<label>(?:Source|Extract|Document|Interpretation)\s+[A-Z0-9]{1,2})\b(?:\*\*)?"
    r"\s*[:.–—-]?\s*(?P<rest>.*)$",
    re.I,
)
_QUESTIONS = re.compile(
    r"^(?:#{1,6}\s*)?(?:\*\*)?(?:exam\s+|practice\s+)?questions?(?:\*\*)?\s*:?\s*$", re.I
)


_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_CELL_BREAK = re.compile(r"(?<!\\)\|")
# ">" quotation marks at a line start, but not "> 50% of peasants" (more than)
_BLOCKQUOTE = re.compile(r"(?:>[ \t]*+)++(?!\d)")
# The characters those case-insensitive patterns can start with (İ ı ſ are what such a regex
# also takes for i and s), so that most lines skip them without running the regex.
_QUESTIONS_FIRST = frozenset("#*eEpPqQ")
_SOURCE_FIRST = frozenset("*sSeEdDiI\u0130\u0131\u017f")


def classify(number: int, raw: str) -> Line:
    """Classify one line (``number`` is 1-based)."""
    return _line(number, raw, _fields(raw))


def _line(number: int, raw: str, fields: dict[str, Any]) -> Line:
    """``Line(number=number, raw=raw, **fields)``, made fast: every line of the notes makes
    one (see ``assemble``)."""
    return assemble(Line, {"number": number, "raw": raw, **fields})


@lru_cache(maxsize=1 << 14)
def _fields(raw: str) -> dict[str, Any]:
    """Everything :func:`classify` says of a line but its number, once per distinct line."""
    return _line_fields(raw)


def _classify(number: int, raw: str) -> Line:
    """Classify one line (uncached; see :func:`classify`)."""
    return Line(number=number, raw=raw, **_line_fields(raw))


# The first characters each marker pattern can start with (its first group's class).
_PAREN_FIRST = "("
_ROMAN_FIRST = frozenset("ivx")
_LETTER_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_BULLET_FIRST = frozenset("•◦▪‣●○■□➢►➤➔→◆◇♦✓✔⁃-*–—·o" + "".join(map(chr, range(0xF000, 0xF100))))


def _marker_patterns(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The marker patterns that may match ``text``, in the order they are tried."""
    first = text[0]
    if first == _PAREN_FIRST:
        return [("paren", _PAREN_LABEL)]
    if first.isdecimal():  # \d
        return [("number", _NUMBER)]
    patterns = []
    if first in _ROMAN_FIRST:
        patterns.append(("roman", _ROMAN))
    if first in _LETTER_FIRST:
        patterns.append(("letter", _LETTER))
    if first in _BULLET_FIRST:
        patterns.append(("bullet", _BULLET))
    return patterns


def _day_month(label: str, rest: str) -> bool:
    """Whether a bare number and what follows are a day and its month ("5 May 1789")."""
    month = rest.split(" ", 1)[0].rstrip(".,").lower()
    return month in MONTH_WORDS and label.isdigit() and 1 <= int(label) <= 31


def _line_fields(raw: str) -> dict[str, Any]:
    """Every field of the :class:`Line` for ``raw`` but its number and ``raw`` itself."""
    expanded = raw.rstrip()
    text = expanded.strip()
    indent = len(expanded) - len(expanded.lstrip())
    base: dict[str, Any] = {
        "text": text,
        "indent": indent,
        "kind": TEXT,
        "style": "",
        "label": "",
        "rest": "",
        "level": 0,
    }
    if text[:1] == ">" and (quoted := _BLOCKQUOTE.match(text)):
        # a Markdown quotation ("> Stalin originated ..."): the words without the marks
        text = base["text"] = text[quoted.end() :]
    if not text:
        base["kind"] = BLANK
        return base
    first = text[0]
    if first == "|" and text.count("|") >= 2:
        # a Markdown table row: its first cell is the title, the others the explanation
        if _TABLE_RULE.match(text):
            base.update(kind=TABLE_ROW, style="rule")
            return base
        cells = [strip_cell(c) for c in _CELL_BREAK.split(text.strip().strip("|")) if c.strip()]
        if cells:
            base.update(kind=TABLE_ROW, label=cells[0], rest="; ".join(cells[1:]))
            return base
    if first in _QUESTIONS_FIRST and _QUESTIONS.match(text):
        base["kind"] = QUESTIONS_HEADING
        return base
    heading = _MD_HEADING.match(text) if first == "#" else None
    if heading:
        inner = heading.group(2).strip().strip("*_").strip()
        source = _SOURCE.match(inner)
        if source and _source_heading_ok(source.group("rest")):
            label, rest = _title_label(source.group("label")), source.group("rest").strip()
            base.update(kind=SOURCE_HEADING, label=label, rest=rest)
            return base
        base.update(kind=MD_HEADING, level=len(heading.group(1)), rest=inner)
        return base
    source = _SOURCE.match(text) if first in _SOURCE_FIRST else None
    if source and _source_heading_ok(source.group("rest")):
        label, rest = _title_label(source.group("label")), source.group("rest").strip()
        base.update(kind=SOURCE_HEADING, label=label, rest=rest)
        return base
    for style, pattern in _marker_patterns(text):
        match = pattern.match(text)
        if not match:
            continue
        label = match.group("label")
        rest = match.group("rest").strip()
        if style == "bullet":
            if label in "-*" and not rest.strip(f"{label} \t"):
                continue  # "- - -" or "* * *" is a rule, not a bullet ("* **Bold** ..." is one)
            style = f"bullet:{'-' if label in '-–—' else label}"
        elif style == "paren":
            style = "paren_number" if label.isdigit() else "paren_letter"
        elif style == "letter" and not _plausible_letter_item(label, rest):
            continue
        elif style == "number" and "." in label and not rest[:1].isupper():
            continue  # "1.5 million died" is a sentence, "1.2 July Crisis" a numbered point
        elif style == "number" and text[len(label)] == " " and _day_month(label, rest):
            continue  # "5 May 1789 – Estates-General meets": a date, not point 5
        base.update(kind=MARKER, style=style, label=label, rest=rest)
        return base
    return base


def _title_label(label: str) -> str:
    word, _, tag = label.partition(" ")
    return f"{word.capitalize()} {tag.strip().upper()}"


def _source_heading_ok(rest: str) -> bool:
    # "Source A" alone, or with a short attribution; not a sentence like "Source material shows..."
    return len(rest) < 300


def _plausible_letter_item(label: str, rest: str) -> bool:
    # "A. Smith wrote..." or "I. ..." could be initials; accept lower-case letters freely,
    # capitals only when what follows starts with a capital and is not a surname-like single word.
    if label.islower():
        return True
    if re.match(r"[A-Z]\.\s", rest):
        return False  # "F. W. de Klerk", "A. J. P. Taylor": a run of initials
    return label not in "I" and rest[:1].isupper() and " " in rest


def split_lines(text: str) -> list[Line]:
    """Classify every line of normalised text."""
    fields = _fields
    lines = [_line(i, raw, fields(raw)) for i, raw in enumerate(text.split("\n"), start=1)]
    if has_lone_label(text):
        _join_lone_labels(lines)
    if "|-" in text or "|:-" in text or "| -" in text or "| :-" in text:
        _mark_table_headers(lines)
    if _has_question_line(text):
        _mark_questions_and_answers(lines)
    if _has_rule_line(text):
        _mark_rules(lines)
    return lines


def _any_line(body: str) -> Callable[[str], bool]:
    """A test of whether some line of a text starts with ``body`` (a regex): what
    ``re.search(f"^(?:{body})", text, re.MULTILINE)`` says, made fast. That regex tries every
    place of the text to see whether a line starts there; this one matches at the start, then
    searches for a line break and ``body``, which the engine finds by jumping from one line
    break to the next (several times faster on a sheet)."""
    at_start = re.compile(body, re.MULTILINE)
    after_break = re.compile(rf"\n(?:{body})", re.MULTILINE)

    def found(text: str) -> bool:
        return bool(at_start.match(text) or after_break.search(text))

    return found


# A line of "=" or "-" under a line of text underlines a heading (Setext: "=" level 1, "-"
# level 2); such a line anywhere else, or one of "*" or "_", is a rule between parts.
_UNDERLINE = re.compile(r"[ \t]{0,3}(?:={2,}|-{2,})[ \t]*")
_RULE = re.compile(r"[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|={3,}[ \t]*)")
_RULE_LINE = r"[ \t]{0,3}(?:[-*_=][ \t]*){2,}$"  # any line that may be an underline or a rule
_has_rule_line = _any_line(_RULE_LINE)


def _mark_rules(lines: list[Line]) -> None:
    """Headings underlined with "===" or "---", and rules, which are no text of the notes."""
    for index, line in enumerate(lines):
        if line.kind is BLANK or line.raw[-1] not in "-*_= \t":
            continue
        above = lines[index - 1] if index else None
        if above is not None and above.kind is TEXT and _UNDERLINE.fullmatch(line.raw):
            level = 1 if "=" in line.raw else 2
            lines[index - 1] = _reclassified(above, kind=MD_HEADING, level=level, rest=above.text)
        elif not _RULE.fullmatch(line.raw):
            continue
        lines[index] = _blanked(line)


def _blanked(line: Line) -> Line:
    """``line`` as a blank line (its raw text kept): an underline, a rule, a label moved on."""
    return _line(line.number, line.raw, {**_line_fields(""), "indent": 0})


# Question-and-answer notes: "Q: When did ...?" then "A: In August 1964, ..."
_QUESTION_LINE_START = r"[ \t]*(?:Q|Question)[ \t]*[:.][ \t]+\S"
_has_question_line = _any_line(_QUESTION_LINE_START)
_QUESTION_LINE = re.compile(r"^(?:Q|Question)\s*[:.]\s+(?P<rest>\S.*)$")
_ANSWER_LINE = re.compile(r"^(?:A|Answer)\s*[:.]\s+(?P<rest>\S.*)$")


def _mark_questions_and_answers(lines: list[Line]) -> None:
    """A "Q:" line followed by an "A:" line is a point: the question its title, the answer its
    text (the "Q:" and "A:" taken off)."""
    for index, line in enumerate(lines):
        question = _QUESTION_LINE.match(line.text) if line.kind is TEXT else None
        if question is None:
            continue
        after = next((j for j in range(index + 1, len(lines)) if lines[j].kind is not BLANK), None)
        answer = _ANSWER_LINE.match(lines[after].text) if after is not None else None
        if answer is None or after is None or after - index > 2:
            continue
        rest = question["rest"].strip()
        lines[index] = _reclassified(line, kind=MARKER, style="paragraph:qa", label="Q", rest=rest)
        lines[after] = _reclassified(lines[after], text=answer["rest"].strip())


def _reclassified(line: Line, **changes: Any) -> Line:
    """``line`` classified as its raw text is, with ``changes`` to its fields."""
    return _line(line.number, line.raw, {**_fields(line.raw), **changes})


def strip_cell(cell: str) -> str:
    """A table cell's words, without Markdown emphasis or escaped pipes."""
    return cell.replace("\\|", "|").replace("**", "").replace("__", "").strip()


def _mark_table_headers(lines: list[Line]) -> None:
    """The row just above a table's rule (``|---|---|``) names the columns: not a point."""
    for index, line in enumerate(lines):
        if line.kind is TABLE_ROW and line.style == "rule" and index > 0:
            above = lines[index - 1]
            if above.kind is TABLE_ROW and above.style != "rule":
                lines[index - 1] = _reclassified(above, style="header")


# A label alone on its line ("a)" then "Quit India" on the next), as lists pasted from a word
# processor come out: the label belongs to the next line of text.
_LABEL_ALONE = r"(?:\((?:[a-zA-Z]|\d{1,3})\)|(?:[a-zA-Z]|\d{1,3})[.)])"
_LONE_LABEL = re.compile(rf"^{_LABEL_ALONE}$")  # a stripped line
_LONE_LABEL_LINE = rf"[ \t]*{_LABEL_ALONE}[ \t]*$"
_has_lone_label_line = _any_line(_LONE_LABEL_LINE)


def has_lone_label(text: str) -> bool:
    """Whether a line of ``text`` holds a label alone."""
    return _has_lone_label_line(text)


def _join_lone_labels(lines: list[Line]) -> None:
    """Give each lone label to the next text line (the label's own line becomes blank)."""
    for index, line in enumerate(lines):
        if line.kind is not TEXT or not _LONE_LABEL.match(line.text):
            continue
        after = next((j for j in range(index + 1, len(lines)) if lines[j].kind is not BLANK), None)
        if after is None or after - index > 2 or lines[after].kind is not TEXT:
            continue
        target = lines[after]
        joined = _line_fields(f"{line.text} {target.text}")
        if joined["kind"] is not MARKER:
            continue
        joined["indent"] = line.indent
        lines[index] = _blanked(line)
        lines[after] = _line(target.number, target.raw, joined)
