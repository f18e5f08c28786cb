"""The topic reader: structured notes, timeline, and highlighted people, places and figures."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from clio.web.templating import render
from clio.web.viewer import CurrentViewer

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/topics/{name}", name="topic")
def topic_page(request: Request, name: str, viewer: CurrentViewer) -> Response:
    """The notes of one topic, structured, with its timeline."""
    topic = request.app.state.clio.topic(name, viewer)
    return render(request, "topic.html", {"topic": topic, "timeline": _timeline_svg(topic)})


def _timeline_svg(topic: object) -> str | None:
    try:
        from clio.timeline import render_svg  # type: ignore[import-not-found, unused-ignore]
    except ImportError:  # the timeline module arrives with the parser branch
        return None
    svg: str = render_svg(topic)
    return svg
