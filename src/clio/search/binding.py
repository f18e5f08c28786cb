"""Whether a passage says the question's event of the question's person, not of someone else.

"When did Mao die?" must not be answered from "The Chinese admitted to losing 390,000 men dead;
Mao resented ..." (the dead are not Mao) nor from "Only Stalin's influence ...; within a month
of his death in 1953" ("his" is Stalin). The event words and the person must meet in one clause,
the person named there or referred to by a pronoun whose nearest person before it is them.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from clio.search.index import Unit
from clio.search.names import Name, NameKind, find_names, is_known, is_title
from clio.search.text import split_sentences, tokens

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


def last_person(unit: Unit, before: str, *, titles: bool = True) -> Name | None:
    """The person named last in ``before`` (a bare title such as "President" counts if
    ``titles``)."""
    people = [
        n for n in find_names(before, unit.entities)
        if n.kind is NameKind.PERSON and (titles or not is_title(n.text))
    ]  # fmt: skip
    return people[-1] if people else None


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
    events: AbstractSet[str] = set(tokens(question, expand=expand)).difference(*people)
    if not people or not events:
        return True  # nothing to bind: the question names no person or no event
    text = unit_text(unit)
    need = max(1, len(events) // 2)
    offset = 0
    for clause in split_sentences(text):
        start = text.find(clause, offset)
        offset = start + len(clause) if start >= 0 else offset
        found = set(tokens(clause, expand=expand))
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
