"""Explicit mapping between study-item dataclasses and the JSON payload stored for them."""

from __future__ import annotations

from typing import Any

from clio.errors import InputError
from clio.model.items import (
    CardKind,
    EssayParagraph,
    EssayPlan,
    Flashcard,
    QuestionKind,
    QuizAnswer,
    QuizQuestion,
    SourceQuestion,
)
from clio.model.marking import Level, MarkScheme, SchemePoint
from clio.model.serialise import to_jsonable

StudyItem = Flashcard | QuizQuestion | EssayPlan | SourceQuestion

KIND_CARD = "card"
KIND_QUIZ = "quiz"
KIND_ESSAY = "essay"
KIND_SOURCE = "source"


def item_kind(item: StudyItem) -> str:
    """The stored kind of an item: card, quiz, essay or source."""
    if isinstance(item, Flashcard):
        return KIND_CARD
    if isinstance(item, QuizQuestion):
        return KIND_QUIZ
    if isinstance(item, EssayPlan):
        return KIND_ESSAY
    return KIND_SOURCE


def item_to_payload(item: StudyItem) -> dict[str, Any]:
    """The JSON payload stored for an item."""
    payload: dict[str, Any] = to_jsonable(item)
    return payload


def item_from_payload(kind: str, data: dict[str, Any]) -> StudyItem:
    """Rebuild an item from its stored kind and payload."""
    try:
        if kind == KIND_CARD:
            return _card(data)
        if kind == KIND_QUIZ:
            return _quiz(data)
        if kind == KIND_ESSAY:
            return _essay(data)
        if kind == KIND_SOURCE:
            return _source_question(data)
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"stored {kind} item is malformed: {error}", field="payload") from None
    raise InputError(f"unknown item kind {kind!r}", field="kind")


def _card(data: dict[str, Any]) -> Flashcard:
    return Flashcard(
        id=data["id"],
        kind=CardKind(data["kind"]),
        prompt=data["prompt"],
        answer=data["answer"],
        source_ids=tuple(data.get("source_ids", ())),
        context=data.get("context", ""),
        cloze=data.get("cloze"),
    )


def _answer(value: Any) -> QuizAnswer:
    if isinstance(value, str):
        return value
    if value and isinstance(value[0], (list, tuple)):
        return tuple((str(a), str(b)) for a, b in value)
    return tuple(str(v) for v in value)


def _quiz(data: dict[str, Any]) -> QuizQuestion:
    return QuizQuestion(
        id=data["id"],
        kind=QuestionKind(data["kind"]),
        stem=data["stem"],
        options=tuple(data.get("options", ())),
        answer=_answer(data["answer"]),
        explanation=data.get("explanation", ""),
        source_ids=tuple(data.get("source_ids", ())),
        right_options=tuple(data.get("right_options", ())),
        subkind=data.get("subkind", ""),
    )


def _essay(data: dict[str, Any]) -> EssayPlan:
    return EssayPlan(
        id=data["id"],
        question=data["question"],
        paragraphs=tuple(
            EssayParagraph(
                role=p["role"],
                heading=p["heading"],
                text=p["text"],
                evidence=tuple(p.get("evidence", ())),
                theme=p.get("theme"),
                source_ids=tuple(p.get("source_ids", ())),
            )
            for p in data.get("paragraphs", ())
        ),
        source_ids=tuple(data.get("source_ids", ())),
    )


def _scheme(data: dict[str, Any]) -> MarkScheme:
    return MarkScheme(
        max_marks=data["max_marks"],
        levels=tuple(Level(**level) for level in data.get("levels", ())),
        points=tuple(
            SchemePoint(
                id=p["id"],
                text=p["text"],
                kind=p.get("kind", "content"),
                source_ids=tuple(p.get("source_ids", ())),
            )
            for p in data.get("points", ())
        ),
        reference=data.get("reference", ""),
        style=data.get("style", "generic"),
        source_text=data.get("source_text", ""),
    )


def _source_question(data: dict[str, Any]) -> SourceQuestion:
    return SourceQuestion(
        id=data["id"],
        source_id=data.get("source_id"),
        style=data["style"],
        text=data["text"],
        marks=data["marks"],
        mark_scheme=_scheme(data["mark_scheme"]),
        source_ids=tuple(data.get("source_ids", ())),
    )
