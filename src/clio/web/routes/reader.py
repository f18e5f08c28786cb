"""The topic reader: structured notes, timeline, and highlighted people, places and figures."""

from __future__ import annotations

from fastapi import APIRouter, Request
from markupsafe import Markup
from starlette.responses import Response

from clio.model.topic import Topic
from clio.timeline import TimelineEvent, render_svg, timeline_events
from clio.web.templating import render
from clio.web.viewer import CurrentViewer

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/topics/{name}", name="topic")
def topic_page(request: Request, name: str, viewer: CurrentViewer) -> Response:
    """The notes of one topic, structured, with its timeline."""
    topic = request.app.state.clio.topic(name, viewer)
    events = timeline_events(topic)
    context = {
        "topic": topic,
        "timeline": timeline_svg(topic, events),
        "timeline_list": events,  # the same dates as text, for phones and screen readers
    }
    return render(request, "topic.html", context)


def timeline_svg(topic: Topic, events: list[TimelineEvent] | None = None) -> Markup | None:
    """The topic's timeline as inline SVG (None when nothing in the notes is dated)."""
    events = timeline_events(topic) if events is None else events
    if not events:
        return None
    svg = render_svg(events, title=f"Timeline: {topic.title}")
    if svg.startswith("<?xml"):
        svg = svg[svg.index("?>") + 2 :].lstrip()
    return Markup(svg)
