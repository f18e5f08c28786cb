"""The timeline as files: a PNG rasterised from the chart's SVG, and TimelineJS JSON."""

from __future__ import annotations

import html
import json
from typing import Any

from clio.errors import ClioError, InputError
from clio.model.period import PartialDate, Period
from clio.model.topic import Topic


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """Rasterise an SVG chart to PNG (``scale`` 2 prints sharply), or say what to install."""
    try:
        import cairosvg
    except (ImportError, OSError) as error:
        raise ClioError(
            "PNG output needs CairoSVG and the Cairo library: pip install 'clio[print]' and, "
            f"on Debian/Ubuntu, apt-get install libcairo2 (or use --svg) [{error}]"
        ) from None
    data: bytes = cairosvg.svg2png(
        bytestring=svg.encode("utf-8"), scale=scale, background_color="white", unsafe=False
    )
    return data


def _date(value: PartialDate) -> dict[str, int]:
    date = {"year": value.year}
    if value.month is not None:
        date["month"] = value.month
        if value.day is not None:
            date["day"] = value.day
    return date


def _when(period: Period) -> dict[str, Any]:
    when: dict[str, Any] = {"start_date": _date(period.start)}
    if period.is_range:
        when["end_date"] = _date(period.end)
    if period.approximate:
        when["display_date"] = period.label()
    return when


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n") if part.strip())


def timelinejs_data(topic: Topic) -> dict[str, Any]:
    """A TimelineJS3 document: dated points and source claims as events, dated sections as eras."""
    from clio.timeline import EventKind, timeline_events

    events: list[dict[str, Any]] = []
    eras: list[dict[str, Any]] = []
    for event in timeline_events(topic):
        if event.kind is EventKind.SECTION:
            if event.period.is_range:
                eras.append(
                    {
                        "start_date": _date(event.period.start),
                        "end_date": _date(event.period.end),
                        "text": {"headline": html.escape(event.label)},
                    }
                )
            continue
        detail = event.detail if event.detail != event.label else ""
        group = event.source_label or "Source" if event.kind is EventKind.CLAIM else ""
        events.append(
            {
                **_when(event.period),
                "text": {"headline": html.escape(event.label), "text": _paragraphs(detail)},
                "group": html.escape(group or event.section_heading),
                "unique_id": event.id,
            }
        )
    data: dict[str, Any] = {
        "title": {
            "text": {"headline": html.escape(topic.title), "text": _paragraphs(topic.intro)},
            "unique_id": f"{topic.id}-title",
        },
        "events": events,
    }
    if eras:
        data["eras"] = eras
    return data


def timelinejs_json(topic: Topic) -> str:
    """:func:`timelinejs_data` as indented JSON text."""
    data = timelinejs_data(topic)
    if not data["events"]:
        raise InputError("no dated points to put on a timeline", file=topic.name)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
