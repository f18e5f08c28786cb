"""Wrong people for a hidden name: the same kind of person (role, sex), from the same country,
side and years as the answer, the notes' own people first, written the way the answer is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from clio.generate.facts import PERSON, Clause, Facts, Slot
from clio.generate.lexicon import LexEntry, Lexicon, key, load_lexicon
from clio.generate.roles import (
    demanded_roles,
    fit,
    is_female_title,
    is_male_name,
    leading_title,
    pronoun_sex,
    title_roles,
)

# Tags that name a theme or a side rather than a country or region.
_THEMES = frozenset(
    """
    cold-war ww1 ww2 civil-rights tudor medicine revolution depression prohibition apartheid
    weimar nazi civil-war normans american-west suffrage korean-war vietnam-war
    """.split()  # noqa: SIM905
)
_OPPOSED = {
    "communist": "anti-communist",
    "anti-communist": "communist",
    "axis": "allies",
    "allies": "axis",
}
_SIDES = frozenset(_OPPOSED)
_REGIONS = {
    "east-asia": "china korea vietnam japan cambodia",
    "south-asia": "india pakistan",
    "americas": "usa cuba chile nicaragua latin-america",
    "europe": "europe britain germany france italy spain austria serbia poland hungary "
    "czechoslovakia yugoslavia albania russia ussr",
    "africa": "africa south-africa ghana kenya congo",
    "middle-east": "middle-east egypt israel iraq iran",
}
_REGION_OF = {place: region for region, places in _REGIONS.items() for place in places.split()}
_ROMAN = re.compile(r"^[IVX]+$")


@dataclass(frozen=True, kw_only=True)
class _Person:
    """What is known of one person: roles, sex ("" unknown), countries, themes, sides."""

    roles: frozenset[str]
    sex: str
    places: frozenset[str]
    themes: frozenset[str]
    sides: frozenset[str]


def _person(name: str, entry: LexEntry | None, noted: dict[str, frozenset[str]]) -> _Person:
    tags = frozenset(entry.tags) if entry is not None else frozenset()
    roles = title_roles(name) | noted.get(_key_of(name, entry), frozenset())
    known = entry is not None and bool(entry.roles)
    if known:
        assert entry is not None
        roles |= frozenset(entry.roles)
    female = (entry is not None and entry.female) or is_female_title(name)
    return _Person(
        roles=roles,
        sex="female" if female else ("male" if known or is_male_name(name) else ""),
        places=tags - _THEMES - _SIDES,
        themes=tags & _THEMES,
        sides=tags & _SIDES,
    )


def _key_of(name: str, entry: LexEntry | None) -> str:
    return key(entry.name) if entry is not None else key(name)


def notes_roles(facts: Facts) -> dict[str, frozenset[str]]:
    """The roles the notes themselves give their people, by titles ("General Douglas
    MacArthur", "Presidents Harding, Coolidge and Hoover") and appositions ("Huey Long, a
    senator")."""
    cached = facts.memo.get("notes_roles")
    if isinstance(cached, dict):
        return cached
    found: dict[str, frozenset[str]] = {}
    for clause in facts.clauses:
        for slot in clause.slots:
            if slot.kind != PERSON:
                continue
            roles = demanded_roles(clause.text[: slot.start], clause.text[slot.end :])
            roles |= title_roles(slot.text)
            if roles:
                name_key = _key_of(slot.text, slot.entry)
                found[name_key] = found.get(name_key, frozenset()) | roles
    facts.memo["notes_roles"] = found
    return found


def _alive(entry: LexEntry | None, era: tuple[int, int] | None) -> bool | None:
    """Whether a person was an adult during the era (None: not known)."""
    if entry is None or entry.start is None or era is None:
        return None
    low, high = era
    grown, died = entry.start + 18, entry.end if entry.end is not None else entry.start + 90
    return not (died < low or grown > high)


def _died_before(entry: LexEntry | None, era: tuple[int, int] | None) -> bool:
    """True when a person was dead before the era began."""
    return entry is not None and entry.end is not None and era is not None and entry.end < era[0]


def _active(entry: LexEntry, era: tuple[int, int] | None) -> bool:
    """A listed person old enough to matter in the era (a leader at 30) and not long dead."""
    if era is None:
        return True
    if entry.start is None:
        return False  # when they lived is not known: they may be centuries away
    low, high = era
    active_from, active_to = entry.start + 30, entry.end or entry.start + 90
    return not (active_to < low or active_from > high + 3)


# Where a person's family name comes first, a one-word form is the first word; where usage
# varies (Korea, Vietnam, Cambodia), none is guessed
_FAMILY_NAME_FIRST = frozenset({"china"})
_NO_SURNAME_GUESS = frozenset({"korea", "vietnam", "cambodia"})


def written_like(answer: str, name: str, entry: LexEntry | None) -> str | None:
    """The candidate written as the answer is: a surname for a surname, a full name for a
    full name, with a title of the same kind when the answer has one; None if it has no
    such form."""
    forms = list(dict.fromkeys([name, *(entry.forms if entry is not None else ())]))
    title = leading_title(answer)
    if title:
        wanted = title_roles(answer)
        titled = [f for f in forms if title_roles(f) & wanted]
        return titled[0] if titled else None
    plain = [f[len(leading_title(f)) :].strip() for f in forms]
    plain = [f for f in plain if f]
    if len(answer.split()) == 1:
        singles = [f for f in plain if len(f.split()) == 1]
        if singles:
            return singles[0]
        parts = plain[0].split()
        if len(parts) < 2:
            return None
        tags = set(entry.tags) if entry is not None else set()
        if tags & _FAMILY_NAME_FIRST:
            return parts[0]  # "Zhou Enlai" is Zhou, not "Enlai"
        if tags & _NO_SURNAME_GUESS:
            return None  # "Ho Chi Minh" is Ho, "Ngo Dinh Diem" is Diem: no rule fits all
        return None if _ROMAN.match(parts[-1]) else parts[-1]
    fuller = [f for f in plain if len(f.split()) >= 2]
    if fuller:
        return fuller[0]  # as the notes write it, else the list's full name
    return plain[0] if entry is not None else None  # a known one-name person ("Puyi")


def _regions(places: frozenset[str]) -> set[str]:
    return {_REGION_OF.get(p, p) for p in places}


def _topic_places(facts: Facts) -> frozenset[str]:
    """The countries and regions the notes are mostly about (by the names they mention)."""
    places = {t: n for t, n in facts.tags.items() if t not in _THEMES and t not in _SIDES}
    if not places:
        return frozenset()
    top = max(places.values())
    return frozenset(t for t, n in places.items() if n * 3 >= top)


@dataclass(frozen=True, kw_only=True)
class _Wanted:
    """What a wrong person must be, worked out from the answer and the words around it."""

    answer: _Person
    demanded: frozenset[str]  # roles the stem asks for ("General ____")
    sex: str
    places: frozenset[str]
    era: tuple[int, int] | None
    answer_alive: bool | None

    def rank(
        self, person: _Person, entry: LexEntry | None, in_notes: bool
    ) -> tuple[int, int] | None:
        """(level, -score) for a candidate, or None for the wrong kind of person: level 0 the
        same kind and country, 1 a neighbouring country or a looser kind, 2 the other side."""
        answer = self.answer
        if self.demanded and not person.roles & self.demanded:
            return None  # "General ____": only generals
        role_fit = fit(person.roles, answer.roles)
        if role_fit is None or (answer.roles and not person.roles):
            return None  # a president for a gangster; a boy the notes name once for a surgeon
        if self.sex and person.sex != self.sex and (person.sex or self.sex == "female"):
            return None
        if in_notes:
            # "Stalin called the Great Leap Forward 'harebrained'": he died in 1953. (Someone
            # the notes name who was born later may still be offered: "who did what" across a
            # century of medicine is a fair question.)
            if self.answer_alive and _died_before(entry, self.era):
                return None
        elif entry is None or not _active(entry, self.era):
            return None
        same_place = bool(person.places & self.places)
        shared_themes = len(person.themes & answer.themes)
        if not in_notes and not (same_place or shared_themes or role_fit > 0):
            return None  # an outsider: no country, theme or role in common with the answer
        foreign = bool(self.places) and bool(person.places) and not same_place
        against = bool(person.sides & {_OPPOSED[s] for s in answer.sides})
        if foreign and (
            against
            or not _regions(person.places) & _regions(self.places)
            or not (person.sides & answer.sides or shared_themes)
        ):
            return None  # MacArthur for Stalin, Attlee for Goebbels, de Gaulle for a Red Army
            # marshal; but Mussolini for Hitler (a side), Pasteur for Jenner (a theme)
        # someone of a looser kind only when the answer's own kind runs short
        level = 2 if against else int(foreign or (role_fit == 0 and bool(answer.roles)))
        score = 40 * in_notes + 15 * role_fit + 25 * same_place + 10 * min(2, shared_themes)
        score += 15 * bool(person.sides & answer.sides) - 30 * against
        return level, -score


@lru_cache(maxsize=4096)
def _listed(entry: LexEntry) -> _Person:
    return _person(entry.name, entry, {})


def _ranked_list(wanted: _Wanted, lexicon: Lexicon) -> tuple[tuple[int, int, str, LexEntry], ...]:
    """Clio's list ranked for one answer (remembered across kits when the list is Clio's own:
    the ranking depends only on the answer's kind, country, side and years)."""
    if lexicon is load_lexicon():
        return _ranked_default(wanted)
    return _rank_all(wanted, lexicon)


@lru_cache(maxsize=512)
def _ranked_default(wanted: _Wanted) -> tuple[tuple[int, int, str, LexEntry], ...]:
    return _rank_all(wanted, load_lexicon())


def _rank_all(wanted: _Wanted, lexicon: Lexicon) -> tuple[tuple[int, int, str, LexEntry], ...]:
    found = []
    for entry in lexicon.of_kind(PERSON):
        ranked = wanted.rank(_listed(entry), entry, False)
        if ranked is not None:
            found.append((*ranked, entry.name, entry))
    return tuple(sorted(found, key=lambda item: item[:3]))


def _notes_person(
    entry: LexEntry | None, name: str, era: tuple[int, int] | None
) -> LexEntry | None:
    """The known person a name in the notes is, if any: a bare surname is not someone who lived
    long before or after the notes' years ("Cromwell" in notes on the 1530s is Thomas, not the
    lexicon's Oliver Cromwell, born 1599)."""
    if entry is None or era is None or " " in name.strip() or entry.start is None:
        return entry
    end = entry.end if entry.end is not None else entry.start + 80
    if end < era[0] - 30 or entry.start > era[1] + 30:
        return None
    return entry


def person_candidates(
    slot: Slot,
    clause: Clause,
    facts: Facts,
    *,
    era: tuple[int, int] | None,
    acceptable: Callable[[str, LexEntry | None], bool],
) -> list[list[str]]:
    """Wrong people for ``slot``, best first, in three lists: the same kind, country and side
    as the answer; the same kind from a neighbouring country; the other side at home ("Mao"
    for "Chiang Kai-shek"). None is the wrong kind of person."""
    lexicon = facts.lexicon
    assert lexicon is not None
    noted = notes_roles(facts)
    before, after = clause.text[: slot.start], clause.text[slot.end :]
    own = [s.period for s in clause.slots if s.period is not None]
    if not own and clause.point.period is not None:
        own = [clause.point.period]
    if own:  # the sentence's or its point's own date, not its section's span
        era = (min(p.start.year for p in own), max(p.end.year for p in own))
    answer = _person(slot.text, slot.entry, noted)
    wanted = _Wanted(
        answer=answer,
        demanded=demanded_roles(before, after) | title_roles(slot.text),
        sex=answer.sex or pronoun_sex(after),
        places=answer.places or _topic_places(facts),
        era=era,
        answer_alive=_alive(slot.entry, era),
    )
    ranked: list[tuple[int, int, str, LexEntry | None]] = []
    in_notes: set[str] = set()
    for name in facts.names.get(PERSON, ()):
        entry = _notes_person(lexicon.lookup(name), name, facts.era)
        in_notes.add(_key_of(name, entry))
        found = wanted.rank(_person(name, entry, noted), entry, True)
        if found is not None:
            ranked.append((*found, name, entry))
    ranked.sort(key=lambda item: item[:3])
    listed = [r for r in _ranked_list(wanted, lexicon) if key(r[3].name) not in in_notes]
    levels: list[list[str]] = [[], [], []]
    seen: set[str] = set()
    for level, _, name, entry in sorted([*ranked, *listed], key=lambda item: item[:2]):
        if len(levels[level]) >= 8:
            continue
        shown = written_like(slot.text, name, entry)
        if shown is not None and key(shown) not in seen and acceptable(shown, entry):
            seen.add(key(shown))
            levels[level].append(shown)
    return levels
