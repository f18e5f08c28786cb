"""Proper names in a sentence, sorted into people, places and other names.

The parser's entities are used first; this finder covers notes whose points carry none, with a
small gazetteer of places and a few rules (titles such as "President", prepositions of place).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from clio.model.topic import Entity, EntityKind
from clio.search.relations import names_event


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


class NameKind(StrEnum):
    """What a proper name names."""

    PERSON = "person"
    PLACE = "place"
    OTHER = "other"


@dataclass(frozen=True, kw_only=True)
class Name:
    """A proper name found in a sentence, with its character span."""

    text: str
    kind: NameKind
    start: int
    end: int


_PLACES = _wordset(
    """
    afghanistan africa albania algeria america angola argentina asia australia austria belgium
    berlin beijing peking bosnia brazil britain england scotland wales ireland bulgaria burma
    cambodia canada chile china cuba czechoslovakia dalian danzig egypt ethiopia europe finland
    france germany greece guangzhou canton hanoi hong kong hungary india indochina indonesia iran
    iraq israel italy japan jiangxi korea kosovo laos lushun manchuria mexico mongolia moscow
    munich nanjing nanking netherlands holland nicaragua norway pakistan palestine panmunjom
    panmunjong paris persia philippines poland portugal prague romania russia rhineland saar serbia
    shanghai siberia spain stalingrad sudetenland sweden switzerland syria taiwan formosa tibet
    tokyo turkey ukraine vienna vietnam warsaw washington xinjiang yalta yan'an yenan yugoslavia
    london rome madrid geneva versailles potsdam tehran cairo suez hiroshima nagasaki pearl harbor
    korea manchukuo ussr usa uk prc europe pacific atlantic mediterranean balkans baltic
    michigan harvard oxford cambridge normandy dunkirk leningrad petrograd kiev kyiv budapest
    delhi calcutta bombay singapore malaya vichy alsace lorraine ruhr bavaria prussia
    """
) | frozenset({"south korea", "north korea", "south vietnam", "north vietnam", "east germany",
               "west germany", "soviet union", "united states", "hong kong", "pearl harbor",
               "38th parallel", "great britain", "new york", "yalu river", "inchon"})  # fmt: skip

_PERSON_TITLES = _wordset(
    "mr mrs ms dr president general chairman premier tsar czar king queen emperor prince "
    "marshal admiral professor lord sir kaiser pope secretary minister"
)

_ROLE_WORDS = _wordset(
    "chancellor chancellors secretary secretaries ambassador governor senator mayor duke "
    "archduke bishop colonel captain officer adviser advisor commissar envoy delegate leader "
    "commander premier ruler dictator"
)

# a sentence's first word that is a verb form, not a name: "Adapted from ...", "Taken from ..."
_VERB_FORM = re.compile(r"^[A-Z][a-z]{3,}ed$|^(?:Taken|Written|Drawn|Given|Shown|Seen)$")
# parties, faiths and movements: groups of people, no one's name ("Nazi control")
GROUP_WORDS = _wordset(
    """
    nazi nazis communist communists bolshevik bolsheviks fascist fascists socialist socialists
    protestant protestants catholic catholics jew jews jewish muslim muslims hindu hindus
    sikh sikhs christian christians
    """
)
_NOT_NAMES = (
    _wordset(
        """
    the a an in on at by of to for from and but or so though thus although especially when while
    after before during only also however this that these those there their his her its it he she
    they we i first second third soviet soviets chinese american americans russian british french
    german japanese korean communist communism communists party war treaty conference truce
    government army navy republic people's peoples volunteers tactics wave human revolution league
    nations united state states union plan policy act agreement pact forward leap great cultural
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
    august september october november december spring summer autumn fall winter read source
    why what who where how which yes no mao's key
    """
    )
    | GROUP_WORDS
)

# A run of capitalised words, allowing joiners like "Il", "Kai-shek" and "of the".
_NAME_RUN = re.compile(
    r"(?<![\w'’])(?:[A-Z][\w'’\-]*\.?)"
    r"(?:(?<!['’]s)(?<!s['’])\s+(?:(?:of|the|de|von|van|der|den|la|le|du|da|di|del|al|bin)\s+)*[A-Z][\w'’\-]*\.?)*"
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "in Madrid and Barcelona": the names a place preposition lists are places
_PLACE_LIST = re.compile(
    r"\b(?:in|at|into|to|from|near|across|towards|through)\s+(?:the\s+)?"
    r"[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)*,?\s+(?:and|or)\s+$"
)
_PLACE_OF = re.compile(
    r"\b(?:town|city|port|village|island|region|province|county|capital|harbou?r)\s+of\s+$",
    re.IGNORECASE,
)
_PLACE_PREP = re.compile(r"\b(?:in|at|into|to|from|near|across|towards|through)\s+(?:the\s+)?$")


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s$", "", text)


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, NameKind]:
    """Known people, places and organisations (clio/data/gazetteer.json), by lower-case spelling."""
    try:
        path = resources.files("clio").joinpath("data", "gazetteer.json")
        entries = json.loads(path.read_text(encoding="utf-8")).get("entries", [])
    except (OSError, ValueError):
        return {}
    kinds = {"person": NameKind.PERSON, "place": NameKind.PLACE}
    known: dict[str, NameKind] = {}
    for entry in entries:
        kind = kinds.get(entry.get("kind"), NameKind.OTHER)
        for spelling in [entry.get("name", ""), *entry.get("aliases", [])]:
            if spelling:
                known.setdefault(spelling.lower(), kind)
    return known


def find_names(sentence: str, entities: tuple[Entity, ...] = ()) -> list[Name]:
    """Every proper name in ``sentence``, classified, left to right."""
    known = {e.text.lower(): e.kind for e in entities} | {e.name.lower(): e.kind for e in entities}
    found: list[Name] = []
    for match in _NAME_RUN.finditer(sentence):
        text = _strip_possessive(match.group(0).rstrip("."))
        words = text.split()
        # Drop leading words that are capitalised only because they start the sentence.
        while (
            words
            and words[0].lower() not in known
            and (
                words[0].lower() in _NOT_NAMES
                or (
                    not sentence[: match.start()].strip()
                    and _VERB_FORM.match(words[0]) is not None
                    and words[0].lower() not in _gazetteer()
                )
            )
        ):
            # capitalised only because it starts the sentence: "the", "Adapted from ..."
            words = words[1:]
        if not words:
            continue
        text = " ".join(words)
        start = match.start() + match.group(0).find(words[0])
        kind = _classify(text, sentence[:start], known)
        if kind is None:
            continue
        found.append(Name(text=text, kind=kind, start=start, end=start + len(text)))
    return found


def _classify(text: str, before: str, known: dict[str, EntityKind]) -> NameKind | None:
    low = text.lower()
    if low in known:
        kind = known[low]
        if kind is EntityKind.PERSON:
            return NameKind.PERSON
        if kind is EntityKind.PLACE:
            return NameKind.PLACE
        return NameKind.OTHER
    words = low.split()
    gazetteer = _gazetteer()
    if low in gazetteer:
        return gazetteer[low]
    if low in _PLACES or (len(words) == 1 and words[0] in _PLACES):
        return NameKind.PLACE
    if all(w in _NOT_NAMES for w in words):
        return None
    if names_event(text):
        return NameKind.OTHER  # "the Great Terror", "the Hundred Days": an event, not a person
    if words[0] in _PERSON_TITLES:
        return NameKind.PERSON
    if words[-1].endswith("ese"):
        return NameKind.OTHER  # "North Vietnamese", "the Japanese": a people, not a person
    if _PLACE_OF.search(before):
        return NameKind.PLACE  # "the Basque town of Guernica"
    if _THE_BEFORE.search(before):
        return NameKind.OTHER  # "the Black Hand", "the Kremlin": people take no article
    if any(w in _NOT_NAMES for w in words) or any(w in _PLACES for w in words):
        return NameKind.OTHER
    if low.isupper() or text.isupper():
        return NameKind.OTHER
    if _PLACE_PREP.search(before) or _PLACE_LIST.search(before):
        return NameKind.PLACE
    return NameKind.PERSON


def is_known(text: str) -> bool:
    """True when the built-in gazetteer knows the name."""
    return text.lower() in _gazetteer()


def is_title(text: str) -> bool:
    """True when a name is only a title ("Chancellor", "Foreign Secretary"), naming no one."""
    last = text.lower().split()[-1:]
    return bool(last) and (last[0] in _PERSON_TITLES or last[0] in _ROLE_WORDS)


def has_place_word(text: str) -> bool:
    """True when a name contains a known place ("Michigan University")."""
    return any(w in _PLACES for w in text.lower().split())
