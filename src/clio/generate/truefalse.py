"""True/false statements: as the notes give them, or with one fact swapped for a false one."""

from __future__ import annotations

import re

from clio.generate.common import item_rng, question
from clio.generate.distractors import is_bounded, slot_options
from clio.generate.events import quote_point
from clio.generate.facts import PERSON, Clause, Facts, ubiquitous
from clio.generate.text import (
    gives_away,
    looks_like_statement,
    names_the_day,
    sentence,
    starts_with_pronoun,
)
from clio.ids import content_id
from clio.model.items import QuestionKind, QuizQuestion

_SWAPPABLE = ("date", "figure", "person", "place", "organisation", "event")


_FRAGMENT_STARTS = ("though ", "although ", "also ", "plus ", "while ", "whereas ", "because ")


def _usable(clause: Clause) -> bool:
    text = clause.text
    if text.lower().startswith(_FRAGMENT_STARTS):
        return False
    if not looks_like_statement(text):
        return False  # "First Five-Year Plan and the start of collectivisation"
    if _dangling_pronoun(clause):
        return False  # "Mao had him dismissed": who "him" is was in the clause before
    return 7 <= len(text.split()) <= 40 and not starts_with_pronoun(text) and text[:1].isupper()


def _dangling_pronoun(clause: Clause) -> bool:
    """True when "him"/"her" points back to a person the clause has not named (besides its
    own subject), so the statement cannot be judged on its own."""
    match = re.search(r"\b(?:him|her)\b(?!\s+own)", clause.text)
    if match is None:
        return False
    people = [s for s in clause.slots if s.kind == PERSON and s.end <= match.start()]
    return len(people) < 2


def make_true_false(facts: Facts, seed: int) -> list[QuizQuestion]:
    """About half true statements from the notes and half with one fact swapped.

    Which clauses are used, and whether each is made false, depends only on the seed and the
    clause itself (so editing one point does not reshuffle the others).
    """
    common = ubiquitous(facts)
    found = []
    clauses = sorted(
        (c for c in facts.clauses if _usable(c)),
        key=lambda c: content_id("tf", str(seed), c.text),
    )
    for clause in clauses:
        rng = item_rng(seed, "tf", clause.text)
        quote = quote_point(clause.section, clause.point)
        true_text = sentence(clause.text)
        made = None
        if rng.random() < 0.5:
            slots = [
                s
                for s in clause.slots
                if s.kind in _SWAPPABLE
                and s.text.lower().removeprefix("the ") not in common
                and not (s.period is not None and s.period.approximate)
                and not re.search(r"\d0[’']?s\b", s.text)
                # "By 1948 ..." with 1945 is not stated rather than false: no bounded facts
                and not is_bounded(s, clause)
            ]
            rng.shuffle(slots)
            for slot in slots:
                if gives_away(slot.text, clause.blanked(slot)):
                    continue  # "... between Pakistan and China ... to the Indians"
                if names_the_day(clause.text, slot.period):
                    continue  # "On 29 Oct 1929 ... the St Valentine's Day Massacre"
                wrong = slot_options(slot, clause, facts, rng)
                if not wrong:
                    continue
                swapped = sentence(clause.text[: slot.start] + wrong[0] + clause.text[slot.end :])
                correct = slot.period.label() if slot.period is not None else slot.text
                made = question(
                    QuestionKind.TF,
                    f"True or false? “{swapped}”",
                    ("True", "False"),
                    "False",
                    f"False: the notes give {correct}, not {wrong[0]}. {quote}",
                    (clause.point.id,),
                    subkind=slot.kind,
                )
                break
        if made is None:
            made = question(
                QuestionKind.TF,
                f"True or false? “{true_text}”",
                ("True", "False"),
                "True",
                f"True. {quote}",
                (clause.point.id,),
                subkind="statement",
            )
        found.append(made)
    return found
