"""Source exercises: the source and its provenance, questions, answer boxes, drafts and marks."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from clio.errors import InputError
from clio.mark import mark_answer
from clio.model.items import SourceQuestion
from clio.model.marking import Mark
from clio.services.learning import answer_free_text
from clio.store import answers
from clio.store.items_codec import KIND_SOURCE
from clio.store.records import StoredItem
from clio.web.security import FormBody
from clio.web.templating import render
from clio.web.viewer import CurrentViewer, Viewer

router = APIRouter(tags=["pages"], include_in_schema=False)
MAX_ANSWER = 20_000


def mark_source_answer(question: SourceQuestion, text: str) -> Mark:
    """Mark an answer to a source question against its own mark scheme."""
    return mark_answer(question.text, question.mark_scheme, text)


def _question(request: Request, name: str, item_id: int, viewer: Viewer) -> StoredItem:
    item: StoredItem = request.app.state.clio.item_for(item_id, viewer)
    if not isinstance(item.item, SourceQuestion) or item.topic_name != name:
        raise InputError("that question is not in this topic", field="item_id")
    return item


def _answer_text(value: object) -> str:
    text = value if isinstance(value, str) else ""
    if len(text) > MAX_ANSWER:
        raise InputError(f"answers may be at most {MAX_ANSWER:,} characters", field="answer")
    return text


@router.get("/topics/{name}/sources", name="sources")
def sources_page(request: Request, name: str, viewer: CurrentViewer) -> Response:
    """Every source question of a topic, with the learner's best mark so far."""
    state = request.app.state.clio
    topic = state.topic(name, viewer)
    items = state.library.items(name, kind=KIND_SOURCE)
    with state.store.read() as session:
        marked = answers.marked_answers(session, viewer.id)
    best: dict[str, tuple[int, int]] = {}
    for answer in marked:
        if answer.question_id not in best or answer.score > best[answer.question_id][0]:
            best[answer.question_id] = (answer.score, answer.max_marks)
    sources = {s.id: s for s in topic.sources}
    context = {"topic": topic, "items": items, "sources": sources, "best": best}
    return render(request, "sources.html", context)


@router.get("/topics/{name}/sources/{item_id}", name="source_question")
def source_question_page(
    request: Request, name: str, item_id: int, viewer: CurrentViewer, marked: bool = False
) -> Response:
    """One source question: the source, provenance, the answer box and earlier marks.

    ``marked`` (after an answer sent without JavaScript) shows the newest mark at the top.
    """
    state = request.app.state.clio
    topic = state.topic(name, viewer)
    item = _question(request, name, item_id, viewer)
    question = item.item
    assert isinstance(question, SourceQuestion)
    with state.store.read() as session:
        draft = answers.get_draft(session, learner_id=viewer.id, question_id=question.id)
        earlier = answers.marked_answers(session, viewer.id, question_id=question.id)
    source = next((s for s in topic.sources if s.id == question.source_id), None)
    context = {
        "topic": topic,
        "item": item,
        "question": question,
        "source": source,
        "draft": draft.text if draft else "",
        "earlier": earlier,
        "mark": None,
        "answer": "",
        "latest": earlier[0] if marked and earlier else None,
    }
    return render(request, "source_question.html", context)


@router.post("/topics/{name}/sources/{item_id}/draft", name="save_draft")
def save_draft(
    request: Request, form: FormBody, name: str, item_id: int, viewer: CurrentViewer
) -> Response:
    """Keep the answer typed so far (htmx posts it as the learner types)."""
    state = request.app.state.clio
    item = _question(request, name, item_id, viewer)
    text = _answer_text(form.get("answer"))
    now = state.now()
    with state.store.write() as session:
        answers.save_draft(
            session, learner_id=viewer.id, question_id=item.item.id, text=text, now=now
        )
    return render(request, "fragments/draft_saved.html", {"saved_at": now})


@router.post("/topics/{name}/sources/{item_id}", name="submit_answer")
def submit_answer(
    request: Request, form: FormBody, name: str, item_id: int, viewer: CurrentViewer
) -> Response:
    """Mark the answer, record it (the draft is cleared) and show the mark."""
    state = request.app.state.clio
    item = _question(request, name, item_id, viewer)
    text = _answer_text(form.get("answer"))
    if not text.strip():
        raise InputError("write an answer first", field="answer")
    answered = answer_free_text(
        state.store,
        learner_id=viewer.id,
        item_id=item.id,
        text=text,
        now=state.now(),
        marker=mark_source_answer,
    )
    context = {"question": item.item, "mark": answered.mark, "answer": text}
    if request.headers.get("HX-Request"):
        return render(request, "fragments/mark.html", context)
    path = request.app.url_path_for("source_question", name=name, item_id=str(item.id))
    return RedirectResponse(f"{path}?marked=1", status_code=303)
