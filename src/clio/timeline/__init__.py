"""The timeline of a topic: dated events in order, and a printable SVG chart of them."""

from clio.timeline.events import EventKind, TimelineEvent, timeline_events
from clio.timeline.svg import render_svg

__all__ = ["EventKind", "TimelineEvent", "render_svg", "timeline_events"]
