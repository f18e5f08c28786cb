"""``parse_notes``: a revision sheet as text in, a structured :class:`Topic` out."""

from __future__ import annotations

from clio.ids import slugify
from clio.model.topic import ParseWarning, Source, Topic
from clio.parse.assemble import build_sections, heading_period
from clio.parse.checks import backwards_ranges, clashing_dates
from clio.parse.drafts import (
    ITEM,
    PARAGRAPH,
    SPACE,
    PointDraft,
    SectionDraft,
    is_child,
    joined,
    list_item,
    nest_sections,
    paragraph,
    question_point,
    start_point,
    table_row,
)
from clio.parse.layout import (
    heading_flags,
    heading_style,
    is_heading_like,
    is_numbered_heading,
    list_item_flags,
    next_content,
    next_indexes,
    strip_emphasis,
    text_follows,
    titles_paragraph,
)
from clio.parse.lines import (
    BLANK,
    MARKER,
    MD_HEADING,
    QUESTIONS_HEADING,
    SOURCE_HEADING,
    TABLE_ROW,
    TEXT,
    Line,
    split_lines,
)
from clio.parse.questions import parse_questions, trailing_questions
from clio.parse.sources import build_source, is_instruction, looks_like_provenance
from clio.parse.text_input import normalise_text


def parse_notes(text: str, *, name: str | None = None) -> Topic:
    """Parse revision notes in any of the supported layouts into a :class:`Topic`."""
    text = normalise_text(text)
    lines = split_lines(text)
    content = [ln for ln in lines if ln.kind is not BLANK]
    warnings: list[ParseWarning] = []
    if not content:
        return Topic(id=slugify(name or "notes"), name=name or "notes", title=name or "Notes")

    title, body_start = _find_title(lines, name)
    source_start, question_start = _find_regions(lines, body_start)
    first_question = None if question_start is None else question_start + 1
    if question_start is None:
        # No "Questions" heading: exam questions at the end ("Q1. Describe ... (4 marks)").
        question_start = first_question = trailing_questions(lines, source_start or body_start)
    notes_end = min(x for x in (source_start, question_start, len(lines)) if x is not None)
    intro, sections = _parse_body(lines[body_start:notes_end], title)

    sources = _parse_sources(lines, source_start, question_start)
    questions = parse_questions(lines, first_question, sources)

    if body_start == 0 and len(sections) == 1 and sections[0].heading.strip(" *_#"):
        title = sections[0].heading  # no title line: a lone heading names the notes
    built_sections = build_sections(sections, warnings, context=heading_period(title))
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
        if line.kind is BLANK:
            continue
        if line.kind is MD_HEADING and line.level == 1:
            heading = strip_emphasis(line.rest).strip(" *_#")
            if heading:
                return heading, index + 1
            continue  # an empty "# *" heading is decoration, not a title
        if line.kind is TEXT and is_heading_like(line.text):
            following = next_content(lines, index + 1)
            # A heading directly followed by points is a section, not the title; one followed
            # by numbered headings ("1. Causes" over "a) ...") is the title.
            if (
                following is None
                or following.kind is not MARKER
                or is_numbered_heading(
                    lines,
                    following.number - 1,
                    next_indexes(lines),
                    list_item_flags(lines[: following.number + 8]) + [False] * len(lines),
                )
            ):
                return strip_emphasis(line.text).rstrip(":"), index + 1
        break
    fallback = name.replace("-", " ").replace("_", " ").strip().title() if name else "Notes"
    return fallback, 0


def _find_regions(lines: list[Line], start: int) -> tuple[int | None, int | None]:
    """Where the source block and the questions block start (indexes into ``lines``)."""
    source_start: int | None = None
    question_start: int | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        if line.kind is SOURCE_HEADING and source_start is None:
            source_start = index
        elif line.kind is TEXT and source_start is None and is_instruction(line.text):
            source_start = _extend_to_provenance(lines, index, start)
        elif line.kind is QUESTIONS_HEADING and question_start is None:
            question_start = index
    return source_start, question_start


def _extend_to_provenance(lines: list[Line], index: int, floor: int) -> int:
    """Include the paragraph before an instruction line when it describes the source."""
    after = " ".join(ln.text for ln in lines[index + 1 : index + 4] if ln.text)
    cursor = index - 1
    while cursor >= floor and lines[cursor].kind is BLANK:
        cursor -= 1
    end = cursor
    while cursor >= floor and lines[cursor].kind is TEXT:
        cursor -= 1
    paragraph = " ".join(ln.text for ln in lines[cursor + 1 : end + 1])
    if paragraph and looks_like_provenance(paragraph, after):
        return cursor + 1
    return index


def _parse_body(lines: list[Line], title: str) -> tuple[str, list[SectionDraft]]:
    intro_parts: list[PointDraft] = []
    sections: list[SectionDraft] = []
    section: SectionDraft | None = None
    point: PointDraft | None = None
    previous_blank = True
    nexts = next_indexes(lines)
    items = list_item_flags(lines)
    headings = heading_flags(lines, nexts, items)

    def new_section(heading: str, line_no: int, level: int = 0, style: str = "") -> SectionDraft:
        draft = SectionDraft(heading=heading, first_line=line_no, level=level, style=style)
        sections.append(draft)
        return draft

    for index, line in enumerate(lines):
        if line.kind is BLANK:
            previous_blank = True
            continue
        if line.kind is MD_HEADING:
            heading = strip_emphasis(line.rest).rstrip(":")
            section, point = new_section(heading, line.number, line.level), None
        elif line.kind is MARKER:
            if is_numbered_heading(lines, index, nexts, items):
                section, point = (
                    new_section(strip_emphasis(line.rest).rstrip(":"), line.number),
                    None,
                )
            elif point is not None and is_child(point, line):
                point.add(ITEM, strip_emphasis(line.rest), line.number)
            else:
                if section is None:
                    section = new_section(title, line.number)
                if line.style == "paragraph:qa":
                    point = question_point(line)  # "Q: ...?" whose answer follows
                else:
                    point = start_point(line, text_follows(lines, index, nexts, headings))
                section.points.append(point)
        elif line.kind is TABLE_ROW:
            point = None
            if line.style not in ("rule", "header"):
                if section is None:
                    section = new_section(title, line.number)
                section.points.append(table_row(line, len(section.points) + 1))
        elif line.kind is TEXT:
            text = strip_emphasis(line.text)
            if headings[index] and not (point is not None and point.awaiting_text):
                style = heading_style(line.text)
                section, point = new_section(text.rstrip(":"), line.number, style=style), None
            elif items[index] and point is None:
                # an unmarked list ("1917 – February Revolution" lines): one point per line
                if section is None:
                    section = new_section(title, line.number)
                section.points.append(list_item(line, text, len(section.points) + 1))
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
                    intro_parts.append(paragraph(line, text, len(intro_parts) + 1))
            elif section.points and not previous_blank:
                section.points[-1].add(SPACE, text, line.number)
            else:
                draft = paragraph(line, text, len(section.points) + 1)
                if titles_paragraph(lines, index):
                    # "The police state" on its own line, its paragraph straight under it
                    draft.title, draft.text_lines = text.rstrip(":"), []
                section.points.append(draft)
        previous_blank = False

    if not sections and intro_parts:
        # plain prose: every paragraph becomes a point of one section
        section = new_section(title, intro_parts[0].first_line)
        section.points.extend(intro_parts)
        intro_parts = []
    return "\n\n".join(joined(p.text_lines) for p in intro_parts), nest_sections(sections)


def _parse_sources(
    lines: list[Line], start: int | None, question_start: int | None
) -> list[Source]:
    if start is None:
        return []
    end = question_start if question_start is not None and question_start > start else len(lines)
    blocks: list[list[Line]] = []
    for line in lines[start:end]:
        if line.kind is SOURCE_HEADING or not blocks:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return [build_source(block) for block in blocks if any(ln.text for ln in block)]
