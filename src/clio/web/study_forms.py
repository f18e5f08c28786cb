"""Read study answers from HTML forms: ratings, and quiz answers of each kind."""

from __future__ import annotations

from starlette.datastructures import FormData

from clio.errors import InputError
from clio.model.items import QuestionKind, QuizQuestion
from clio.schedule.memory import Rating, parse_rating


def form_int(form: FormData, name: str) -> int:
    """An integer field, or a 400 naming the field."""
    value = form.get(name)
    if not isinstance(value, str) or not value.strip().lstrip("-").isdigit():
        raise InputError(f"{name} must be a whole number", field=name)
    return int(value)


def form_rating(form: FormData) -> Rating:
    """The 1-4 rating of a review form."""
    value = form.get("rating")
    if not isinstance(value, str):
        raise InputError("choose Again, Hard, Good or Easy", field="rating")
    return parse_rating(value)


def quiz_given(question: QuizQuestion, form: FormData) -> str | list[str] | list[list[str]]:
    """The learner's answer to ``question`` from its form, in the shape the checker wants."""
    if question.kind in (QuestionKind.MCQ, QuestionKind.TF):
        value = form.get("given")
        if not isinstance(value, str) or value not in question.options:
            raise InputError("choose one of the options", field="given")
        return value
    if question.kind == QuestionKind.ORDER:
        positions: list[tuple[int, str]] = []
        for index, option in enumerate(question.options):
            value = form.get(f"pos-{index}")
            if not isinstance(value, str) or not value.isdigit():
                raise InputError("give every event a position", field=f"pos-{index}")
            positions.append((int(value), option))
        if sorted(p for p, _ in positions) != list(range(1, len(question.options) + 1)):
            raise InputError(
                f"use each position from 1 to {len(question.options)} exactly once", field="pos"
            )
        return [option for _, option in sorted(positions)]
    pairs: list[list[str]] = []
    for index, left in enumerate(question.options):
        value = form.get(f"match-{index}")
        if not isinstance(value, str) or value not in question.right_options:
            raise InputError("match every item", field=f"match-{index}")
        pairs.append([left, value])
    return pairs
