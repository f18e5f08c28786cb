"""Mark schemes and marks for free-text answers (levels of response)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Level:
    """One level of a levels-of-response scheme: marks ``low``..``high`` and what earns them."""

    level: int
    low: int
    high: int
    descriptor: str


@dataclass(frozen=True, kw_only=True)
class SchemePoint:
    """A creditworthy point: indicative content from the source, own knowledge, provenance..."""

    id: str
    text: str
    kind: str = "content"  # "content", "own_knowledge", "provenance", "judgement", "reference"
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class MarkScheme:
    """How an answer is marked: its levels, the points to credit and a model answer."""

    max_marks: int
    levels: tuple[Level, ...] = ()
    points: tuple[SchemePoint, ...] = ()
    reference: str = ""
    style: str = "generic"
    source_text: str = ""  # the passage the question is on, to spot copying


@dataclass(frozen=True, kw_only=True)
class PointMatch:
    """A scheme point the answer made, with the words that made it."""

    point_id: str
    point_text: str
    evidence: str
    similarity: float


@dataclass(frozen=True, kw_only=True)
class Mark:
    """The result of marking one answer."""

    score: int
    max_marks: int
    level: int
    made: tuple[PointMatch, ...] = ()
    missed: tuple[SchemePoint, ...] = ()
    feedback: str = ""
    flags: tuple[str, ...] = ()  # guards that fired, e.g. "empty", "copied", "off_topic"
    # Which content scorer marked it: "single" (the answer alone), "class_set" (with the other
    # answers to the same question in the batch), "rule" (zero-training rule); "" if not clio.mark.
    scorer: str = ""
