"""Quizzes: multiple choice, ordering, matching and true/false, each with its explanation.

The quiz page asks what the scheduler says is due or new. ``?kind=`` practises one kind of
question instead, in the notes' order (``after=`` the last one answered), so a learner can go
straight to ordering or matching questions, which the queue may reach only after many others.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from starlette.responses import Response

from clio.errors import InputError
from clio.model.items import QuestionKind, QuizQuestion
from clio.services.learning import answer_quiz, next_item
from clio.store.items_codec import KIND_QUIZ
from clio.store.records import StoredItem
from clio.web.security import FormBody
from clio.web.study_forms import form_int, quiz_given
from clio.web.templating import render
from clio.web.viewer import CurrentViewer

router = APIRouter(tags=["pages"], include_in_schema=False)

KIND_NAMES = {
    QuestionKind.MCQ.value: "Multiple choice",
    QuestionKind.TF.value: "True or false",
    QuestionKind.ORDER.value: "Put in order",
    QuestionKind.MATCH.value: "Match up",
}


@dataclass(frozen=True, kw_only=True)
class Practice:
    """A question chosen by kind (the quiz templates need only its item)."""

    item: StoredItem


def _practice(items: list[StoredItem], kind: str, after: int | None) -> Practice | None:
    """The question of ``kind`` that follows item ``after`` in the notes' order (wrapping)."""
    chosen = [i for i in items if isinstance(i.item, QuizQuestion) and i.item.kind.value == kind]
    if not chosen:
        return None
    ids = [i.id for i in chosen]
    start = ids.index(after) + 1 if after in ids else 0
    return Practice(item=chosen[start % len(chosen)])


def _kind(value: str) -> str:
    if value and value not in KIND_NAMES:
        raise InputError(f"no quiz kind {value!r}; choose one of {', '.join(KIND_NAMES)}")
    return value


@router.get("/topics/{name}/quiz", name="quiz")
def quiz_page(
    request: Request, name: str, viewer: CurrentViewer, kind: str = "", after: int | None = None
) -> Response:
    """The next quiz question in this topic (of one kind with ``kind``)."""
    state = request.app.state.clio
    info = state.topic_info(name, viewer)
    items = state.library.items(name, kind=KIND_QUIZ)
    prompt: object
    if _kind(kind):
        prompt = _practice(items, kind, after)
    else:
        prompt = next_item(
            state.store,
            learner_id=viewer.id,
            now=state.now(),
            topic_ids=[info.id],
            kinds=(KIND_QUIZ,),
        )
    context = {
        "topic": info,
        "prompt": prompt,
        "result": None,
        "error": None,
        "kind": kind,
        "kinds": _kind_counts(items),
    }
    template = "fragments/quiz_question.html" if request.headers.get("HX-Request") else "quiz.html"
    return render(request, template, context)


def _kind_counts(items: list[StoredItem]) -> list[tuple[str, str, int]]:
    """(kind, its name, how many questions) for each kind of question in the topic."""
    counts = {k: 0 for k in KIND_NAMES}
    for item in items:
        if isinstance(item.item, QuizQuestion):
            counts[item.item.kind.value] += 1
    return [(k, KIND_NAMES[k], n) for k, n in counts.items() if n]


@router.post("/topics/{name}/quiz", name="answer_quiz")
def answer_quiz_page(
    request: Request, form: FormBody, name: str, viewer: CurrentViewer
) -> Response:
    """Check an answer and show whether it was right, with the explanation."""
    state = request.app.state.clio
    info = state.topic_info(name, viewer)
    item = state.item_for(form_int(form, "item_id"), viewer)
    if not isinstance(item.item, QuizQuestion) or item.topic_name != name:
        raise InputError("that question is not in this topic", field="item_id")
    given = quiz_given(item.item, form)
    with state.writing():
        answered = answer_quiz(
            state.store, learner_id=viewer.id, item_id=item.id, given=given, now=state.now()
        )
    kind = form.get("kind")
    context = {
        "topic": info,
        "item": item,
        "question": item.item,
        "given": given,
        "correct": answered.correct,
        "kind": kind if isinstance(kind, str) and kind in KIND_NAMES else "",
    }
    template = "fragments/quiz_result.html" if request.headers.get("HX-Request") else "quiz.html"
    if template == "quiz.html":
        kinds = _kind_counts(state.library.items(name, kind=KIND_QUIZ))
        context.update({"prompt": None, "result": True, "error": None, "kinds": kinds})
    return render(request, template, context)
