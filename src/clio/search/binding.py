"""Whether a passage says the question's event of the question's person, not of someone else.

"When did Mao die?" must not be answered from "The Chinese admitted to losing 390,000 men dead;
Mao resented ..." (the dead are not Mao) nor from "Only Stalin's influence ...; within a month
of his death in 1953" ("his" is Stalin). The event words and the person must meet in one clause,
the person named there or referred to by a pronoun whose nearest person before it is them.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

from clio.search.index import Unit
from clio.search.names import GROUP_WORDS, Name, NameKind, find_names, is_known, is_title
from clio.search.relations import PHASE_WORDS
from clio.search.text import split_sentences, stem, tokens, words

_THING_PRONOUN = re.compile(r"\b(?:it|its)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)


def asked_people(question: str) -> list[frozenset[str]]:
    """The tokens of each person the question names ("When did Liu Shaoqi die?" -> liu shaoqi)."""
    return [
        frozenset(tokens(n.text))
        for n in find_names(question)
        # A bare title ("When did Hitler become Chancellor?") is the event, not a person.
        if n.kind is NameKind.PERSON and tokens(n.text) and not is_title(n.text)
    ]


def unit_text(unit: Unit) -> str:
    """The unit's heading and text as one passage (the heading may name who a clause is about)."""
    return f"{unit.heading}; {unit.text}" if unit.heading else unit.text


@lru_cache(maxsize=1024)
def unit_tokens(unit: Unit, *, expand: bool = True) -> frozenset[str]:
    """The tokens of the unit's heading and text (each rule that checks a candidate asks)."""
    return frozenset(tokens(unit_text(unit), expand=expand))


def last_person(unit: Unit, before: str, *, titles: bool = True) -> Name | None:
    """The person named last in ``before`` (a bare title such as "President" counts if
    ``titles``)."""
    people = [
        n for n in find_names(before, unit.entities)
        if n.kind is NameKind.PERSON
        and (not is_title(n.text) or (titles and not _office(before, n)))
    ]  # fmt: skip
    return people[-1] if people else None


_OFFICE_BEFORE = re.compile(
    r"\b(?:of|and|as|title|post|office|become|became|posts)\s+(?:the\s+)?$", re.I
)


def _office(text: str, title: Name) -> bool:
    """True when a bare title names an office, not a person ("the posts of Chancellor and
    President", "took the title Führer")."""
    return bool(_OFFICE_BEFORE.search(text[: title.start])) or text[
        title.end :
    ].lstrip().startswith("and ")


def _person_before(unit: Unit, text: str, position: int) -> frozenset[str] | None:
    """The tokens of the nearest person named in ``text`` before ``position``."""
    person = last_person(unit, text[:position])
    return None if person is None else frozenset(tokens(person.text))


def _names_someone(clause: str, unit: Unit) -> bool:
    """True when the clause names a person (not just a capitalised first word: "Died in ...")."""
    known = {e.text.lower() for e in unit.entities} | {e.name.lower() for e in unit.entities}
    return any(
        n.kind is NameKind.PERSON
        and not is_title(n.text)
        and (n.start > 0 or " " in n.text or n.text.lower() in known or is_known(n.text))
        for n in find_names(clause, unit.entities)
    )


def says_of_person(unit: Unit, question: str, *, expand: bool = True) -> bool:
    """False when the unit names the question's event only of someone other than its person."""
    people = asked_people(question)
    text = unit_text(unit)
    for actor in _asked_actor(question):
        if actor not in people and _done_by_another(unit, text, question, actor, expand=expand):
            return False
    events: AbstractSet[str] = set(tokens(question, expand=expand)).difference(*people)
    if not people or not events:
        return True  # nothing to bind: the question names no person or no event
    need = max(1, len(events) // 2)
    offset = 0
    for clause in split_sentences(text):
        start = text.find(clause, offset)
        offset = start + len(clause) if start >= 0 else offset
        found = set(tokens(clause, expand=expand))
        if unit.title and _THING_PRONOUN.search(clause):
            # "Committee of Public Safety: ...; Robespierre joined it in July 1793"
            found |= set(tokens(unit.title, expand=expand))
        if len(found & events) < need:
            continue
        at = max(start, 0)
        referents = [
            _person_before(unit, text, at + pronoun.start())
            for pronoun in _PRONOUN.finditer(clause)
        ]
        if not referents and not _names_someone(clause, unit):
            # A clause with no subject of its own ("Died in police custody in 1977", under the
            # heading "Steve Biko") is about the person last named before it, if any.
            subject = _person_before(unit, text, at)
            referents = [subject] if subject is not None else [frozenset({"\0"})]
        if all(
            person <= found or any(r is None or person <= r for r in referents) for person in people
        ):
            return True
    return False


def _done_by_another(
    unit: Unit, text: str, question: str, actor: frozenset[str], *, expand: bool
) -> bool:
    """True when the passage never names the question's doer (a country or body) and gives the
    event to another one: "When did Italy leave the League?" against "Germany left the League".
    A doer named through its leader ("Kim Il Sung ... attack South Korea") is not ruled out."""
    if actor <= unit_tokens(unit, expand=expand):
        return False
    events = set(tokens(question, expand=expand)) - actor
    events -= {t for n in find_names(question) for t in tokens(n.text, expand=expand)}
    saying = [c for c in split_sentences(text) if events & set(tokens(c, expand=expand))]
    if not saying:
        return False
    for clause in saying:
        first = min(
            (
                m.start()
                for m in re.finditer(r"[\w’'-]+", clause)
                if set(tokens(m.group(0))) & events
            ),
            default=len(clause),
        )
        doers = [
            n for n in find_names(clause[:first], unit.entities)
            if n.kind is NameKind.PLACE or (n.kind is NameKind.OTHER and n.start > 0)
        ]  # fmt: skip
        if not doers:
            return False
    return True


_SUBJECT = re.compile(
    r"^\W*(?i:when|where)\s+(?i:did|does|do|was|were|had|has)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)\s+[a-z]"
)


def _asked_actor(question: str) -> list[frozenset[str]]:
    """The country or body a question makes the doer ("When did Italy leave the League?")."""
    match = _SUBJECT.match(question)
    return [frozenset(tokens(match["name"]))] if match and tokens(match["name"]) else []


# Verbs whose event is the named thing itself: "When was the Social Security Act passed?" is
# answered by "the Social Security Act of 1935" (not so "finished", "repealed", "abolished").
# parties, faiths and movements: who the question is about, not the event it asks of
_GROUPS = frozenset(stem(w) for w in GROUP_WORDS)
_NAMING_EVENTS = frozenset(
    stem(w)
    for w in [
        "pass", "sign", "introduce", "make", "agree", "hold", "fight", "found", "form",
        "establish", "create", "set", "launch", "issue", "publish", "write", "start", "begin",
        "happen", "occur", "take", "announce", "declare", "give", "deliver", "build", "construct",
        "erect", "open",
    ]
)  # fmt: skip


def says_event(unit: Unit, question: str, *, expand: bool = True, every: bool = False) -> bool:
    """False when the unit never says what the question asks the date or place of: "When was
    the Aswan Dam finished?" against a point that names the dam but not its finishing. With
    ``every``, each of the event's words must be there (all but one of three or more), not half
    of them."""
    names = {t for n in find_names(question) for t in tokens(n.text, expand=expand)}
    events = set(tokens(question, expand=expand)) - names - _NAMING_EVENTS - _GROUPS
    if not events:
        return True
    # (every word of a short event; all but one of a longer one, which may be worded otherwise)
    if every:  # (a range of dates says when it began and ended: "First Five-Year Plan, 1928-32")
        events -= PHASE_WORDS
        if not events:
            return True
    need = (len(events) - (len(events) > 2)) if every else max(1, len(events) // 2)
    if len(events & unit_tokens(unit, expand=expand)) < need:
        return False
    text = unit_text(unit)
    # ... nor when every clause that names it says it did not happen ("they did not win a
    # majority" for "When did the Nazis win a majority?").
    clauses = [c for s in split_sentences(text) for c in _CLAUSES.split(s)]
    shared = [len(events & set(tokens(c, expand=expand))) for c in clauses]
    most = max(shared, default=0)
    saying = [c for c, n in zip(clauses, shared, strict=True) if n == most and n >= need]
    return not saying or not all(_NEGATED.search(c) for c in saying)


_CLAUSES = re.compile(r"[;:]|,\s*(?:and|but|while|whereas)\b")
# An auxiliary's "not" ("did not win"), but not "a promise not to invade" nor "did not begin
# until 1965" (which says when it did happen).
_NEGATED = re.compile(
    r"\b(?:(?:did|do|does|had|has|have|was|were|is|are|could|would)\s+not|never|failed to)\b"
    r"(?!\s+\w+\s+until\b)|n't\b(?!\s+\w+\s+until\b)",
    re.IGNORECASE,
)


_SCOPE = re.compile(
    r"\b(?:in|during|at)\s+the\s+(?P<scope>(?:[\w’'-]+\s+){0,3}(?P<head>[\w’'-]+))\s*\??\s*$",
    re.I,
)
# what "in the ..." must end with to set the question inside an event
_EVENT_HEADS = frozenset(
    [
        "war", "wars", "battle", "battles", "mutiny", "riots", "riot", "crisis", "famine",
        "revolution", "rising", "uprising", "rebellion", "revolt", "massacre", "purge", "purges",
        "invasion", "campaign", "conference", "election", "elections", "strike", "strikes",
        "siege", "blockade", "airlift", "coup", "putsch", "fire", "raid", "raids", "bombing",
        "offensive", "landings", "evacuation", "retreat", "march", "trial", "trials",
    ]
)  # fmt: skip


_NAMED_SCOPE = re.compile(
    r"\b(?:in|during|at)\s+(?:the\s+)?(?P<scope>(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*)){0,3})"
    r"\s*\??\s*$",
    re.I,
)


def says_scope(unit: Unit, question: str, *, expand: bool = True, topic_title: str = "") -> bool:
    """False when the question sets its figure or date inside an event the passage never names:
    "How many people died in the naval mutiny?" against a point about the migrations, "How
    many people died in the Gulag?" against the famine (a name the passage never gives). The
    sheet's title counts as said by every passage ("in China" on a sheet about China)."""
    match = _SCOPE.search(question)
    if match and match["head"].lower() in _EVENT_HEADS:
        scope = set(tokens(match["scope"], expand=expand))
    else:
        named = _NAMED_SCOPE.search(question)
        if not named:
            return True
        scope = set(tokens(named["scope"], expand=expand))
    around = unit_tokens(unit, expand=expand) | set(tokens(topic_title, expand=expand))
    return not scope or scope <= around


_SLOT = re.compile(r"([\w’'-]+\s+(?:on|against|with|into|to|from|of)\s+(?:the\s+)?)$", re.I)


def says_other_object(unit: Unit, question: str, *, expand: bool = True) -> bool:
    """True when the passage gives the question's event to another object and never names the
    question's: "When did France declare war on Britain?" against "France declared war on
    Austria" (the same words, "war on", before another name)."""
    around = unit_tokens(unit, expand=expand)
    text = unit_text(unit)
    for name in find_names(question):
        if name.kind is NameKind.PERSON or name.start == 0:
            continue
        if set(tokens(name.text, expand=expand)) <= around:
            continue
        slot = _SLOT.search(question[: name.start])
        if slot is None:
            continue
        lead = [w for w in words(slot.group(1)) if w.lower() != "the"]
        pattern = r"\b" + r"\s+".join(map(re.escape, lead)) + r"\s+(?:the\s+)?(?=[A-Z])"
        if re.search(pattern, text, re.IGNORECASE):
            return True
    return False
