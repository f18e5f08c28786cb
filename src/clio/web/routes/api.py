"""The JSON API under ``/api``: the same services as the pages, as data."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from clio.errors import InputError, PermissionDenied
from clio.model.serialise import topic_to_json
from clio.web.security import FormBody
from clio.web.uploads import upload_from_form
from clio.web.viewer import CurrentViewer, Viewer

router = APIRouter(prefix="/api", tags=["api"])


class Health(BaseModel):
    """The app is up."""

    status: str


class TopicSummary(BaseModel):
    """One topic in the library."""

    name: str
    title: str
    builtin: bool


class NotesIn(BaseModel):
    """Notes sent as JSON."""

    text: str
    name: str | None = None


@router.get("/health", response_model=Health)
def health() -> Health:
    """A trivial endpoint: the app answers."""
    return Health(status="ok")


@router.get("/topics", response_model=list[TopicSummary])
def list_topics(request: Request, viewer: CurrentViewer) -> list[TopicSummary]:
    """Every topic in the library."""
    state = request.app.state.clio
    return [
        TopicSummary(name=e.name, title=e.title, builtin=e.name in state.library.builtin_names)
        for e in state.visible_topics(viewer)
    ]


@router.get("/topics/{name}")
def get_topic(request: Request, name: str, viewer: CurrentViewer) -> dict[str, Any]:
    """One topic, parsed (the documented topic JSON)."""
    return topic_to_json(request.app.state.clio.topic(name, viewer))


@router.post("/topics", status_code=201)
def add_topic(request: Request, notes: NotesIn, viewer: CurrentViewer) -> dict[str, Any]:
    """Add notes sent as JSON ``{"text": ..., "name": ...}``; returns the parsed topic."""
    state = request.app.state.clio
    data = notes.text.encode("utf-8")
    limit = state.settings.max_upload_bytes
    if len(data) > limit:
        raise InputError(f"the notes are too large: at most {limit / 1048576:g} MB", field="text")
    _check_may_add(viewer)
    topic = state.add_notes(viewer, data, filename="posted notes", name=notes.name)
    return topic_to_json(topic)


@router.post("/topics/file", status_code=201)
def upload_topic(request: Request, form: FormBody, viewer: CurrentViewer) -> dict[str, Any]:
    """Add notes as a multipart form: a ``file`` (.txt .md .docx .html .pdf) or ``text``."""
    state = request.app.state.clio
    _check_may_add(viewer)
    upload = upload_from_form(
        form,
        limit=state.settings.max_upload_bytes,
        document_limit=state.settings.max_document_bytes,
    )
    topic = state.add_notes(viewer, upload.data, filename=upload.filename, name=upload.name)
    return topic_to_json(topic)


def _check_may_add(viewer: Viewer) -> None:
    if not viewer.is_teacher:
        raise PermissionDenied("only teachers can add notes")
