"""Review: flashcards one at a time (space reveals, 1-4 rates, intervals on the buttons)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from clio.errors import InputError
from clio.services.learning import answer_card, next_item
from clio.store.items_codec import KIND_CARD
from clio.web.security import FormBody
from clio.web.study_forms import form_int, form_rating
from clio.web.templating import render
from clio.web.viewer import CurrentViewer, Viewer

router = APIRouter(tags=["pages"], include_in_schema=False)


def _card_context(request: Request, name: str, viewer: Viewer) -> dict[str, object]:
    state = request.app.state.clio
    info = state.topic_info(name, viewer)
    prompt = next_item(
        state.store,
        learner_id=viewer.id,
        now=state.now(),
        topic_ids=[info.id],
        kinds=(KIND_CARD,),
    )
    return {"topic": info, "prompt": prompt, "reviewed": request.session.get("reviewed", 0)}


@router.get("/topics/{name}/review", name="review")
def review_page(request: Request, name: str, viewer: CurrentViewer) -> Response:
    """The next card due (or new) in this topic."""
    return render(request, "review.html", _card_context(request, name, viewer))


@router.post("/topics/{name}/review", name="rate")
def rate_card(request: Request, form: FormBody, name: str, viewer: CurrentViewer) -> Response:
    """Record a rating, then show the next card (a fragment for htmx)."""
    state = request.app.state.clio
    item = state.item_for(form_int(form, "item_id"), viewer)
    if item.kind != KIND_CARD or item.topic_name != name:
        raise InputError("that card is not in this topic", field="item_id")
    with state.writing():
        answer_card(
            state.store,
            learner_id=viewer.id,
            item_id=item.id,
            rating=form_rating(form),
            now=state.now(),
        )
    request.session["reviewed"] = int(request.session.get("reviewed", 0)) + 1
    if not request.headers.get("HX-Request"):
        return RedirectResponse(request.app.url_path_for("review", name=name), status_code=303)
    return render(request, "fragments/review_card.html", _card_context(request, name, viewer))
