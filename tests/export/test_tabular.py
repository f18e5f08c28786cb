"""CSV, JSON and Quizlet tables of the study items."""

from __future__ import annotations

import csv
import io
import json

from clio.export.tabular import CSV_COLUMNS, items_csv, items_json, quizlet_tsv
from clio.model.items import CardKind, Flashcard, Kit
from clio.model.topic import Topic
from tests.export.kits import hand_kit


def test_csv_has_a_row_per_item_with_context(china: Topic) -> None:
    kit = hand_kit(china)
    rows = list(csv.DictReader(io.StringIO(items_csv(china, kit))))
    total = len(kit.flashcards) + len(kit.questions) + len(kit.source_questions)
    assert len(rows) == total + len(kit.essay_plans)
    assert tuple(rows[0]) == CSV_COLUMNS
    korea = next(r for r in rows if r["type"] == "flashcard" and "Panmunjong" in r["prompt"])
    assert korea["section"] == "Korean War, 1950-53" and korea["period"] == "1953"
    order = next(r for r in rows if r["kind"] == "order")
    assert " → " in order["answer"]


def test_csv_defuses_formulas() -> None:
    card = Flashcard(id="c-1", kind=CardKind.BASIC, prompt="=HYPERLINK(x)", answer="+1",
                     source_ids=())  # fmt: skip
    topic = Topic(id="t", name="t", title="T")
    kit = Kit(topic_id="t", seed=0, flashcards=(card,))
    rows = list(csv.DictReader(io.StringIO(items_csv(topic, kit))))
    assert rows[0]["prompt"] == "'=HYPERLINK(x)" and rows[0]["answer"] == "'+1"


def test_json_keeps_every_field(china: Topic) -> None:
    kit = hand_kit(china)
    data = json.loads(items_json(china, kit))
    assert data["format"] == "clio-items/1"
    assert data["topic"]["name"] == "china-and-the-ussr"
    assert len(data["flashcards"]) == len(kit.flashcards)
    cloze = next(c for c in data["flashcards"] if c["kind"] == "cloze")
    assert "{{c1::" in cloze["cloze"]
    scheme = data["source_questions"][0]["mark_scheme"]
    assert scheme["levels"][0]["level"] == 1
    assert set(data["context"]) >= {c.id for c in kit.flashcards}


def test_quizlet_is_one_tab_separated_card_per_line(china: Topic) -> None:
    kit = hand_kit(china)
    text = quizlet_tsv(kit)
    lines = text.splitlines()
    assert len(lines) == len(kit.flashcards)
    assert all(line.count("\t") == 1 for line in lines)
    multi = Flashcard(id="c", kind=CardKind.BASIC, prompt="a\tb", answer="line 1\nline 2",
                      source_ids=())  # fmt: skip
    assert quizlet_tsv(Kit(topic_id="t", seed=0, flashcards=(multi,))) == "a b\tline 1 line 2\n"


def test_match_answers_follow_the_sheet_numbering() -> None:
    from clio.export.answers import answer_text
    from clio.model.items import QuestionKind, QuizQuestion

    question = QuizQuestion(
        id="q",
        kind=QuestionKind.MATCH,
        stem="Match",
        options=("Yalta", "Potsdam"),
        right_options=("1945 Jul", "1945 Feb"),
        answer=(("Potsdam", "1945 Jul"), ("Yalta", "1945 Feb")),
        explanation="",
        source_ids=(),
    )
    assert answer_text(question) == "1 → B (1945 Feb); 2 → A (1945 Jul)"
