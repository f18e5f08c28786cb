"""Chronology questions: put events in order, which came first, how many years between."""

from __future__ import annotations

import itertools
import random

from clio.generate.common import question, shuffled
from clio.generate.distractors import pick
from clio.generate.events import Event
from clio.generate.facts import Facts
from clio.generate.text import capitalise, sentence, with_article
from clio.model.items import QuestionKind, QuizQuestion
from clio.model.period import Precision


def _phrase(event: Event) -> str:
    return with_article(event.label) if event.named else sentence(event.label).rstrip(".")


def _option(event: Event) -> str:
    return capitalise(_phrase(event))


def _in_stem(event: Event) -> str:
    return _phrase(event) if event.named else f"“{_phrase(event)}”"


def _dated(event: Event) -> str:
    return f"{_phrase(event)} ({event.period.label()})"


def _explain(events: list[Event]) -> str:
    ordered = sorted(events, key=lambda e: e.period.sort_key())
    lines = "; ".join(capitalise(_dated(e)) for e in ordered)
    quotes = " ".join(dict.fromkeys(e.quote for e in ordered))
    return f"In order: {lines}. {quotes}"


def _apart(events: list[Event]) -> bool:
    return all(not a.period.overlaps(b.period) for a, b in itertools.combinations(events, 2))


def usable_events(facts: Facts) -> list[Event]:
    """Events with exact dates and distinct labels, in order."""
    found = [e for e in facts.events if not e.period.approximate]
    return sorted(found, key=lambda e: (e.period.sort_key(), e.label))


def _sets(events: list[Event], rng: random.Random, size: int, count: int) -> list[list[Event]]:
    """Up to ``count`` different sets of ``size`` events whose periods do not overlap."""
    found: list[list[Event]] = []
    seen: set[tuple[str, ...]] = set()
    for _ in range(count * 20):
        pool = shuffled_events(events, rng)
        chosen: list[Event] = []
        for event in pool:
            if _apart([*chosen, event]):
                chosen.append(event)
            if len(chosen) == size:
                break
        signature = tuple(sorted(e.label for e in chosen))
        if len(chosen) == size and signature not in seen:
            seen.add(signature)
            found.append(chosen)
        if len(found) == count:
            break
    return found


def shuffled_events(events: list[Event], rng: random.Random) -> list[Event]:
    """A seeded shuffle of events."""
    copy = list(events)
    rng.shuffle(copy)
    return copy


def order_questions(facts: Facts, rng: random.Random, *, count: int = 6) -> list[QuizQuestion]:
    """ "Put these events in chronological order, earliest first." (4 to 6 events)."""
    events = usable_events(facts)
    found = []
    for size in (4, 5, 6):
        for chosen in _sets(events, rng, size, max(1, count // 3 + (size == 4))):
            ordered = tuple(_option(e) for e in sorted(chosen, key=lambda e: e.period.sort_key()))
            options = shuffled(list(ordered), rng)
            if tuple(options) == ordered:
                options = options[1:] + options[:1]
            found.append(
                question(
                    QuestionKind.ORDER,
                    f"Put these {len(chosen)} events in chronological order, earliest first.",
                    options,
                    ordered,
                    _explain(chosen),
                    [i for e in chosen for i in e.point_ids],
                    subkind="order",
                )
            )
    return found[:count]


def first_questions(facts: Facts, rng: random.Random, *, count: int = 3) -> list[QuizQuestion]:
    """ "Which of these happened first?" (or last) over four events that do not overlap."""
    found = []
    for number, chosen in enumerate(_sets(usable_events(facts), rng, 4, count)):
        ordered = sorted(chosen, key=lambda e: e.period.sort_key())
        last = number % 2 == 1
        target = ordered[-1] if last else ordered[0]
        stem = f"Which of these happened {'last' if last else 'first'}?"
        found.append(
            question(
                QuestionKind.MCQ,
                stem,
                shuffled([_option(e) for e in chosen], rng),
                _option(target),
                _explain(chosen),
                [i for e in chosen for i in e.point_ids],
                subkind="which_first",
            )
        )
    return found


def _years(n: int) -> str:
    return f"{n} year" if n == 1 else f"{n} years"


def gap_questions(facts: Facts, rng: random.Random, *, count: int = 3) -> list[QuizQuestion]:
    """ "How many years were there between A and B?" for single events dated to the year."""
    singles = [
        e
        for e in usable_events(facts)
        if not e.period.is_range and e.period.precision is Precision.YEAR
    ]
    pairs = [
        (a, b)
        for a, b in itertools.combinations(singles, 2)
        if a.period.start.year != b.period.start.year
    ]
    rng.shuffle(pairs)
    found = []
    for a, b in pairs:
        first, second = sorted((a, b), key=lambda e: e.period.sort_key())
        gap = second.period.start.year - first.period.start.year
        # never one year out: dates known to the year could be a year more or less apart
        candidates = [_years(gap + d) for d in (-6, -4, -3, -2, 2, 3, 4, 6) if gap + d > 0]
        wrong = pick([candidates], _years(gap), rng)
        if wrong is None:
            continue
        stem = f"How many years were there between {_in_stem(first)} and {_in_stem(second)}?"
        found.append(
            question(
                QuestionKind.MCQ,
                stem,
                shuffled([_years(gap), *wrong], rng),
                _years(gap),
                f"{capitalise(_dated(first))} to {_dated(second)}: {_years(gap)}. "
                f"{first.quote} {second.quote}",
                [*first.point_ids, *second.point_ids],
                subkind="gap_years",
            )
        )
        if len(found) == count:
            break
    return found


def make_chronology(facts: Facts, rng: random.Random) -> list[QuizQuestion]:
    """Every chronology question: orderings, which came first or last, gaps in years."""
    return [
        *order_questions(facts, rng),
        *first_questions(facts, rng),
        *gap_questions(facts, rng),
    ]
