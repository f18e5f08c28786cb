"""Topic downloads as files: Anki deck, worksheets, tables and timeline, by page and by API."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from starlette.responses import Response

from clio.web.context import WebContext
from clio.web.downloads import (
    DownloadKind,
    DownloadOptions,
    PrintFormat,
    available_downloads,
    cache_key,
    download_response,
    make_download,
)
from clio.web.templating import render
from clio.web.viewer import CurrentViewer, Viewer

pages = APIRouter(tags=["pages"], include_in_schema=False)
api = APIRouter(prefix="/api", tags=["downloads"])

FormatQuery = Query(
    default=PrintFormat.AUTO,
    alias="format",
    description="worksheets and mark schemes: pdf, html, or auto (PDF when the server can)",
)
AnswersQuery = Query(default=False, description="worksheet: append the mark scheme")
QuestionsQuery = Query(default=10, ge=0, le=50, description="worksheet: quiz questions")

_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the file, sent as an attachment",
        "content": {
            "application/apkg": {},
            "application/pdf": {},
            "text/html": {},
            "text/csv": {},
            "application/json": {},
            "text/tab-separated-values": {},
            "image/svg+xml": {},
            "image/png": {},
        },
    }
}


class DownloadOut(BaseModel):
    """One download a topic offers."""

    kind: str
    title: str
    description: str
    url: str
    available: bool


def _send(
    request: Request, name: str, kind: DownloadKind, viewer: Viewer, options: DownloadOptions
) -> Response:
    state: WebContext = request.app.state.clio
    topic = state.topic(name, viewer)  # 404 for a topic the viewer may not read
    info = state.library.info(name)
    timestamp = info.imported_at.timestamp()  # same notes, same deck: cacheable, reproducible
    key = (name, info.version, timestamp, *cache_key(kind, options))
    download = state.downloads.get_or_make(
        key,
        lambda: make_download(
            kind,
            topic,
            lambda: state.library.kit(name),
            options=options,
            timestamp=timestamp,
        ),
    )
    return download_response(download)


@pages.get("/topics/{name}/downloads", name="downloads")
def downloads_page(request: Request, name: str, viewer: CurrentViewer) -> Response:
    """Every file the topic can be downloaded as."""
    topic = request.app.state.clio.topic(name, viewer)
    return render(
        request, "downloads.html", {"topic": topic, "downloads": available_downloads(topic)}
    )


@pages.get("/topics/{name}/downloads/{kind}", name="download")
def download_file(
    request: Request,
    name: str,
    kind: DownloadKind,
    viewer: CurrentViewer,
    print_format: PrintFormat = FormatQuery,
    answers: bool = AnswersQuery,
    questions: int = QuestionsQuery,
) -> Response:
    """One download, as a file (errors as a friendly page)."""
    options = DownloadOptions(print_format=print_format, answers=answers, questions=questions)
    return _send(request, name, kind, viewer, options)


@api.get("/topics/{name}/downloads", response_model=list[DownloadOut])
def list_downloads(request: Request, name: str, viewer: CurrentViewer) -> list[DownloadOut]:
    """The files a topic can be downloaded as, with their API addresses."""
    topic = request.app.state.clio.topic(name, viewer)
    found = []
    for entry in available_downloads(topic):
        url = str(request.app.url_path_for("api_download", name=topic.name, kind=entry.kind))
        found.append(
            DownloadOut(
                kind=entry.kind.value,
                title=entry.title,
                description=entry.description,
                url=f"{url}?{entry.query}" if entry.query else url,
                available=entry.available,
            )
        )
    return found


@api.get(
    "/topics/{name}/downloads/{kind}",
    name="api_download",
    response_class=Response,
    responses=_RESPONSES,
)
def api_download_file(
    request: Request,
    name: str,
    kind: DownloadKind,
    viewer: CurrentViewer,
    print_format: PrintFormat = FormatQuery,
    answers: bool = AnswersQuery,
    questions: int = QuestionsQuery,
) -> Response:
    """A topic as a file: ``anki`` (.apkg), ``worksheet`` / ``mark-scheme`` (PDF or HTML),
    ``csv``, ``json``, ``quizlet`` (TSV), ``timeline-svg``, ``timeline-png``, ``timelinejs``."""
    options = DownloadOptions(print_format=print_format, answers=answers, questions=questions)
    return _send(request, name, kind, viewer, options)
