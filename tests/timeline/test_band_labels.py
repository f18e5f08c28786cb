"""Section band labels fit: inside their band (cut with an ellipsis) or beside a short band."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from clio.parse import parse_notes
from clio.timeline import render_svg, timeline_events
from clio.timeline.svg import _PAD, _band_label, _text_width

NS = "{http://www.w3.org/2000/svg}"
SMALL = 10.5

# A sheet whose bands are short and whose headings are long (each label overflowed before).
NOTES = """The Treaty of Versailles, 1919

The Big Three at Paris, January-June 1919
a. Wilson: the Fourteen Points of January 1918 set out his aims.

The terms of the treaty, 28 June 1919
a. Reparations: the bill of 1921 was set at 132 billion gold marks.

The Wall Street Crash and the world economy, October 1929
a. Black Thursday: share prices fell on 24 October 1929.

Reactions in Germany, 1919-23
a. The stab in the back: the myth spread from November 1918.

The occupation of the Ruhr and the hyperinflation that ruined the middle classes, 1923-25
a. The Ruhr: French and Belgian troops marched in on 11 January 1923.
"""


def _bands(svg: str) -> list[tuple[float, float, float, str, tuple[float, float], str]]:
    """(x0, x1, y, label, the label's estimated box, class) of each band's rect and text."""
    found = []
    for group in ET.fromstring(svg).iter(f"{NS}g"):
        if group.get("class") != "section":
            continue
        rect, text = group.find(f"{NS}rect"), group.find(f"{NS}text")
        assert rect is not None and text is not None and text.text
        x0 = float(rect.get("x", 0))
        found.append(
            (
                x0,
                x0 + float(rect.get("width", 0)),
                float(rect.get("y", 0)),
                text.text,
                _text_box(float(text.get("x", 0)), text.text, text.get("text-anchor", "")),
                text.get("class", ""),
            )
        )
    return found


def _text_box(x: float, label: str, anchor: str) -> tuple[float, float]:
    width = _text_width(label, SMALL)
    return (x, x + width) if anchor == "start" else (x - width, x)


def test_band_labels_never_run_over_their_band() -> None:
    svg = render_svg(timeline_events(parse_notes(NOTES, name="v")), title="v")
    bands = _bands(svg)
    assert len(bands) == 5
    for x0, x1, _, label, (left, right), cls in bands:
        if "beside" in cls:
            assert right <= x0 or left >= x1, f"{label!r} lies on its band"
        else:
            assert x0 + _PAD - 0.01 <= left and right <= x1 - _PAD + 0.01, f"{label!r} overflows"
        assert left >= 0 and right <= 1120


def test_band_labels_and_bands_do_not_overlap_in_a_row() -> None:
    svg = render_svg(timeline_events(parse_notes(NOTES, name="v")), title="v")
    rows: dict[float, list[tuple[float, float]]] = {}
    for x0, x1, y, _, (left, right), _ in _bands(svg):
        rows.setdefault(y, []).append((min(x0, left), max(x1, right)))
    for spans in rows.values():
        for (_, right), (left, _) in itertools.pairwise(sorted(spans)):
            assert right <= left


def test_a_cut_label_keeps_its_full_text_in_the_title() -> None:
    svg = render_svg(timeline_events(parse_notes(NOTES, name="v")), title="v")
    cut = [b for b in _bands(svg) if b[3].endswith("…")]
    assert cut, "no label was long enough to cut"
    for _, _, _, label, _, _ in cut:
        start = label[:-1]
        assert re.search(rf"<title>{re.escape(start)}[^<]+</title>", svg)


@given(
    x0=st.floats(min_value=50, max_value=1070),
    length=st.floats(min_value=0, max_value=1100),
    label=st.text(alphabet="abcdefgh MWQ,-1945", min_size=1, max_size=90).filter(str.strip),
)
def test_any_band_label_fits(x0: float, length: float, label: str) -> None:
    x1 = min(x0 + length, 1070)
    placed = _band_label(label, x0, x1, size=SMALL, left_edge=6, right_edge=1114)
    if not placed.text:
        return
    assert placed.text == label or (
        placed.text.endswith("…") and label.startswith(placed.text[:-1].rstrip())
    )
    left, right = _text_box(placed.x, placed.text, placed.anchor)
    if placed.inside:
        assert x0 + _PAD - 1e-6 <= left and right <= x1 - _PAD + 1e-6
    else:
        assert right <= x0 + 1e-6 or left >= x1 - 1e-6
        assert left >= 6 - 1e-6 and right <= 1114 + 1e-6
    assert placed.span[0] <= min(x0, left) + 1e-6 and placed.span[1] >= max(x1, right) - 1e-6


def test_a_long_title_is_cut_to_the_chart_and_kept_whole_in_its_title() -> None:
    title = "Timeline: " + "The long and winding history of a very wordy revision sheet " * 3
    svg = render_svg(timeline_events(parse_notes(NOTES, name="v")), title=title, width=800)
    root = ET.fromstring(svg)
    heading = root.find(f"{NS}text")
    assert heading is not None and heading.text and heading.text.endswith("…")
    assert 40 + _text_width(heading.text, 20) * 1.1 <= 800 - 40
    assert root.find(f"{NS}title").text == title  # type: ignore[union-attr]
