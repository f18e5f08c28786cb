"""A printable SVG timeline: a year axis, sections as colour bands, events as dots and bars.

Labels never overlap: each event takes the first row where its marker and label fit, and a
section band's label stays inside its band (cut with an ellipsis) or sits beside a short band.
All note text is escaped.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr

from clio.model.period import Period
from clio.timeline.events import EventKind, TimelineEvent

PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
CLAIM_COLOUR = "#555555"
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text made safe for XML: markup escaped, characters XML cannot hold dropped."""
    return _escape(_NOT_XML.sub("", text))


@dataclass(frozen=True, kw_only=True)
class _Layout:
    width: int
    left: float
    right: float
    start: float
    end: float

    def x(self, when: float) -> float:
        span = self.end - self.start
        return self.left + (when - self.start) / span * (self.right - self.left)


def _fraction(year: int, month: int, day: int, *, end: bool) -> float:
    """A calendar day as a fractional year; ``end`` means the end of that day."""
    days = 366 if calendar.isleap(year) else 365
    ordinal = sum(calendar.monthrange(year, m)[1] for m in range(1, month)) + day - 1
    return year + (ordinal + (1 if end else 0)) / days


def _span(period: Period) -> tuple[float, float]:
    start = _fraction(*period.start.first_day(), end=False)
    end = _fraction(*period.end.last_day(), end=True)
    return start, end


def _text_width(text: str, size: float) -> float:
    """A safe estimate of rendered width for a sans-serif font."""
    wide = sum(1 for c in text if c.isupper() or c in "mwMW—–")
    return (len(text) * 0.56 + wide * 0.12) * size


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _ticks(start: float, end: float, *, most: int = 16) -> list[int]:
    span = max(end - start, 1)
    step = next((s for s in _STEPS if span / s <= most), _STEPS[-1])
    first = math.ceil(start / step) * step
    return list(range(int(first), int(end) + 1, step))


def _domain(events: list[TimelineEvent]) -> tuple[float, float]:
    spans = [_span(e.period) for e in events]
    start = math.floor(min(s for s, _ in spans))
    end = math.ceil(max(e for _, e in spans))
    if end - start < 2:
        start, end = start - 1, end + 1
    return float(start), float(end)


def _section_colours(events: list[TimelineEvent]) -> dict[str, str]:
    colours: dict[str, str] = {}
    for event in events:
        if event.section_id and event.section_id not in colours:
            colours[event.section_id] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def _pack(intervals: list[tuple[float, float]], gap: float = 6.0) -> list[int]:
    """Row for each interval, in order, so that intervals in a row do not overlap."""
    rows_end: list[float] = []
    rows: list[int] = []
    for left, right in intervals:
        for index, last in enumerate(rows_end):
            if left >= last + gap:
                rows_end[index] = right
                rows.append(index)
                break
        else:
            rows_end.append(right)
            rows.append(len(rows_end) - 1)
    return rows


_PAD = 5.0  # a band label's distance from its band's edges
_BOLD = 1.1  # bold text is about this much wider
_LEGIBLE = 12  # a cut label keeps at least this many letters (or 60%) to stay in its band


@dataclass(frozen=True, kw_only=True)
class _BandLabel:
    """Where a section band's label goes: inside the band, or beside a band too short for it."""

    text: str
    x: float
    anchor: str
    inside: bool
    span: tuple[float, float]  # the band and its label together (rows are packed by this)


def _fit(text: str, size: float, room: float) -> str:
    """``text``, cut at a word or letter with an ellipsis to fit ``room`` ("" if nothing fits)."""
    if _text_width(text, size) <= room:
        return text
    for end in range(len(text) - 1, 0, -1):
        cut = text[:end].rstrip(" ,;:–—-(") + "…"
        if len(cut) > 1 and _text_width(cut, size) <= room:
            return cut
    return ""


def _band_label(
    label: str, x0: float, x1: float, *, size: float, left_edge: float, right_edge: float
) -> _BandLabel:
    """A band's label that never runs over its band's edge.

    It goes inside the band, whole or cut with an ellipsis while enough of it is left to read;
    a band too short for that has its label beside it, on the right if the whole label fits
    there, else on the left (cut to the chart's edge if need be). The band's <title> keeps
    the full text.
    """
    room = x1 - x0 - 2 * _PAD
    if _text_width(label, size) <= room:
        return _BandLabel(text=label, x=x0 + _PAD, anchor="start", inside=True, span=(x0, x1))
    cut = _fit(label, size, room)
    if len(cut) - 1 >= min(_LEGIBLE, 0.6 * len(label)):
        return _BandLabel(text=cut, x=x0 + _PAD, anchor="start", inside=True, span=(x0, x1))
    right_room = right_edge - (x1 + _PAD)
    left_room = (x0 - _PAD) - left_edge
    if _text_width(label, size) <= right_room or right_room >= left_room:
        text = _fit(label, size, right_room)
        end = x1 + _PAD + _text_width(text, size)
        return _BandLabel(text=text, x=x1 + _PAD, anchor="start", inside=False, span=(x0, end))
    text = _fit(label, size, left_room)
    start = x0 - _PAD - _text_width(text, size)
    return _BandLabel(text=text, x=x0 - _PAD, anchor="end", inside=False, span=(start, x1))


def render_svg(events: list[TimelineEvent], *, title: str = "Timeline", width: int = 1120) -> str:
    """The events as a standalone SVG document (A4-landscape proportions by default)."""
    margin, font, small = 40, 12.0, 10.5
    if not events:
        return _document(
            width,
            120,
            title,
            [f'<text x="{margin}" y="80" font-size="14">No dated events in these notes.</text>'],
        )
    start, end = _domain(events)
    layout = _Layout(width=width, left=margin + 10, right=width - margin - 10, start=start, end=end)
    colours = _section_colours(events)
    parts: list[str] = []

    # Section bands, packed into rows above the axis, each with a label that fits (see _band_label).
    sections = [e for e in events if e.kind is EventKind.SECTION]
    band_boxes = [(layout.x(_span(e.period)[0]), layout.x(_span(e.period)[1])) for e in sections]
    band_labels = [
        _band_label(e.label, x0, x1, size=small, left_edge=6, right_edge=width - 6)
        for e, (x0, x1) in zip(sections, band_boxes, strict=True)
    ]
    band_rows = _pack([label.span for label in band_labels], gap=4)
    band_height, band_top = 22, 70
    n_band_rows = max(band_rows, default=-1) + 1
    axis_y = band_top + n_band_rows * (band_height + 4) + 24

    # Events (points and claims), packed into rows below the axis.
    items = [e for e in events if e.kind is not EventKind.SECTION]
    boxes: list[tuple[float, float]] = []
    placed: list[tuple[TimelineEvent, float, float, str, bool]] = []
    for event in items:
        x0, x1 = (layout.x(v) for v in _span(event.period))
        if not event.is_range:
            x0 = x1 = (x0 + x1) / 2
        text = _clip(f"{event.period.label()} · {_event_text(event)}", 70)
        w = _text_width(text, font)
        right_side = x1 + 8 + w <= width - 6
        box = (x0 - 5, x1 + 8 + w) if right_side else (x0 - 8 - w, x1 + 5)
        boxes.append(box)
        placed.append((event, x0, x1, text, right_side))
    rows = _pack(boxes)
    row_height, first_row = 22, axis_y + 34
    n_rows = max(rows, default=-1) + 1
    legend_top = first_row + n_rows * row_height + 24
    legend_rows = _legend_rows(_coloured_sections(events, colours), width, margin, small)
    claim_line = 18 if any(e.kind is EventKind.CLAIM for e in items) else 0
    height = int(legend_top + len(legend_rows) * 18 + claim_line + 16)

    for event, (x0, x1), label, row in zip(
        sections, band_boxes, band_labels, band_rows, strict=True
    ):
        colour = colours.get(event.section_id or "", PALETTE[0])
        y = band_top + row * (band_height + 4)
        parts.append(
            f'<g class="section"><title>{escape(event.label)} ({escape(event.period.label())})'
            f"</title>"
            f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 3):.1f}" height="{band_height}" '
            f'rx="3" fill="{colour}" fill-opacity="0.22" stroke="{colour}"/>'
            + (
                f'<text x="{label.x:.1f}" y="{y + 15}" font-size="{small}" fill="#222" '
                f'class="band-label{"" if label.inside else " beside"}" '
                f'text-anchor="{label.anchor}">'
                f"{escape(label.text)}</text>"
                if label.text
                else ""
            )
            + "</g>"
        )
        # the band's period shaded faintly across the event area too
        parts.append(
            f'<rect class="section-shade" x="{x0:.1f}" y="{axis_y}" width="{max(x1 - x0, 1):.1f}" '
            f'height="{legend_top - 16 - axis_y}" fill="{colour}" fill-opacity="0.06"/>'
        )

    parts.extend(_axis(layout, axis_y, legend_top - 16, small))

    for (event, x0, x1, text, right_side), row in zip(placed, rows, strict=True):
        colour = (
            CLAIM_COLOUR
            if event.kind is EventKind.CLAIM
            else colours.get(event.section_id or "", PALETTE[0])
        )
        y = first_row + row * row_height
        tooltip = escape(f"{event.period.label()}: {event.label}. {event.detail}".strip())
        vague = (
            ' fill-opacity="0.4" stroke-dasharray="3,2"' if event.period.approximate else ""
        )  # "the late 1950s", "c. 1920": drawn faint, with a dashed edge
        marker = (
            f'<rect x="{x0:.1f}" y="{y - 5}" width="{max(x1 - x0, 4):.1f}" height="10" rx="3" '
            f'fill="{colour}" stroke="{colour}"{vague}/>'
            if event.is_range
            else f'<circle cx="{x0:.1f}" cy="{y}" r="5" fill="{colour}"'
            + (' fill-opacity="0" stroke-width="2"' if event.kind is EventKind.CLAIM else "")
            + f' stroke="{colour}"/>'
        )
        tx, anchor = (x1 + 8, "start") if right_side else (x0 - 8, "end")
        style = ' font-style="italic"' if event.kind is EventKind.CLAIM else ""
        parts.append(
            f'<g class="event {event.kind.value}"><title>{tooltip}</title>'
            f'<line x1="{(x0 + x1) / 2:.1f}" y1="{axis_y}" x2="{(x0 + x1) / 2:.1f}" y2="{y}" '
            f'stroke="{colour}" stroke-opacity="0.35" stroke-dasharray="2,3"/>'
            f"{marker}"
            f'<text x="{tx:.1f}" y="{y + 4}" font-size="{font}" text-anchor="{anchor}"{style}>'
            f"{escape(text)}</text></g>"
        )

    has_claims = any(e.kind is EventKind.CLAIM for e in items)
    parts.extend(_legend(colours, legend_rows, legend_top, margin, small, has_claims))
    return _document(width, height, title, parts)


def _event_text(event: TimelineEvent) -> str:
    if event.kind is EventKind.CLAIM:
        return f"{event.source_label}: {event.label}"
    return _without_date(event.label, event.period)


def _without_date(label: str, period: Period) -> str:
    """ "Korean War, 1950-53" -> "Korean War" (the date is printed beside it already)."""
    words = period.text.strip()
    if not words:
        return label
    for tail in (f"({words})", words):
        if label.endswith(tail) and len(label) > len(tail):
            return label[: -len(tail)].rstrip(" ,;:–—-(") or label
    return label


def _axis(layout: _Layout, y: float, bottom: float, size: float) -> list[str]:
    parts = [
        f'<line class="axis" x1="{layout.left}" y1="{y}" x2="{layout.right}" y2="{y}" '
        f'stroke="#333" stroke-width="1.5"/>'
    ]
    for year in _ticks(layout.start, layout.end):
        x = layout.x(year)
        parts.append(
            f'<g class="tick"><line x1="{x:.1f}" y1="{y - 5}" x2="{x:.1f}" y2="{y + 5}" '
            f'stroke="#333"/><line x1="{x:.1f}" y1="{y + 5}" x2="{x:.1f}" y2="{bottom:.1f}" '
            f'stroke="#ddd" stroke-width="0.6"/>'
            f'<text x="{x:.1f}" y="{y + 19}" font-size="{size}" text-anchor="middle" '
            f'fill="#333">{year}</text></g>'
        )
    return parts


def _coloured_sections(
    events: list[TimelineEvent], colours: dict[str, str]
) -> list[tuple[str, str]]:
    """(section id, heading) for every section that has a colour, in order."""
    headings = {e.section_id: e.section_heading for e in events if e.section_id}
    return [(section_id, headings[section_id]) for section_id in colours]


def _legend_rows(
    sections: list[tuple[str, str]], width: int, margin: int, size: float
) -> list[list[tuple[str, str]]]:
    rows: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for section_id, heading in sections:
        text = _clip(heading, 60)
        w = 20 + _text_width(text, size) + 16
        if used + w > width - 2 * margin and rows[-1]:
            rows.append([])
            used = 0.0
        rows[-1].append((section_id, text))
        used += w
    return [r for r in rows if r]


def _legend(
    colours: dict[str, str],
    rows: list[list[tuple[str, str]]],
    top: float,
    margin: int,
    size: float,
    claims_note: bool,
) -> list[str]:
    parts = ['<g class="legend">']
    for index, row in enumerate(rows):
        x, y = float(margin), top + index * 18
        for section_id, text in row:
            colour = colours[section_id]
            parts.append(
                f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="14" height="11" fill="{colour}" '
                f'fill-opacity="0.5" stroke="{colour}"/>'
                f'<text x="{x + 20:.1f}" y="{y:.1f}" font-size="{size}">{escape(text)}</text>'
            )
            x += 20 + _text_width(text, size) + 16
    if claims_note:
        y = top + len(rows) * 18
        parts.append(
            f'<circle cx="{margin + 7}" cy="{y - 4}" r="4" fill="none" stroke="{CLAIM_COLOUR}" '
            f'stroke-width="2"/><text x="{margin + 20}" y="{y}" font-size="{size}" '
            f'font-style="italic">claims made in a source (not necessarily true)</text>'
        )
    parts.append("</g>")
    return parts


def _document(width: int, height: int, title: str, parts: list[str]) -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family={quoteattr(FONT)}>'
        f"<title>{escape(title)}</title>"
        f'<rect width="100%" height="100%" fill="#ffffff"/>'
        f'<text x="40" y="38" font-size="20" font-weight="bold" fill="#222">'
        f"{escape(_fit(title, 20 * _BOLD, width - 80))}</text>"  # the <title> keeps it whole
    )
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + head + "".join(parts) + "</svg>\n"
