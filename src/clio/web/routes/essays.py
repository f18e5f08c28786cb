"""The essay planner: plans for the notes' "why" sections and for a question you type."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from clio.errors import InputError
from clio.model.items import EssayPlan
from clio.services.essays import essay_plans_for
from clio.web.templating import render
from clio.web.viewer import CurrentViewer

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/topics/{name}/essays", name="essays")
def essays_page(request: Request, name: str, viewer: CurrentViewer, question: str = "") -> Response:
    """Ready-made plans, and a plan for ``question`` when one is asked."""
    topic = request.app.state.clio.topic(name, viewer)
    plans = essay_plans_for(topic, seed=0)
    asked: EssayPlan | None = None
    error: InputError | None = None
    if question.strip():
        try:
            asked = essay_plans_for(topic, question[:300], seed=0)[0]
        except InputError as problem:
            error = problem
    context = {
        "topic": topic,
        "plans": plans,
        "asked": asked,
        "question": question,
        "error": error,
        "points": {p.id: p for _, p in topic.points()},
    }
    return render(request, "essays.html", context, status=400 if error else 200)
