"""Questions the notes carry, with their tariffs ("(4 marks)", "[6]")."""

from __future__ import annotations

import re

from clio.ids import content_id
from clio.model.topic import Question, Source
from clio.parse.layout import strip_emphasis
from clio.parse.lines import BLANK, MARKER, MD_HEADING, SOURCE_HEADING, TEXT, Line

_MARKS = re.compile(r"\s*[(\[]\s*(?P<n>\d{1,2})\s*(?:marks?)?\s*[)\]]\s*\.?$", re.I)


_NUMBERED_Q = re.compile(
    r"^(?:\*\*)?Q(?:uestion)?\s?(?P<n>\d{1,2})\s*[.):]?(?:\*\*)?\s+(?=\S)", re.I
)
_TARIFF = re.compile(r"[(\[]\s*\d{1,2}\s*marks?\s*[)\]]\s*\.?$", re.I)


def _question_like(line: Line) -> bool:
    text = line.rest if line.kind is MARKER else line.text
    return bool(_NUMBERED_Q.match(line.text) or _TARIFF.search(text))


def trailing_questions(lines: list[Line], start: int) -> int | None:
    """Where exam questions with no heading begin: the last lines, each "Q1. ..." or "(4 marks)"."""
    found: int | None = None
    for index in range(len(lines) - 1, start - 1, -1):
        line = lines[index]
        if line.kind is BLANK:
            continue
        if line.kind not in (TEXT, MARKER) or not _question_like(line):
            break
        found = index
    return found


def _marks(text: str) -> re.Match[str] | None:
    """``_MARKS.search(text)``, skipped for text with no bracket to open a tariff."""
    return _MARKS.search(text) if "(" in text or "[" in text else None


def parse_questions(lines: list[Line], start: int | None, sources: list[Source]) -> list[Question]:
    """The questions from line index ``start`` on, linked to the source they name."""
    if start is None:
        return []
    questions: list[Question] = []
    current: list[str] = []
    first_line = 0

    def flush() -> None:
        if not current:
            return
        text = _NUMBERED_Q.sub("", " ".join(current).strip(), count=1)
        marks_match = _marks(text)
        marks = int(marks_match.group("n")) if marks_match else None
        if marks_match:
            text = text[: marks_match.start()].strip()
        source_id = None
        for source in sources:
            if source.label and source.label.lower() in text.lower():
                source_id = source.id
        if source_id is None and len(sources) == 1:
            source_id = sources[0].id
        questions.append(
            Question(
                id=content_id("q", text),
                text=text,
                marks=marks,
                source_id=source_id,
                line=first_line,
            )
        )
        current.clear()

    for line in lines[start:]:
        if line.kind in (SOURCE_HEADING, MD_HEADING):
            break
        if line.kind is MARKER or (line.kind is TEXT and _NUMBERED_Q.match(line.text)):
            flush()
            own = line.rest if line.kind is MARKER else line.text
            current.append(strip_emphasis(own))
            first_line = line.number
        elif line.kind is TEXT:
            if not current:
                first_line = line.number
            current.append(strip_emphasis(line.text))
        elif line.kind is BLANK and current and _marks(" ".join(current)):
            flush()
    flush()
    return questions
