"""Multiple-choice questions: hidden facts, dates of events, and reasons from a section."""

from __future__ import annotations

import random
import re
from functools import lru_cache

from clio.generate.common import (
    about,
    is_generic_heading,
    item_rng,
    question,
    shuffled,
    statement_context,
)
from clio.generate.distractors import date_options, given_dates, slot_options
from clio.generate.events import Event, quote_point
from clio.generate.facts import DATE, PERSON, Clause, Facts, Slot, ubiquitous
from clio.generate.flashcards import when_stem
from clio.generate.lexicon import key
from clio.generate.text import (
    cause_phrase,
    gives_away,
    is_date_only,
    names_the_day,
    sentence,
    shares_word,
    significant_words,
    starts_with_pronoun,
    title_without_date,
    words_match,
)
from clio.generate.vague_dates import askable, shown
from clio.model.items import QuestionKind, QuizQuestion
from clio.model.period import Period
from clio.model.topic import Section

_ASK = {
    "date": "Which date",
    "figure": "Which figure",
    "person": "Which person",
    "place": "Which place",
    "organisation": "Which organisation",
    "event": "Which event",
}


def slot_mcqs(facts: Facts, seed: int, *, per_clause: int = 2) -> list[QuizQuestion]:
    """Questions that hide one fact of a clause and offer three wrong facts of the same type."""
    common = ubiquitous(facts)
    found = []
    for clause in facts.clauses:
        rng = item_rng(seed, "slot", clause.text)
        if len(clause.text.split()) < 7:
            continue  # "Hitler promised to tear it up": too little to go on
        if starts_with_pronoun(clause.text):
            continue  # "He tested his idea on ____": who "he" is was in the clause before
        slots = [
            s
            for s in clause.slots
            if s.kind in _ASK
            and s.text.lower().removeprefix("the ") not in common
            and askable(s.period, s.text)  # "the late 1960s": options of that form
            and not names_the_day(clause.text, s.period)  # "the St Valentine's Day Massacre"
        ]
        made = 0
        for slot in shuffled_slots(slots, rng):
            item = _slot_mcq(clause, slot, facts, rng)
            if item is not None:
                found.append(item)
                made += 1
            if made >= per_clause:
                break
    return found


def shuffled_slots(slots: list[Slot], rng: random.Random) -> list[Slot]:
    """Slots in a seeded order, dates and figures first (they make the best questions)."""
    copy = list(slots)
    rng.shuffle(copy)
    return sorted(copy, key=lambda s: s.kind not in ("date", "figure"))


def _slot_mcq(clause: Clause, slot: Slot, facts: Facts, rng: random.Random) -> QuizQuestion | None:
    if slot.kind == PERSON and key(slot.text) in {
        key(clause.section.bare_heading),
        key(clause.point.title),
    }:
        # "____ returned from exile in a sealed train" under "Lenin": the notes' page on him
        # gives him as the subject, and says nothing of who else did it (Zinoviev was aboard)
        return None
    wrong = slot_options(slot, clause, facts, rng)
    if wrong is None:
        return None
    answer = slot.text if slot.period is None else shown(slot.period)
    if answer.startswith("The ") and slot.kind != "person":
        answer = "the " + answer[4:]  # as the wrong options are written ("the SS", "the SA")
    blanked = sentence(clause.blanked(slot))
    context = statement_context(clause.section, with_date=slot.kind != DATE)
    stem = f"{_ASK[slot.kind]} completes this statement {context}? “{blanked}”"
    if gives_away(answer, stem) or any(gives_away(w, context) for w in wrong):
        stem = f"{_ASK[slot.kind]} completes this statement from your notes? “{blanked}”"
    if gives_away(answer, stem):
        return None
    options = shuffled([answer, *wrong], rng)
    explanation = f"The answer is {answer}. {quote_point(clause.section, clause.point)}"
    return question(
        QuestionKind.MCQ,
        stem,
        options,
        answer,
        explanation,
        (clause.point.id,),
        subkind=slot.kind,
    )


def _forbidden_for(event: Event, facts: Facts) -> list[Period]:
    """Dates the notes give for this event anywhere (so none can be a wrong option)."""
    found: list[Period] = []
    for point_id in event.point_ids:
        point, section = facts.topic.find_point(point_id), facts.topic.section_of(point_id)
        if point is not None and section is not None:
            found.extend(given_dates(point, section, facts))
    pattern = re.compile(re.escape(event.label), re.I)
    for clause in facts.clauses:
        if pattern.search(clause.text):
            found.extend(s.period for s in clause.slots if s.period is not None)
    return found


def date_mcqs(facts: Facts, seed: int) -> list[QuizQuestion]:
    """ "When was the Sino-Indian War?" with three wrong dates at the same precision."""
    found = []
    for event in facts.events:
        rng = item_rng(seed, "when", event.label)
        wrong = date_options(event.period, _forbidden_for(event, facts), facts, rng)
        if wrong is None:
            continue
        answer = event.period.label()
        stem = when_stem(event)
        if gives_away(answer, stem) or names_the_day(stem, event.period):
            continue
        found.append(
            question(
                QuestionKind.MCQ,
                stem,
                shuffled([answer, *wrong], rng),
                answer,
                f"The answer is {answer}. {event.quote}",
                event.point_ids,
                subkind="when",
            )
        )
    return found


def _related_text(section: Section) -> str:
    return " ".join([section.heading, *(f"{p.title} {p.text}" for p in section.points)])


def _reason_pool(section: Section, sections: tuple[Section, ...]) -> list[tuple[str, str]]:
    """Wrong options for "which was a reason ...": points of sibling sections, never related.

    For a cause section, the siblings are the other cause sections when there are any (their
    points are reasons for something else); a section whose heading the target section
    mentions (e.g. "Treaty of Friendship") is never used.
    """
    text = _related_text(section)
    common = topic_words(sections)
    # a glossary's terms ("Miasma") are no reasons and no events: never wrong options
    siblings = [
        s
        for s in sections
        if s.id != section.id and not s.is_glossary and not shares_word(s.heading, text, common)
    ]
    if cause_phrase(section.heading):
        why_siblings = [s for s in sections if s.id != section.id and cause_phrase(s.heading)]
        if sum(len(s.points) for s in why_siblings) >= 4:
            siblings = why_siblings
    pool = []
    for other in siblings:
        for point in other.points:
            label = _option_label(point.title) if point.title else ""
            if is_date_only(label):
                continue
            if label and not shares_word(label, text, common) and len(label.split()) <= 8:
                pool.append((label, point.id))
    return sorted(pool)


def topic_words(sections: tuple[Section, ...]) -> frozenset[str]:
    """Words used in nearly every section (too common to relate two sections)."""
    counts: dict[str, int] = {}
    for section in sections:
        for word in set(significant_words(_related_text(section))):
            counts[word] = counts.get(word, 0) + 1
    limit = max(3, -(-len(sections) * 4 // 5))
    return frozenset(w for w, c in counts.items() if c >= limit)


_SENTENCE = re.compile(
    r"\b(?:was|were|is|are|had|has|have)\b|^(?:In|On|By|After|Before|During|From)\s+\d"
)


@lru_cache(maxsize=4096)
def is_sentence(label: str) -> bool:
    """True for a point title written as a sentence ("In 1948 two states were set up")."""
    return _SENTENCE.search(label) is not None


def _option_label(title: str) -> str:
    return title_without_date(title)


def reason_mcqs(facts: Facts, seed: int, *, per_section: int = 2) -> list[QuizQuestion]:
    """ "Which of these was a reason why ...?": one point of the section, three from others."""
    topic = facts.topic
    found = []
    for section in topic.sections:
        rng = item_rng(seed, "reason", section.heading)
        titled = [p for p in section.points if p.title and not is_date_only(p.title)]
        if len(titled) < 2:
            continue
        if not cause_phrase(section.heading) and is_generic_heading(section.heading):
            continue  # any event may count as a "key event": no wrong option is safely wrong
        pool = _reason_pool(section, topic.sections)
        stems = _reason_stems(section)
        for number, point in enumerate(
            shuffled_points(titled, rng)[: min(per_section, len(stems))]
        ):
            answer = _option_label(point.title)
            # a sentence among headings gives itself away ("In 1948 two states were set up"
            # among "Stalemate", "UN advance"): the options are all sentences or all headings
            wrong_pool = [
                label
                for label, _ in pool
                if not _same_words(label, answer) and is_sentence(label) == is_sentence(answer)
            ]
            rng.shuffle(wrong_pool)
            wrong = _distinct(wrong_pool, answer, 3)
            if wrong is None:
                continue
            stem = stems[number]
            explanation = f"The answer is {answer}. {quote_point(section, point)}"
            found.append(
                question(
                    QuestionKind.MCQ,
                    stem,
                    shuffled([answer, *wrong], rng),
                    answer,
                    explanation,
                    (point.id,),
                    subkind="reason" if cause_phrase(section.heading) else "section",
                )
            )
    return found


def shuffled_points(points: list, rng: random.Random) -> list:  # type: ignore[type-arg]
    """A seeded shuffle of points."""
    copy = list(points)
    rng.shuffle(copy)
    return copy


def _same_words(a: str, b: str) -> bool:
    wa, wb = significant_words(a), significant_words(b)
    return any(words_match(x, y) for x in wa for y in wb)


def _distinct(pool: list[str], answer: str, n: int) -> list[str] | None:
    from clio.generate.distractors import contains_another

    chosen: list[str] = []
    for label in pool:
        if label in chosen:
            continue
        if not contains_another([answer, *chosen, label]):
            chosen.append(label)
        if len(chosen) == n:
            return chosen
    return None


def _reason_stems(section: Section) -> list[str]:
    cause = cause_phrase(section.heading)
    if cause:
        return [
            f"Which of these was a {cause.noun} {cause.link}?",
            f"Which of these helps to explain {cause.outcome}?",
        ]
    topic = about(section)
    return [
        f"Which of these is one of the points in your notes on {topic}?",
        f"Which of these belongs in your notes on {topic}?",
    ]


def make_mcqs(facts: Facts, seed: int) -> list[QuizQuestion]:
    """Every multiple-choice question for the topic."""
    return [*date_mcqs(facts, seed), *reason_mcqs(facts, seed), *slot_mcqs(facts, seed)]
