"""``make_quiz``: every quiz question for a topic, or only some kinds."""

from __future__ import annotations

import random
from collections.abc import Iterable

from clio.generate.checks import valid_questions
from clio.generate.chronology import make_chronology
from clio.generate.facts import Facts, build_facts
from clio.generate.matching import make_matching
from clio.generate.mcq import make_mcqs
from clio.generate.truefalse import make_true_false
from clio.model.items import QuestionKind, QuizQuestion
from clio.model.topic import Topic

ALL_KINDS = tuple(QuestionKind)


def make_quiz(
    topic: Topic,
    *,
    seed: int = 0,
    kinds: Iterable[QuestionKind | str] = ALL_KINDS,
    facts: Facts | None = None,
) -> tuple[QuizQuestion, ...]:
    """Every valid question of the chosen kinds, in a stable order for a given seed.

    Questions on one clause or event draw on their own seeded stream; chronology and matching
    (which mix points) have one stream each, so one kind never changes another.
    """
    wanted = {QuestionKind(k) for k in kinds}
    facts = facts or build_facts(topic)
    streams = {name: random.Random(f"{seed}:{name}") for name in ("chrono", "match")}
    found: list[QuizQuestion] = []
    if QuestionKind.MCQ in wanted or QuestionKind.ORDER in wanted:
        chronology = make_chronology(facts, streams["chrono"])
    else:
        chronology = []
    if QuestionKind.MCQ in wanted:
        found.extend(make_mcqs(facts, seed))
    found.extend(q for q in chronology if q.kind in wanted)
    if QuestionKind.MATCH in wanted:
        found.extend(make_matching(facts, streams["match"]))
    if QuestionKind.TF in wanted:
        found.extend(make_true_false(facts, seed))
    return valid_questions(found)
