"""The ask box: a question about the notes, answered with the point it came from."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from clio.web.templating import render
from clio.web.viewer import CurrentViewer

router = APIRouter(tags=["pages"], include_in_schema=False)
MAX_QUESTION = 300


@router.get("/topics/{name}/ask", name="ask")
def ask_page(request: Request, name: str, viewer: CurrentViewer, q: str = "") -> Response:
    """The ask box; with ``q``, the answer (a fragment for htmx, else the whole page)."""
    from clio.services.ask import ask  # heavy (model, numpy): loaded on first use

    state = request.app.state.clio
    topic = state.topic(name, viewer)
    answer = ask([topic], q[:MAX_QUESTION]) if q.strip() else None
    points = {p.id: p for _, p in topic.points()}
    sources = {s.id: s for s in topic.sources}
    context = {"topic": topic, "q": q, "answer": answer, "points": points, "sources": sources}
    if request.headers.get("HX-Request"):  # only the answer: never a page inside the page
        return render(request, "fragments/answer.html", context)
    return render(request, "ask.html", context)
