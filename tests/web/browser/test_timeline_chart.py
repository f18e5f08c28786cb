"""The timeline chart as Chromium draws it: every section band's label fits and none overlap."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clio.services.topics import load_topic
from clio.timeline import render_svg, timeline_events

pytestmark = [pytest.mark.browser]

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# sheets whose band labels ran over their bands before labels were fitted
SHEETS = [
    "china-and-the-ussr",
    str(FIXTURES / "e2e" / "versailles.txt"),
    str(FIXTURES / "e2e" / "ww1-causes.txt"),
    str(FIXTURES / "e2e" / "league-of-nations.txt"),
    str(FIXTURES / "notes" / "russia-key-questions.txt"),
]

# For each band: its rect's and its label's drawn boxes, measured by the browser.
MEASURE = """() => [...document.querySelectorAll('g.section')].map(g => {
  const r = g.querySelector('rect').getBoundingClientRect();
  const t = g.querySelector('text');
  const b = t ? t.getBoundingClientRect() : null;
  return {
    label: t ? t.textContent : '', beside: t ? t.classList.contains('beside') : false,
    band: [r.left, r.right, r.top, r.bottom], text: b ? [b.left, b.right, b.top, b.bottom] : null,
  };
})"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[1] - 0.5 and b[0] < a[1] - 0.5 and a[2] < b[3] - 0.5 and b[2] < a[3] - 0.5


def test_band_labels_fit_as_drawn(page: Any) -> None:
    measured = 0
    for sheet in SHEETS:
        topic = load_topic(sheet)
        svg = render_svg(timeline_events(topic), title=topic.title)
        page.set_content(svg.split("?>", 1)[1])
        bands = page.evaluate(MEASURE)
        assert bands, sheet
        for band in bands:
            text, box = band["text"], band["band"]
            assert text is not None, f"{sheet}: {band['label']!r} has no label"
            measured += 1
            if band["beside"]:
                assert text[1] <= box[0] + 0.5 or text[0] >= box[1] - 0.5, band["label"]
            else:
                assert box[0] <= text[0] and text[1] <= box[1], f"{band['label']!r} overflows"
            assert text[0] >= 0 and text[1] <= 1120, band["label"]
            others = [b for b in bands if b is not band]
            for other in others:
                assert not _overlap(text, other["band"]), (band["label"], other["label"])
                if other["text"]:
                    assert not _overlap(text, other["text"]), (band["label"], other["label"])
    assert measured >= 10


def test_a_long_title_stays_on_the_chart_as_drawn(page: Any) -> None:
    topic = load_topic("china-and-the-ussr")
    title = "Timeline: " + "Relations between the People's Republic and the Soviet Union " * 3
    page.set_content(render_svg(timeline_events(topic), title=title).split("?>", 1)[1])
    right = page.evaluate("document.querySelector('svg > text').getBoundingClientRect().right")
    assert right <= 1120 - 30
