"""Hints for missed scheme points: plain sentences that name the subject, never the answer.

A hint is built from the missed point's own text: its label or grammatical subject (the words
before its first verb; a pronoun or a lone name is widened with the noun phrase after the verb)
and its date as anchors. The point's verb, its figures and the rest of its wording are left out,
so "Army limited to 100,000" gives "Add a point about the army, and explain why it matters to the
question." and a source quotation gives "Use the detail in the source about Mao and the Soviets
in 1955, and say what it shows."
"""

from __future__ import annotations

import re

from clio.mark.lexical import STOPWORDS, content_words
from clio.mark.prepare import matchable, point_label
from clio.model.marking import SchemePoint


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_AUXILIARIES = _words(
    "is are was were be been being had has have did does do would could should must might may "
    "will can shall"
)
_IRREGULAR_VERBS = _words(
    "lost took gave made became said saw sent won began led paid signed left fell rose broke "
    "brought bought built came chose drew drove felt fought found got grew held kept knew lay "
    "meant met ran sold set shot spoke spent split stood struck swore taught thought threw told "
    "understood wrote sought lent overthrew withdrew forced wanted reveals shows suggests says "
    "claims argues states means"
)
_NOT_VERBS = _words("speed greed breed creed steed hundred sacred naked wicked")
_PRONOUNS = _words("he she it they this that these those there we i you one")
_NP_SKIP = _words("that to at on in of the a an as by for with from into about")
_DETERMINERS = _words("the a an his her its their our this these those")
# "Since their suppression, ...": an opening clause before the comma is not the subject
_INTRO_CLAUSE = re.compile(
    r"^(?:since|when|after|although|though|as|because|while|before|until|if|once)\b[^,.;:]{0,80},\s*",
    re.IGNORECASE,
)
_LEADING_DATE = re.compile(
    r"^\s*(?:(?:1[0-9]|20)\d{2}:\s*)?(?:in|during|by|from|after|before|on|at)\s+(?:the\s+\w+\s+of\s+|early\s+|late\s+)?"
    r"(?:[A-Za-z]+\s+)?(?:1[0-9]|20)\d{2}s?,?\s+",
    re.IGNORECASE,
)
_BRACKETED_DATE = re.compile(r"\s*\([^()]*\b(?:1[0-9]|20)\d{2}[^()]*\)\s*$")
_YEAR_WITH = re.compile(
    r"\b(in|by|from|after|before|during|until|since)\s+(?:the\s+)?((?:1[0-9]|20)\d{2}s?)\b", re.I
)
_YEAR = re.compile(r"\b(?:1[0-9]|20)\d{2}s?\b")
_QUOTE = re.compile(r"[\"“]([^\"”]{12,})[\"”]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_SCALES = frozenset({"thousand", "million", "millions", "billion", "billions", "per", "cent"})
_GENERIC = "Add another relevant point from your notes, and explain how it answers the question."


def _is_verb(word: str) -> bool:
    low = word.lower()
    if low in _AUXILIARIES or low in _IRREGULAR_VERBS:
        return True
    return len(low) > 4 and low.endswith("ed") and low not in _NOT_VERBS


def _noun_phrase(words: list[str], start: int) -> list[str]:
    """Up to three words of the noun phrase starting at ``start`` (skipping "that", "to"...)."""
    i = start
    while i < len(words) and words[i].lower() in (_NP_SKIP | STOPWORDS) - _DETERMINERS:
        i += 1
    phrase: list[str] = []
    for word in words[i:]:
        low = word.lower()
        if phrase and (_is_verb(word) or (low in STOPWORDS and low not in _DETERMINERS)):
            break
        if low in _NP_SKIP and low not in _DETERMINERS:
            break
        if phrase and low in _DETERMINERS and phrase[-1].lower() not in _DETERMINERS:
            break  # "suppression the service": a determiner starts another phrase
        phrase.append(word)
        if len([w for w in phrase if w.lower() not in _DETERMINERS]) >= 2:
            break
    return phrase


def _known_name(word: str) -> bool:
    """True if Clio's lexicon of history names knows ``word`` (a person, place, organisation)."""
    from clio.generate.lexicon import load_lexicon  # loaded only when a hint needs it

    return load_lexicon().lookup(word) is not None


def _always_capital(word: str) -> bool:
    """True for proper adjectives and peoples ("Soviet", "Chinese"), capitalised anywhere."""
    from clio.generate.essay_text import ALWAYS_CAPITAL

    return word.lower() in ALWAYS_CAPITAL


def _case(words: list[str], context: str) -> list[str]:
    """Lower-case a sentence-initial word unless the context capitalises it elsewhere too."""
    if not words or not words[0][:1].isupper():
        return words
    first = words[0]
    if any(c.isupper() for c in first[1:]) or (len(words) > 1 and words[1][:1].isupper()):
        return words  # "Sino-Indian War", "Moscow Conference": a name
    bare = re.sub(r"['’]s$", "", first)
    if _known_name(bare) or _always_capital(bare):
        return words  # "China", "Stalin": a known name of history
    root = re.escape(bare[: max(4, len(first) - 2)])
    elsewhere = re.search(rf"(?<![.!?:\"“]\s)(?<!^)\b{root}", context)
    return words if elsewhere else [first.lower(), *words[1:]]


def _label(text: str) -> str:
    """A topic label before ": " ("Khrushchev's Beijing visit, 1958"), without its date."""
    text = re.sub(r"^\s*(?:supports|challenges) the view:\s*", "", text, flags=re.I)
    found = re.search(r": | - ", text)
    head = text[: found.start()] if found else ""
    if not found or len(head.split()) > 6 or re.search(r"\b(view|source|says?)\b", head, re.I):
        return ""
    head = re.sub(r",?\s*(?:1[0-9]|20)\d{2}(?:s|[-–]\d{2,4})?$", "", head.strip()).strip()
    head = _BRACKETED_DATE.sub("", head).strip()  # "The Long Telegram (February 1946)"
    words = _case(head.split(), text[found.end() :])
    if words and words[0].lower() in _DETERMINERS:
        words = [words[0].lower(), *words[1:]]  # "about the Long Telegram"
    return " ".join(words)


def anchor(point_text: str, question: str = "", *, dated: bool = False) -> tuple[str, str]:
    """The subject phrase and the date ("in 1955", or "") a hint about the point can name.

    ``dated`` allows the date (for points from a source, where it locates the detail; in other
    points a date may be the answer itself).
    """
    label = _label(point_text)
    text = matchable(point_text)
    quoted = _QUOTE.findall(point_text)
    body = max(quoted, key=len) if quoted else text
    where = point_text if label else body
    years = _YEAR.findall(where) if dated or quoted else []
    date = f"in {years[0]}" if years else ""
    said = _YEAR_WITH.search(where)
    if years and said and said.group(2) == years[0]:
        date = f"{said.group(1).lower()} {years[0]}"  # "by 1948", as the notes put it
    span = re.search(r"\b((?:1[0-9]|20)\d{2})\s*[-–]\s*((?:1[0-9]|20)?\d{2})\b", body)
    if span and years and span.group(1) == years[0] and len(span.group(2)) == 4:
        date = f"between {span.group(1)} and {span.group(2)}"
    if label and not quoted:
        return _with_article(label), date
    body = _INTRO_CLAUSE.sub("", _LEADING_DATE.sub("", body))
    words = [w for w in _WORD.findall(body) if not w[0].isdigit() and w.lower() not in _SCALES]
    verb = next((i for i, w in enumerate(words) if _is_verb(w)), len(words))
    subject = _noun_phrase(words[:verb], 0) if verb else []
    if date and verb and all(w.lower() in _PRONOUNS for w in words[:verb]):
        return "", date  # "During 1960 he hinted ...": the date locates it; "he" names no one
    if not subject or subject[0].lower() in _PRONOUNS:
        subject = _noun_phrase(words, verb + 1)
    elif len(subject) == 1 and subject[0][:1].isupper() and verb < len(words):
        obj = _noun_phrase(words, verb + 1)
        if obj and obj[-1][:1].isupper():
            subject = [*subject, "and", *obj]
    subject = _case(subject, point_text + " " + question)
    if subject and subject[0].lower() in _DETERMINERS:
        subject = [subject[0].lower(), *subject[1:]]
    asked = set(content_words(question))
    if not subject or (
        not date and all(w.lower() in asked or w.lower() in STOPWORDS for w in subject)
    ):
        return "", date
    if subject[0].islower() and subject[0] not in _DETERMINERS and not subject[-1].endswith("s"):
        subject = ["the", *subject]
    return _with_article(" ".join(subject).strip(" ,;:")), date


def _with_article(name: str) -> str:
    """ "the" before a capitalised event name: "the Moscow Conference", "the Sino-Indian War"."""
    parts = name.split()
    if len(parts) > 1 and parts[0][:1].isupper() and parts[-1].lower() in _EVENT_NOUNS:
        return f"the {name}"
    return name


_JUDGEMENT_WORDS = re.compile(r"judge?ment|overall|weigh|conclu|how far|extent", re.IGNORECASE)


def hint_for(point: SchemePoint, question: str, *, variant: int = 0) -> str:
    """One plain sentence nudging towards a missed point without stating it."""
    if point.kind == "judgement" and not _JUDGEMENT_WORDS.search(point.text):
        # a quality the whole answer needs ("Each inference is supported by a detail ..."),
        # not a conclusion: ask for it as it stands
        text = point.text.strip().rstrip(".")
        return f"Check that {text[:1].lower()}{text[1:]}."
    if point.kind == "judgement":
        return "Finish with an overall judgement that weighs the evidence."
    label = point_label(point.text)
    dated = bool(_QUOTE.search(point.text) or point.source_ids)
    if point.kind == "provenance":
        aspect = label.lower().strip() if label else ""
        return _PROVENANCE.get(aspect, _PROVENANCE[""])
    subject, date = anchor(point.text, question, dated=dated)
    where = f"{subject} {date}".strip()
    if not where:
        return _GENERIC
    if not subject:
        return _DATE_TEMPLATES[variant % 3].format(date)
    if point.kind == "own_knowledge":
        return _KNOWLEDGE_TEMPLATES[variant % 3].format(where)
    if dated and point.kind != "own_knowledge":
        return _SOURCE_TEMPLATES[variant % 3].format(where)
    return _TEMPLATES[variant % 3].format(where)


# Capitalised names of events that take "the" ("the Moscow Conference").
_EVENT_NOUNS = _words(
    "war conference treaty revolution crisis plan pact agreement summit congress split leap "
    "campaign movement rising uprising incident affair declaration doctrine telegram"
)

_TEMPLATES = (
    "Add a point about {}, and explain why it matters to the question.",
    "Mention {} and explain how it helps to answer the question.",
    "Say what {} has to do with the question.",
)
_PROVENANCE = {
    "nature": "Think about what kind of source it is, and what that kind of source can and "
    "cannot show.",
    "origin": "Think about who made the source and what they were in a position to know.",
    "author": "Think about who made the source and what they were in a position to know.",
    "date": "Think about when the source was made, and what its author could or could not know "
    "then.",
    "purpose": "Think about why the source was made, and how that purpose shapes what it says.",
    "audience": "Think about who the source was made for, and how that shapes what it says.",
    "context": "Think about the time and place the source comes from, and how they may colour it.",
    "evidence base": "Think about what the author based the source on, and what that leaves out.",
    "": "Think about who made the source, when and why, and how that affects it.",
}
_DATE_TEMPLATES = (
    "Use what the source says {}, and explain what it shows.",
    "Look again at what the source says happened {}: what can you infer from it?",
    "Explain what the source tells you about events {}.",
)
_KNOWLEDGE_TEMPLATES = (
    "Use your notes to add what you know about {}.",
    "Bring in {} from your notes, and link it to the question.",
    "Recall what your notes say about {}, and show how it answers the question.",
)
_SOURCE_TEMPLATES = (
    "Use the detail in the source about {}, and say what it shows.",
    "Look again at what the source says about {}: what can you infer from it?",
    "Explain what the source tells you about {}.",
)


def hints_for(points: tuple[SchemePoint, ...], question: str, limit: int = 3) -> list[str]:
    """Different hints for up to ``limit`` missed points, in scheme order."""
    hints: list[str] = []
    for point in points:
        hint = hint_for(point, question, variant=len(hints))
        if hint not in hints:
            hints.append(hint)
        if len(hints) == limit:
            break
    return hints
