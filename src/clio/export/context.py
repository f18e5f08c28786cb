"""Where a study item comes from in its topic: section, period, source text, tags."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clio.ids import slugify
from clio.model.period import Period
from clio.model.topic import Point, Section, Source, Topic

MAX_DECADE_TAGS = 4


@dataclass(frozen=True, kw_only=True)
class ItemContext:
    """The section, period and origin text of one study item."""

    section: Section | None
    period: Period | None
    origin: str  # the notes text the item was made from

    def label(self) -> str:
        """``"Korean War, 1950-53 (1950–1953)"``-style context for a card."""
        if self.section is None:
            return self.period.label() if self.period else ""
        heading = self.section.heading
        if self.period and self.period.label() not in heading:
            return f"{heading} ({self.period.label()})"
        return heading


def item_context(topic: Topic, source_ids: tuple[str, ...]) -> ItemContext:
    """The context of an item made from the points, sections or sources named in ``source_ids``."""
    section: Section | None = None
    period: Period | None = None
    origins: list[str] = []
    sections = {s.id: s for s in topic.sections}
    sources = {s.id: s for s in topic.sources}
    for ref in source_ids:
        point: Point | None = topic.find_point(ref)
        if point is not None:
            section = section or topic.section_of(ref)
            period = period or point.period
            origins.append(point.full_text)
        elif ref in sections:
            section = section or sections[ref]
            origins.append(sections[ref].heading)
        elif ref in sources:
            origins.append(source_citation(sources[ref]))
    points = [ref for ref in source_ids if topic.find_point(ref) is not None]
    if section is not None and (period is None or len(points) > 1):
        period = section.period  # an item on several points is about the section's period
    return ItemContext(section=section, period=period, origin="\n".join(origins))


def source_citation(source: Source) -> str:
    """How a source is named: its label and citation or provenance."""
    detail = source.citation or source.provenance
    return f"{source.label}: {detail}" if source.label and detail else source.label or detail


def section_tag(section: Section) -> str:
    """``clio::korean-war`` for "Korean War, 1950-53" (the heading without its period)."""
    heading = section.heading
    if section.period is not None and section.period.text:
        pattern = r"[\s,;:(–—-]*" + re.escape(section.period.text) + r"\)?\s*$"
        heading = re.sub(pattern, "", heading) or heading
    return f"clio::{slugify(heading, max_length=48)}"


def decade_tags(period: Period | None) -> list[str]:
    """``["1940s", "1950s"]`` for 1949-57; none for spans of more than four decades."""
    if period is None:
        return []
    first = period.start.year - period.start.year % 10
    last = period.end.year - period.end.year % 10
    decades = list(range(first, last + 1, 10))
    return [f"{d}s" for d in decades] if len(decades) <= MAX_DECADE_TAGS else []
