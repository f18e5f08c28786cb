"""The JSON API for studying: the next item, answering cards and quiz questions, progress."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from clio.errors import InputError
from clio.model.items import QuizQuestion
from clio.model.serialise import to_jsonable
from clio.schedule.memory import Rating
from clio.services.learning import answer_card, answer_quiz, next_item
from clio.services.progress import progress_summary
from clio.store.items_codec import KIND_CARD, KIND_QUIZ
from clio.web.viewer import CurrentViewer

router = APIRouter(prefix="/api", tags=["study"])


class NextItem(BaseModel):
    """The next item to study, with each rating's next interval in seconds (cards)."""

    item_id: int
    kind: str
    is_new: bool
    item: dict[str, Any]
    intervals: dict[str, float]
    due_now: int
    new_left: int


class ReviewIn(BaseModel):
    """A rating for a card: 1 Again, 2 Hard, 3 Good, 4 Easy."""

    item_id: int
    rating: int = Field(ge=1, le=4)


class ReviewOut(BaseModel):
    """The card's new schedule."""

    item_id: int
    rating: int
    due: datetime
    phase: str


class QuizIn(BaseModel):
    """An answer to a quiz question: an option, an ordered list, or [left, right] pairs."""

    item_id: int
    given: str | list[str] | list[list[str]]


class QuizOut(BaseModel):
    """Whether the answer was right, with the right answer and the explanation."""

    item_id: int
    correct: bool
    answer: Any
    explanation: str


class ItemOut(BaseModel):
    """A stored study item: its id for answering, its kind and the item itself."""

    item_id: int
    kind: str
    item: dict[str, Any]


@router.get("/topics/{name}/items", response_model=list[ItemOut])
def topic_items(
    request: Request,
    name: str,
    viewer: CurrentViewer,
    kind: Literal["card", "quiz", "source", "essay"] | None = None,
) -> list[ItemOut]:
    """The live study items of a topic, in order (optionally of one kind)."""
    state = request.app.state.clio
    state.topic_info(name, viewer)
    return [
        ItemOut(item_id=i.id, kind=i.kind, item=to_jsonable(i.item))
        for i in state.library.items(name, kind=kind)
    ]


@router.get("/topics/{name}/next", response_model=NextItem | None)
def next_study_item(
    request: Request, name: str, viewer: CurrentViewer, kind: Literal["card", "quiz"] = "card"
) -> NextItem | None:
    """The next card or quiz question due (or new) in a topic; null when nothing is waiting."""
    state = request.app.state.clio
    info = state.topic_info(name, viewer)
    prompt = next_item(
        state.store,
        learner_id=viewer.id,
        now=state.now(),
        topic_ids=[info.id],
        kinds=(KIND_CARD if kind == "card" else KIND_QUIZ,),
    )
    if prompt is None:
        return None
    return NextItem(
        item_id=prompt.item.id,
        kind=prompt.item.kind,
        is_new=prompt.is_new,
        item=to_jsonable(prompt.item.item),
        intervals={r.label.lower(): t.total_seconds() for r, t in prompt.intervals.items()},
        due_now=prompt.due_now,
        new_left=prompt.new_left,
    )


@router.post("/reviews", response_model=ReviewOut)
def review_card(request: Request, review: ReviewIn, viewer: CurrentViewer) -> ReviewOut:
    """Rate a card; the review is committed before the reply."""
    state = request.app.state.clio
    topics = state.allowed_topics(viewer)
    with state.writing():
        # One transaction finds the card, checks it (404, 403, 400) and records the review.
        answered = answer_card(
            state.store,
            learner_id=viewer.id,
            item_id=review.item_id,
            rating=Rating(review.rating),
            now=state.now(),
            topics=topics,
            only_cards=True,
        )
    return ReviewOut(
        item_id=review.item_id,
        rating=int(answered.rating),
        due=answered.memory.due,
        phase=answered.memory.phase.name.lower(),
    )


@router.post("/quiz-answers", response_model=QuizOut)
def quiz_answer(request: Request, answer: QuizIn, viewer: CurrentViewer) -> QuizOut:
    """Check and record an answer to a quiz question."""
    state = request.app.state.clio
    item = state.item_for(answer.item_id, viewer)
    if not isinstance(item.item, QuizQuestion):
        raise InputError("that item is not a quiz question", field="item_id")
    with state.writing():
        answered = answer_quiz(
            state.store, learner_id=viewer.id, item_id=item.id, given=answer.given, now=state.now()
        )
    return QuizOut(
        item_id=item.id,
        correct=bool(answered.correct),
        answer=to_jsonable(item.item.answer),
        explanation=item.item.explanation,
    )


@router.get("/progress")
def my_progress(request: Request, viewer: CurrentViewer, topic: str | None = None) -> Any:
    """The viewer's progress: due counts, retention, streak, reviews per day, weakest points."""
    state = request.app.state.clio
    if topic is not None:
        state.topic_info(topic, viewer)
    summary = progress_summary(state.store, learner_id=viewer.id, now=state.now(), topic=topic)
    return to_jsonable(summary)
