"""Quizzes: multiple choice, ordering, matching and true/false, each with its explanation."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from clio.errors import InputError
from clio.model.items import QuizQuestion
from clio.services.learning import answer_quiz, next_item
from clio.store.items_codec import KIND_QUIZ
from clio.web.security import FormBody
from clio.web.study_forms import form_int, quiz_given
from clio.web.templating import render
from clio.web.viewer import CurrentViewer

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/topics/{name}/quiz", name="quiz")
def quiz_page(request: Request, name: str, viewer: CurrentViewer) -> Response:
    """The next quiz question in this topic."""
    state = request.app.state.clio
    info = state.topic_info(name, viewer)
    prompt = next_item(
        state.store, learner_id=viewer.id, now=state.now(), topic_ids=[info.id], kinds=(KIND_QUIZ,)
    )
    context = {"topic": info, "prompt": prompt, "result": None, "error": None}
    template = "fragments/quiz_question.html" if request.headers.get("HX-Request") else "quiz.html"
    return render(request, template, context)


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
    context = {
        "topic": info,
        "question": item.item,
        "given": given,
        "correct": answered.correct,
    }
    template = "fragments/quiz_result.html" if request.headers.get("HX-Request") else "quiz.html"
    if template == "quiz.html":
        context.update({"prompt": None, "result": True, "error": None})
    return render(request, template, context)
