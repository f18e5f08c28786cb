"""Study-kit services shared by the CLI and the web app: build a kit, pick and mark a quiz."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from clio.errors import UsageError
from clio.generate import make_kit
from clio.model.items import Kit, QuestionKind, QuizAnswer, QuizQuestion
from clio.model.serialise import to_jsonable
from clio.model.topic import Topic
from clio.parse import parse_notes
from clio.services.topics import load_topic

QUIZ_KINDS = ("mcq", "order", "match", "tf", "mixed")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def build_kit(ref: str, *, seed: int = 0) -> tuple[Topic, Kit]:
    """Load the topic ``ref`` names (file, '-' or built-in name) and generate its kit."""
    topic = load_topic(ref)
    return topic, make_kit(topic, seed=seed)


def kit_from_text(text: str, *, name: str = "notes", seed: int = 0) -> tuple[Topic, Kit]:
    """Parse notes given as text (e.g. an upload) and generate their kit."""
    topic = parse_notes(text, name=name)
    return topic, make_kit(topic, seed=seed)


def kit_to_json(kit: Kit) -> dict[str, Any]:
    """The kit in the documented JSON form (``docs/kit.schema.json``)."""
    data: dict[str, Any] = to_jsonable(kit)
    return data


def select_questions(
    questions: tuple[QuizQuestion, ...], *, kind: str = "mixed", n: int = 10, seed: int = 0
) -> list[QuizQuestion]:
    """Up to ``n`` questions of one kind, or a mix of every kind, in a seeded order."""
    if kind not in QUIZ_KINDS:
        raise UsageError(f"unknown quiz kind {kind!r}; choose one of {', '.join(QUIZ_KINDS)}")
    if n < 1:
        raise UsageError("the number of questions must be at least 1")
    rng = random.Random(f"quiz:{seed}:{kind}")
    if kind != "mixed":
        pool = [q for q in questions if q.kind.value == kind]
        rng.shuffle(pool)
        return pool[:n]
    by_kind: dict[str, list[QuizQuestion]] = {}
    for question in questions:
        by_kind.setdefault(question.kind.value, []).append(question)
    for pool in by_kind.values():
        rng.shuffle(pool)
    chosen: list[QuizQuestion] = []
    order = [k for k in ("mcq", "tf", "order", "match") if k in by_kind]
    while len(chosen) < n and any(by_kind[k] for k in order):
        for name in order:
            if by_kind[name] and len(chosen) < n:
                chosen.append(by_kind[name].pop())
    rng.shuffle(chosen)
    return chosen


def how_to_answer(question: QuizQuestion) -> str:
    """One line telling the learner how to type an answer."""
    if question.kind is QuestionKind.MCQ:
        return "Type the letter of your answer (A-D)."
    if question.kind is QuestionKind.TF:
        return "Type T for true or F for false."
    if question.kind is QuestionKind.ORDER:
        return "Type the letters in order, earliest first (e.g. C A D B)."
    return "For each number, type the letter it matches, in number order (e.g. B D A C)."


_SPLIT = re.compile(r"[\s,;/-]+")


def _letters(text: str, count: int) -> list[int] | None:
    tokens = [t for t in _SPLIT.split(text.strip().upper()) if t]
    if len(tokens) == 1 and len(tokens[0]) == count and tokens[0].isalpha():
        tokens = list(tokens[0])
    indexes = []
    for token in tokens:
        if token.isdigit():
            indexes.append(int(token) - 1)
        elif len(token) == 1 and token in LETTERS:
            indexes.append(LETTERS.index(token))
        else:
            return None
    if len(indexes) != count or sorted(indexes) != list(range(count)):
        return None
    return indexes


def parse_response(question: QuizQuestion, text: str) -> QuizAnswer | None:
    """The answer a typed response means, or None when it cannot be read."""
    raw = text.strip()
    if not raw:
        return None
    if question.kind is QuestionKind.TF:
        word = raw.lower()
        if word in {"t", "true", "y", "yes"}:
            return "True"
        if word in {"f", "false", "n", "no"}:
            return "False"
        return None
    if question.kind is QuestionKind.MCQ:
        upper = raw.upper().rstrip(".)")
        if len(upper) == 1 and upper in LETTERS[: len(question.options)]:
            return question.options[LETTERS.index(upper)]
        if upper.isdigit() and 1 <= int(upper) <= len(question.options):
            return question.options[int(upper) - 1]
        for option in question.options:
            if option.casefold() == raw.casefold():
                return option
        return None
    if question.kind is QuestionKind.ORDER:
        indexes = _letters(raw, len(question.options))
        return None if indexes is None else tuple(question.options[i] for i in indexes)
    indexes = _letters(raw, len(question.options))
    if indexes is None or len(question.right_options) != len(question.options):
        return None
    pairs = ((question.options[i], question.right_options[j]) for i, j in enumerate(indexes))
    return tuple(sorted(pairs))


def is_correct(question: QuizQuestion, response: QuizAnswer | None) -> bool:
    """True when ``response`` is the question's answer."""
    if response is None:
        return False
    if question.kind is QuestionKind.MATCH and isinstance(response, tuple):
        return sorted(map(tuple, response)) == sorted(map(tuple, question.answer))
    return response == question.answer


def answer_text(question: QuizQuestion, answer: QuizAnswer | None) -> str:
    """An answer as a learner reads it."""
    if answer is None:
        return "(no answer)"
    if isinstance(answer, str):
        return answer
    if question.kind is QuestionKind.MATCH:
        return "; ".join(" → ".join(pair) for pair in answer)
    return " → ".join(str(a) for a in answer)


@dataclass(frozen=True, kw_only=True)
class QuizResult:
    """One answered question."""

    question: QuizQuestion
    response: QuizAnswer | None
    correct: bool


def mark_quiz(questions: list[QuizQuestion], responses: list[str]) -> tuple[list[QuizResult], int]:
    """Mark typed responses (one per question, missing ones count as blank); return the score."""
    results = []
    for index, question in enumerate(questions):
        typed = responses[index] if index < len(responses) else ""
        response = parse_response(question, typed)
        results.append(
            QuizResult(question=question, response=response, correct=is_correct(question, response))
        )
    return results, sum(r.correct for r in results)
