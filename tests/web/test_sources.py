"""Source exercises: list, question page, drafts saved as you type, marking, permissions."""

from __future__ import annotations

import re

from tests.web.conftest import WebClient

SOURCES = "/topics/china-and-the-ussr/sources"


def _first_question(client: WebClient) -> str:
    links = re.findall(r'href="(/topics/china-and-the-ussr/sources/\d+)"', client.get(SOURCES).text)
    assert len(links) >= 5
    return links[0]


def test_question_page_shows_source_provenance_and_labelled_answer_box(client: WebClient) -> None:
    page = client.get(_first_question(client))
    assert page.status_code == 200
    assert '<figure class="source card"' in page.text
    assert '<label for="answer">' in page.text
    assert 'hx-trigger="input changed delay:800ms"' in page.text
    assert "marks</span>" in page.text


def test_draft_is_saved_and_restored(client: WebClient) -> None:
    path = _first_question(client)
    saved = client.post_form(f"{path}/draft", {"answer": "Mao <i>felt</i> exploited"})
    assert saved.status_code == 200 and "Draft saved at" in saved.text
    page = client.get(path).text
    assert "Mao &lt;i&gt;felt&lt;/i&gt; exploited</textarea>" in page
    assert "Draft restored." in page


def test_submitting_an_answer_marks_it_and_clears_the_draft(client: WebClient) -> None:
    path = _first_question(client)
    client.post_form(f"{path}/draft", {"answer": "draft"})
    answer = (
        "The source suggests Mao felt the USSR exploited China: the loans came at a high rate "
        "of interest. It was written by Mao's doctor, who saw him every day, so it is useful."
    )
    marked = client.post(
        path,
        data={"csrf_token": client.csrf(), "answer": answer},
        headers={"HX-Request": "true"},
    )
    assert marked.status_code == 200
    score = re.search(r'class="mark-score">(\d+) / (\d+)', marked.text)
    assert score and 0 <= int(score.group(1)) <= int(score.group(2))
    assert "Level" in marked.text
    page = client.get(path).text
    assert "Earlier answers" in page
    assert "Draft restored." not in page
    listing = client.get(SOURCES).text
    assert "best so far" in listing


def test_empty_and_oversized_answers_are_refused(client: WebClient) -> None:
    path = _first_question(client)
    assert client.post_form(path, {"answer": "   "}).status_code == 400
    assert client.post_form(f"{path}/draft", {"answer": "x" * 20_001}).status_code == 400


def test_a_card_is_not_a_source_question(client: WebClient) -> None:
    card = client.get("/api/topics/china-and-the-ussr/next").json()["item_id"]
    assert client.get(f"{SOURCES}/{card}").status_code == 400
    assert client.get(f"{SOURCES}/999999").status_code == 404


def test_without_javascript_the_mark_is_shown_after_answering(client: WebClient) -> None:
    path = _first_question(client)
    answer = "Mao <b>resented</b> the loans: the USSR charged interest, so China felt exploited."
    sent = client.post_form(path, {"answer": answer}, follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"] == f"{path}?marked=1"
    page = client.get(sent.headers["location"]).text
    mark = page.split('<section id="mark"', 1)[1].split("</section>", 1)[0]
    assert "Your mark" in mark and re.search(r'class="mark-score">\d+ / \d+', mark)
    assert "Mao &lt;b&gt;resented&lt;/b&gt;" in mark  # the answer, escaped
    assert "Your mark" not in client.get(path).text  # only right after answering
