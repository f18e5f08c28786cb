"""True/false statements: as the notes give them, or with one fact swapped for a false one."""

from __future__ import annotations

import random

from clio.generate.common import question, ubiquitous
from clio.generate.distractors import slot_options
from clio.generate.facts import Clause, Facts, quote_point
from clio.generate.text import sentence, starts_with_pronoun
from clio.model.items import QuestionKind, QuizQuestion

_SWAPPABLE = ("date", "figure", "person", "place", "organisation", "event")


_FRAGMENT_STARTS = ("though ", "although ", "also ", "plus ", "while ", "whereas ", "because ")


def _usable(clause: Clause) -> bool:
    text = clause.text
    if text.lower().startswith(_FRAGMENT_STARTS):
        return False
    return 6 <= len(text.split()) <= 40 and not starts_with_pronoun(text) and text[:1].isupper()


def make_true_false(facts: Facts, rng: random.Random, *, limit: int = 24) -> list[QuizQuestion]:
    """About half true statements from the notes and half with one fact swapped."""
    common = ubiquitous(facts)
    found = []
    clauses = [c for c in facts.clauses if _usable(c)]
    rng.shuffle(clauses)
    for number, clause in enumerate(clauses[:limit]):
        quote = quote_point(clause.section, clause.point)
        true_text = sentence(clause.text)
        made = None
        if number % 2 == 1:
            slots = [
                s
                for s in clause.slots
                if s.kind in _SWAPPABLE
                and s.text.lower().removeprefix("the ") not in common
                and not (s.period is not None and s.period.approximate)
            ]
            rng.shuffle(slots)
            for slot in slots:
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
