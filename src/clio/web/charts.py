"""Small inline SVG charts for the progress pages: bars by day, a line over time, a bar list.

Pure functions from numbers to escaped SVG markup; no JavaScript, readable by screen readers
(each chart has a title and a description, and the figures are also given as a table).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

_W, _H = 640, 200
_CONTROLS = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
_PAD_L, _PAD_R, _PAD_T, _PAD_B = 36, 8, 12, 28


def bar_chart(labels: Sequence[str], values: Sequence[float], *, title: str) -> Markup:
    """A vertical bar chart (e.g. reviews per day); every fifth label is printed."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    top = max([*values, 1.0])
    inner_w, inner_h = _W - _PAD_L - _PAD_R, _H - _PAD_T - _PAD_B
    step = inner_w / max(len(values), 1)
    parts = [_open(title, f"{len(values)} bars, highest {top:g}"), _axes(top)]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        height = inner_h * value / top
        x = _PAD_L + index * step
        parts.append(
            f'<rect class="bar" x="{x + step * 0.15:.1f}" y="{_PAD_T + inner_h - height:.1f}" '
            f'width="{step * 0.7:.1f}" height="{height:.1f}"><title>{_text(label)}: '
            f"{value:g}</title></rect>"
        )
        if index % 5 == 0 or index == len(values) - 1:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{_H - 8}" text-anchor="middle">'
                f"{_text(label)}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(
    labels: Sequence[str], values: Sequence[float | None], *, title: str, top: float = 1.0
) -> Markup:
    """A line (e.g. retention from 0 to 1 by week); ``None`` values leave a gap."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    inner_w, inner_h = _W - _PAD_L - _PAD_R, _H - _PAD_T - _PAD_B
    step = inner_w / max(len(values) - 1, 1)
    parts = [_open(title, f"{len(values)} points"), _axes(top, percent=top == 1.0)]
    path: list[str] = []
    for index, value in enumerate(values):
        if value is None:
            path.append("")
            continue
        x = _PAD_L + index * step
        y = _PAD_T + inner_h * (1 - min(value, top) / top)
        path.append(f"{x:.1f},{y:.1f}")
        parts.append(
            f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3"><title>'
            f"{_text(labels[index])}: {value:.0%}</title></circle>"
            if top == 1.0
            else f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3"><title>'
            f"{_text(labels[index])}: {value:g}</title></circle>"
        )
    for run in " ".join(path).split("  "):
        points = run.strip()
        if points.count(",") >= 2:
            parts.append(f'<polyline class="line" fill="none" points="{points}"/>')
    if labels:
        parts.append(f'<text x="{_PAD_L}" y="{_H - 8}">{_text(labels[0])}</text>')
        parts.append(
            f'<text x="{_W - _PAD_R}" y="{_H - 8}" text-anchor="end">{_text(labels[-1])}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _text(value: str) -> Markup:
    """Escaped text with the control characters XML forbids removed."""
    return escape(value.translate(_CONTROLS))


def _open(title: str, description: str) -> str:
    return (
        f'<svg viewBox="0 0 {_W} {_H}" role="img" xmlns="http://www.w3.org/2000/svg" '
        f'aria-label="{_text(title)}"><title>{_text(title)}</title>'
        f"<desc>{_text(description)}</desc>"
    )


def _axes(top: float, *, percent: bool = False) -> str:
    bottom = _H - _PAD_B
    label = f"{top:.0%}" if percent else f"{top:g}"
    return (
        f'<line class="axis" x1="{_PAD_L}" y1="{_PAD_T}" x2="{_PAD_L}" y2="{bottom}"/>'
        f'<line class="axis" x1="{_PAD_L}" y1="{bottom}" x2="{_W - _PAD_R}" y2="{bottom}"/>'
        f'<text x="{_PAD_L - 4}" y="{_PAD_T + 8}" text-anchor="end">{label}</text>'
        f'<text x="{_PAD_L - 4}" y="{bottom}" text-anchor="end">0</text>'
    )


def hbar_chart(labels: Sequence[str], values: Sequence[float], *, title: str) -> Markup:
    """Horizontal bars of shares from 0 to 1 (e.g. predicted recall of the weakest points)."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    row, label_w, width = 26, 260, _W
    height = max(row * len(values) + 8, 30)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg" '
        f'aria-label="{_text(title)}"><title>{_text(title)}</title>'
        f"<desc>{len(values)} bars from 0% to 100%</desc>"
    ]
    inner = width - label_w - 60
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        share = min(max(value, 0.0), 1.0)
        y = 4 + index * row
        short = label if len(label) <= 38 else label[:37] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_text(short)}</text>'
            f'<rect class="track" x="{label_w}" y="{y + 3}" width="{inner}" height="16"/>'
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{inner * share:.1f}" height="16">'
            f"<title>{_text(label)}: {share:.0%}</title></rect>"
            f'<text x="{label_w + inner + 6}" y="{y + 15}">{share:.0%}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
