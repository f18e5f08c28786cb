"""The SVG chart: well-formed, with axis, ticks, bands and one labelled mark per event."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clio.cli import main
from clio.model.topic import Topic
from clio.parse import parse_notes
from clio.timeline import EventKind, render_svg, timeline_events
from clio.timeline.svg import _pack, _text_width

NS = {"svg": "http://www.w3.org/2000/svg"}


def _groups(root: ET.Element, cls: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{{{NS['svg']}}}g") if cls in g.get("class", "").split()]


def test_bundled_chart_structure(china: Topic) -> None:
    events = timeline_events(china)
    root = ET.fromstring(render_svg(events, title=china.title))
    assert root.tag == f"{{{NS['svg']}}}svg"
    assert root.find("svg:title", NS) is not None
    assert root.find("svg:title", NS).text == "China and the USSR"  # type: ignore[union-attr]
    assert len(root.findall(".//svg:line[@class='axis']", NS)) == 1
    years = [t.find("svg:text", NS).text for t in _groups(root, "tick")]  # type: ignore[union-attr]
    assert "1950" in years and "1960" in years
    sections = _groups(root, "section")
    assert len(sections) == sum(1 for e in events if e.kind is EventKind.SECTION)
    marks = _groups(root, "event")
    assert len(marks) == sum(1 for e in events if e.kind is not EventKind.SECTION)
    ranges = [g for g in marks if g.find("svg:rect", NS) is not None]
    assert len(ranges) == sum(1 for e in events if e.kind is not EventKind.SECTION and e.is_range)
    labels = [g.find("svg:text", NS).text or "" for g in marks]  # type: ignore[union-attr]
    assert "1950–1953 · Korean War" in labels


def test_labels_do_not_overlap(china: Topic) -> None:
    root = ET.fromstring(render_svg(timeline_events(china), title=china.title))
    rows: dict[str, list[tuple[float, float]]] = {}
    for group in _groups(root, "event"):
        text = group.find("svg:text", NS)
        assert text is not None and text.text
        x, width = float(text.get("x", 0)), _text_width(text.text, float(text.get("font-size", 12)))
        box = (x, x + width) if text.get("text-anchor") == "start" else (x - width, x)
        rows.setdefault(text.get("y", ""), []).append(box)
    for boxes in rows.values():
        boxes.sort()
        for (_, right), (left, _) in itertools.pairwise(boxes):
            assert right <= left


def test_note_text_is_escaped() -> None:
    topic = parse_notes(
        'Tricks & <Traps>\n\nThe "war" <b>, 1914-18\na. <script>alert(1)</script> & co, 1915\n'
        "Text with ]]> and &amp;.\n"
    )
    svg = render_svg(timeline_events(topic), title=topic.title)
    root = ET.fromstring(svg)  # well-formed despite the markup in the notes
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert root.find("svg:title", NS).text == "Tricks & <Traps>"  # type: ignore[union-attr]


def test_empty_timeline_is_still_a_chart() -> None:
    root = ET.fromstring(render_svg([], title="Nothing dated"))
    assert "No dated events" in "".join(root.itertext())


@given(st.lists(st.tuples(st.floats(0, 1000), st.floats(0, 300)), max_size=40))
def test_pack_rows_never_overlap(spans: list[tuple[float, float]]) -> None:
    intervals = [(left, left + length) for left, length in spans]
    rows = _pack(intervals, gap=6)
    for a in range(len(intervals)):
        for b in range(a + 1, len(intervals)):
            if rows[a] == rows[b] and intervals[a][0] <= intervals[b][0]:
                assert (
                    intervals[a][1] + 6 <= intervals[b][0] or intervals[b][1] + 6 <= intervals[a][0]
                )


def test_cli_timeline_writes_svg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "chart.svg"
    assert main(["timeline", "china-and-the-ussr", "--svg", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Korean War" in printed and "chart.svg" in printed
    ET.fromstring(out.read_text("utf-8"))


def test_cli_timeline_unwritable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["timeline", "china-and-the-ussr", "--svg", str(tmp_path / "no" / "c.svg")])
    assert code == 3
    assert "c.svg" in capsys.readouterr().err


def test_cli_timeline_without_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Notes\n\nSome thoughts about nothing in particular.\n", "utf-8")
    assert main(["timeline", str(notes)]) == 0
    assert "no dated events" in capsys.readouterr().out


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=600))
def test_any_notes_give_a_well_formed_chart(text: str) -> None:
    topic = parse_notes("Title\n\nHeading, 1950-53\na. " + text + " in 1951\n")
    ET.fromstring(render_svg(timeline_events(topic), title=text[:40] or "t"))
