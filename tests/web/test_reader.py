"""The topic reader."""

from __future__ import annotations

import re

from clio.model.topic import Entity, EntityKind
from clio.web.templating import highlight_entities
from tests.web.conftest import WebClient


def test_reader_shows_sections_points_and_sources(client: WebClient, china: object) -> None:
    page = client.get("/topics/china-and-the-ussr")
    assert page.status_code == 200
    for section in china.sections:  # type: ignore[attr-defined]
        assert f'id="{section.id}"' in page.text
        for point in section.points:
            assert f'id="{point.id}"' in page.text
    assert "<h1>China and the USSR</h1>" in page.text


def test_unknown_topic_is_a_friendly_404(client: WebClient) -> None:
    page = client.get("/topics/no-such-topic")
    assert page.status_code == 404
    assert "no topic called" in page.text
    assert "Traceback" not in page.text


def test_highlight_wraps_entities_and_escapes_everything_else() -> None:
    entities = (
        Entity(kind=EntityKind.PERSON, text="Mao", name="Mao Zedong"),
        Entity(kind=EntityKind.FIGURE, text="$300m", name="$300m", value=3e8, unit="$"),
    )
    html = str(highlight_entities("Mao <b>got</b> $300m & more", entities))
    assert '<mark class="ent ent-person" title="person: Mao Zedong">Mao</mark>' in html
    assert '<mark class="ent ent-figure" title="figure: $300m">$300m</mark>' in html
    assert "&lt;b&gt;got&lt;/b&gt;" in html
    assert "&amp; more" in html


def test_highlight_escapes_entity_text_itself() -> None:
    entities = (Entity(kind=EntityKind.PLACE, text="<Paris>", name="<Paris>"),)
    html = str(highlight_entities("to <Paris>", entities))
    assert "<Paris>" not in html
    assert "&lt;Paris&gt;</mark>" in html


def test_reader_has_the_timeline_chart_inline(client: WebClient) -> None:
    page = client.get("/topics/china-and-the-ussr").text
    assert 'class="timeline-chart"><svg' in page
    assert "<?xml" not in page


def test_timeline_escapes_note_text(client: WebClient) -> None:
    notes = (
        "Dates\n\nWhy things <script>bad()</script> happened, 1950-60\n1. <b>Event</b>: in 1955.\n"
    )
    client.post_form("/library", {"text": notes, "name": "dates"})
    page = client.get("/topics/dates").text
    assert "<script>bad()" not in page and "<b>Event" not in page


def test_the_timeline_scrolls_by_keyboard_on_a_phone(client: WebClient) -> None:
    page = client.get("/topics/china-and-the-ussr").text
    assert (
        '<div tabindex="0" role="group" aria-labelledby="timeline-h" class="timeline-chart">'
        in page
    )


def test_the_timeline_is_also_a_list_linking_to_each_point(client: WebClient) -> None:
    page = client.get("/topics/china-and-the-ussr").text
    listing = page.split('<details class="timeline-list">', 1)[1].split("</details>", 1)[0]
    links = re.findall(r'<a href="#(p-[0-9a-f]+)">', listing)
    assert len(links) >= 10
    assert all(f'id="{point}"' in page for point in links)
    assert "Korean War" in listing and "(a claim in a source)" in listing


def test_every_timeline_list_link_lands_on_the_notes(client: WebClient) -> None:
    # an event told inside a point (Kim Il Sung asked Stalin in 1949) links to its point
    page = client.get("/topics/china-and-the-ussr").text
    listing = page.split('<details class="timeline-list">', 1)[1].split("</details>", 1)[0]
    targets = re.findall(r'<a href="#([^"]+)"', listing)
    assert "Kim Il Sung asked" in listing
    assert targets and all(f'id="{target}"' in page for target in targets)
