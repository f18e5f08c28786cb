"""The library page and uploading notes by file, by pasting, and through the API."""

from __future__ import annotations

from tests.web.conftest import WebClient

NOTES = """Trade in the Tudor age

Why trade grew, 1500-1600
1. New routes: the Muscovy Company opened trade with Russia in 1555.
2. Cloth exports: exports of cloth to Antwerp rose to 130,000 cloths by 1550.
"""


def test_library_lists_the_builtin_topic(client: WebClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "China and the USSR" in response.text
    assert 'href="/topics/china-and-the-ussr"' in response.text
    assert 'for="notes-file"' in response.text  # labelled inputs


def test_upload_a_file_opens_the_new_topic(client: WebClient) -> None:
    token = client.csrf()
    response = client.post(
        "/library",
        data={"csrf_token": token},
        files={"file": ("tudor-trade.txt", NOTES.encode(), "text/plain")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].endswith("/topics/tudor-trade")
    page = client.get("/topics/tudor-trade")
    assert "Muscovy Company" in page.text
    assert "Tudor" in client.get("/").text


def test_paste_notes_with_a_name(client: WebClient) -> None:
    response = client.post_form(
        "/library", {"text": NOTES, "name": "Tudor Trade Pasted"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"].endswith("/topics/tudor-trade-pasted")


def test_uploaded_topics_survive_a_restart(client: WebClient, settings: object) -> None:
    from clio.web import create_app

    client.post_form("/library", {"text": NOTES, "name": "kept"})
    with WebClient(create_app(settings)) as fresh:  # type: ignore[arg-type]
        assert fresh.get("/topics/kept").status_code == 200


def test_upload_with_nothing_chosen_says_so(client: WebClient) -> None:
    response = client.post_form("/library", {"text": "  "})
    assert response.status_code == 400
    assert "choose a notes file or paste your notes" in response.text


def test_upload_of_an_unreadable_format_says_what_to_save_as(client: WebClient) -> None:
    token = client.csrf()
    response = client.post(
        "/library",
        data={"csrf_token": token},
        files={"file": ("notes.odt", b"PK\x03\x04...", "application/vnd.oasis.opendocument")},
    )
    assert response.status_code == 400
    assert "cannot read .odt files" in response.text
    assert ".docx or .pdf" in response.text


def test_upload_of_non_utf8_text_names_the_line(client: WebClient) -> None:
    token = client.csrf()
    data = "Title\n\nWhy\n1. fine\n2. caf\xe9 bad".encode("latin-1")
    response = client.post(
        "/library",
        data={"csrf_token": token},
        files={"file": ("old.txt", data, "text/plain")},
    )
    assert response.status_code == 400
    assert "Line 5" in response.text
    assert "not UTF-8" in response.text


def test_upload_of_binary_names_the_line(client: WebClient) -> None:
    token = client.csrf()
    response = client.post(
        "/library",
        data={"csrf_token": token},
        files={"file": ("x.txt", b"Title\nline two\n\x00\x01", "text/plain")},
    )
    assert response.status_code == 400
    assert "Line 3" in response.text


def test_upload_over_five_megabytes_is_refused(client: WebClient) -> None:
    token = client.csrf()
    big = b"Title\n\n" + b"1. A point about 1950.\n" * 260_000
    assert len(big) > 5 * 1024 * 1024
    response = client.post(
        "/library",
        data={"csrf_token": token},
        files={"file": ("big.txt", big, "text/plain")},
    )
    assert response.status_code == 413
    assert "at most 5 MB" in response.text


def test_pasted_text_stays_in_the_box_after_an_error(client: WebClient) -> None:
    response = client.post_form("/library", {"text": "Kept title\nsecond\x00line"})
    assert response.status_code == 400
    assert "Line 2" in response.text
    assert "Kept title" in response.text


def test_the_topic_name_stays_in_its_box_after_an_error(client: WebClient) -> None:
    response = client.post(
        "/library",
        data={"csrf_token": client.csrf(), "name": "Year 10 <Tudors>"},
        files={"file": ("notes.txt", b"\xff\xfe\x00bad", "text/plain")},
    )
    assert response.status_code == 400
    assert 'value="Year 10 &lt;Tudors&gt;"' in response.text


def test_script_in_notes_stays_text(client: WebClient) -> None:
    notes = (
        "<script>alert('x')</script> History\n\n"
        "Why it <b>mattered</b>, 1950-1960\n"
        "1. <img src=x onerror=alert(1)>: it happened in 1950 <script>steal()</script>\n"
    )
    response = client.post_form("/library", {"text": notes, "name": "xss"})
    assert response.status_code == 200  # followed the redirect
    page = client.get("/topics/xss").text
    assert "<script>alert" not in page and "<script>steal" not in page
    assert "&lt;script&gt;" in page
    assert "<img src=x" not in page
    assert "<b>mattered</b>" not in page
    assert "&lt;script&gt;steal()&lt;/script&gt;" in page


def test_api_upload_and_read(client: WebClient) -> None:
    created = client.post("/api/topics", json={"text": NOTES, "name": "api-notes"})
    assert created.status_code == 201
    body = created.json()
    assert body["name"] == "api-notes"
    assert body["sections"][0]["points"][0]["title"] == "New routes"
    listed = client.get("/api/topics").json()
    assert {"name": "api-notes", "title": body["title"], "builtin": False} in listed
    assert client.get("/api/topics/api-notes").json() == body


def test_api_file_upload_needs_csrf_and_accepts_it(client: WebClient) -> None:
    files = {"file": ("t.md", NOTES.encode(), "text/markdown")}
    assert client.post("/api/topics/file", files=files).status_code == 400
    token = client.csrf()
    response = client.post("/api/topics/file", files=files, headers={"X-CSRF-Token": token})
    assert response.status_code == 201
    assert response.json()["name"] == "t"


def test_api_upload_error_is_json_with_line(client: WebClient) -> None:
    response = client.post("/api/topics", json={"text": "   "})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["line"] == 1
    assert "empty" in error["reason"]


def test_a_file_and_pasted_notes_together_are_refused_and_kept(client: WebClient) -> None:
    response = client.post(
        "/library",
        data={"csrf_token": client.csrf(), "text": "Pasted title\n\nA point, 1950."},
        files={"file": ("older.txt", NOTES.encode(), "text/plain")},
    )
    assert response.status_code == 400
    assert "older.txt" in response.text and "pasted notes too" in response.text
    assert "Pasted title" in response.text  # the pasted notes stay in their box
    assert "Tudor" not in client.get("/").text  # nothing was added
