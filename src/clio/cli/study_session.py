"""The terminal side of ``clio study``: show an item, read the answer, report what was saved."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.markup import escape

from clio.cli.app import console
from clio.errors import InputError
from clio.model.items import Flashcard, QuestionKind, QuizQuestion, SourceQuestion
from clio.model.serialise import to_jsonable
from clio.schedule.fsrs_bridge import format_interval
from clio.schedule.memory import Rating, parse_rating


class LazyModule:
    """A module imported when one of its attributes is first used."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        import importlib

        return getattr(importlib.import_module(self._name), attr)


if TYPE_CHECKING:
    from clio.services import learning
    from clio.store.database import Store
else:
    # Imported on first use: ``clio --help`` and other commands need not load SQLAlchemy.
    learning = LazyModule("clio.services.learning")

T = TypeVar("T")


def say(*objects: Any) -> None:
    """Print study content without Rich's number and date highlighting."""
    console.print(*objects, highlight=False)


def buttons(prompt: learning.StudyPrompt) -> str:
    return "  ".join(
        f"[bold]{int(r)}[/] {r.label} ({format_interval(prompt.intervals[r])})" for r in Rating
    )


class Lines:
    """Answers read line by line: from the terminal (with prompts) or from piped stdin."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive

    def ask(self, label: str) -> str | None:
        if self.interactive:
            try:
                return console.input(f"[dim]{label}[/] ")
            except EOFError:
                return None
        line = sys.stdin.readline()
        return None if line == "" else line.rstrip("\n")

    def ask_as(self, label: str, convert: Callable[[str], T]) -> T | None:
        """An answer converted by ``convert``; asked again after a typo when interactive."""
        while True:
            line = self.ask(label)
            if line is None or line.strip() == "q":
                return None
            try:
                return convert(line)
            except InputError as error:
                if not self.interactive:
                    raise
                console.print(f"[yellow]{escape(error.reason)}[/]")


def show(prompt: learning.StudyPrompt, *, as_json: bool) -> None:
    item = prompt.item.item
    if as_json:
        data = {
            "event": "prompt",
            "item": prompt.item.uid,
            "topic": prompt.item.topic_name,
            "kind": prompt.item.kind,
            "new": prompt.is_new,
            "intervals": {r.label.lower(): format_interval(prompt.intervals[r]) for r in Rating},
            "content": to_jsonable(item),
        }
        typer.echo(json.dumps(data, ensure_ascii=False), nl=True)
        sys.stdout.flush()
        return
    tag = "[green]new[/]" if prompt.is_new else "[cyan]review[/]"
    console.rule(f"{tag} {escape(prompt.item.topic_name)} · {prompt.item.kind}")
    if isinstance(item, Flashcard):
        if item.context:
            say(f"[dim]{escape(item.context)}[/]")
        say(f"[bold]{escape(item.prompt)}[/]")
    elif isinstance(item, QuizQuestion):
        say(f"[bold]{escape(item.stem)}[/]")
        for number, option in enumerate(item.options, 1):
            say(f"  {number}. {escape(option)}")
        if item.kind == QuestionKind.MATCH:
            for letter, option in zip("abcdefghij", item.right_options, strict=False):
                say(f"  {letter}) {escape(option)}")
    elif isinstance(item, SourceQuestion):
        if item.mark_scheme.source_text:
            say(f"[italic]{escape(item.mark_scheme.source_text)}[/]")
        say(f"[bold]{escape(item.text)}[/] [dim][{item.marks} marks][/]")


def quiz_given(question: QuizQuestion, line: str) -> Any:
    """Turn a typed answer into the answer's form: numbers pick options, letters pick matches."""
    words = line.replace(",", " ").split()
    if question.kind == QuestionKind.TF:
        return {"t": "True", "true": "True", "f": "False", "false": "False"}.get(
            line.strip().lower(), line.strip()
        )
    if question.kind == QuestionKind.MCQ:
        text = line.strip()
        if text.isdigit() and text not in question.options:
            if not 1 <= int(text) <= len(question.options):
                raise InputError(f"choose 1-{len(question.options)}", field="answer")
            return question.options[int(text) - 1]
        return text
    if question.kind == QuestionKind.ORDER:
        if not all(w.isdigit() and 1 <= int(w) <= len(question.options) for w in words):
            raise InputError("give the option numbers in order, e.g. 3 1 2", field="answer")
        return [question.options[int(w) - 1] for w in words]
    letters = "abcdefghij"
    pairs = []
    for left, word in zip(question.options, words, strict=False):
        index = letters.find(word.lower())
        if index < 0 or index >= len(question.right_options):
            raise InputError("give one letter per item, e.g. b a c", field="answer")
        pairs.append([left, question.right_options[index]])
    return pairs


def study_one(
    store: Store, prompt: learning.StudyPrompt, *, learner_id: int, lines: Lines,
    clock: Callable[[], datetime], as_json: bool, marker: learning.Marker | None,
) -> bool:  # fmt: skip
    """Show one item, take its answer and commit it; False when the input ran out."""
    item, item_id = prompt.item.item, prompt.item.id
    result: learning.Answered
    if isinstance(item, Flashcard):
        if lines.interactive and lines.ask("Enter to reveal (q to stop)") in (None, "q"):
            return False
        if not as_json:
            say(escape(item.answer))
            say(buttons(prompt))
        rating = lines.ask_as("rating 1-4", parse_rating)
        if rating is None:
            return False
        result = learning.answer_card(
            store, learner_id=learner_id, item_id=item_id, rating=rating, now=clock()
        )
    elif isinstance(item, QuizQuestion):
        given = lines.ask_as("answer", lambda line: quiz_given(item, line))
        if given is None:
            return False
        result = learning.answer_quiz(
            store, learner_id=learner_id, item_id=item_id, given=given, now=clock()
        )
        if not as_json:
            verdict = "[green]right[/]" if result.correct else "[red]not quite[/]"
            say(f"{verdict}: {escape(str(to_jsonable(item.answer)))}")
            say(f"[dim]{escape(item.explanation)}[/]")
    else:
        assert isinstance(item, SourceQuestion)
        text = lines.ask("your answer (one line)")
        if text is None:
            return False
        self_rating = None
        if marker is None:
            if not as_json:
                say(f"[dim]Model answer:[/] {escape(item.mark_scheme.reference)}")
                say(buttons(prompt))
            self_rating = lines.ask_as("no marker installed: rate yourself 1-4", parse_rating)
            if self_rating is None:
                return False
        result = learning.answer_free_text(
            store, learner_id=learner_id, item_id=item_id, text=text, now=clock(),
            marker=marker, self_rating=self_rating,
        )  # fmt: skip
        if result.mark is not None and not as_json:
            say(f"[bold]{result.mark.score}/{result.mark.max_marks}[/] (level {result.mark.level})")
            say(escape(result.mark.feedback))
    if as_json:
        answered = {
            "event": "answered",
            "item": prompt.item.uid,
            "rating": result.rating.label.lower(),
            "correct": result.correct,
            "due": result.memory.due.isoformat(),
            "mark": to_jsonable(result.mark),
        }
        typer.echo(json.dumps(answered, ensure_ascii=False))
        sys.stdout.flush()
    else:
        say(f"[dim]next in {format_interval(result.memory.due - clock())}[/]")
    return True
