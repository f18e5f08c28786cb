"""Matching questions: points to their sections, people to what they did, figures to counts."""

from __future__ import annotations

import random
import re

from clio.generate.common import question, shuffled
from clio.generate.events import quote_point
from clio.generate.facts import FIGURE, PERSON, Clause, Facts
from clio.generate.text import (
    clean,
    is_date_only,
    shares_word,
    significant_words,
    title_without_date,
)
from clio.model.items import QuestionKind, QuizQuestion
from clio.model.topic import Point, Section


def _match(
    stem: str,
    pairs: list[tuple[str, str]],
    quotes: list[str],
    ids: list[str],
    rng: random.Random,
    subkind: str,
) -> QuizQuestion:
    lefts = shuffled([p[0] for p in pairs], rng)
    rights = shuffled([p[1] for p in pairs], rng)
    answer = tuple(sorted(pairs))
    lines = "; ".join(f"{a} → {b}" for a, b in answer)
    explanation = f"{lines}. " + " ".join(dict.fromkeys(quotes))
    return question(
        QuestionKind.MATCH,
        stem,
        lefts,
        answer,
        explanation,
        ids,
        subkind=subkind,
        right_options=rights,
    )


def section_matches(facts: Facts, rng: random.Random, *, count: int = 4) -> list[QuizQuestion]:
    """Match points to the section they belong to (one point from each of 3-5 sections)."""
    sections = [s for s in facts.topic.sections if any(p.title for p in s.points)]
    if len(sections) < 3:
        return []
    headings = " ".join(s.heading for s in sections)
    found = []
    seen: set[tuple[str, ...]] = set()
    for _ in range(count * 6):
        chosen = shuffled_sections(sections, rng)[: min(5, len(sections))]
        pairs: list[tuple[str, str]] = []
        quotes, ids = [], []
        for section in chosen:
            candidates = [p for p in section.points if _plain_title(p, section, headings)]
            if not candidates:
                continue
            point = rng.choice(candidates)
            pairs.append((title_without_date(point.title), section.bare_heading))
            quotes.append(quote_point(section, point))
            ids.append(point.id)
        signature = tuple(sorted(a for a, _ in pairs))
        if len(pairs) >= 3 and signature not in seen:
            seen.add(signature)
            found.append(
                _match(
                    "Match each point to the section of the notes it belongs to.",
                    pairs,
                    quotes,
                    ids,
                    rng,
                    "section",
                )
            )
        if len(found) == count:
            break
    return found


def shuffled_sections(sections: list[Section], rng: random.Random) -> list[Section]:
    """A seeded shuffle of sections."""
    copy = list(sections)
    rng.shuffle(copy)
    return copy


def _plain_title(point: Point, section: Section, headings: str) -> bool:
    """A title that names no section heading's words (else the match is given away or unfair)."""
    if not point.title:
        return False
    label = title_without_date(point.title)
    if is_date_only(label):
        return False
    return not shares_word(label, headings) and len(label.split()) <= 8


def _deeds(facts: Facts) -> dict[str, tuple[str, Clause]]:
    """What each person did, from clauses that start with their name."""
    found: dict[str, list[tuple[str, Clause]]] = {}
    shown: dict[str, str] = {}
    for clause in facts.clauses:
        if not clause.slots or clause.slots[0].kind != PERSON or clause.slots[0].start != 0:
            continue
        person = clause.slots[0]
        raw = clause.text[person.end :]
        if raw.startswith(","):  # "Huey Long, a senator from Louisiana, argued ...": the deed
            raw = raw[1:].partition(", ")[2]  # follows the apposition, which is no deed
        rest = re.sub(r"^(?:then|later|also|soon)\s+", "", clean(raw))  # "Koch then identified"
        head = rest.split(", ", 1)[0]
        if len(head.split()) >= 4:
            rest = head  # "treated Mao badly on his first visit to Moscow[, housing him ...]"
        first = rest.split(" ", 1)[0] if rest else ""
        if not first[:1].isalpha() or not first.islower():
            continue  # "Cromwell's commissioners visited ...": not what Cromwell did
        if first in {"and", "or", "was", "were", "who", "is", "are"}:
            continue
        if not 3 <= len(rest.split()) <= 16:
            continue
        if any(s.kind == PERSON and s.text == person.text for s in clause.slots[1:]):
            continue
        # "Alexander Dubcek" and "Dubcek" are one person: one name, one deed
        identity = person.entry.name if person.entry else person.text.split()[-1].casefold()
        shown.setdefault(identity, person.text)
        found.setdefault(identity, []).append((rest, clause))
    return {shown[who]: deeds[0] for who, deeds in sorted(found.items()) if deeds}


def people_matches(facts: Facts, rng: random.Random, *, count: int = 2) -> list[QuizQuestion]:
    """Match people to what they did, according to the notes."""
    deeds = _deeds(facts)
    names = sorted(deeds)
    if len(names) < 3:
        return []
    found = []
    seen: set[tuple[str, ...]] = set()
    for _ in range(count * 4):
        chosen = sorted(rng.sample(names, min(5, len(names))))
        pairs, quotes, ids = [], [], []
        for name in chosen:
            deed, clause = deeds[name]
            pairs.append((name, deed))
            quotes.append(quote_point(clause.section, clause.point))
            ids.append(clause.point.id)
        signature = tuple(a for a, _ in pairs)
        if len(pairs) >= 3 and signature not in seen:
            seen.add(signature)
            found.append(
                _match(
                    "Match each person to what they did, according to your notes.",
                    pairs,
                    quotes,
                    ids,
                    rng,
                    "person",
                )
            )
        if len(found) == count:
            break
    return found


def figure_matches(facts: Facts, rng: random.Random) -> list[QuizQuestion]:
    """Match figures to the statements they complete (what each figure counted)."""
    items: dict[str, tuple[str, Clause]] = {}
    for clause in facts.clauses:
        for slot in clause.slots:
            if slot.kind != FIGURE or slot.text in items:
                continue
            blanked = clause.blanked(slot)
            if len(blanked.split()) > 22:
                blanked = _around_blank(blanked)
            items[slot.text] = (blanked, clause)
    names = sorted(items)
    if len(names) < 3:
        return []
    chosen = sorted(rng.sample(names, min(5, len(names))))
    rights = [items[n][0] for n in chosen]
    if len(set(rights)) < len(rights) or any(
        set(significant_words(a)) == set(significant_words(b))
        for i, a in enumerate(rights)
        for b in rights[i + 1 :]
    ):
        return []
    pairs = [(n, items[n][0]) for n in chosen]
    quotes = [quote_point(items[n][1].section, items[n][1].point) for n in chosen]
    ids = [items[n][1].point.id for n in chosen]
    stem = "Match each figure to the statement from your notes that it completes."
    return [_match(stem, pairs, quotes, ids, rng, "figure")]


def _around_blank(text: str) -> str:
    """Shorten a long statement to the words around its blank."""
    before, _, after = text.partition("____")
    head = before.split()[-8:]
    tail = after.split()[:8]
    prefix = "… " if len(before.split()) > 8 else ""
    suffix = " …" if len(after.split()) > 8 else ""
    return f"{prefix}{' '.join(head)} ____ {' '.join(tail)}{suffix}".strip()


def make_matching(facts: Facts, rng: random.Random) -> list[QuizQuestion]:
    """Every matching question for the topic."""
    return [
        *section_matches(facts, rng),
        *people_matches(facts, rng),
        *figure_matches(facts, rng),
    ]
