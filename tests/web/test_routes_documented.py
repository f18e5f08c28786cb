"""Every route is documented, and every form control on every page has a label."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI

from tests.web.conftest import WebClient, new_client, sign_up

DOCS = Path(__file__).resolve().parents[2] / "docs" / "web.md"


def test_every_api_route_is_in_docs_web_md(app: FastAPI) -> None:
    text = DOCS.read_text(encoding="utf-8")
    api = [path for path in app.openapi()["paths"] if path.startswith("/api/")]
    assert len(api) >= 12
    missing = [path for path in api if f"`{path}`" not in text]
    assert not missing, f"undocumented API routes: {missing}"


def _controls_without_labels(html: str) -> list[str]:
    labelled = set(re.findall(r'<label[^>]*for="([^"]+)"', html))
    wrapped = set()
    for block in re.findall(r"<label[^>]*>(.*?)</label>", html, flags=re.S):
        wrapped.update(re.findall(r'name="([^"]+)"', block))
    missing = []
    for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
        if 'type="hidden"' in tag or 'type="submit"' in tag:
            continue
        ident = re.search(r'id="([^"]+)"', tag)
        name = re.search(r'name="([^"]+)"', tag)
        if ident and ident.group(1) in labelled:
            continue
        if name and name.group(1) in wrapped:
            continue
        if "aria-label=" in tag:
            continue
        missing.append(tag)
    return missing


def test_every_form_control_has_a_label(client: WebClient, multi_app: FastAPI) -> None:
    topic = "/topics/china-and-the-ussr"
    source = re.search(
        r'href="(/topics/china-and-the-ussr/sources/\d+)"', client.get(f"{topic}/sources").text
    )
    assert source
    pages = [
        "/",
        topic,
        f"{topic}/review",
        f"{topic}/quiz",
        f"{topic}/sources",
        source.group(1),
        f"{topic}/essays",
        f"{topic}/ask",
        "/progress",
    ]
    for path in pages:
        page = client.get(path)
        assert page.status_code == 200, path
        assert not _controls_without_labels(page.text), path
        assert '<html lang="en">' in page.text and 'class="skip"' in page.text
    teacher = new_client(multi_app)
    for path in ("/login", "/signup"):
        assert not _controls_without_labels(teacher.get(path).text), path
    sign_up(teacher, "teach", "teacher")
    made = teacher.post_form("/classes", {"name": "C"}, follow_redirects=False).headers["location"]
    for path in ("/classes", made):
        assert not _controls_without_labels(teacher.get(path).text), path
