"""The JSON API for the notes: ask, essay plans, and marking answers to source questions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from clio.errors import InputError
from clio.model.items import SourceQuestion
from clio.model.serialise import to_jsonable
from clio.services.essays import essay_plans_for
from clio.services.learning import answer_free_text
from clio.web.routes.sources import MAX_ANSWER, mark_source_answer
from clio.web.viewer import CurrentViewer

router = APIRouter(prefix="/api", tags=["notes"])


class SourceAnswerIn(BaseModel):
    """An answer to a source question."""

    item_id: int
    answer: str = Field(min_length=1, max_length=MAX_ANSWER)


@router.get("/topics/{name}/ask")
def ask_notes(
    request: Request,
    name: str,
    viewer: CurrentViewer,
    q: str = Query(min_length=1, max_length=300),
) -> dict[str, Any]:
    """Answer a question from the topic's notes: the answer, its citations and a confidence."""
    from clio.services.ask import ask  # heavy: loaded on first use

    topic = request.app.state.clio.topic(name, viewer)
    data: dict[str, Any] = to_jsonable(ask([topic], q))
    return data


@router.get("/topics/{name}/essays")
def essay_plans(
    request: Request,
    name: str,
    viewer: CurrentViewer,
    question: str | None = Query(default=None, max_length=300),
) -> list[Any]:
    """Essay plans for the topic's "why" sections, or for ``question``."""
    topic = request.app.state.clio.topic(name, viewer)
    plans = essay_plans_for(topic, question.strip() if question else None, seed=0)
    data: list[Any] = to_jsonable(plans)
    return data


@router.post("/source-answers")
def mark_source(request: Request, body: SourceAnswerIn, viewer: CurrentViewer) -> dict[str, Any]:
    """Mark and record an answer to a source question: score, level, points made, feedback."""
    state = request.app.state.clio
    item = state.item_for(body.item_id, viewer)
    if not isinstance(item.item, SourceQuestion):
        raise InputError("that item is not a source question", field="item_id")
    if not body.answer.strip():
        raise InputError("the answer is empty", field="answer")
    answered = answer_free_text(
        state.store,
        learner_id=viewer.id,
        item_id=item.id,
        text=body.answer,
        now=state.now(),
        marker=mark_source_answer,
    )
    data: dict[str, Any] = to_jsonable(answered.mark)
    return data
