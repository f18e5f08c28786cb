"""Wrong options of the same type as the answer, false according to the notes."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from clio.generate.facts import DATE, FIGURE, NAME_KINDS, Clause, Facts, Slot, article_form
from clio.generate.figures import figure_variants, format_like
from clio.generate.lexicon import LexEntry, key
from clio.generate.text import EVENT_WORDS, significant_words, words, words_match
from clio.ids import normalise_for_id
from clio.model.period import PartialDate, Period, Precision


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


def _apart(candidate: Period, answer: Period) -> bool:
    """Wrong dates keep a margin (two years, or two months), so no edge case makes them right."""
    if answer.precision is Precision.YEAR:
        return abs(candidate.start.year - answer.start.year) >= 2
    a, b = candidate.start.first_day(), answer.start.first_day()
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
    return from_notes, generated


def date_options(
    answer: Period, forbidden: Iterable[Period], facts: Facts, rng: random.Random
) -> list[str] | None:
    """Three wrong dates at the answer's precision, none the notes give for this event."""
    if answer.approximate:
        return None
    blocked = [answer, *forbidden]

    def allowed(candidate: Period) -> bool:
        if candidate.label() == answer.label():
            return False
        if answer.is_range:
            if candidate.start == answer.start or candidate.end == answer.end:
                return False
            return all(candidate.label() != b.label() for b in blocked)
        if any(candidate.overlaps(b) for b in blocked):
            return False
        return _apart(candidate, answer)

    from_notes, generated = date_candidates(answer, facts)
    notes_ok = [p.label() for p in from_notes if allowed(p)]
    made_ok = [p.label() for p in generated if allowed(p)][:8]
    return pick([notes_ok, made_ok], answer.label(), rng, caps=(2,))


# -- figures -------------------------------------------------------------------------------


def figure_options(
    slot: Slot, clause: Clause, facts: Facts, rng: random.Random
) -> list[str] | None:
    """Three wrong figures with the answer's unit, written the same way."""
    figure = slot.figure
    if figure is None:
        return None
    same: list[str] = []
    for other in facts.clauses:
        for s in other.slots:
            f = s.figure
            if f is None or f.value == figure.value or f.head != figure.head:
                continue
            if f.percent == figure.percent and f.currency == figure.currency:
                same.append(format_like(figure, f.value))
    made = [format_like(figure, v) for v in figure_variants(figure)]
    made = [m for m in made if m != slot.text]
    return pick([sorted(set(same)), made], slot.text, rng, caps=(1,))


# -- names ---------------------------------------------------------------------------------


def _display(entry: LexEntry, facts: Facts) -> str:
    if entry.kind == "person":
        return entry.short
    return article_form(entry.name, entry, facts)


def event_type(name: str | None) -> str:
    """The word that says what kind of event a name is ("war", "treaty"), or ""."""
    found = [w for w in words(name or "") if w in EVENT_WORDS]
    return found[-1] if found else ""


def _era_score(entry: LexEntry, era: tuple[int, int] | None) -> int:
    """Fits the period of the notes (+15), clearly does not (-40), or unknown (0)."""
    if era is None or entry.start is None:
        return 0
    low, high = era
    if entry.kind == "person":
        active_from, active_to = entry.start + 25, entry.end or entry.start + 90
        if active_to < low or active_from > high + 3:
            return -40
        return 15
    active_from, active_to = entry.start, entry.end or entry.start
    if active_to < low - 10 or active_from > high + 10:
        return -40
    return 15


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


def name_options(slot: Slot, clause: Clause, facts: Facts, rng: random.Random) -> list[str] | None:
    """Three wrong names of the answer's kind: first from the notes, then from Clio's list."""
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

    def shown(name: str, entry: LexEntry | None) -> str:
        if slot.kind == "person":
            return name
        return article_form(name, entry, facts) if with_the or entry else name

    def acceptable(name: str, entry: LexEntry | None) -> bool:
        if key(name) in answer_forms or (entry is not None and entry is answer_entry):
            return False
        if entry is not None and answer_forms & {key(f) for f in (*entry.forms, *entry.near)}:
            return False
        if subtype and entry is not None and entry.subtype and entry.subtype != subtype:
            return False
        forms = entry.forms if entry else (name,)
        for form in forms:
            if form.casefold() in clause.text.casefold():
                return False
            if any(words_match(w, s) for w in significant_words(form) for s in stem_words):
                return False
        return not _stated(clause, slot, shown(name, entry), facts)

    scored: list[tuple[int, str]] = []
    for name in facts.names.get(slot.kind, ()):
        entry = lexicon.lookup(name)
        if slot.kind == "event" and event_type(name) != answer_type:
            continue
        if acceptable(name, entry):
            scored.append((-(15 + 20 * _shared_tags(entry, answer_entry)), shown(name, entry)))
    accepted = 0
    for negative, entry in _ranked_list(slot.kind, answer_entry, era, answer_type, facts):
        if accepted >= 14:
            break
        display = _display(entry, facts)
        if acceptable(display, entry):
            scored.append((negative, display))
            accepted += 1
    scored.sort()
    ranked = [display for _, display in scored]
    return pick([ranked[:5], ranked[5:12]], slot.text, rng)


def _ranked_list(
    kind: str,
    answer_entry: LexEntry | None,
    era: tuple[int, int] | None,
    answer_type: str,
    facts: Facts,
) -> list[tuple[int, LexEntry]]:
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
        score = 20 * _shared_tags(entry, answer_entry) + min(_related(entry, facts.tags), 10)
        score += _era_score(entry, era)
        if score > 0 and not any(key(f) in noted for f in entry.forms):
            ranked.append((-score, entry.name, entry))
    ranked.sort(key=lambda item: (item[0], item[1]))
    result = [(negative, entry) for negative, _, entry in ranked]
    facts.memo[memo_key] = result
    return result


def _stated(clause: Clause, slot: Slot, candidate: str, facts: Facts) -> bool:
    """True when the notes state the clause with ``candidate`` in place of the answer."""
    filled = normalise_for_id(clause.text[: slot.start] + candidate + clause.text[slot.end :])
    return filled in facts.stated


def point_forbidden_dates(clause: Clause, facts: Facts) -> list[Period]:
    """Single dates the notes give for the point a clause belongs to (wrong options avoid them)."""
    return [p for p in facts.point_periods.get(clause.point.id, ()) if not p.is_range]


def slot_options(slot: Slot, clause: Clause, facts: Facts, rng: random.Random) -> list[str] | None:
    """Three wrong options for one hidden fact, or None when the notes cannot support them."""
    if slot.kind == DATE and slot.period is not None:
        forbidden = [*point_forbidden_dates(clause, facts)]
        forbidden += [s.period for s in clause.slots if s.period is not None]
        lower = clause.text.casefold()
        for label, periods in facts.label_dates.items():
            if label in lower:
                forbidden.extend(periods)
        return date_options(slot.period, forbidden, facts, rng)
    if slot.kind == FIGURE:
        return figure_options(slot, clause, facts, rng)
    return name_options(slot, clause, facts, rng)
