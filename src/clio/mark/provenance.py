"""Which aspect of a source's provenance an answer comments on: nature, origin, date, purpose.

A provenance point of a mark scheme ("Date: It was produced in 1956, 18 years after ...") is
made by a sentence that comments on the same aspect specifically: the source's year or the
time between it and the events for its date, the kind of source for its nature, the author
for its origin, purpose words for its purpose, the audience for its audience.
"""

from __future__ import annotations

import re

from clio.model.marking import SchemePoint

_LABEL = re.compile(r"^\s*(?P<label>[A-Z][a-z]+(?: [a-z]+)?):\s*")
_YEAR = re.compile(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b")
_TIMING = re.compile(
    r"\b(?:years? (?:later|after|before)|at the time|hindsight|afterwards|later on|"
    r"contemporary|same time|during the events|after the events|written after|written during)\b",
    re.I,
)
_PURPOSE = re.compile(
    r"\b(?:purpose|aim(?:ed|s)?|wanted|wants|intended|to (?:persuade|convince|justify|blame|"
    r"win|encourage|frighten|criticise|criticize|attack|defend|mock|inform|explain)|propaganda|"
    r"in order to|so that|motive)\b",
    re.I,
)
_AUDIENCE = re.compile(r"\b(?:audience|readers?|listeners?|aimed at|for the public)\b", re.I)
_KIND = re.compile(r"\bthe source is (?:a|an|the) (?P<kind>[\w -]+?)(?:[;,.]|$)", re.I)
_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:['’]s)?\b")


def aspect(point: SchemePoint) -> str:
    """The aspect a provenance point is about ("date", "nature" ...), or ""."""
    found = _LABEL.match(point.text)
    return found["label"].lower() if found else ""


def provenance_evidence(sentences: tuple[str, ...], point: SchemePoint) -> str:
    """The answer sentence that comments on the point's aspect of the provenance, or ""."""
    label = _LABEL.match(point.text)
    kind = label["label"].lower() if label else ""
    body = point.text[label.end() :] if label else point.text
    for sentence in sentences:
        if _comments_on(kind, body, sentence):
            return sentence
    return ""


def _comments_on(kind: str, body: str, sentence: str) -> bool:
    if kind == "date":
        years = set(_YEAR.findall(body))
        return bool(years & set(_YEAR.findall(sentence))) or bool(_TIMING.search(sentence))
    if kind == "nature":
        named = _KIND.search(body)
        noun = named["kind"].split()[-1].lower() if named else ""
        return bool(noun) and re.search(rf"\b{re.escape(noun)}e?s?\b", sentence, re.I) is not None
    if kind in ("origin", "author"):
        names = {n.rstrip("'’s") for n in _NAME.findall(body)} - {"The", "It", "Its"}
        return any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in names)
    if kind == "purpose":
        return bool(_PURPOSE.search(sentence))
    if kind == "audience":
        return bool(_AUDIENCE.search(sentence))
    return False
