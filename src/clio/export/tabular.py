"""Study items as tables: CSV and JSON for spreadsheets and tools, Quizlet's TSV layout."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from clio.export.answers import answer_text
from clio.export.context import item_context
from clio.model.items import Kit
from clio.model.serialise import to_jsonable
from clio.model.topic import Topic

CSV_COLUMNS = (
    "type", "id", "kind", "prompt", "answer", "options", "explanation",
    "section", "period", "source_ids",
)  # fmt: skip
JSON_FORMAT = "clio-items/1"
_FORMULA_START = ("=", "+", "@")  # spreadsheets run cells starting with these as formulas


def item_rows(topic: Topic, kit: Kit) -> list[dict[str, str]]:
    """One row per study item (flashcards, quiz questions, source questions, essay plans)."""
    rows: list[dict[str, str]] = []

    def add(
        kind_of: str,
        item_id: str,
        kind: str,
        prompt: str,
        answer: str,
        source_ids: tuple[str, ...],
        options: str = "",
        explanation: str = "",
    ) -> None:
        context = item_context(topic, source_ids)
        rows.append(
            {
                "type": kind_of,
                "id": item_id,
                "kind": kind,
                "prompt": prompt,
                "answer": answer,
                "options": options,
                "explanation": explanation,
                "section": context.section.heading if context.section else "",
                "period": context.period.label() if context.period else "",
                "source_ids": " ".join(source_ids),
            }
        )

    for card in kit.flashcards:
        add("flashcard", card.id, card.kind.value, card.cloze or card.prompt, card.answer,
            card.source_ids)  # fmt: skip
    for question in kit.questions:
        options = " | ".join(question.options)
        if question.right_options:
            options += " || " + " | ".join(question.right_options)
        add("quiz", question.id, question.kind.value, question.stem, answer_text(question),
            question.source_ids, options, question.explanation)  # fmt: skip
    for sq in kit.source_questions:
        add("source_question", sq.id, sq.style, sq.text, sq.mark_scheme.reference,
            sq.source_ids or ((sq.source_id,) if sq.source_id else ()),
            explanation=f"{sq.marks} marks")  # fmt: skip
    for plan in kit.essay_plans:
        outline = " / ".join(p.heading for p in plan.paragraphs)
        add("essay_plan", plan.id, "essay", plan.question, outline, plan.source_ids)
    return rows


def _safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def items_csv(topic: Topic, kit: Kit) -> str:
    """The items as CSV (RFC 4180, header row, formula-like cells defused)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in item_rows(topic, kit):
        writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    return buffer.getvalue()


def items_json(topic: Topic, kit: Kit) -> str:
    """The topic's identity and every item with all its fields, as indented JSON."""
    data: dict[str, Any] = {
        "format": JSON_FORMAT,
        "topic": {"id": topic.id, "name": topic.name, "title": topic.title},
        "seed": kit.seed,
        "flashcards": to_jsonable(kit.flashcards),
        "questions": to_jsonable(kit.questions),
        "source_questions": to_jsonable(kit.source_questions),
        "essay_plans": to_jsonable(kit.essay_plans),
        "context": {
            row["id"]: {"section": row["section"], "period": row["period"]}
            for row in item_rows(topic, kit)
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def quizlet_tsv(kit: Kit) -> str:
    """Flashcards as Quizlet imports them: term, a tab, definition; one card per line."""
    lines = [f"{_one_line(card.prompt)}\t{_one_line(card.answer)}" for card in kit.flashcards]
    return "\n".join(lines) + ("\n" if lines else "")
