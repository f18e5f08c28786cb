"""Wrong options of the same type as the answer, false according to the notes."""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from clio.generate.facts import (
    DATE,
    FIGURE,
    NAME_KINDS,
    PERSON,
    Clause,
    Facts,
    Slot,
    article_form,
    bare,
    ubiquitous,
)
from clio.generate.figures import figure_variants, format_like
from clio.generate.lexicon import LexEntry, key
from clio.generate.people import person_candidates
from clio.generate.roles import leading_title
from clio.generate.text import EVENT_WORDS, WordMatcher, date_bound, significant_words, words
from clio.generate.vague_dates import is_vague, vague_options
from clio.ids import normalise_for_id
from clio.model.period import PartialDate, Period, Precision
from clio.model.topic import Point, Section


def contains_another(options: Sequence[str]) -> bool:
    """True when one option's text contains another's (case-insensitive)."""
    folded = [o.casefold().strip() for o in options]
    return any(a in b for i, a in enumerate(folded) for j, b in enumerate(folded) if i != j)


def pick(
    tiers: Sequence[Sequence[str]],
    answer: str,
    rng: random.Random,
    n: int = 3,
    caps: Sequence[int] = (),
) -> list[str] | None:
    """``n`` distinct wrong options, best tier first (shuffled within a tier); None if too few.

    ``caps`` limits how many options a tier may give (e.g. at most two dates from the notes,
    so the rest are near the answer); no option may contain another or the answer.
    """
    chosen: list[str] = []
    seen = {answer.casefold()}
    leftovers: list[str] = []
    for index, tier in enumerate(tiers):
        pool = [c for c in dict.fromkeys(tier) if c.casefold() not in seen]
        rng.shuffle(pool)
        cap = caps[index] if index < len(caps) else n
        taken = 0
        for candidate in pool:
            if len(chosen) == n:
                break
            if taken >= cap:
                leftovers.append(candidate)
                continue
            if candidate.casefold() in seen or contains_another([answer, *chosen, candidate]):
                continue
            chosen.append(candidate)
            seen.add(candidate.casefold())
            taken += 1
    for candidate in leftovers:
        if len(chosen) == n:
            break
        if candidate.casefold() not in seen and not contains_another([answer, *chosen, candidate]):
            chosen.append(candidate)
            seen.add(candidate.casefold())
    return chosen if len(chosen) == n else None


@dataclass(frozen=True, kw_only=True)
class Candidates:
    """Wrong options worked out for one answer, best tier first, before the seeded pick."""

    tiers: tuple[Sequence[str], ...]
    answer: str
    caps: tuple[int, ...] = ()

    def pick(self, rng: random.Random, n: int = 3) -> list[str] | None:
        """``n`` wrong options chosen with ``rng`` (see :func:`pick`)."""
        return pick(self.tiers, self.answer, rng, n=n, caps=self.caps)


# -- dates ---------------------------------------------------------------------------------


def _shift(date: PartialDate, months: int) -> PartialDate | None:
    if date.month is None:
        return PartialDate(year=date.year + months // 12)
    index = date.year * 12 + (date.month - 1) + months
    year, month = divmod(index, 12)
    try:
        return PartialDate(year=year, month=month + 1, day=date.day)
    except ValueError:
        return None


def _same_shape(a: Period, b: Period) -> bool:
    return a.precision == b.precision and a.is_range == b.is_range and not b.approximate


def _span(period: Period) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The first and last day a period could mean (remembered: periods repeat a lot)."""
    return _span_of(period.start, period.end)


@lru_cache(maxsize=4096)
def _span_of(
    start: PartialDate, end: PartialDate
) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    return start.first_day(), end.last_day()


def _apart(candidate: Period, answer: Period) -> bool:
    """Wrong dates keep a margin (two years, two months or three days), so no edge case (a
    visit over New Year, an event reported a day late) makes them right."""
    if answer.precision is Precision.YEAR:
        return abs(candidate.start.year - answer.start.year) >= 2
    a, b = candidate.start.first_day(), answer.start.first_day()
    if answer.precision is Precision.DAY:
        return abs((datetime.date(*a) - datetime.date(*b)).days) >= 3
    return abs((a[0] * 12 + a[1]) - (b[0] * 12 + b[1])) >= 2


def date_candidates(answer: Period, facts: Facts) -> tuple[list[Period], list[Period]]:
    """Dates from the notes of the same shape, and generated ones near the answer."""
    seen: dict[tuple[str, str], Period] = {}
    for clause in facts.clauses:
        for slot in clause.slots:
            if slot.period is not None and _same_shape(answer, slot.period):
                seen.setdefault((slot.period.start.iso(), slot.period.end.iso()), slot.period)
    for event in facts.events:
        if _same_shape(answer, event.period):
            seen.setdefault((event.period.start.iso(), event.period.end.iso()), event.period)
    from_notes = [p for _, p in sorted(seen.items()) if abs(p.start.year - answer.start.year) <= 12]
    step = 12 if answer.precision is Precision.YEAR else 1
    offsets = [o for k in range(1, 9) for o in (k, -k)]
    generated: list[Period] = []
    for offset in offsets:
        start = _shift(answer.start, offset * step)
        end = _shift(answer.end, offset * step)
        if start is None or end is None:
            continue
        generated.append(Period(start=start, end=end))
    if answer.precision is Precision.DAY and not answer.is_range:
        day = datetime.date(*answer.start.first_day())
        for shift in (3, -4, 5, -6, 7, -9, 11, -12):
            moved = day + datetime.timedelta(days=shift)
            date = PartialDate(year=moved.year, month=moved.month, day=moved.day)
            generated.insert(0, Period.single(date))
    return from_notes, generated


def date_options(
    answer: Period, forbidden: Iterable[Period], facts: Facts, rng: random.Random
) -> list[str] | None:
    """Three wrong dates at the answer's precision, none the notes give for this event."""
    found = _date_candidates(answer, forbidden, facts)
    return None if found is None else found.pick(rng)


def _date_candidates(
    answer: Period, forbidden: Iterable[Period], facts: Facts, *, side: int = 0
) -> Candidates | None:
    if is_vague(answer):  # "the late 1950s": wrong options of the same vague form
        vague = vague_options(answer, forbidden, side=side)
        return Candidates(tiers=(vague,), answer=answer.text.strip()) if len(vague) >= 3 else None
    if answer.approximate or (answer.is_range and answer.precision is Precision.DAY):
        return None
    blocked = [answer, *forbidden]
    labels = {b.label() for b in blocked}
    spans = [_span(b) for b in blocked]

    def allowed(candidate: Period) -> bool:
        if candidate.label() in labels:
            return False
        if side < 0 and not candidate.end.last_day() < answer.start.first_day():
            return False
        if side > 0 and not candidate.start.first_day() > answer.end.last_day():
            return False
        if answer.is_range:
            return candidate.start != answer.start and candidate.end != answer.end
        first, last = _span(candidate)
        if any(not (last < low or high < first) for low, high in spans):
            return False
        return _apart(candidate, answer)

    from_notes, generated = date_candidates(answer, facts)
    notes_ok = [p.label() for p in from_notes if allowed(p)]
    made_ok = [p.label() for p in generated if allowed(p)][:8]
    return Candidates(tiers=(notes_ok, made_ok), answer=answer.label(), caps=(2,))


# -- figures -------------------------------------------------------------------------------


# "nearly a million casualties": a figure in words, which wrong options must not come near
_WORDED = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_WORDED_FIGURE = re.compile(r"\b(?:a|one)\s+(hundred|thousand|million|billion)\b", re.I)
_FELL = re.compile(r"\b(?:fell|dropped|declined|decreased|shrank|cut|reduced|went down)\b", re.I)
_ROSE = re.compile(r"\b(?:rose|grew|increased|climbed|doubled|went up|expanded)\b", re.I)


# "about 90%", "some 200,000": the notes give a rough figure, so a wrong one must be far off
_ROUGHLY = re.compile(
    r"\b(?:about|around|approximately|roughly|some|perhaps|an\s+estimated|estimated|c\.|"
    r"circa)\s+$",
    re.I,
)


# "about 200,000 Soviet troops and ____ tanks": the "about" covers the second figure too
_ROUGH_PAIR = re.compile(
    r"\b(?:about|around|approximately|roughly|some)\s+[\d.,]+\s+(?:[a-zA-Z-]+\s+){1,3}and\s+$",
    re.I,
)


def _far_from(value: float, answer: float, *, percent: bool) -> bool:
    """Far enough from a rough answer that no other count could make it right."""
    if percent:
        return abs(value - answer) >= 15
    return value >= 1.6 * answer or value <= 0.55 * answer


def _change_limit(slot: Slot, clause: Clause) -> tuple[float, int] | None:
    """For "fell from 46% to 15%": the other figure and which side of it wrong options must
    stay on (a fall starts above where it ends), or None when the clause is no such change."""
    figure = slot.figure
    if figure is None:
        return None
    others = [s for s in clause.slots if s.figure is not None and s is not slot]
    same = [s for s in others if s.figure and s.figure.unit == figure.unit]
    before, after = clause.text[: slot.start], clause.text[slot.end :]
    trend = -1 if _FELL.search(before) else (1 if _ROSE.search(before) else 0)
    if not trend:
        return None
    if re.match(r"\s+to\s", after):
        target = next((s for s in same if s.start >= slot.end), None)
        return (target.figure.value, -trend) if target and target.figure else None
    if re.search(r"\bto\s+$", before):
        origin = next((s for s in reversed(same) if s.end <= slot.start), None)
        return (origin.figure.value, trend) if origin and origin.figure else None
    return None


def _figure_candidates(
    slot: Slot, clause: Clause, facts: Facts, *, side: int = 0
) -> Candidates | None:
    """Wrong figures with the answer's unit, written the same way (beyond a bound's reach);
    never a figure the clause itself gives, nor one that turns a fall into a rise."""
    figure = slot.figure
    if figure is None:
        return None
    in_clause = {s.figure.value for s in clause.slots if s.figure is not None and s is not slot}
    worded = [_WORDED[m.group(1).lower()] for m in _WORDED_FIGURE.finditer(clause.text)]
    limit = _change_limit(slot, clause)
    before = clause.text[: slot.start]
    rough = _ROUGHLY.search(before) is not None or _ROUGH_PAIR.search(before) is not None

    def beyond(value: float) -> bool:
        if value in in_clause:
            return False  # "fell from 15% to 15%"
        if rough and not _far_from(value, figure.value, percent=figure.percent):
            return False  # "about 100 people were killed" (137 by other counts): not 150
        for w in worded:  # "losing 390,000 men ... nearly a million casualties": wrong options
            # stay on the answer's side of the figure in words, and well away from it
            if (value > 0.7 * w) if figure.value < w else (value < 1.3 * w):
                return False
        if limit is not None and (value - limit[0]) * limit[1] <= 0:
            return False  # "fell from 46% to 70%"
        return side == 0 or (value - figure.value) * side > 0

    same: list[str] = []
    for other in facts.clauses:
        for s in other.slots:
            f = s.figure
            if f is None or f.value == figure.value or f.head != figure.head:
                continue
            if f.percent == figure.percent and f.currency == figure.currency and beyond(f.value):
                same.append(format_like(figure, f.value))
    made = [format_like(figure, v) for v in figure_variants(figure) if beyond(v)]
    made = [m for m in made if m != slot.text]
    return Candidates(tiers=(sorted(set(same)), made), answer=slot.text, caps=(1,))


# -- names ---------------------------------------------------------------------------------


def _display(entry: LexEntry, facts: Facts) -> str:
    if entry.kind == "person":
        return entry.short
    return article_form(entry.name, entry, facts)


def event_type(name: str | None) -> str:
    """The word that says what kind of event a name is ("war", "treaty"), or ""."""
    if "cold war" in (name or "").casefold():
        return "cold war"  # no fighting: never a wrong option for a war, nor one for it
    found = [w for w in words(name or "") if w in EVENT_WORDS]
    return found[-1] if found else ""


def _era_score(entry: LexEntry, era: tuple[int, int] | None) -> int:
    """Fits the period of the notes (+15), clearly does not (-40), or unknown (0)."""
    if era is None or entry.start is None:
        return 0
    low, high = era
    if entry.kind == "person":
        active_from, active_to = entry.start + 30, entry.end or entry.start + 90
        if active_to < low or active_from > high + 3:
            return -40
        return 15
    active_from, active_to = entry.start, entry.end or entry.start
    if active_to < low - 10 or active_from > high + 10:
        return -40
    return 15


def _existed(entry: LexEntry, era: tuple[int, int] | None) -> bool:
    """Whether a body existed at some time in ``era`` (True when either is unknown)."""
    if era is None or entry.start is None:
        return True
    return entry.start <= era[1] and (entry.end is None or entry.end >= era[0])


# Kinds of body that may stand in for one another when too few of the answer's own kind exist
# (data/organisations.json): an alliance for an international body, a paramilitary for an army.
_KIND_GROUPS = {
    "international-body": "multinational",
    "alliance": "multinational",
    "army": "armed",
    "paramilitary": "armed",
    "parliament": "state-body",
    "government": "state-body",
}


def kind_fit(entry: LexEntry, answer: LexEntry) -> int:
    """2 when a place or body is of the answer's kind, 1 of a kind that may stand in for it
    (same group), 0 otherwise."""
    if entry.subtype == answer.subtype:
        return 2
    group = _KIND_GROUPS.get(entry.subtype)
    return 1 if group is not None and group == _KIND_GROUPS.get(answer.subtype) else 0


# "the USA recognised ____ as the legitimate government of China": the blank is a government
# of a named nation, so only the rival states that claimed to govern it will do
_GOVERNMENT_OF = re.compile(
    r"\s+(?:as|was|were|became|remained)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}"
    r"(?:government|rulers?)\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)


def governed_nation(clause: Clause, slot: Slot, facts: Facts) -> str:
    """The nation whose government a state answer is said to be ("china"), or ""."""
    lexicon = facts.lexicon
    if lexicon is None or slot.kind != "place":
        return ""
    found = _GOVERNMENT_OF.match(clause.text, slot.end)
    if found is None:
        return ""
    entry = lexicon.lookup(found.group(1))
    if entry is None or entry.kind != "place":
        return ""
    return entry.nation or key(entry.name)


# "agreed not to attack each other" promises something; it denies nothing of who agreed
_NEGATION = re.compile(r"\b(?:never|not(?!\s+to\b)|no longer|nor|neither)\b|n't\b", re.I)
# the blank's own predicate ends where a clause of its own begins ("noticed that milkmaids
# ... did not catch smallpox" denies nothing of who noticed)
_PART_END = re.compile(
    r"[,;:–—(]|\b(?:that|who|which|whom|whose|because|when|where|if|while|but)\b"
)


def negated_before(clause: Clause, slot: Slot) -> bool:
    """True when the blank's part of the sentence is denied ("had never visited ____", "____
    was not prepared to risk a war"): any wrong option would make a true statement."""
    before = re.split(r"[,;:–—(]", clause.text[: slot.start])[-1]
    after = _PART_END.split(clause.text[slot.end :])[0]
    return _NEGATION.search(before) is not None or _NEGATION.search(after) is not None


_DIRECTIONS = frozenset(
    ["North", "South", "East", "West", "Upper", "Lower", "Northern", "Southern"]
)
_SHARED_HEAD = re.compile(r"\b(?:North|South|East|West|Upper|Lower|Northern|Southern)\s+and\s+$")

_FOUNDED = re.compile(
    r"\s+(?:was|were)\s+(?:first\s+)?(?:set\s+up|founded|formed|created|established)\b", re.I
)


def founded_in_clause(clause: Clause, slot: Slot) -> bool:
    """True when the clause says when the hidden body was founded ("____ was set up in ...")."""
    return _FOUNDED.match(clause.text, slot.end) is not None


def _shared_tags(entry: LexEntry | None, answer: LexEntry | None) -> int:
    if entry is None or answer is None:
        return 0
    return len(set(entry.tags) & set(answer.tags))


def _related(entry: LexEntry, tags: dict[str, int]) -> int:
    return sum(tags.get(t, 0) for t in entry.tags)


def _clause_era(clause: Clause, facts: Facts) -> tuple[int, int] | None:
    """The years a clause is about: its own dates, else its point's, else the whole notes'."""
    own = [s.period for s in clause.slots if s.period is not None]
    periods = own or list(facts.point_periods.get(clause.point.id, ()))
    if not periods:
        return facts.era
    return (min(p.start.year for p in periods), max(p.end.year for p in periods))


def _name_candidates(slot: Slot, clause: Clause, facts: Facts) -> Candidates | None:
    """Wrong names of the answer's kind: first from the notes, then from Clio's list."""
    lexicon = facts.lexicon
    if lexicon is None or slot.kind not in NAME_KINDS:
        return None
    answer_entry = slot.entry
    subtype = answer_entry.subtype if answer_entry else ""
    answer_words = significant_words(slot.text)
    stem_words = [w for w in significant_words(clause.text) if w not in answer_words]
    stem_words += [w for w in words(clause.text) if w.isupper() and len(w) <= 3]
    answer_forms = {key(f) for f in (answer_entry.forms if answer_entry else (slot.text,))}
    answer_forms |= {key(f) for f in (answer_entry.near if answer_entry else ())}
    with_the = slot.text.lower().startswith("the ")
    answer_type = event_type(slot.text)
    era = _clause_era(clause, facts)
    if slot.kind == "event" and not answer_type:
        return None
    if slot.kind in ("place", "organisation") and not subtype:
        return None  # a school, a court...: no list of the same kind to choose from
    if negated_before(clause, slot):
        return None  # "who had never visited ____": he had never visited Albania either
    if _SHARED_HEAD.search(clause.text[: slot.start]) and slot.text.split()[0] in _DIRECTIONS:
        return None  # "divided North and ____" (South Korea): the blank is half of one name

    def shown(name: str, entry: LexEntry | None) -> str:
        if slot.kind == "person":
            return name
        return article_form(name, entry, facts) if with_the or entry else name

    clause_folded = clause.text.casefold()
    point_title = (clause.point.title or "").casefold()
    stem_matcher = WordMatcher(stem_words)
    within = answer_entry.within if answer_entry is not None and slot.kind == "place" else ""
    wants_port = (
        answer_entry is not None
        and answer_entry.port
        and re.search(r"\bports?\b", clause.text, re.I) is not None
    )

    common = ubiquitous(facts)
    nation = governed_nation(clause, slot, facts)
    founding = slot.kind == "organisation" and founded_in_clause(clause, slot)

    def fits(entry: LexEntry) -> bool:
        # an organisation of a kind that may stand in for the answer's; a place of its own kind
        if answer_entry is None:
            return entry.subtype == subtype
        if slot.kind == "organisation":
            return kind_fit(entry, answer_entry) > 0
        return entry.subtype == subtype

    def acceptable(name: str, entry: LexEntry | None) -> bool:
        if key(name) in answer_forms or (entry is not None and entry is answer_entry):
            return False
        if bare(name).lower() in common:
            return False  # "an invasion of China" in notes about China: no one would pick it
        info = _entry_info(entry) if entry is not None else None
        if info is not None and answer_forms & info[0]:
            return False
        if slot.kind in ("place", "organisation"):
            if entry is None or not fits(entry):
                return False  # "Jews" or a committee the parser took for a place: not the same kind
        elif subtype and entry is not None and entry.subtype and entry.subtype != subtype:
            return False
        if nation and (entry is None or entry.nation != nation):
            return False  # "recognised ____ as the government of China": not India
        if within and entry is not None and entry.within and entry.within != within:
            return False  # a Chinese region for a Soviet one ("most of them in Xinjiang")
        if wants_port and (entry is None or not entry.port):
            return False  # "two ports – Dalian and ____": Beijing is inland
        if founding and entry is not None:
            # "____ was set up in April 1949": any body founded in other years will do, but
            # not one founded then or of unknown date
            if entry.start is None or era is None or era[0] - 1 <= entry.start <= era[1] + 1:
                return False
        elif slot.kind in ("organisation", "place") and entry and not _existed(entry, era):
            return False  # "____ sent troops to defend South Korea" (1950): not SEATO (1954)
        folded, form_words = info[1:] if info is not None else ((name.casefold(),), ())
        if info is None:
            form_words = tuple(significant_words(name))
        if any(f in clause_folded for f in folded):
            return False
        if point_title and any(f in point_title for f in folded):
            return False  # "Inchon landings" + "... recaptured ____" (Seoul): not Inchon
        if any(stem_matcher.matches(w) for w in form_words):
            return False
        return not _stated(clause, slot, shown(name, entry), facts)

    title = facts.topic.title.casefold()
    if slot.kind == PERSON:
        home, near, other_side = (
            [d for d in found if d.casefold() not in title]
            for found in person_candidates(slot, clause, facts, era=era, acceptable=acceptable)
        )
        tiers = (home[:5], home[5:8] + near[:4], other_side[:4])
        return Candidates(tiers=tiers, answer=slot.text)

    scored: list[tuple[int, int, str]] = []
    for name in facts.names.get(slot.kind, ()):
        entry = lexicon.lookup(name)
        if slot.kind == "event" and event_type(name) != answer_type:
            continue
        shared = _shared_tags(entry, answer_entry)
        if (
            slot.kind in ("place", "organisation")
            and answer_entry
            and answer_entry.tags
            and not shared
        ):
            continue
        if acceptable(name, entry):
            # the notes' own people first: the names a student could confuse (Clio's list
            # knows places and bodies by type and region, but not every topic's people)
            first = 40 if slot.kind == "person" else 15
            loose, bonus = _closeness(entry, answer_entry, era)
            scored.append((loose, -(first + 20 * shared + bonus), shown(name, entry)))
    for loose, negative, entry in _ranked_list(slot.kind, answer_entry, era, answer_type, facts):
        if len(scored) >= 12:
            break
        if slot.kind in ("place", "organisation") and not fits(entry):
            continue  # of another kind: no need to write the name out to find that
        display = _display(entry, facts)
        if acceptable(display, entry):
            scored.append((loose, negative, display))
    scored.sort()
    # "a bombing campaign against the USA": a name keeps its article unless the stem has one
    the_before = re.search(r"\bthe\s+$", clause.text[: slot.start], re.I) is not None
    ranked = [
        (
            loose,
            display
            if with_the or (display.startswith("the ") and not the_before)
            else bare(display),
        )
        for loose, _, display in scored
    ]
    ranked = [
        (loose, d) for loose, d in ranked if bare(d).casefold() not in title
    ]  # the topic itself
    strict = [d for loose, d in ranked if not loose]
    stand_ins = [d for loose, d in ranked if loose == 1]
    other_bloc = [d for loose, d in ranked if loose == 2]
    # a body of another kind of the same group ("NATO" for "the UN"), a state of another region,
    # only when too few of the answer's own kind or region exist
    return Candidates(
        tiers=(strict[:5], strict[5:12], stand_ins[:5], other_bloc[:5]), answer=slot.text
    )


def _closeness(
    entry: LexEntry | None, answer: LexEntry | None, era: tuple[int, int] | None
) -> tuple[int, int]:
    """(1 for a stand-in: a body of another kind of its group, a state of another region; 2
    for a state of the other bloc in the Cold War; else 0. Then a bonus for a state of the
    answer's region)."""
    if entry is None or answer is None or not (answer.region or answer.subtype):
        return 0, 0
    if entry.kind == "organisation":
        return (0 if kind_fit(entry, answer) == 2 else 1), 0
    cold_war = era is not None and era[1] >= 1947 and era[0] <= 1991
    if cold_war and answer.bloc and entry.bloc and entry.bloc != answer.bloc:
        return 2, 0  # "Dubcek promised that ____ would stay in the Warsaw Pact": not Italy
    if answer.region and entry.region:
        return (0, 50) if entry.region == answer.region else (1, 0)
    return 0, 0


@lru_cache(maxsize=8192)
def _entry_info(entry: LexEntry) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """An entry's lookup keys (with near names), folded forms and words, worked out once."""
    keys = frozenset(key(f) for f in (*entry.forms, *entry.near))
    folded = tuple(dict.fromkeys(f.casefold() for f in entry.forms))
    # a title is no part of the name: "Marshal Zhukov" may answer "... five marshals, ____"
    untitled = (f[len(leading_title(f)) :] for f in entry.forms)
    form_words = tuple(dict.fromkeys(w for f in untitled for w in significant_words(f)))
    return keys, folded, form_words


def _ranked_list(
    kind: str,
    answer_entry: LexEntry | None,
    era: tuple[int, int] | None,
    answer_type: str,
    facts: Facts,
) -> list[tuple[int, int, LexEntry]]:
    """Clio's list ranked for one answer (remembered per topic: many slots share a ranking)."""
    if era is not None:
        era = (era[0] - era[0] % 5, era[1] - era[1] % 5 + 4)  # five-year steps share a ranking
    memo_key = ("ranked", kind, answer_entry.name if answer_entry else "", era, answer_type)
    cached = facts.memo.get(memo_key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    lexicon = facts.lexicon
    assert lexicon is not None
    noted: set[str] = set()
    for name in facts.names.get(kind, ()):
        entry = lexicon.lookup(name)
        noted |= {key(f) for f in (entry.forms if entry else (name,))}
    ranked = []
    for entry in lexicon.of_kind(kind):
        if kind == "event" and event_type(entry.name) != answer_type:
            continue
        shared = _shared_tags(entry, answer_entry)
        if kind in ("place", "organisation") and answer_entry and answer_entry.tags and not shared:
            continue  # a port in China is no wrong option for a city in Russia
        tagged = 20 * shared + min(_related(entry, facts.tags), 10)
        # places have no era: only the topic's regions count
        score = tagged if kind == "place" else tagged + _era_score(entry, era)
        loose, near = _closeness(entry, answer_entry, era)
        if score > 0 and not any(key(f) in noted for f in entry.forms):
            ranked.append((loose, -(score + near), entry.name, entry))
    ranked.sort(key=lambda item: (item[0], item[1], item[2]))
    result = [(loose, negative, entry) for loose, negative, _, entry in ranked]
    facts.memo[memo_key] = result
    return result


@lru_cache(maxsize=16384)
def _normalised(text: str) -> str:
    return normalise_for_id(text)


def _stated(clause: Clause, slot: Slot, candidate: str, facts: Facts) -> bool:
    """True when the notes state the clause with ``candidate`` in place of the answer."""
    filled = _normalised(clause.text[: slot.start] + candidate + clause.text[slot.end :])
    return filled in facts.stated


def point_forbidden_dates(clause: Clause, facts: Facts) -> list[Period]:
    """Single dates the notes give for the point a clause belongs to (wrong options avoid them).

    The section's date counts only when the point has none of its own: under "The Thirteen
    Days, October 1962" a point dated 14 Oct 1962 may still have 22 Oct 1962 as a wrong option.
    """
    return given_dates(clause.point, clause.section, facts)


def given_dates(point: Point, section: Section, facts: Facts) -> list[Period]:
    """The single dates the notes give a point (its section's only if it has none)."""
    periods = list(facts.point_periods.get(point.id, ()))
    if point.period is not None and section.period is not None:
        periods = [p for p in periods if p != section.period or p == point.period]
    return [p for p in periods if not p.is_range]


# A bound makes wrong options on one side true: "By 1948 they controlled Poland" is true of 1953
# too, and "over 500,000 troops" of 200,000. Wrong options are taken from the other side only.
_FIGURE_BOUNDS = (
    (re.compile(r"\b(?:over|more than|at least|upwards of)\s+$", re.I), 1),
    (re.compile(r"\b(?:under|less than|fewer than|up to|at most)\s+$", re.I), -1),
)


def _bound_side(slot: Slot, clause: Clause) -> int:
    """For a date or figure the clause gives as a bound: -1, wrong options must be below the
    answer; 1, above; 0 (not a bound, or not a date or figure): either side."""
    before = clause.text[: slot.start]
    if slot.kind == DATE:
        return date_bound(before)
    for pattern, side in _FIGURE_BOUNDS if slot.kind == FIGURE else ():
        if pattern.search(before):
            return side
    return 0


def is_bounded(slot: Slot, clause: Clause) -> bool:
    """True for a fact given as a bound ("by 1948", "over 500,000"), not as a value."""
    return _bound_side(slot, clause) != 0


def slot_options(slot: Slot, clause: Clause, facts: Facts, rng: random.Random) -> list[str] | None:
    """Three wrong options for one hidden fact, or None when the notes cannot support them.

    The candidates depend only on the notes, so they are worked out once per fact (a multiple
    choice question and a true/false statement on the same fact share them); the seeded
    ``rng`` then picks among them.
    """
    memo_key = ("slot", clause.text, clause.point.id, slot.start, slot.end)
    if memo_key not in facts.memo:
        facts.memo[memo_key] = _slot_candidates(slot, clause, facts)
    found = facts.memo[memo_key]
    return found.pick(rng) if isinstance(found, Candidates) else None


def _slot_candidates(slot: Slot, clause: Clause, facts: Facts) -> Candidates | None:
    if slot.kind == DATE and slot.period is not None:
        forbidden = [*point_forbidden_dates(clause, facts)]
        forbidden += [s.period for s in clause.slots if s.period is not None]
        lower = clause.text.casefold()
        for label, periods in facts.label_dates.items():
            if label in lower:
                forbidden.extend(periods)
        side = _bound_side(slot, clause)
        return _date_candidates(slot.period, forbidden, facts, side=side)
    if slot.kind == FIGURE:
        return _figure_candidates(slot, clause, facts, side=_bound_side(slot, clause))
    return _name_candidates(slot, clause, facts)
