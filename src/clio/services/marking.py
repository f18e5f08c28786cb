"""Marking services: one answer or a JSONL batch, shared by the CLI and the web app."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from clio.errors import InputError, UsageError
from clio.mark import mark_answers, scheme_from_points, scheme_from_reference
from clio.model.items import SourceQuestion
from clio.model.marking import Mark, MarkScheme
from clio.model.serialise import to_jsonable


def build_scheme(
    *, reference: str | None, points: list[str] | None, max_marks: int, source: str = ""
) -> MarkScheme:
    """A scheme from a reference answer or a list of points (exactly one of them)."""
    if reference and points:
        raise UsageError("give a reference answer or a list of points, not both")
    if points:
        scheme = scheme_from_points(points, max_marks)
    elif reference:
        scheme = scheme_from_reference(reference, max_marks)
    else:
        raise UsageError("give a reference answer (--reference) or points (--point)")
    if source.strip():
        from dataclasses import replace

        scheme = replace(scheme, source_text=source.strip())
    return scheme


def mark_one(
    *,
    question: str,
    answer: str,
    max_marks: int,
    reference: str | None = None,
    points: list[str] | None = None,
    source: str = "",
) -> Mark:
    """Mark one answer against a reference answer or a list of points."""
    if not question.strip():
        raise InputError("the question is empty", field="question")
    scheme = build_scheme(reference=reference, points=points, max_marks=max_marks, source=source)
    return mark_answers([(question, scheme, answer)])[0]


def mark_source_answer(questions: Sequence[SourceQuestion], number: int, answer: str) -> Mark:
    """Mark an answer to question ``number`` (from 1) of ``questions`` against its own scheme."""
    if not 1 <= number <= len(questions):
        raise InputError(
            f"there is no question {number}: these notes give {len(questions)}", field="question"
        )
    if not answer.strip():
        raise InputError("the answer is empty", field="answer")
    question = questions[number - 1]
    return mark_answers([(question.text, question.mark_scheme, answer)])[0]


def mark_json(mark: Mark) -> dict[str, Any]:
    """The JSON form of a mark (score, max_marks, level, made, missed, feedback, flags)."""
    data: dict[str, Any] = to_jsonable(mark)
    return data


@dataclass(frozen=True, kw_only=True)
class BatchItem:
    """One parsed batch line."""

    line: int
    id: Any
    question: str
    scheme: MarkScheme
    answer: str


def _field(data: dict[str, Any], name: str, kind: type, *, file: str, line: int) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        expected = {str: "a string", int: "a whole number", list: "a list of strings"}[kind]
        raise InputError(f"{name!r} must be {expected}", file=file, line=line, field=name)
    return value


def parse_batch_line(text: str, *, line: int, file: str = "<batch>") -> BatchItem:
    """Parse one JSONL line: question, reference or points, answer, max (optional id, source)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg})", file=file, line=line) from None
    if not isinstance(data, dict):
        raise InputError("each line must be a JSON object", file=file, line=line)
    question = _field(data, "question", str, file=file, line=line)
    answer = _field(data, "answer", str, file=file, line=line)
    max_marks = _field(data, "max", int, file=file, line=line)
    if "points" in data and "reference" in data:
        raise InputError("give 'reference' or 'points', not both", file=file, line=line)
    try:
        if "points" in data:
            points = _field(data, "points", list, file=file, line=line)
            if not all(isinstance(p, str) for p in points):
                raise InputError("'points' must be a list of strings", file=file, line=line)
            scheme = scheme_from_points(points, max_marks)
        elif "reference" in data:
            scheme = scheme_from_reference(
                _field(data, "reference", str, file=file, line=line), max_marks
            )
        else:
            raise InputError("needs 'reference' or 'points'", file=file, line=line)
    except InputError as error:
        if error.line is None:
            raise InputError(error.reason, file=file, line=line, field=error.field) from None
        raise
    source = data.get("source", "")
    if isinstance(source, str) and source.strip():
        from dataclasses import replace

        scheme = replace(scheme, source_text=source.strip())
    return BatchItem(line=line, id=data.get("id"), question=question, scheme=scheme, answer=answer)


@dataclass(frozen=True, kw_only=True)
class BatchResult:
    """The outcome of one batch line: a JSON-ready mark, or the error for that line."""

    line: int
    data: dict[str, Any] | None = None
    error: InputError | None = None


def mark_batch(lines: Iterable[str], *, file: str = "<batch>") -> Iterator[BatchResult]:
    """Mark every line of a JSONL batch, in order; a bad line gives an error, the rest go on.

    All the lines are marked in one call, so the answers to one question form one class set
    whatever their order in the file (see clio.mark.classset).
    """
    pending: list[BatchItem | BatchResult] = []

    def flush() -> Iterator[BatchResult]:
        items = [p for p in pending if isinstance(p, BatchItem)]
        marks = iter(mark_answers([(i.question, i.scheme, i.answer) for i in items]))
        for entry in pending:
            if isinstance(entry, BatchResult):
                yield entry
                continue
            data = {"line": entry.line, **({"id": entry.id} if entry.id is not None else {})}
            data.update(mark_json(next(marks)))
            yield BatchResult(line=entry.line, data=data)
        pending.clear()

    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            pending.append(parse_batch_line(text, line=number, file=file))
        except InputError as error:
            pending.append(BatchResult(line=number, error=error))
    yield from flush()
