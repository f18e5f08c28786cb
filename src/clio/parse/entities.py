"""Find people, places, organisations, events and figures in a passage of notes.

Known names come from the gazetteer (with their other spellings, e.g. Khruschev -> Nikita
Khrushchev); unknown capitalised names are classified by what surrounds them: a title
("President", "General") makes a person, an ending ("... Party", "... War") an organisation or
an event, a preposition ("in", "to") a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from clio.model.topic import Entity, EntityKind
from clio.parse.figures import find_figures
from clio.parse.gazetteer import GazetteerEntry, load_gazetteer


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|(?<!\w)\d{1,3}(?:st|nd|rd|th)\b|(?<!\w)[^\W\d_][\w'’-]*")
_FOLD = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})

_TITLES = _words(
    "president general chairman premier marshal king queen tsar czar kaiser emperor empress "
    "chancellor dr mr mrs miss ms lord lady sir admiral pope senator colonel captain comrade "
    "minister secretary governor ambassador professor prince princess duke archduke field "
    "prime vice foreign"
)
_ORG_ENDINGS = _words(
    "party army navy council league union committee organisation organization congress "
    "assembly movement front bank company corporation association alliance nations government "
    "ministry parliament commission bureau agency guard guards corps society federation "
    "institute university court police"
)
_EVENT_ENDINGS = _words(
    "war wars revolution crisis treaty pact conference agreement plan blockade uprising "
    "rebellion revolt massacre putsch campaign offensive incident doctrine airlift summit "
    "accords act strike purge affair invasion crash election olympics famine rising "
    "reforms reform split leap truce armistice talks trial"
)
_EVENT_STARTS = _words("battle treaty siege operation")
_PLACE_BEFORE = _words("in to from at into across near towards toward through via outside inside")
_PERSON_BEFORE = frozenset(["by"])
_PERSON_AFTER = _words(
    "said wrote argued claimed believed declared announced insisted feared wanted"
)
_GIVEN_NAMES = _words(
    "adlai adolf alexander alexei andrei anthony boris charles david dean dwight edward "
    "ernst erich franz friedrich george georgy gustav harold harry heinrich helmut henry "
    "hermann jacques james jimmy john joseph karl kenneth konrad leon leonid lyndon margaret "
    "mikhail neville nikita otto paul richard robert ronald rosa walter william winston "
    "woodrow yuri zhou"
)
_CONNECTORS = _words("of the de von van der al bin la le du")
_COMMON = _words(
    "the a an in on at by for from to of and but or though although however when while after "
    "before during especially also this that these those it he she they we i you his her their "
    "its there as so if with without since until both only some many most all not no what why "
    "how who which where then thus because yet once even still each every other such another "
    "later soon here our my your nor instead meanwhile finally first second third read study "
    "look use answer explain describe compare how far source sources why what"
)
_CALENDAR = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday spring summer autumn fall winter"
)


class _Token:
    """A word of the text: where it is, as written, and folded for lookups."""

    __slots__ = ("bare", "capitalised", "end", "key", "start", "text")

    def __init__(self, start: int, text: str) -> None:
        self.start = start
        self.end = start + len(text)
        self.text = text
        self.key = text.translate(_FOLD).replace(".", "").casefold()
        self.bare = self.key[:-2] if self.key.endswith("'s") else self.key  # possessive dropped
        self.capitalised = text[:1].isupper()


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.group(0).rstrip("'’-")) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True, kw_only=True)
class _Index:
    names: dict[tuple[str, ...], tuple[GazetteerEntry, str]]
    prefixes: frozenset[tuple[str, ...]]


@cache
def _index() -> _Index:
    names: dict[tuple[str, ...], tuple[GazetteerEntry, str]] = {}
    for entry in load_gazetteer().entries:
        for spelling in entry.spellings:
            plain = spelling[4:] if spelling.lower().startswith("the ") else spelling
            key = tuple(t.key for t in _tokens(plain))
            if key:
                names.setdefault(key, (entry, plain))
    prefixes = frozenset(key[:n] for key in names for n in range(1, len(key) + 1))
    return _Index(names=names, prefixes=prefixes)


def _case_ok(spelling: str, matched: list[_Token]) -> bool:
    letters = spelling.replace(".", "").replace(" ", "")
    if letters.isupper() and len(letters) <= 6:  # acronyms must match exactly: US is not "us"
        return "".join(t.text.replace(".", "") for t in matched).rstrip("s'’") == letters or (
            "".join(t.text.replace(".", "") for t in matched) == letters
        )
    return not spelling[:1].isupper() or matched[0].capitalised


def _known_at(tokens: list[_Token], i: int) -> tuple[int, GazetteerEntry] | None:
    """The longest gazetteer name starting at token ``i``: (tokens used, entry)."""
    index = _index()
    if (tokens[i].key,) not in index.prefixes and (tokens[i].bare,) not in index.prefixes:
        return None
    best: tuple[int, GazetteerEntry] | None = None
    key: tuple[str, ...] = ()
    for j in range(i, len(tokens)):
        for word in dict.fromkeys((tokens[j].key, tokens[j].bare)):
            candidate = (*key, word)
            found = index.names.get(candidate)
            if found is not None and _case_ok(found[1], tokens[i : j + 1]):
                best = (j - i + 1, found[0])
        key = (*key, tokens[j].key)
        if key not in index.prefixes:
            break
    return best


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \"'“‘(*")
    return not before or before[-1] in ".!?:;\n•"


def _run_end(tokens: list[_Token], i: int, text: str) -> int:
    """Index after the last token of the capitalised run starting at ``i``."""
    j = i + 1
    while j < len(tokens):
        gap = text[tokens[j - 1].end : tokens[j].start]
        if gap.strip(" ") not in ("", "."):
            break
        if tokens[j].capitalised and tokens[j].key not in _CALENDAR:
            j += 1
            continue
        if (
            tokens[j].key in _CONNECTORS
            and j + 1 < len(tokens)
            and tokens[j + 1].capitalised
            and text[tokens[j].end : tokens[j + 1].start].strip() == ""
        ):
            j += 2
            continue
        break
    return j


def _classify(
    tokens: list[_Token], i: int, j: int, text: str
) -> tuple[EntityKind, int, int] | None:
    """The kind of the unknown capitalised run ``tokens[i:j]`` (and the name's token span)."""
    words = [t.key for t in tokens[i:j]]
    previous = tokens[i - 1].key if i > 0 else ""
    following = tokens[j].key if j < len(tokens) else ""
    if words[0] in _TITLES:
        k = i
        while k < j and tokens[k].key in _TITLES:
            k += 1
        if k < j:
            return EntityKind.PERSON, k, j
        return None
    if words[-1] in _ORG_ENDINGS and len(words) > 1:
        return EntityKind.ORGANISATION, i, j
    if (words[-1] in _EVENT_ENDINGS and len(words) > 1) or (
        words[0] in _EVENT_STARTS and "of" in words
    ):
        return EntityKind.EVENT, i, j
    if len(words) == 1 and tokens[i].text.isupper() and 2 <= len(tokens[i].text) <= 6:
        if not re.fullmatch(r"[IVXLC]+", tokens[i].text):
            return EntityKind.ORGANISATION, i, j
        return None
    if _sentence_start(text, tokens[i].start) or words[0] in _COMMON or words[0] in _CALENDAR:
        return None
    if words[0] in _GIVEN_NAMES and len(words) >= 2:
        return EntityKind.PERSON, i, j
    if (previous in _PERSON_BEFORE or following in _PERSON_AFTER) and 2 <= len(words) <= 4:
        return EntityKind.PERSON, i, j
    if previous in _PLACE_BEFORE and len(words) <= 3 and i > 0 and not tokens[i - 1].capitalised:
        return EntityKind.PLACE, i, j
    return None


def _entity(kind: EntityKind, text: str, name: str) -> Entity:
    return Entity(kind=kind, text=text, name=name)


def find_names(text: str) -> list[tuple[int, Entity]]:
    """Named people, places, organisations and events in ``text``, with start offsets."""
    tokens = _tokens(text)
    found: list[tuple[int, Entity]] = []
    i = 0
    while i < len(tokens):
        known = _known_at(tokens, i)
        if known is not None and tokens[i].capitalised:
            run = _run_end(tokens, i, text)
            last = tokens[run - 1].key
            if run - i > known[0] and (last in _ORG_ENDINGS or last in _EVENT_ENDINGS):
                known = None  # "Moscow Conference" is an event, not the place Moscow
        if known is not None:
            used, entry = known
            start, end = tokens[i].start, tokens[i + used - 1].end
            if entry.kind is EntityKind.PERSON and i > 0 and tokens[i - 1].key in _TITLES:
                start = tokens[i - 1].start  # keep "President" in "President Kennedy"
            words = _strip_possessive(text[start:end])
            found.append((start, _entity(entry.kind, words, entry.name)))
            i += used
            continue
        if not tokens[i].capitalised or tokens[i].key in _CALENDAR:
            i += 1
            continue
        j = _run_end(tokens, i, text)
        # a known name inside the run wins over guessing the run
        cut = next((k for k in range(i + 1, j) if _known_at(tokens, k)), j)
        kind_span = _classify(tokens, i, cut, text)
        if kind_span is not None:
            kind, a, b = kind_span
            start, end = tokens[i].start, tokens[cut - 1].end
            name = text[tokens[a].start : tokens[b - 1].end]
            words = _strip_possessive(text[start:end])
            found.append((start, _entity(kind, words, _strip_possessive(name))))
        i = cut
    return found


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s$", "", name)


def extract_entities(text: str) -> tuple[Entity, ...]:
    """People, places, organisations, events and figures in ``text``, in order, no repeats."""
    found = find_names(text) + find_figures(text)
    found.sort(key=lambda item: item[0])
    seen: set[tuple[EntityKind, str]] = set()
    result: list[Entity] = []
    for _, entity in found:
        key = (entity.kind, entity.name if entity.kind is not EntityKind.FIGURE else entity.text)
        if key not in seen:
            seen.add(key)
            result.append(entity)
    return tuple(result)
