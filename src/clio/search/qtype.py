"""What kind of answer a question wants: a date, a number, a person, a place, a reason or a phrase."""

from __future__ import annotations

import re
from enum import StrEnum


class AnswerType(StrEnum):
    """The kind of span that answers a question."""

    DATE = "date"
    NUMBER = "number"
    PERSON = "person"
    PLACE = "place"
    REASON = "reason"
    PHRASE = "phrase"


_PLACE_NOUNS = (
    r"(?:port|harbou?r|city|cities|town|country|countries|nation|region|province|state|island|"
    r"place|capital|border|area|territor(?:y|ies)|river|sea|ocean|continent|location)s?"
)
_PERSON_NOUNS = (
    r"(?:person|people|man|men|woman|women|leader|ruler|general|commander|president|premier|"
    r"chairman|minister|dictator|historian|scholar|author|writer|politician|figure|official)s?"
)
_NUMBER_NOUNS = r"(?:number|amount|figure|proportion|percentage|share|size|sum|total|cost)"

_RULES: tuple[tuple[re.Pattern[str], AnswerType], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"\b(?:how many|how much|how large|how big|how long|how far|how often)\b", "number"),
        (rf"\b(?:what|which)\s+(?:was\s+the\s+|is\s+the\s+)?{_NUMBER_NOUNS}\b", "number"),
        (r"\bwhen\b|\b(?:what|which|in which|in what)\s+(?:year|month|date|decade|day)\b", "date"),
        (r"\bby\s+(?:what|which)\s+(?:year|date)\b|\bhow\s+soon\b", "date"),
        (r"^\s*why\b|\bwhy\b|\bfor what reasons?\b|\bwhat (?:was|were) the reasons?\b", "reason"),
        (r"\bwhat (?:caused|led to|made|motivated|drove|prompted)\b", "reason"),
        (r"\breasons? (?:for|why)\b|\bcauses? of\b", "reason"),
        (r"^\s*(?:who|whom|whose)\b|\b(?:to|by|from|with|of|for) whom\b", "person"),
        (rf"\b(?:which|what)\s+(?:\w+\s+){{0,2}}{_PERSON_NOUNS}\b", "person"),
        (r"^\s*where\b|\bwhere\b", "place"),
        (rf"\b(?:which|what)\s+(?:\w+\s+){{0,2}}{_PLACE_NOUNS}\b", "place"),
        (r"\bin (?:which|what) (?:country|city|place|region)\b", "place"),
        (r"\bwho\b", "person"),
    )
)


def answer_type(question: str) -> AnswerType:
    """The answer type a question asks for ("When ..." -> DATE, "How many ..." -> NUMBER)."""
    for pattern, kind in _RULES:
        if pattern.search(question):
            return AnswerType(kind)
    return AnswerType.PHRASE
