"""What kind of answer a question wants: a date, number, person, place, reason or phrase."""

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
    r"place|capital|border|area|territor(?:y|ies)|river|sea|ocean|continent|location|canal|"
    r"waterway|mountain|desert|peninsula|lake|valley|village|province|district)s?"
)
_PERSON_NOUNS = (
    r"(?:person|people|man|men|woman|women|leader|ruler|general|commander|president|premier|"
    r"chairman|minister|dictator|historian|scholar|author|writer|politician|official|banker|"
    r"financier|economist|diplomat|pilot|soldier|spy|king|queen|emperor|tsar|chancellor|"
    r"secretary|secretaries|ambassador|governor|senator|mayor|prince|princess|archduke|duke|"
    r"kaiser|pope|bishop|admiral|marshal|colonel|captain|officer|adviser|advisor|commissar|"
    r"envoy|delegate|assassin|founder|successor|predecessor)s?"
)
ROLE_NOUN = re.compile(rf"\b{_PERSON_NOUNS}\b", re.IGNORECASE)
"""A word naming a person's role ("president", "leaders"): what only a person can be."""
ACTIVE_WHO = re.compile(
    r"^\W*who\s+(?!(?:was|were|is|are|had|has|have|did|does|do|would|could|will|should)\b)"
    r"(?P<verb>[a-z]+)\b(?P<rest>[^?]*)",
    re.IGNORECASE,
)
"""An active "who" question ("Who killed Röhm?"): its verb, and the rest (what it was done to)."""
# "What were people ordered to make?": a noun after the verb is the subject, not what is asked
_NOT_AUX = r"(?!(?:was|were|is|are|did|do|does|had|has|have|would|could|will)\b)"
_NUMBER_NOUNS = r"(?:number|amount|figure|proportion|percentage|share|size|sum|total|cost)"

_RULES: tuple[tuple[re.Pattern[str], AnswerType], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), AnswerType(kind))
    for pattern, kind in (
        (r"\b(?:how many|how much|how large|how big|how long|how far|how often)\b", "number"),
        (rf"\b(?:what|which)\s+(?:was\s+the\s+|is\s+the\s+)?{_NUMBER_NOUNS}\b", "number"),
        (r"\bwhat (?:did|does|do|would|was|were) .{0,40}\bcost\b|\bwhat was the price\b", "number"),
        # "when"/"where" lead the question; later they join clauses ("What did he do when ...").
        (r"^\W*(?:and |so |but )?when\b|\b(?:since|until|till|by) when\b", "date"),
        (r"\b(?:what|which|in which|in what)\s+(?:year|month|date|decade|day)\b", "date"),
        (r"\bby\s+(?:what|which)\s+(?:year|date)\b|\bhow\s+soon\b", "date"),
        (r"^\s*why\b|\bwhy\b|\bfor what reasons?\b|\bwhat (?:was|were) the reasons?\b", "reason"),
        (r"\bwhat (?:caused|led to|made|motivated|drove|prompted)\b", "reason"),
        (r"\breasons? (?:for|why)\b|\bcauses? of\b", "reason"),
        (r"^\s*(?:who|whom|whose)\b|\b(?:to|by|from|with|of|for|at) whom\b", "person"),
        (rf"\bname of (?:the |a |an )?(?:\w+\s+){{0,2}}{_PERSON_NOUNS}\b", "person"),
        (rf"\bname of (?:the |a |an )?(?:\w+\s+){{0,2}}{_PLACE_NOUNS}\b", "place"),
        (rf"\b(?:which|what)\s+(?:{_NOT_AUX}\w+\s+){{0,2}}{_PERSON_NOUNS}\b", "person"),
        (r"^\W*(?:and |so |but )?where\b|\b(?:from|to) where\b", "place"),
        (rf"\b(?:which|what)\s+(?:{_NOT_AUX}\w+\s+){{0,2}}{_PLACE_NOUNS}\b", "place"),
        (r"\bin (?:which|what) (?:country|city|place|region)\b", "place"),
    )
)


_ASKING = re.compile(
    r"^\s*(?:how (?:many|much|long|far|often|big|large)|(?:in|by)? ?(?:what|which) "
    r"(?:year|month|date|decade|day)|when|where|who|whom|whose|why|what|which)\b",
    re.IGNORECASE,
)


_DEFINITION = re.compile(
    r"^\s*(?:what|who)\s+(?:was|were|is|are)\s+(?:the\s+|a\s+|an\s+)?(?P<subject>[^?]+?)\s*\??\s*$",
    re.IGNORECASE,
)
_NOT_SUBJECT = re.compile(
    r"^(?:name|cost|reason|result|date|number|amount|size|effect|impact|price|purpose|aim|"
    r"outcome|significance|role|main|first|last|most|best)\b|\b(?:did|do|does|was|were|had|has)\b|"
    r"\bto\s+\w+$|"  # "What were people ordered to make?" asks for the thing made
    r"\b(?:called|named|nicknamed|dubbed|termed)$",  # "What were the shanty towns called?"
    re.IGNORECASE,
)

_CLAUSE_WORD = re.compile(r"\b(?:when|while|after|before|during|since|until|whose|who)\b", re.I)
_ROLE = re.compile(rf"^(?:\w+\s+){{0,2}}{_PERSON_NOUNS}\b", re.IGNORECASE)


_PARTICIPLE = re.compile(
    r"^(?:[a-z]+(?:ed|en|wn)|shot|hit|put|set|sent|made|held|kept|told|sold)\b"
)


_MEANING = re.compile(
    r"^\s*(?:what\s+(?:does|did|do)\s+(?:the\s+(?:word|term)\s+)?(?P<a>[^?]+?)\s+mean|"
    r"what\s+(?:is|was)\s+meant\s+by\s+(?:the\s+(?:word|term)\s+)?(?P<b>[^?]+?)|"
    r"define\s+(?:the\s+(?:word|term)\s+)?(?P<c>[^?.]+?))\s*[?.]?\s*$",
    re.IGNORECASE,
)


def definition_subject(question: str) -> str | None:
    """What a "What was X?" / "Who was X?" question asks to describe, or None."""
    meaning = _MEANING.match(question)  # "What does Lebensraum mean?", "Define appeasement."
    if meaning:
        return (meaning["a"] or meaning["b"] or meaning["c"]).strip(" '\"‘’“”")
    match = _DEFINITION.match(question)
    if not match:
        return None
    subject = match.group("subject")
    if len(subject.split()) > 6 or _NOT_SUBJECT.search(subject) or _CLAUSE_WORD.search(subject):
        return None  # "What was the cost?", "Who was president when Saigon fell?"
    if question.lstrip().lower().startswith("who") and _ROLE.match(subject):
        return None  # "Who was the president?" asks for a person, not a description
    if _PARTICIPLE.match(subject):
        return None  # "Who was shot at Sarajevo?" asks who, in the passive
    return subject


def strip_asking(question: str) -> str:
    """The question without its asking words ("How long did it last?" -> "did it last?")."""
    return _ASKING.sub("", question, count=1)


def answer_type(question: str) -> AnswerType:
    """The answer type a question asks for ("When ..." -> DATE, "How many ..." -> NUMBER)."""
    for pattern, kind in _RULES:
        if pattern.search(question):
            return kind
    return AnswerType.PHRASE
