"""A short section band at the right edge of the chart keeps its whole label, on its left."""

from __future__ import annotations

import re

from clio.parse import parse_notes
from clio.timeline.events import timeline_events
from clio.timeline.svg import render_svg

NOTES = """Causes

Long-term causes, 1882-1914
a. Alliances: the Triple Alliance of 1882 linked Germany and Austria-Hungary.
b. Naval race, 1906-14: Britain and Germany built dreadnoughts.

Short-term causes, June-August 1914
a. The July Crisis: Russia mobilised on 30 July 1914.
"""


def test_a_late_short_band_is_labelled_in_full_on_its_left() -> None:
    svg = render_svg(timeline_events(parse_notes(NOTES, name="x")), title="x")
    label = re.search(
        r'<text x="([\d.]+)"[^>]*text-anchor="end">Short-term causes, June-August 1914<', svg
    )
    assert label is not None, "label clipped or placed off the chart"
    assert float(label.group(1)) <= 1120 - 6
