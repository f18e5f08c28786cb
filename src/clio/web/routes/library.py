"""The library: every topic, and the form to add notes by file or by pasting."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from clio.errors import InputError, PermissionDenied
from clio.services.learning import set_work
from clio.store import accounts as store_accounts
from clio.web.context import WebContext
from clio.web.security import FormBody
from clio.web.templating import render
from clio.web.uploads import ACCEPT, upload_from_form
from clio.web.viewer import CurrentViewer, Viewer

# the page a learner opens for each kind of set work (everything: the topic's reader)
WORK_ROUTES = {"card": "review", "quiz": "quiz", "source": "sources"}

router = APIRouter(tags=["pages"], include_in_schema=False)


def _page(
    state: WebContext,
    viewer: Viewer,
    *,
    error: InputError | None = None,
    pasted: str = "",
    name: str = "",
) -> dict[str, Any]:
    settings = state.settings
    in_class = False
    my_work: list[set_work.MyWork] = []
    if settings.multi_user and not viewer.is_teacher:
        with state.store.read() as session:
            in_class = bool(store_accounts.classes_joined(session, viewer.id))
        if in_class:
            my_work = set_work.learner_work(state.store, learner_id=viewer.id, now=state.now())
    return {
        "my_work": my_work,
        "kind_names": set_work.KIND_NAMES,
        "work_routes": WORK_ROUTES,
        "in_class": in_class,
        "entries": state.visible_topics(viewer),
        "error": error,
        "pasted": pasted,
        "name": name,
        "upload_accept": ACCEPT,
        "max_text_mb": f"{settings.max_upload_bytes / 1048576:g}",
        "max_document_mb": f"{settings.max_document_bytes / 1048576:g}",
    }


@router.get("/", name="library")
def library_page(request: Request, viewer: CurrentViewer) -> Response:
    """The library of topics with the upload form."""
    return render(request, "library.html", _page(request.app.state.clio, viewer))


@router.post("/library", name="upload")
def upload_notes(request: Request, form: FormBody, viewer: CurrentViewer) -> Response:
    """Add notes from a file (any format the importers read) or pasted text, then open them."""
    state: WebContext = request.app.state.clio
    if not viewer.is_teacher:
        raise PermissionDenied("only teachers can add notes; ask your teacher to share a topic")
    pasted, name = form.get("text"), form.get("name")
    try:
        upload = upload_from_form(
            form,
            limit=state.settings.max_upload_bytes,
            document_limit=state.settings.max_document_bytes,
        )
        topic = state.add_notes(viewer, upload.data, filename=upload.filename, name=upload.name)
    except InputError as error:
        context = _page(
            state,
            viewer,
            error=error,
            pasted=pasted if isinstance(pasted, str) else "",
            name=name if isinstance(name, str) else "",
        )
        return render(request, "library.html", context, status=error.http_status)
    return RedirectResponse(request.app.url_path_for("topic", name=topic.name), status_code=303)
