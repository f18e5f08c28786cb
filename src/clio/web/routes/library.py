"""The library: every topic, and the form to add notes by file or by pasting."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from clio.errors import InputError, PermissionDenied
from clio.web.security import FormBody
from clio.web.templating import render
from clio.web.uploads import upload_from_form
from clio.web.viewer import CurrentViewer

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/", name="library")
def library_page(request: Request, viewer: CurrentViewer) -> Response:
    """The library of topics with the upload form."""
    entries = request.app.state.clio.visible_topics(viewer)
    return render(request, "library.html", {"entries": entries, "error": None, "pasted": ""})


@router.post("/library", name="upload")
def upload_notes(request: Request, form: FormBody, viewer: CurrentViewer) -> Response:
    """Add notes from a file or pasted text, then open the new topic."""
    state = request.app.state.clio
    if not viewer.is_teacher:
        raise PermissionDenied("only teachers can add notes; ask your teacher to share a topic")
    pasted = form.get("text")
    try:
        upload = upload_from_form(form, limit=state.settings.max_upload_bytes)
        topic = state.library.add(
            upload.data, filename=upload.filename, name=upload.name, now=state.now()
        )
    except InputError as error:
        context = {
            "entries": state.visible_topics(viewer),
            "error": error,
            "pasted": pasted if isinstance(pasted, str) else "",
        }
        return render(request, "library.html", context, status=400)
    return RedirectResponse(request.app.url_path_for("topic", name=topic.name), status_code=303)
