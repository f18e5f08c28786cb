"""Flashcards: point cards both ways, date cards both ways, cloze cards, section cards."""

from __future__ import annotations

import random
import re

from clio.generate.checks import valid_cards
from clio.generate.common import about, card
from clio.generate.events import Event, quote_point
from clio.generate.facts import Clause, Facts, Slot, build_facts, ubiquitous
from clio.generate.text import (
    PLURAL_EVENT_WORDS,
    cause_phrase,
    clean,
    find_dates,
    gives_away,
    is_agreement,
    is_date_only,
    number_word,
    period_phrase,
    sentence,
    significant_words,
    title_without_date,
    with_article,
    words,
    words_match,
)
from clio.generate.vague_dates import askable, is_vague, shown
from clio.model.items import CardKind, Flashcard
from clio.model.topic import Point, Section, Topic, bare_heading

_CLOZE_KINDS = ("date", "figure", "person", "place", "organisation", "event")


def make_flashcards(
    topic: Topic, *, seed: int = 0, facts: Facts | None = None
) -> tuple[Flashcard, ...]:
    """Every flashcard for ``topic``: valid, with unique prompts, in a stable order."""
    facts = facts or build_facts(topic)
    rng = random.Random(seed)
    cards: list[Flashcard] = []
    for section in topic.sections:
        cards.extend(_section_card(section))
        for point in section.points:
            cards.extend(_point_cards(section, point))
    cards.extend(_date_cards(facts))
    cards.extend(_cloze_cards(facts, rng))
    return valid_cards(cards)


def _point_cards(section: Section, point: Point) -> list[Flashcard]:
    if not point.title or not point.text:
        return []
    text = clean(point.text)
    topic_words = about(section)
    if is_date_only(point.title):
        # "1918 – Kaiser abdicates", a key-dates table: the date cards ask when each event
        # happened; a line of several events is asked as a whole
        if point.period is None or (";" not in text and not point.period.approximate):
            return []  # one event on an exact date: the date cards ask it
        when = point.period
        # "in the 1930s" as the notes put it, not "in 1930–1939"
        title = point.title.strip()
        said = f"in the{title[3:]}" if title.lower().startswith("the ") else ""
        prompt = f"What happened {said or period_phrase(when)}, according to your notes?"
        return [card(CardKind.BASIC, prompt, sentence(text), (point.id,), context=section.heading)]
    if _is_question(point.title):
        # question-and-answer notes ("Q: What was Operation Rolling Thunder?"): ask it as written
        return [
            card(CardKind.BASIC, point.title.strip(), sentence(text), (point.id,),
                 context=section.heading)
        ]  # fmt: skip
    cause = cause_phrase(section.heading)
    glossary = section.is_glossary
    if cause:
        prompt = f"How does ‘{point.title}’ help to explain {cause.outcome}?"
    elif glossary and not find_dates(point.title):
        prompt = f"What does ‘{point.title}’ mean?"  # a key term and its definition
    elif is_agreement(title_without_date(section.heading)):
        prompt = (
            f"What was agreed about {title_without_date(point.title)} in "
            f"{with_article(section.heading)}?"
        )
    else:
        heading = bare_heading(section.heading)  # "Key question: How did the West respond?"
        lead = f"{heading} What" if heading.endswith("?") else f"{heading}: what"
        prompt = f"{lead} do your notes say about ‘{point.title}’?"
    found = [card(CardKind.BASIC, prompt, sentence(text), (point.id,), context=section.heading)]
    name = title_without_date(point.title)
    title_words = significant_words(name)
    text_words = words(text)
    same_name = [p for p in section.points if p.title and title_without_date(p.title) == name]
    if (
        title_words
        and len(same_name) == 1
        and not any(words_match(t, w) for t in title_words for w in text_words)
    ):
        # the title's date is left out when the explanation gives it anyway
        answer = name if find_dates(point.title) and find_dates(text) else point.title
        found.append(
            card(
                CardKind.REVERSE,
                f"Which key term means this? “{sentence(text)}”"
                if glossary
                else f"Which point in your notes on {topic_words} is this? “{sentence(text)}”",
                answer,
                (point.id,),
                context=section.heading,
            )
        )
    return found


def _is_question(title: str) -> bool:
    """True for a title that is a question ("What was Operation Rolling Thunder?")."""
    return title.rstrip().endswith("?")


def _section_card(section: Section) -> list[Flashcard]:
    titled = [
        p
        for p in section.points
        if p.title and not is_date_only(p.title) and not _is_question(p.title)
    ]
    if len(titled) < 2:
        return []
    count = number_word(len(titled))
    cause = cause_phrase(section.heading)
    if cause:
        prompt = f"Give {count} {cause.noun}s {cause.link}."
    else:
        prompt = f"What are the {count} points in your notes on {about(section)}?"
    answer = "; ".join(p.title for p in titled)
    return [card(CardKind.SECTION, prompt, answer, [p.id for p in titled], context=section.heading)]


def event_phrase(event: Event) -> str:
    """How a stem names an event: "the Sino-Indian War" or the quoted description."""
    return with_article(event.label) if event.named else f"“{event.label}”"


def when_stem(event: Event) -> str:
    """ "When was the Sino-Indian War?" or "When did this happen: “...”?"."""
    if event.named:
        last = event.label.split()[-1]
        plural = last.lower() in PLURAL_EVENT_WORDS or (
            last.islower()
            and last.endswith("s")
            and not last.endswith(("ss", "is", "us", "'s", "’s"))
        )
        verb = "were" if plural else "was"
        return f"When {verb} {with_article(event.label)}?"
    return f"When did this happen? “{sentence(event.label)}”"


def _date_cards(facts: Facts) -> list[Flashcard]:
    cards = []
    by_period: dict[str, list[Event]] = {}
    for event in facts.events:
        if is_vague(event.period):  # "the late 1960s", as the notes put it; no reverse card
            cards.append(
                card(CardKind.DATE, when_stem(event), shown(event.period), event.point_ids)
            )
            continue
        if event.period.approximate:
            continue
        cards.append(card(CardKind.DATE, when_stem(event), event.period.label(), event.point_ids))
        by_period.setdefault(event.period.label(), []).append(event)
    for events in by_period.values():
        if len(events) > 3:
            continue
        what = "; ".join(
            (with_article(e.label) if e.named else sentence(e.label)).rstrip(".") for e in events
        )
        prompt = f"What happened {period_phrase(events[0].period)}, according to your notes?"
        ids = [i for e in events for i in e.point_ids]
        cards.append(card(CardKind.DATE_REVERSE, prompt, what[0].upper() + what[1:], ids))
    return cards


def _cloze_cards(facts: Facts, rng: random.Random) -> list[Flashcard]:
    common = ubiquitous(facts)
    cards = []
    for clause in facts.clauses:
        if len(clause.text.split()) < 5:
            continue
        slots = [
            s
            for s in clause.slots
            if s.kind in _CLOZE_KINDS
            and askable(s.period, s.text)
            and s.text.lower().removeprefix("the ") not in common
        ]
        slots.extend(_term_slots(clause))
        for slot in slots:
            made = _cloze(clause, slot)
            if made is not None:
                cards.append(made)
    del rng
    return cards


def _term_slots(clause: Clause) -> list[Slot]:
    """Key words of the point's title that the clause uses ("loans" in "$300m loans and aid")."""
    title = title_without_date(clause.point.title) if clause.point.title else ""
    if any(w[:1].isupper() for w in title.split()[1:]):
        return []  # the title is a name ("Moscow Conference"): its words are not terms
    found = []
    taken = [(s.start, s.end) for s in clause.slots]
    lower = clause.text.lower()
    for word in significant_words(title):
        if word.isdigit() or len(word) < 4:
            continue
        index = _whole_word(lower, word)
        if index < 0 or lower.count(word) > 1:
            continue
        end = index + len(word)
        if any(index < e and s < end for s, e in taken) or _in_quotes(clause.text, index):
            continue
        if not clause.text[index:end].islower():
            continue
        found.append(Slot(kind="term", text=clause.text[index:end], start=index, end=end))
    return found[:1]


def _in_quotes(text: str, index: int) -> bool:
    before = text[:index]
    return before.count("‘") > before.count("’") or before.count("'") % 2 == 1


def _whole_word(text: str, word: str) -> int:
    match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    return match.start() if match else -1


def _cloze(clause: Clause, slot: Slot) -> Flashcard | None:
    prompt = clause.blanked(slot)
    context = clause.section.heading
    if gives_away(slot.text, prompt) or gives_away(slot.text, context):
        context = ""
        if gives_away(slot.text, prompt):
            return None
    text = clause.text
    cloze = sentence(text[: slot.start] + "{{c1::" + slot.text + "}}" + text[slot.end :])
    answer = slot.text if slot.period is None else shown(slot.period)  # not "c. 1966–1969"
    quote = quote_point(clause.section, clause.point)
    del quote
    return card(
        CardKind.CLOZE,
        sentence(prompt),
        answer,
        (clause.point.id,),
        context=context,
        cloze=cloze,
    )
