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
        if not any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in names):
            return False
        # "the source comes from X" is made by naming X; "X took part in the events" or "X was
        # an American scholar" also needs what the point says of X (the author's position).
        bare = re.match(r"(?:the source|it) comes from\b", body.strip(), re.I) is not None
        return bare or _ROLE.search(sentence) is not None or _names_role(body, sentence)
    if kind == "purpose":
        return bool(_PURPOSE.search(sentence))
    if kind == "audience":
        return bool(_AUDIENCE.search(sentence))
    return False


# Why a source's provenance affects it: the author's position or side, the time it was made,
# its purpose or audience, the evidence its author had. Naming the author ("it is by
# Khrushchev") or the kind of source ("it is by a historian") gives none of these.
_ROLE = re.compile(
    r"\b(?:leader|president|premier|prime minister|chairman|dictator|king|queen|emperor|general|"
    r"minister|official|government|politician|spokes(?:man|woman|person)|diplomat|ambassador|"
    r"eye-?witness|witness|took part|take part|primary|secondary|"
    r"taking part|involved|insider|participant|was there|side|enemy|rival|opponent|supporter|"
    r"member of|soviet|american|british|german|chinese|russian|french|japanese|communist|nazi|"
    r"capitalist|socialist|fascist|democrat|republican|party)\b",
    re.I,
)
_REASONED_PURPOSE = re.compile(
    r"\b(?:purpose|aim(?:ed|s)? to|wanted to|wants to|intended|to (?:persuade|convince|justify|"
    r"blame|win|encourage|frighten|criticise|criticize|attack|defend|mock|inform|explain|"
    r"make .{1,30} look|show (?:himself|herself|themselves|his|her|their))|propaganda|"
    r"in order to|motive|look good|reputation|record)\b",
    re.I,
)
_EVIDENCE = re.compile(
    r"\b(?:documents|archives|records|access to|secret|private papers|research|could see|"
    r"first-?hand|second-?hand)\b",
    re.I,
)
_CONTEXT = re.compile(r"\bcold war\b|\b(?:rivalry|propaganda war|at war)\b", re.I)


def gives_reason(text: str, points: tuple[SchemePoint, ...]) -> bool:
    """True if ``text`` says why the provenance matters: position, date, purpose, audience.

    The date counts by the source's year (as the scheme's date point gives it) or by timing
    words ("years later", "hindsight"); the position by role words ("the Soviet leader", "took
    part") or the words the scheme's origin point uses for the author ("an American scholar").
    """
    if _ROLE.search(text) or _REASONED_PURPOSE.search(text) or _AUDIENCE.search(text):
        return True
    if _TIMING.search(text) or _EVIDENCE.search(text) or _CONTEXT.search(text):
        return True
    for point in points:
        label = _LABEL.match(point.text)
        kind = label["label"].lower() if label else ""
        body = point.text[label.end() :] if label else point.text
        if kind == "date" and set(_YEAR.findall(body)) & set(_YEAR.findall(text)):
            return True
        if kind == "origin" and _names_role(body, text):
            return True
    return False


def _names_role(body: str, text: str) -> bool:
    """True if ``text`` uses the words an origin point gives for the author ("X was an American
    scholar" -> "American", "scholar")."""
    who = re.match(r"(?P<author>.+?) was (?P<who>.+)$", body)
    if not who:
        return False
    author = set(who["author"].lower().split())
    role = {w for w in re.findall(r"[a-z]{4,}", who["who"].lower()) if w not in author}
    return bool(role & set(re.findall(r"[a-z]{4,}", text.lower())) - _PLAIN)


_PLAIN = frozenset({"that", "this", "with", "from", "became", "were", "when", "which", "about"})
