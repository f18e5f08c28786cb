"""``clio kit`` and ``clio quiz``: the study kit, printed or as JSON, and a terminal quiz."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape

from clio.cli.app import app, console
from clio.model.items import QuestionKind, QuizQuestion
from clio.services.kit import (
    LETTERS,
    QUIZ_KINDS,
    answer_text,
    build_kit,
    how_to_answer,
    is_correct,
    kit_to_json,
    parse_response,
    select_questions,
)

TopicArg = Annotated[
    str, typer.Argument(help="A notes file, '-' for stdin, or a built-in topic name.")
]
SeedOpt = Annotated[int, typer.Option("--seed", help="Seed for wrong options and order.")]


@app.command("kit")
def kit_command(
    file: TopicArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print the kit as JSON.")] = False,
    seed: SeedOpt = 0,
) -> None:
    """Generate the study kit: flashcards, quiz questions, essay plans, source questions."""
    _, kit = build_kit(file, seed=seed)
    if as_json:
        typer.echo(json.dumps(kit_to_json(kit), ensure_ascii=False, indent=2))
        return
    console.print(f"[bold]Flashcards ({len(kit.flashcards)})[/]")
    for card in kit.flashcards:
        console.print(f"  [cyan]{card.kind.value}[/] {escape(card.prompt)}")
        console.print(f"      → {escape(card.answer)}")
    console.print(f"\n[bold]Quiz questions ({len(kit.questions)})[/]")
    for number, question in enumerate(kit.questions, start=1):
        _show_question(number, question)
        console.print(f"      answer: {escape(answer_text(question, question.answer))}")
    console.print(f"\n[bold]Essay plans ({len(kit.essay_plans)})[/]")
    for plan in kit.essay_plans:
        console.print(f"  {escape(plan.question)}")
        for paragraph in plan.paragraphs:
            console.print(f"    - {escape(paragraph.heading)}")
    console.print(f"\n[bold]Source questions ({len(kit.source_questions)})[/]")
    for sq in kit.source_questions:
        console.print(f"  {escape(sq.text)} [{sq.marks} marks]")


def _show_question(number: int, question: QuizQuestion) -> None:
    console.print(f"\n[bold]{number}.[/] [dim]({question.kind.value})[/] {escape(question.stem)}")
    if question.kind is QuestionKind.MATCH:
        for index, left in enumerate(question.options, start=1):
            console.print(f"   {index}. {escape(left)}")
        for letter, right in zip(LETTERS, question.right_options, strict=False):
            console.print(f"   {letter}. {escape(right)}")
    elif question.kind is not QuestionKind.TF:
        for letter, option in zip(LETTERS, question.options, strict=False):
            console.print(f"   {letter}. {escape(option)}")


@app.command("quiz")
def quiz_command(
    file: TopicArg,
    kind: Annotated[
        str, typer.Option("--kind", help=f"Question kind: {'|'.join(QUIZ_KINDS)}.")
    ] = "mixed",
    n: Annotated[int, typer.Option("-n", "--number", help="How many questions.")] = 10,
    seed: SeedOpt = 0,
) -> None:
    """An interactive quiz in the terminal; answers may also be piped in, one per line."""
    _, kit = build_kit(file, seed=seed)
    questions = select_questions(kit.questions, kind=kind, n=n, seed=seed)
    if not questions:
        console.print("There are no questions of that kind for these notes.")
        return
    answers = []
    for number, question in enumerate(questions, start=1):
        _show_question(number, question)
        console.print(f"[dim]{how_to_answer(question)}[/]")
        console.print("> ", end="")
        line = sys.stdin.readline()
        if not sys.stdin.isatty():
            console.print(escape(line.rstrip("\n")))
        answers.append(parse_response(question, line))
    score = sum(is_correct(q, a) for q, a in zip(questions, answers, strict=True))
    console.print(f"\n[bold]Score: {score}/{len(questions)}[/]\n")
    for number, (question, answer) in enumerate(zip(questions, answers, strict=True), start=1):
        right = is_correct(question, answer)
        mark = "[green]✓[/]" if right else "[red]✗[/]"
        console.print(f"{mark} [bold]{number}.[/] {escape(question.stem)}")
        if not right:
            console.print(f"   your answer: {escape(answer_text(question, answer))}")
            console.print(f"   answer: {escape(answer_text(question, question.answer))}")
        console.print(f"   [dim]{escape(question.explanation)}[/]")
