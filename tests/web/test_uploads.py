"""Uploading notes as Word, web-page and PDF files, through the importers, by page and API."""

from __future__ import annotations

import io

import httpx
import pytest
from fastapi import FastAPI
from starlette.datastructures import FormData, UploadFile

from clio.web.uploads import UploadTooLarge, upload_from_form
from tests.importers.documents import SECTIONS, TITLE, as_html, write_docx, write_pdf
from tests.web.conftest import WebClient

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The importer tests' notes as .docx, .html and .pdf bytes, made here from text."""
    folder = tmp_path_factory.mktemp("documents")
    return {
        ".docx": write_docx(folder / "notes.docx").read_bytes(),
        ".html": as_html().encode("utf-8"),
        ".pdf": write_pdf(folder / "notes.pdf").read_bytes(),
    }


def _post_file(
    client: WebClient, url: str, filename: str, data: bytes, media_type: str
) -> httpx.Response:
    return client.post(
        url,
        data={"csrf_token": client.csrf()},
        files={"file": (filename, data, media_type)},
        follow_redirects=False,
    )


def _assert_sections(body: dict[str, object]) -> None:
    assert body["title"] == TITLE
    sections = body["sections"]
    assert isinstance(sections, list)
    assert [s["heading"] for s in sections] == [s.heading for s in SECTIONS]
    for got, want in zip(sections, SECTIONS, strict=True):
        assert [p["title"] for p in got["points"]] == [p.title for p in want.points]


@pytest.mark.parametrize(
    ("suffix", "media_type"),
    [(".docx", DOCX), (".html", "text/html"), (".pdf", "application/pdf")],
)
def test_upload_a_document_on_the_library_page(
    client: WebClient, documents: dict[str, bytes], suffix: str, media_type: str
) -> None:
    name = f"cold-war{suffix.replace('.', '-')}"
    response = _post_file(client, "/library", name + suffix, documents[suffix], media_type)
    assert response.status_code == 303, response.text
    assert response.headers["location"].endswith(f"/topics/{name}")
    page = client.get(f"/topics/{name}").text
    assert f"<h1>{TITLE}</h1>" in page
    for section in SECTIONS:
        assert section.heading in page
    _assert_sections(client.get(f"/api/topics/{name}").json())


def test_upload_a_word_file_through_the_api(client: WebClient, documents: dict[str, bytes]) -> None:
    token = client.csrf()
    response = client.post(
        "/api/topics/file",
        files={"file": ("api-notes.docx", documents[".docx"], DOCX)},
        data={"name": "From Word"},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "from-word"
    _assert_sections(body)


def test_the_uploaded_document_is_ready_to_study(
    client: WebClient, documents: dict[str, bytes]
) -> None:
    _post_file(client, "/library", "studied.pdf", documents[".pdf"], "application/pdf")
    items = client.get("/api/topics/studied/items", params={"kind": "card"}).json()
    assert len(items) >= 7


def test_a_corrupt_word_file_is_refused_with_its_reason(client: WebClient) -> None:
    before = client.get("/api/topics").json()
    broken = b"PK\x03\x04 this is not really a Word file"
    response = _post_file(client, "/library", "broken.docx", broken, DOCX)
    assert response.status_code == 400
    text = response.text
    assert 'role="alert"' in text
    assert "not a readable Word (.docx) document" in text
    assert "broken.docx:" in text  # the message names the file
    assert client.get("/api/topics").json() == before  # nothing saved, nothing harmed
    assert client.get("/topics/china-and-the-ussr").status_code == 200


def test_a_corrupt_pdf_is_a_json_error_on_the_api(client: WebClient) -> None:
    token = client.csrf()
    response = client.post(
        "/api/topics/file",
        files={"file": ("broken.pdf", b"%PDF-1.4 and then nothing", "application/pdf")},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["file"] == "broken.pdf"
    assert "cannot read this PDF" in error["reason"]


def test_a_web_page_without_notes_says_so(client: WebClient) -> None:
    response = _post_file(
        client, "/library", "empty.html", b"<html><body></body></html>", "text/html"
    )
    assert response.status_code == 400
    assert "no text found in this document" in response.text


def test_a_replaced_topic_survives_a_bad_upload_of_the_same_name(
    client: WebClient, documents: dict[str, bytes]
) -> None:
    _post_file(client, "/library", "mine.docx", documents[".docx"], DOCX)
    before = client.get("/api/topics/mine").json()
    response = _post_file(client, "/library", "mine.docx", b"PK\x03\x04 broken", DOCX)
    assert response.status_code == 400
    assert client.get("/api/topics/mine").json() == before


def test_a_document_over_the_limit_is_refused(client: WebClient, app: FastAPI) -> None:
    limit = app.state.clio.settings.max_document_bytes
    big = b"%PDF-1.4\n" + b"0" * limit
    response = _post_file(client, "/library", "huge.pdf", big, "application/pdf")
    assert response.status_code == 413
    assert "at most 20 MB" in response.text


def test_the_file_picker_offers_every_format(client: WebClient) -> None:
    page = client.get("/").text
    for suffix in (".txt", ".md", ".docx", ".html", ".pdf"):
        assert suffix in page.split('id="notes-file"')[1].split(">")[0]


def test_documents_are_limited_by_their_own_setting() -> None:
    form = FormData([("file", UploadFile(io.BytesIO(b"x" * 2000), filename="a.docx"))])
    with pytest.raises(UploadTooLarge):
        upload_from_form(form, limit=5000, document_limit=1000)
    text = FormData([("file", UploadFile(io.BytesIO(b"x" * 2000), filename="a.txt"))])
    with pytest.raises(UploadTooLarge):
        upload_from_form(text, limit=1000, document_limit=5000)


def test_a_part_heading_groups_its_sections_on_the_topic_page(client: WebClient) -> None:
    text = (
        "# Stalin\n\n## The <Five-Year> Plans\n\n"
        "### First plan, 1928-32\n\n- Coal targets rose.\n\n"
        "### Collectivisation, 1929-33\n\n- Kulaks were deported.\n"
    )
    response = _post_file(client, "/library", "plans.md", text.encode(), "text/markdown")
    assert response.status_code == 303, response.text
    page = client.get("/topics/plans").text
    assert page.count('<h2 class="part">The &lt;Five-Year&gt; Plans</h2>') == 1  # escaped, once
    assert '-h">First plan, 1928-32' in page and "</h3>" in page
