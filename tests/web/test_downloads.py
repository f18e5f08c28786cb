"""Topic downloads: every route's status, type, file name, and bytes that open as claimed."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from clio.services import exports
from clio.web.downloads import Download, DownloadCache, content_disposition, safe_filename
from tests.export.test_anki import open_deck
from tests.web.conftest import WebClient, new_client, sign_up

TOPIC = "china-and-the-ussr"
API = f"/api/topics/{TOPIC}/downloads"
PAGE = f"/topics/{TOPIC}/downloads"


def _check_file(response: httpx.Response, media_type: str, filename: str) -> bytes:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert f'filename="{filename}"' in disposition
    return response.content


def _stored_items(client: WebClient, kind: str) -> list[dict[str, object]]:
    items: list[dict[str, object]] = client.get(
        f"/api/topics/{TOPIC}/items", params={"kind": kind}
    ).json()
    return items


def test_anki_deck_is_a_zip_with_a_collection_of_the_stored_cards(
    client: WebClient, tmp_path: Path
) -> None:
    data = _check_file(client.get(f"{API}/anki"), "application/apkg", f"{TOPIC}.apkg")
    deck = open_deck(data, tmp_path)
    cards = _stored_items(client, "card")
    assert len(deck["notes"]) == len(cards) > 20
    assert any(tag.startswith("clio::") for note in deck["notes"] for tag in note["tags"])
    again = client.get(f"/topics/{TOPIC}/downloads/anki").content  # the page route too
    assert again == data  # same stored notes, same deck: re-importing updates, never duplicates


def test_worksheet_is_a_pdf_when_weasyprint_is_here(client: WebClient) -> None:
    assert exports.pdf_available()
    data = _check_file(client.get(f"{API}/worksheet"), "application/pdf", f"{TOPIC}-worksheet.pdf")
    assert data.startswith(b"%PDF-")
    scheme = client.get(f"{API}/mark-scheme", params={"format": "pdf"})
    assert _check_file(scheme, "application/pdf", f"{TOPIC}-mark-scheme.pdf").startswith(b"%PDF-")


def test_worksheet_as_html_with_and_without_answers(client: WebClient) -> None:
    plain = _check_file(
        client.get(f"{API}/worksheet", params={"format": "html"}),
        "text/html",
        f"{TOPIC}-worksheet.html",
    ).decode("utf-8")
    answered = _check_file(
        client.get(f"{API}/worksheet", params={"format": "html", "answers": "true"}),
        "text/html",
        f"{TOPIC}-worksheet-with-answers.html",
    ).decode("utf-8")
    scheme = _check_file(
        client.get(f"{API}/mark-scheme", params={"format": "html"}),
        "text/html",
        f"{TOPIC}-mark-scheme.html",
    ).decode("utf-8")
    for page in (plain, answered, scheme):
        assert page.lstrip().lower().startswith("<!doctype html")
    assert ": mark scheme</h1>" not in plain
    assert ": mark scheme</h1>" in answered and ": mark scheme</h1>" in scheme
    assert "Part A: Quick quiz" in plain and 'class="scheme' not in plain
    assert len(answered) > len(plain)
    fewer = client.get(f"{API}/worksheet", params={"format": "html", "questions": 2}).text
    assert len(fewer) < len(plain)


def test_without_weasyprint_worksheets_come_as_html(
    client: WebClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "pdf_available", lambda: False)
    response = client.get(f"{API}/worksheet")
    assert _check_file(response, "text/html", f"{TOPIC}-worksheet.html")
    asked = client.get(f"{API}/worksheet", params={"format": "pdf"})
    assert asked.status_code == 501
    assert "WeasyPrint" in asked.json()["error"]["message"]
    assert "Printable worksheet, HTML" in client.get(PAGE).text
    other = client.get(f"{API}/csv", params={"format": "pdf"})  # concerns worksheets only
    assert other.status_code == 200


def test_csv_parses_with_a_row_per_item(client: WebClient) -> None:
    data = _check_file(client.get(f"{API}/csv"), "text/csv", f"{TOPIC}-items.csv")
    assert data.startswith("\ufeff".encode())  # spreadsheets then read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {"type", "id", "prompt", "answer"} <= set(rows[0])
    cards = [r for r in rows if r["type"] == "flashcard"]
    assert len(cards) == len(_stored_items(client, "card"))
    assert all(r["prompt"] for r in rows)


def test_json_lists_every_item(client: WebClient) -> None:
    data = _check_file(client.get(f"{API}/json"), "application/json", f"{TOPIC}-items.json")
    body = json.loads(data)
    assert body["format"] == "clio-items/1"
    assert body["topic"]["name"] == TOPIC
    assert len(body["flashcards"]) == len(_stored_items(client, "card"))
    assert len(body["questions"]) == len(_stored_items(client, "quiz"))


def test_quizlet_is_term_tab_definition(client: WebClient) -> None:
    data = _check_file(
        client.get(f"{API}/quizlet"), "text/tab-separated-values", f"{TOPIC}-quizlet.tsv"
    )
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == len(_stored_items(client, "card"))
    assert all(line.count("\t") == 1 for line in lines)


def test_timeline_svg_png_and_timelinejs(client: WebClient) -> None:
    svg = _check_file(client.get(f"{API}/timeline-svg"), "image/svg+xml", f"{TOPIC}-timeline.svg")
    assert ElementTree.fromstring(svg).tag.endswith("svg")
    png = _check_file(client.get(f"{API}/timeline-png"), "image/png", f"{TOPIC}-timeline.png")
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.width > 500
    data = _check_file(
        client.get(f"{API}/timelinejs"), "application/json", f"{TOPIC}-timelinejs.json"
    )
    body = json.loads(data)
    assert body["title"]["text"]["headline"] == "China and the USSR"
    assert len(body["events"]) > 5


def test_without_cairosvg_png_is_501_and_the_page_says_so(
    client: WebClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "png_available", lambda: False)
    assert client.get(f"{API}/timeline-png").status_code == 501
    page = client.get(PAGE).text
    assert "not installed on this server" in page


def test_the_downloads_page_links_every_file(
    client: WebClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exports, "pdf_available", lambda: False)  # keep the test quick
    page = client.get(PAGE)
    assert page.status_code == 200
    links = re.findall(r'href="(/topics/[^"]+/downloads/[^"]+)"', page.text)
    assert len(links) == 10
    for link in links:
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200, link
        assert response.headers["content-disposition"].startswith("attachment;")
    assert 'href="/topics/china-and-the-ussr/downloads"' in client.get(f"/topics/{TOPIC}").text


def test_the_api_lists_the_downloads(client: WebClient) -> None:
    listed = client.get(API).json()
    assert [d["kind"] for d in listed].count("worksheet") == 2
    assert {d["kind"] for d in listed} >= {"anki", "csv", "json", "quizlet", "timelinejs"}
    assert all(d["url"].startswith(API + "/") for d in listed)


def test_unknown_topic_and_kind(client: WebClient) -> None:
    assert client.get("/api/topics/nope/downloads/anki").status_code == 404
    missing = client.get("/topics/nope/downloads/anki")
    assert missing.status_code == 404 and "<html" in missing.text
    assert client.get(f"{API}/xlsx").status_code == 400


def test_a_topic_with_nothing_dated_has_no_timeline(client: WebClient) -> None:
    notes = "Themes\n\nWhy it mattered\n1. Ideas: people argued about ideas.\n"
    client.post("/api/topics", json={"text": notes, "name": "undated"})
    response = client.get("/api/topics/undated/downloads/timeline-svg")
    assert response.status_code == 400
    assert "no dated points" in response.json()["error"]["reason"]


def test_downloads_follow_the_new_version_of_the_notes(client: WebClient) -> None:
    first = "Tudor trade\n\nWhy trade grew, 1500-1600\n1. New routes: the Muscovy Company, 1555.\n"
    client.post("/api/topics", json={"text": first, "name": "tudor"})
    before = client.get("/api/topics/tudor/downloads/quizlet").text
    edited = first + "2. Cloth: exports of cloth to Antwerp rose by 1550.\n"
    client.post("/api/topics", json={"text": edited, "name": "tudor"})
    after = client.get("/api/topics/tudor/downloads/quizlet").text
    assert after != before and "Antwerp" in after


def test_a_learner_cannot_download_a_topic_they_cannot_read(multi_app: FastAPI) -> None:
    teacher, learner = new_client(multi_app), new_client(multi_app)
    sign_up(teacher, "teach", "teacher")
    sign_up(learner, "lea")
    notes = "Tudor trade\n\nWhy trade grew, 1500-1600\n1. New routes: the Muscovy Company, 1555.\n"
    teacher.post_form("/library", {"text": notes, "name": "tudor"})
    assert teacher.get("/api/topics/tudor/downloads/csv").status_code == 200
    for kind in ("anki", "csv", "timeline-svg"):
        assert learner.get(f"/api/topics/tudor/downloads/{kind}").status_code == 404
        assert learner.get(f"/topics/tudor/downloads/{kind}").status_code == 404
    assert learner.get("/topics/tudor/downloads").status_code == 404
    assert learner.get("/api/topics/tudor/downloads").status_code == 404
    assert learner.get(f"{API}/quizlet").status_code == 200  # built-in topics are for all
    made = teacher.post_form("/classes", {"name": "10B"}, follow_redirects=False)
    class_path = made.headers["location"]
    code = re.search(r'class="join-code">([A-Z0-9]+)<', teacher.get(class_path).text)
    assert code
    learner.post_form("/classes/join", {"code": code.group(1)})
    teacher.post_form(f"{class_path}/share", {"topic": "tudor"})
    assert learner.get("/api/topics/tudor/downloads/csv").status_code == 200


def test_nobody_signed_in_gets_nothing(multi_app: FastAPI) -> None:
    stranger = new_client(multi_app)
    assert stranger.get(f"{API}/anki").status_code == 401
    page = stranger.get(f"/topics/{TOPIC}/downloads/anki", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login?next=")


@given(st.text(max_size=200))
def test_download_file_names_are_safe(stem: str) -> None:
    name = safe_filename(stem, ".csv")
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,80}\.csv", name)
    assert not name.startswith(".")
    header = content_disposition(name)
    header.encode("latin-1")  # a header value must be Latin-1; ours is plain ASCII
    assert "\n" not in header and "\r" not in header


def test_a_file_is_made_once_for_many_requests(
    client: WebClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    real = exports.mark_scheme

    def counting(*args: Any, **kwargs: Any) -> bytes:
        made.append(kwargs["fmt"])
        time.sleep(0.2)  # long enough for the other requests to arrive while it is made
        return real(*args, **kwargs)

    monkeypatch.setattr(exports, "mark_scheme", counting)
    url = f"{API}/mark-scheme?format=html"
    with ThreadPoolExecutor(max_workers=4) as pool:
        bodies = list(pool.map(lambda _: client.get(url).content, range(4)))
    assert made == ["html"]
    assert len(set(bodies)) == 1
    client.get(f"{API}/mark-scheme?format=html&questions=3")
    assert made == ["html", "html"]  # other options, another file


def test_the_cache_forgets_the_oldest_file() -> None:
    cache = DownloadCache(size=2)
    files = {k: Download(data=k.encode(), media_type="text/plain", filename=k) for k in "abc"}
    for key in "abc":
        cache.get_or_make((key,), functools.partial(files.__getitem__, key))
    again = cache.get_or_make(("a",), lambda: Download(data=b"new", media_type="x", filename="a"))
    assert again.data == b"new"
    assert cache.get_or_make(("c",), lambda: files["a"]).data == b"c"
