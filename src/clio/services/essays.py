"""Essay plans and source questions for a topic: the one entry point for the CLI and the web app."""

from __future__ import annotations

from typing import Any

from clio.generate.essays import make_essay_plans, plan_essay
from clio.generate.source_questions import make_source_questions
from clio.model.items import EssayPlan, SourceQuestion
from clio.model.serialise import to_jsonable
from clio.model.topic import Topic
from clio.services.topics import load_topic


def essay_plans_for(
    topic: Topic, question: str | None = None, *, seed: int = 0
) -> tuple[EssayPlan, ...]:
    """Plans for every "why" section (and essay question the notes set), or for ``question``."""
    if question is not None:
        return (plan_essay(topic, question, seed=seed),)
    return make_essay_plans(topic, seed=seed)


def load_essay_plans(
    ref: str, question: str | None = None, *, seed: int = 0
) -> tuple[Topic, tuple[EssayPlan, ...]]:
    """Load the topic ``ref`` names and plan its essays (see :func:`essay_plans_for`)."""
    topic = load_topic(ref)
    return topic, essay_plans_for(topic, question, seed=seed)


def load_source_questions(ref: str, *, seed: int = 0) -> tuple[Topic, tuple[SourceQuestion, ...]]:
    """Load the topic ``ref`` names and make its source questions with mark schemes."""
    topic = load_topic(ref)
    return topic, make_source_questions(topic, seed=seed)


def essay_plans_json(topic: Topic, plans: tuple[EssayPlan, ...], *, seed: int) -> dict[str, Any]:
    """The documented JSON form of ``clio essay --json`` (see docs/essays.md)."""
    return {"topic_id": topic.id, "seed": seed, "essay_plans": to_jsonable(plans)}


def source_questions_json(
    topic: Topic, questions: tuple[SourceQuestion, ...], *, seed: int
) -> dict[str, Any]:
    """The documented JSON form of ``clio sources --json`` (see docs/essays.md)."""
    return {"topic_id": topic.id, "seed": seed, "source_questions": to_jsonable(questions)}
