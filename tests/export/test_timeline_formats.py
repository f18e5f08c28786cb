"""Timeline files: TimelineJS JSON and PNG rasterised from SVG."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from clio.errors import InputError
from clio.export.timeline_formats import svg_to_png, timelinejs_data, timelinejs_json
from clio.model.topic import Topic
from clio.parse import parse_notes


def test_timelinejs_events_eras_and_escaping(china: Topic) -> None:
    data = timelinejs_data(china)
    headlines = {e["text"]["headline"]: e for e in data["events"]}
    volunteers = headlines["People’s Volunteers, Nov 1950"]
    assert volunteers["start_date"] == {"year": 1950, "month": 11}
    assert volunteers["group"] == "Korean War, 1950-53"
    assert "end_date" not in volunteers
    eras = {e["text"]["headline"]: e for e in data["eras"]}
    assert eras["Korean War, 1950-53"]["end_date"] == {"year": 1953}
    assert data["title"]["text"]["headline"] == "China and the USSR"
    assert len({e["unique_id"] for e in data["events"]}) == len(data["events"])
    late = [e for e in data["events"] if e.get("display_date", "").startswith("c.")]
    assert all("end_date" in e or e["display_date"] for e in late)
    topic = parse_notes("T\n\nEvents\n\na.  War <b>on</b>, 1914\n\nIt began & spread\n")
    event = timelinejs_data(topic)["events"][0]
    assert event["text"]["headline"] == "War &lt;b&gt;on&lt;/b&gt;, 1914"
    assert event["text"]["text"] == "<p>It began &amp; spread</p>"


def test_timelinejs_json_refuses_undated_notes() -> None:
    with pytest.raises(InputError, match="no dated points"):
        timelinejs_json(parse_notes("T\n\nIdeas\n\na.  Liberty\n\nFreedom of speech\n"))
    assert json.loads(timelinejs_json(parse_notes("T\n\nWar\n\na.  Start, 1914\n\nx\n")))


def test_svg_becomes_a_png_of_the_right_size() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">'
        '<rect x="10" y="10" width="100" height="20" fill="#1f4e9c"/>'
        '<text x="120" y="30" font-size="12">1950 &amp; after</text></svg>'
    )
    image = Image.open(io.BytesIO(svg_to_png(svg, scale=2)))
    assert image.size == (400, 100)
    assert image.convert("RGB").getpixel((60, 40)) == (31, 78, 156)
    assert image.convert("RGB").getpixel((2, 2)) == (255, 255, 255)
