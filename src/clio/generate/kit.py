"""``make_kit``: everything generated from one topic with one seed."""

from __future__ import annotations

from clio.generate.facts import build_facts
from clio.generate.flashcards import make_flashcards
from clio.generate.quiz import make_quiz
from clio.model.items import EssayPlan, Kit, SourceQuestion
from clio.model.topic import Topic


def _essay_plans(topic: Topic, seed: int) -> tuple[EssayPlan, ...]:
    try:
        from clio.generate.essays import make_essay_plans
    except ImportError:
        return ()
    return tuple(make_essay_plans(topic, seed=seed))


def _source_questions(topic: Topic, seed: int) -> tuple[SourceQuestion, ...]:
    try:
        from clio.generate.source_questions import (
            make_source_questions,
        )
    except ImportError:
        return ()
    return tuple(make_source_questions(topic, seed=seed))


def make_kit(topic: Topic, *, seed: int = 0) -> Kit:
    """Flashcards, quiz questions, essay plans and source questions for ``topic``."""
    facts = build_facts(topic)
    return Kit(
        topic_id=topic.id,
        seed=seed,
        flashcards=make_flashcards(topic, seed=seed, facts=facts),
        questions=make_quiz(topic, seed=seed, facts=facts),
        essay_plans=_essay_plans(topic, seed),
        source_questions=_source_questions(topic, seed),
    )
