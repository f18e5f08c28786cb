"""Source blocks: provenance, instruction, citation, passage and its dated claims."""

from __future__ import annotations

import re

from clio.ids import content_id
from clio.model.topic import Claim, Source
from clio.parse.dates import find_dates
from clio.parse.entities import extract_entities
from clio.parse.folding import plain_lower
from clio.parse.lines import BLANK, MARKER, SOURCE_HEADING, TEXT, Line

_INSTRUCTION = re.compile(
    r"\b(?:read|study|look\s+at|use)\s+(?:the\s+following|this|these|the)\s+"
    r"(?:passage|source|extract|sources|extracts|document|text)"
    r"|\b(?:write\s+)?answers?\s+(?:to\s+)?the\s+questions?\s+(?:which|that)\s+follows?",
    re.I,
)
_PROVENANCE_WORDS = re.compile(
    r"\b(?:wrote|written|writing|published|analysed|analyzed|speech|scholar|historian|"
    r"professor|journalist|diary|letter|memoirs?|author|cartoon|newspaper|report|interview|"
    r"broadcast|textbook|book|article)\b",
    re.I,
)
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")
_BY_AUTHOR = re.compile(
    r"\bby\s+(?:the\s+)?(?P<author>(?:[A-Z][\w.'’-]*\.?\s*){1,5}?)(?=\s+(?:on|in|at|to|for|from|"
    r"during|about|published|written|which|who|when)\b|[,.;:(]|$)"
)
# "From the memoirs of Arthur Schlesinger, an adviser ...": a work "of" its author
_OF_AUTHOR = re.compile(
    r"\b(?:memoirs?|diary|diaries|letters?|autobiography|papers|writings|speech|speeches|"
    r"recollections|journal|account)\s+of\s+" + _BY_AUTHOR.pattern.removeprefix(r"\bby\s+")
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\"'])")


# Every instruction names what to read or says "answer": lines without any of these are not one.
_INSTRUCTION_WORDS = ("answer", "passage", "source", "extract", "document", "text")


def is_instruction(text: str) -> bool:
    """True for lines such as "Read the following passage ... answer the questions"."""
    lower = plain_lower(text)
    if lower is not None and not (  # _INSTRUCTION_WORDS, written out (no generator per line)
        "answer" in lower
        or "passage" in lower
        or "source" in lower
        or "extract" in lower
        or "document" in lower
        or "text" in lower
    ):
        return False
    return bool(_INSTRUCTION.search(text))


def looks_like_provenance(paragraph: str, following: str) -> bool:
    """True when a paragraph describes who made a source (before its instruction line)."""
    names = {w for w in re.findall(r"\b[A-Z][a-z]{3,}\b", following)}
    shares_name = any(name in paragraph for name in names)
    return shares_name or bool(_PROVENANCE_WORDS.search(paragraph) and _YEAR.search(paragraph))


def _parse_citation(line: str) -> tuple[str | None, str | None, int | None]:
    """ "Author, Work Title, 1976" -> (author, title, year)."""
    parts = [p.strip() for p in line.rstrip(".").split(",")]
    if len(parts) < 2:
        return None, None, None
    year = None
    if _YEAR.fullmatch(parts[-1]):
        year = int(parts[-1])
        parts = parts[:-1]
    if len(parts) < 2:
        return parts[0] or None, None, year
    author = parts[0]
    if len(author.split()) > 6:
        return None, None, year
    return author, ", ".join(parts[1:]) or None, year


# how an attribution line starts: "From a speech by ...", "Adapted from ... by ...", "A cartoon"
_ATTRIBUTED = (
    "from ", "a ", "an ", "adapted from ", "taken from ", "extract from ", "extracted from ",
    "excerpt from ", "quoted in ", "part of ",
)  # fmt: skip


_QUOTED_WORK = re.compile(r"[\"“‘'](?P<work>[A-Z][^\"”’]{3,120}?)[\"”’](?=\s*(?:,|by\b|\(|$))")


def _looks_like_citation(line: str) -> bool:
    text = line.strip().rstrip(".")
    if len(text) > 200 or "," not in text or is_instruction(text):
        return False
    last = text.rsplit(",", 1)[-1].strip()
    dates = find_dates(last)
    return len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(last)


def _attribution_author(text: str) -> str | None:
    match = _BY_AUTHOR.search(text) or _OF_AUTHOR.search(text)
    if match:
        return match.group("author").strip().rstrip(".,")
    return None


_POSSESSIVE = re.compile(
    r"^(?:from\s+)?(?P<author>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s", re.I
)


def _possessive_author(text: str) -> str | None:
    """ "From Mao's speech at Lushan" -> "Mao"."""
    match = _POSSESSIVE.match(text)
    if match and match.group("author")[0].isupper():
        return match.group("author")
    return None


def build_source(block: list[Line]) -> Source:
    """Build a :class:`Source` from its lines (heading or provenance first)."""
    label = ""
    provenance_parts: list[str] = []
    instruction = ""
    citation = ""
    passage: list[str] = []
    lines = list(block)
    first_line = lines[0].number
    if lines and lines[0].kind is SOURCE_HEADING:
        label = lines[0].label
        if lines[0].rest:
            citation = lines[0].rest
        lines = lines[1:]
    if not label:
        # no "Source A" heading: what comes before the instruction line is provenance
        for cut, line in enumerate(lines):
            if line.kind is TEXT and is_instruction(line.text):
                provenance_parts = [ln.text for ln in lines[:cut] if ln.text]
                lines = lines[cut:]
                break
    stage = "head"
    for line in lines:
        if line.kind is BLANK:
            if passage:
                passage.append("")
            continue
        text = line.text
        if stage == "head" and is_instruction(text) and not instruction:
            instruction = text
            continue
        if stage == "head" and not citation and _looks_like_citation(text) and len(text) < 200:
            citation = text
            continue
        if (
            stage == "head"
            and not citation
            and not instruction
            and not passage
            and (
                text.lower().startswith((*_ATTRIBUTED, "the "))
                and len(text) < 250
                and (_YEAR.search(text) or _attribution_author(text))
            )
        ):
            citation = text
            continue
        if stage == "passage" and len(text) < 250 and is_instruction(text):
            # "Write answers to the questions which follow." after the passage: not its words
            instruction = instruction or text
            continue
        stage = "passage"
        marker = line.label + " " if line.kind is MARKER and line.style.startswith("bullet") else ""
        content = line.rest if line.kind is MARKER else text
        passage.append(f"{marker}{content}".strip())
    passage_text = "\n".join(passage).strip()
    passage_text = re.sub(r"\n{3,}", "\n\n", passage_text)
    author, work, year = _parse_citation(citation) if citation else (None, None, None)
    if citation and (author is None or citation.lower().startswith(_ATTRIBUTED)):
        attributed = citation.lower().startswith(_ATTRIBUTED)
        author = (
            _attribution_author(citation)
            or _possessive_author(citation)
            or (None if attributed else author)
        )
        work = None if citation.lower().startswith(_ATTRIBUTED) else work
        if work is None and (quoted := _QUOTED_WORK.search(citation)):
            work = quoted["work"]  # Adapted from "The Rise and Fall of the Third Reich" by ...
        dates = find_dates(citation)
        if dates and year is None:
            year = dates[-1].period.start.year
    provenance = " ".join(provenance_parts)
    if not provenance and citation.lower().startswith(_ATTRIBUTED):
        provenance = citation
    claims = _claims(passage_text)
    return Source(
        id=content_id("src", label or citation, passage_text[:400]),
        label=label or "Source",
        citation=citation,
        author=author,
        title=work,
        year=year,
        provenance=provenance,
        instruction=instruction,
        text=passage_text,
        claims=claims,
        lines=(first_line, block[-1].number),
        entities=extract_entities(passage_text),
    )


def split_sentences(text: str) -> list[str]:
    """Split a passage into sentences (and bullet lines)."""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip().lstrip("•◦-*– ").strip()
        if paragraph:
            sentences.extend(s.strip() for s in _SENTENCE.split(paragraph) if s.strip())
    return sentences


def _claims(passage: str) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    for sentence in split_sentences(passage):
        for match in find_dates(sentence):
            claims.append(Claim(period=match.period, text=sentence))
    return tuple(claims)
