"""Quizzes: each kind's form, checking, explanations and bad answers."""

from __future__ import annotations

import re

import pytest
from starlette.datastructures import FormData

from clio.errors import InputError
from clio.model.items import QuestionKind, QuizQuestion
from clio.web.study_forms import quiz_given
from tests.web.conftest import WebClient

QUIZ = "/topics/china-and-the-ussr/quiz"


def _question(kind: QuestionKind, options: tuple[str, ...], answer: object) -> QuizQuestion:
    return QuizQuestion(
        id="q-1",
        kind=kind,
        stem="stem",
        options=options,
        answer=answer,  # type: ignore[arg-type]
        explanation="because",
        source_ids=(),
        right_options=("x", "y") if kind is QuestionKind.MATCH else (),
    )


def test_answer_the_first_question_right_then_see_the_explanation(client: WebClient) -> None:
    page = client.get(QUIZ)
    item = re.search(r'name="item_id" value="(\d+)"', page.text)
    assert item, "no question"
    stored = client.app.state.clio.item_for(int(item.group(1)), client.app.state.clio.local)  # type: ignore[attr-defined]
    question = stored.item
    assert question.kind in (QuestionKind.MCQ, QuestionKind.TF)
    token = client.csrf()
    right = client.post(
        QUIZ,
        data={"csrf_token": token, "item_id": item.group(1), "given": question.answer},
        headers={"HX-Request": "true"},
    )
    assert right.status_code == 200
    assert "Right!" in right.text
    assert question.explanation[:40].replace("'", "&#39;") in right.text


def test_a_wrong_answer_shows_the_correct_one(client: WebClient) -> None:
    page = client.get(QUIZ)
    item_id = re.search(r'name="item_id" value="(\d+)"', page.text).group(1)  # type: ignore[union-attr]
    state = client.app.state.clio  # type: ignore[attr-defined]
    question = state.item_for(int(item_id), state.local).item
    wrong = next(o for o in question.options if o != question.answer)
    result = client.post_form(QUIZ, {"item_id": item_id, "given": wrong})
    assert result.status_code == 200
    assert "Not quite." in result.text
    assert "Correct answer:" in result.text


def test_an_option_not_offered_is_refused(client: WebClient) -> None:
    page = client.get(QUIZ)
    item_id = re.search(r'name="item_id" value="(\d+)"', page.text).group(1)  # type: ignore[union-attr]
    response = client.post_form(QUIZ, {"item_id": item_id, "given": "<b>made up</b>"})
    assert response.status_code == 400
    assert "choose one of the options" in response.text


def test_order_form_becomes_the_ordered_list() -> None:
    question = _question(QuestionKind.ORDER, ("b", "a", "c"), ("a", "b", "c"))
    form = FormData([("pos-0", "2"), ("pos-1", "1"), ("pos-2", "3")])
    assert quiz_given(question, form) == ["a", "b", "c"]
    with pytest.raises(InputError, match="exactly once"):
        quiz_given(question, FormData([("pos-0", "1"), ("pos-1", "1"), ("pos-2", "3")]))


def test_match_form_becomes_pairs() -> None:
    question = _question(QuestionKind.MATCH, ("l1", "l2"), (("l1", "y"), ("l2", "x")))
    form = FormData([("match-0", "y"), ("match-1", "x")])
    assert quiz_given(question, form) == [["l1", "y"], ["l2", "x"]]
    with pytest.raises(InputError, match="match every item"):
        quiz_given(question, FormData([("match-0", "y"), ("match-1", "zzz")]))


def test_every_quiz_kind_renders_an_accessible_form(client: WebClient) -> None:
    from clio.web.templating import make_templates

    state = client.app.state.clio  # type: ignore[attr-defined]
    items = state.library.items("china-and-the-ussr", kind="quiz")
    kinds = {item.item.kind for item in items}
    assert kinds == set(QuestionKind)
    template = make_templates().env.get_template("fragments/quiz_question.html")
    for kind in QuestionKind:
        stored = next(i for i in items if i.item.kind is kind)

        class Prompt:
            item = stored

        html = template.render(
            prompt=Prompt,
            topic=state.library.info("china-and-the-ussr"),
            csrf_token="t",
            request=None,
            url_for=lambda *a, **k: "/x",
        )
        assert "<legend>" in html
        for control in re.findall(r'<select id="([^"]+)"', html):
            assert f'<label for="{control}">' in html


def test_practise_one_kind_of_question_in_turn(client: WebClient) -> None:
    page = client.get(QUIZ)
    assert f'href="{QUIZ}?kind=order"' in page.text and "Put in order" in page.text
    first = client.get(QUIZ, params={"kind": "order"})
    assert first.status_code == 200
    assert 'id="pos-0"' in first.text and 'name="kind" value="order"' in first.text
    item_id = re.search(r'name="item_id" value="(\d+)"', first.text).group(1)  # type: ignore[union-attr]
    state = client.app.state.clio  # type: ignore[attr-defined]
    question = state.item_for(int(item_id), state.local).item
    assert question.kind is QuestionKind.ORDER
    form = {f"pos-{question.options.index(o)}": str(n) for n, o in enumerate(question.answer, 1)}
    result = client.post_form(QUIZ, {**form, "item_id": item_id, "kind": "order"})
    assert "Right!" in result.text
    assert f"{QUIZ}?kind=order&amp;after={item_id}" in result.text
    second = client.get(QUIZ, params={"kind": "order", "after": item_id})
    assert 'id="pos-0"' in second.text
    assert f'name="item_id" value="{item_id}"' not in second.text
    assert client.get(QUIZ, params={"kind": "essay"}).status_code == 400


def test_every_kind_can_be_practised_and_wraps_round(client: WebClient) -> None:
    state = client.app.state.clio  # type: ignore[attr-defined]
    items = state.library.items("china-and-the-ussr", kind="quiz")
    for kind in QuestionKind:
        ids = [i.id for i in items if i.item.kind is kind]
        page = client.get(QUIZ, params={"kind": kind.value, "after": str(ids[-1])})
        assert f'name="item_id" value="{ids[0]}"' in page.text  # after the last comes the first
