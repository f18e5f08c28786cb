"""The notes as structured knowledge: a topic of sections, points, sources and questions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from clio.model.period import Period


class EntityKind(StrEnum):
    """What an entity found in the text is."""

    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"
    FIGURE = "figure"
    EVENT = "event"


@dataclass(frozen=True, kw_only=True)
class Entity:
    """A person, place, organisation or figure named in a point or source.

    For figures, ``value`` is the number and ``unit`` what it counts
    ("$300m" -> value 300_000_000, unit "$"; "20,000 experts" -> 20000, "experts").
    """

    kind: EntityKind
    text: str
    name: str
    value: float | None = None
    unit: str | None = None


@dataclass(frozen=True, kw_only=True)
class ParseWarning:
    """Something suspicious but valid in the notes, with where it is."""

    code: str
    message: str
    line: int | None = None


@dataclass(frozen=True, kw_only=True)
class Point:
    """One lettered, numbered or bulleted point: a title and its explanation."""

    id: str
    label: str
    title: str
    text: str
    period: Period | None = None
    lines: tuple[int, int] = (0, 0)
    entities: tuple[Entity, ...] = ()

    @property
    def full_text(self) -> str:
        """Title and explanation as one passage."""
        if self.title and self.text:
            return f"{self.title}: {self.text}"
        return self.title or self.text


@dataclass(frozen=True, kw_only=True)
class Section:
    """A heading and its points, e.g. "Why China forged close relations with the USSR, 1949-57"."""

    id: str
    heading: str
    period: Period | None = None
    points: tuple[Point, ...] = ()
    lines: tuple[int, int] = (0, 0)
    # the heading this section sits under when that heading has no points of its own
    # ("The Five-Year Plans" over "## Collectivisation, 1929-33"), else None
    part: str | None = None

    @property
    def is_why(self) -> bool:
        """True for cause sections ("Why ...", "Reasons for ...", "Causes of ...")."""
        head = self.bare_heading.lower()
        return head.startswith(("why ", "reasons ", "causes ", "the causes ", "the reasons "))

    @property
    def is_glossary(self) -> bool:
        """True for a section of key terms and their meanings ("Key terms", "Glossary")."""
        return _GLOSSARY.match(self.bare_heading) is not None

    @property
    def bare_heading(self) -> str:
        """The heading without a numbering label ("Key Question 1: Why ..." -> "Why ...")."""
        return bare_heading(self.heading)


_GLOSSARY = re.compile(
    r"^(?:key\s+)?(?:terms?|words|vocabulary|concepts|definitions|glossary)\b", re.IGNORECASE
)
_LABEL_PREFIX = re.compile(
    r"^\s*(?:(?:key\s+(?:question|issue|topic|enquiry)|question|topic|section|part|unit|chapter|"
    r"theme|enquiry|lesson)\s*[\dA-Za-z]{0,3}(?:\.\d+)?\s*[:.–—-]"
    # or a bare number or roman numeral: "I. Anglo-Saxon England", "2) Crises" (not the
    # initials of "V. I. Lenin")
    r"|(?-i:[IVX]{1,4}|\d{1,2})[.)](?!\s+(?-i:[A-Z])\.))\s+(?=\S)",
    re.IGNORECASE,
)


def bare_heading(heading: str) -> str:
    """``heading`` without a numbering label ("Key Question 1: Why ..." -> "Why ...")."""
    return _LABEL_PREFIX.sub("", heading.strip(), count=1)


@dataclass(frozen=True, kw_only=True)
class Claim:
    """A dated statement inside a source passage."""

    period: Period
    text: str


@dataclass(frozen=True, kw_only=True)
class Source:
    """A source passage with its provenance, for source-analysis exercises."""

    id: str
    label: str = ""
    citation: str = ""
    author: str | None = None
    title: str | None = None
    year: int | None = None
    provenance: str = ""
    instruction: str = ""
    text: str = ""
    claims: tuple[Claim, ...] = ()
    lines: tuple[int, int] = (0, 0)
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Question:
    """A question the notes carry themselves, with its tariff when given."""

    id: str
    text: str
    marks: int | None = None
    source_id: str | None = None
    line: int | None = None


@dataclass(frozen=True, kw_only=True)
class Topic:
    """A whole revision sheet, parsed."""

    id: str
    name: str
    title: str
    intro: str = ""
    sections: tuple[Section, ...] = ()
    sources: tuple[Source, ...] = ()
    questions: tuple[Question, ...] = ()
    warnings: tuple[ParseWarning, ...] = field(default=())

    @property
    def exercises(self) -> tuple[Question, ...]:
        """The questions the notes carry (alias kept for the domain vocabulary)."""
        return self.questions

    def points(self) -> Iterator[tuple[Section, Point]]:
        """Every point with its section, in order."""
        for section in self.sections:
            for point in section.points:
                yield section, point

    def find_point(self, point_id: str) -> Point | None:
        """The point with this id, or None."""
        for _, point in self.points():
            if point.id == point_id:
                return point
        return None

    def section_of(self, point_id: str) -> Section | None:
        """The section holding the point with this id, or None."""
        for section, point in self.points():
            if point.id == point_id:
                return section
        return None
