"""``parse_notes``: a revision sheet as text in, a structured :class:`Topic` out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clio.ids import content_id, slugify
from clio.model.period import Period
from clio.model.topic import ParseWarning, Point, Question, Section, Source, Topic
from clio.parse.checks import backwards_ranges, clashing_dates
from clio.parse.dates import find_dates
from clio.parse.entities import extract_entities
from clio.parse.lines import Line, LineKind, split_lines
from clio.parse.sources import build_source, is_instruction, looks_like_provenance
from clio.parse.text_input import normalise_text

_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\3(?![\w*])")
_BOLD_TITLE = re.compile(r"^\*\*(?P<title>.+?)\*\*\s*[:.–—-]?\s*(?P<text>.*)$")
_INLINE_TITLE = re.compile(r"^(?P<title>[^:;]{2,90}?)\s*(?P<sep>:|;|\s[-–—]\s)\s*(?P<text>\S.*)$")
_DECADE = re.compile(r"\d0'?s$|^(?:spring|summer|fall|autumn|winter)", re.I)
_MARKS = re.compile(r"\s*[(\[]\s*(?P<n>\d{1,2})\s*(?:marks?)?\s*[)\]]\s*\.?$", re.I)


def strip_emphasis(text: str) -> str:
    """Remove Markdown emphasis markers, keeping the words."""
    if "*" not in text and "_" not in text:
        return text.strip()
    return _EMPHASIS.sub(lambda m: m.group(2) or m.group(4) or "", text).strip()


def is_heading_like(text: str) -> bool:
    """A short line that reads as a heading or title, not a sentence."""
    plain = strip_emphasis(text).strip()
    if not plain or len(plain) > 120 or len(plain.split()) > 16:
        return False
    if plain[-1] in ".,;" and not plain.endswith("..."):
        return False
    return plain[0].isupper() or plain[0].isdigit() or plain[0] in "‘'\"“($£€"


SPACE, ITEM, PARAGRAPH = " ", "\n", "\n\n"


@dataclass
class _PointDraft:
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
class _SectionDraft:
    heading: str
    first_line: int
    points: list[_PointDraft] = field(default_factory=list)


def parse_notes(text: str, *, name: str | None = None) -> Topic:
    """Parse revision notes in any of the supported layouts into a :class:`Topic`."""
    text = normalise_text(text)
    lines = split_lines(text)
    content = [ln for ln in lines if ln.kind is not LineKind.BLANK]
    warnings: list[ParseWarning] = []
    if not content:
        return Topic(id=slugify(name or "notes"), name=name or "notes", title=name or "Notes")

    title, body_start = _find_title(lines, name)
    source_start, question_start = _find_regions(lines, body_start)
    notes_end = min(x for x in (source_start, question_start, len(lines)) if x is not None)
    intro, sections = _parse_body(lines[body_start:notes_end], title)

    sources = _parse_sources(lines, source_start, question_start)
    questions = _parse_questions(lines, question_start, sources)

    built_sections = _build_sections(sections, warnings, context=_heading_period(title))
    warnings.extend(backwards_ranges([line.text for line in lines]))
    warnings.extend(clashing_dates(built_sections))
    warnings.sort(key=lambda w: w.line or 0)
    topic_name = name or slugify(title)
    return Topic(
        id=slugify(topic_name),
        name=topic_name,
        title=title,
        intro=intro,
        sections=built_sections,
        sources=tuple(sources),
        questions=tuple(questions),
        warnings=tuple(warnings),
    )


def _find_title(lines: list[Line], name: str | None) -> tuple[str, int]:
    for index, line in enumerate(lines):
        if line.kind is LineKind.BLANK:
            continue
        if line.kind is LineKind.MD_HEADING and line.level == 1:
            return strip_emphasis(line.rest), index + 1
        if line.kind is LineKind.TEXT and is_heading_like(line.text):
            following = _next_content(lines, index + 1)
            # A heading directly followed by points is a section, not the title; one followed
            # by numbered headings ("1. Causes" over "a) ...") is the title.
            if (
                following is None
                or following.kind is not LineKind.MARKER
                or _is_numbered_heading(lines, following.number - 1, _next_indexes(lines))
            ):
                return strip_emphasis(line.text).rstrip(":"), index + 1
        break
    fallback = name.replace("-", " ").replace("_", " ").strip().title() if name else "Notes"
    return fallback, 0


def _next_content(lines: list[Line], start: int) -> Line | None:
    for line in lines[start:]:
        if line.kind is not LineKind.BLANK:
            return line
    return None


def _find_regions(lines: list[Line], start: int) -> tuple[int | None, int | None]:
    """Where the source block and the questions block start (indexes into ``lines``)."""
    source_start: int | None = None
    question_start: int | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        if line.kind is LineKind.SOURCE_HEADING and source_start is None:
            source_start = index
        elif line.kind is LineKind.TEXT and source_start is None and is_instruction(line.text):
            source_start = _extend_to_provenance(lines, index, start)
        elif line.kind is LineKind.QUESTIONS_HEADING and question_start is None:
            question_start = index
    return source_start, question_start


def _extend_to_provenance(lines: list[Line], index: int, floor: int) -> int:
    """Include the paragraph before an instruction line when it describes the source."""
    after = " ".join(ln.text for ln in lines[index + 1 : index + 4] if ln.text)
    cursor = index - 1
    while cursor >= floor and lines[cursor].kind is LineKind.BLANK:
        cursor -= 1
    end = cursor
    while cursor >= floor and lines[cursor].kind is LineKind.TEXT:
        cursor -= 1
    paragraph = " ".join(ln.text for ln in lines[cursor + 1 : end + 1])
    if paragraph and looks_like_provenance(paragraph, after):
        return cursor + 1
    return index


def _next_indexes(lines: list[Line]) -> list[int | None]:
    """For each line, the index of the next non-blank line after it (or None)."""
    result: list[int | None] = [None] * len(lines)
    following: int | None = None
    for index in range(len(lines) - 1, -1, -1):
        result[index] = following
        if lines[index].kind is not LineKind.BLANK:
            following = index
    return result


def _is_item_like(text: str) -> bool:
    """A line that reads as an unmarked list item: "1917 – February Revolution", "Kulak: ..."."""
    dates = find_dates(text[:40])
    if dates and dates[0].start == 0 and text[dates[0].end : dates[0].end + 1] in " :,–—-":
        return True
    inline = _INLINE_TITLE.match(text)
    return bool(
        inline
        and inline.group("sep") != ";"
        and len(inline.group("title").split()) <= 5
        and inline.group("title")[:1].isupper()
    )


def _list_item_flags(lines: list[Line]) -> list[bool]:
    """Text lines that form an unmarked list: two or more item-like lines with no gap."""
    like = [ln.kind is LineKind.TEXT and _is_item_like(strip_emphasis(ln.text)) for ln in lines]
    flags = [False] * len(lines)
    for index in range(len(lines) - 1):
        if like[index] and like[index + 1]:
            flags[index] = flags[index + 1] = True
    return flags


def _heading_flags(lines: list[Line], nexts: list[int | None], items: list[bool]) -> list[bool]:
    """Which text lines act as section headings (short, and followed by points)."""
    flags = [False] * len(lines)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.kind is not LineKind.TEXT or items[index] or not is_heading_like(line.text):
            continue
        after = nexts[index]
        if after is None:
            flags[index] = True
            continue
        following = lines[after]
        flags[index] = (
            following.kind is LineKind.MARKER
            or (items[after] and not items[index])
            or (
                following.kind is LineKind.TEXT
                # "Heading:" or "Why ...?" then prose, or a part heading above a sub-heading
                and (line.text.rstrip().endswith((":", "?")) or flags[after])
            )
        )
    return flags


def _parse_body(lines: list[Line], title: str) -> tuple[str, list[_SectionDraft]]:
    intro_parts: list[_PointDraft] = []
    sections: list[_SectionDraft] = []
    section: _SectionDraft | None = None
    point: _PointDraft | None = None
    previous_blank = True
    nexts = _next_indexes(lines)
    items = _list_item_flags(lines)
    headings = _heading_flags(lines, nexts, items)

    def new_section(heading: str, line_no: int) -> _SectionDraft:
        draft = _SectionDraft(heading=heading, first_line=line_no)
        sections.append(draft)
        return draft

    for index, line in enumerate(lines):
        if line.kind is LineKind.BLANK:
            previous_blank = True
            continue
        if line.kind is LineKind.MD_HEADING:
            section, point = new_section(strip_emphasis(line.rest).rstrip(":"), line.number), None
        elif line.kind is LineKind.MARKER:
            if _is_numbered_heading(lines, index, nexts):
                section, point = (
                    new_section(strip_emphasis(line.rest).rstrip(":"), line.number),
                    None,
                )
            elif point is not None and _is_child(point, line):
                point.add(ITEM, strip_emphasis(line.rest), line.number)
            else:
                if section is None:
                    section = new_section(title, line.number)
                point = _start_point(line, _text_follows(lines, index, nexts, headings))
                section.points.append(point)
        elif line.kind is LineKind.TEXT:
            text = strip_emphasis(line.text)
            if headings[index] and not (point is not None and point.awaiting_text):
                section, point = new_section(text.rstrip(":"), line.number), None
            elif items[index] and point is None:
                # an unmarked list ("1917 – February Revolution" lines): one point per line
                if section is None:
                    section = new_section(title, line.number)
                section.points.append(_list_item(line, text, len(section.points) + 1))
            elif point is not None and (
                point.awaiting_text or not previous_blank or line.indent > point.indent
            ):
                point.add(SPACE, text, line.number)
            elif point is not None:
                # a further paragraph after a point's explanation still belongs to it
                point.add(PARAGRAPH, text, line.number)
            elif section is None:
                if intro_parts and not previous_blank:
                    intro_parts[-1].add(SPACE, text, line.number)
                else:
                    intro_parts.append(_paragraph(line, text, len(intro_parts) + 1))
            elif section.points and not previous_blank:
                section.points[-1].add(SPACE, text, line.number)
            else:
                section.points.append(_paragraph(line, text, len(section.points) + 1))
        previous_blank = False

    if not sections and intro_parts:
        # plain prose: every paragraph becomes a point of one section
        section = new_section(title, intro_parts[0].first_line)
        section.points.extend(intro_parts)
        intro_parts = []
    return "\n\n".join(_joined(p.text_lines) for p in intro_parts), sections


_NUMBER_STYLES = ("number", "paren_number", "roman")
_LETTER_STYLES = ("letter", "paren_letter")


def _is_numbered_heading(lines: list[Line], index: int, nexts: list[int | None]) -> bool:
    """A numbered line with lettered points under it ("1. Causes" then "a) ...") heads a section."""
    line = lines[index]
    after = nexts[index]
    if line.style not in _NUMBER_STYLES or after is None:
        return False
    following = lines[after]
    return (
        following.kind is LineKind.MARKER
        and following.style in _LETTER_STYLES
        and following.label.lower() in ("a", "i")
        and is_heading_like(line.rest)
    )


def _text_follows(
    lines: list[Line], index: int, nexts: list[int | None], headings: list[bool]
) -> bool:
    """Whether the text line after the marker at ``index`` is that point's explanation."""
    after = nexts[index]
    if after is None or lines[after].kind is not LineKind.TEXT:
        return False
    marker = lines[index]
    if marker.style.startswith("bullet"):
        return lines[after].indent > marker.indent
    if not headings[after]:
        return True
    # A short line then more points: the explanation if the sequence goes on (c. ... d.),
    # a new heading if the points start again (a., 1.) or change style.
    beyond = nexts[after]
    if beyond is None or lines[beyond].kind is not LineKind.MARKER:
        return True
    following = lines[beyond]
    return following.style == marker.style and following.label.lower() not in ("a", "1", "i")


def _list_item(line: Line, text: str, number: int) -> _PointDraft:
    draft = _paragraph(line, text, number)
    draft.style = "paragraph:item"
    inline = _INLINE_TITLE.match(text)
    if inline and inline.group("sep") != ";":
        draft.title = inline.group("title").strip()
        draft.text_lines = [(SPACE, inline.group("text"))]
    return draft


def _paragraph(line: Line, text: str, number: int) -> _PointDraft:
    return _PointDraft(
        label=str(number),
        style="paragraph",
        indent=line.indent,
        title="",
        text_lines=[(SPACE, text)],
        first_line=line.number,
        last_line=line.number,
    )


def _joined(parts: list[tuple[str, str]]) -> str:
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


def _is_child(point: _PointDraft, line: Line) -> bool:
    if line.indent > point.indent and line.style != point.style:
        return True
    if line.style == "bullet:◦" and point.style != "bullet:◦":
        return True
    return line.style.startswith("bullet") and line.indent > point.indent


def _start_point(line: Line, text_follows: bool) -> _PointDraft:
    rest = line.rest
    draft = _PointDraft(
        label=line.label,
        style=line.style,
        indent=line.indent,
        title="",
        first_line=line.number,
        last_line=line.number,
    )
    bold = _BOLD_TITLE.match(rest)
    if bold:
        draft.title = strip_emphasis(bold.group("title")).rstrip(":").strip()
        body = bold.group("text").strip()
        if body:
            draft.text_lines.append((SPACE, strip_emphasis(body)))
        else:
            draft.awaiting_text = True
        return draft
    plain = strip_emphasis(rest)
    inline = _INLINE_TITLE.match(plain)
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
    return len(words) <= 8 and not re.match(r"^(?:in|on|by|during|after|before)\s+\d", title, re.I)


def _build_sections(
    drafts: list[_SectionDraft], warnings: list[ParseWarning], *, context: Period | None
) -> tuple[Section, ...]:
    sections: list[Section] = []
    seen_ids: set[str] = set()
    for position, draft in enumerate(drafts):
        is_last = position == len(drafts) - 1
        if not draft.points and is_last:
            # an empty heading before another heading is a part heading ("Key people"), fine
            warnings.append(
                ParseWarning(
                    code="empty_section",
                    message=f"section {draft.heading!r} has no points",
                    line=draft.first_line,
                )
            )
        period = _heading_period(draft.heading)
        points = [
            point
            for number, p in enumerate(draft.points, start=1)
            if (point := _build_point(p, number, period or context, seen_ids, warnings)) is not None
        ]
        last_line = points[-1].lines[1] if points else draft.first_line
        sections.append(
            Section(
                id=_unique(content_id("s", draft.heading), seen_ids),
                heading=draft.heading,
                period=period,
                points=tuple(points),
                lines=(draft.first_line, last_line),
            )
        )
    return tuple(sections)


def _build_point(
    p: _PointDraft,
    number: int,
    section_period: Period | None,
    seen_ids: set[str],
    warnings: list[ParseWarning],
) -> Point | None:
    text, title = _joined(p.text_lines), p.title
    bulleted = p.style.startswith(("bullet", "paragraph"))
    if not text and bulleted:
        text, title = title, ""  # a one-line bullet is a statement, not a bare title
    if not text and not title:
        return None
    if not text:
        warnings.append(
            ParseWarning(
                code="empty_point",
                message=f"point {p.label} {title!r} has no text",
                line=p.first_line,
            )
        )
    return Point(
        id=_unique(content_id("p", title, text), seen_ids),
        label=str(number) if bulleted else p.label,
        title=title,
        text=text,
        period=_point_period(title, text, section_period),
        lines=(p.first_line, max(p.last_line, p.first_line)),
        entities=extract_entities(f"{title}. {text}" if title else text),
    )


def _unique(candidate: str, seen: set[str]) -> str:
    result, counter = candidate, 2
    while result in seen:
        result = f"{candidate}-{counter}"
        counter += 1
    seen.add(result)
    return result


def _heading_period(heading: str) -> Period | None:
    """The date a heading gives: the one at its end ("..., 1949-57"), else its last one."""
    dates = find_dates(heading)
    return dates[-1].period if dates else None


def _point_period(title: str, text: str, section_period: Period | None) -> Period | None:
    if title:
        from_title = _heading_period(title)
        if from_title is not None:
            return from_title
    found = find_dates(text)
    dates = [d for d in found if not d.period.approximate or not _DECADE.search(d.text)]
    if dates:
        return dates[0].period
    if section_period is not None and section_period.start.year == section_period.end.year:
        # "on 22 October" under "The thirteen days, October 1962" means 22 October 1962
        dated = find_dates(f"{title}. {text}", year=section_period.start.year)
        exact = [d for d in dated if not d.period.approximate]
        return exact[0].period if exact else None
    return None


def _parse_sources(
    lines: list[Line], start: int | None, question_start: int | None
) -> list[Source]:
    if start is None:
        return []
    end = question_start if question_start is not None and question_start > start else len(lines)
    blocks: list[list[Line]] = []
    for line in lines[start:end]:
        if line.kind is LineKind.SOURCE_HEADING or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return [build_source(block) for block in blocks if any(ln.text for ln in block)]


def _parse_questions(lines: list[Line], start: int | None, sources: list[Source]) -> list[Question]:
    if start is None:
        return []
    questions: list[Question] = []
    current: list[str] = []
    first_line = 0

    def flush() -> None:
        if not current:
            return
        text = " ".join(current).strip()
        marks_match = _MARKS.search(text)
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

    for line in lines[start + 1 :]:
        if line.kind in (LineKind.SOURCE_HEADING, LineKind.MD_HEADING):
            break
        if line.kind is LineKind.MARKER:
            flush()
            current.append(strip_emphasis(line.rest))
            first_line = line.number
        elif line.kind is LineKind.TEXT:
            if not current:
                first_line = line.number
            current.append(strip_emphasis(line.text))
        elif line.kind is LineKind.BLANK and current and _MARKS.search(" ".join(current)):
            flush()
    flush()
    return questions
