"""``clio essay`` and ``clio sources``: essay plans and source questions with mark schemes."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from clio.cli.app import app, console
from clio.cli.mark_cmds import print_mark
from clio.errors import UsageError
from clio.model.items import EssayPlan, SourceQuestion
from clio.services.essays import (
    essay_plans_json,
    load_essay_plans,
    load_source_questions,
    source_questions_json,
)
from clio.services.marking import mark_json, mark_source_answer

TopicArg = Annotated[
    str, typer.Argument(help="A notes file, '-' for stdin, or a built-in topic name.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
SeedOpt = Annotated[
    int, typer.Option("--seed", help="Seed for the wording (same seed, same output).")
]


@app.command("essay")
def essay_command(
    topic: TopicArg,
    question: Annotated[
        str | None,
        typer.Argument(help="An essay question; without it, plans for every 'why' section."),
    ] = None,
    as_json: JsonOpt = False,
    seed: SeedOpt = 0,
) -> None:
    """Plan essays: introduction, factor paragraphs with evidence, links and a judgement."""
    loaded, plans = load_essay_plans(topic, question, seed=seed)
    if as_json:
        data = essay_plans_json(loaded, plans, seed=seed)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not plans:
        console.print("No 'why' or cause sections in these notes: give a question to plan.")
    for plan in plans:
        _print_plan(plan)


@app.command("sources")
def sources_command(
    topic: TopicArg,
    as_json: JsonOpt = False,
    seed: SeedOpt = 0,
    number: Annotated[
        int | None,
        typer.Option("--question", "-n", help="Mark an answer to question N (with --answer)."),
    ] = None,
    answer: Annotated[
        str | None,
        typer.Option("--answer", "-a", help="Your answer to question N ('-' reads stdin)."),
    ] = None,
) -> None:
    """Exam-style source questions with their levels-of-response mark schemes."""
    loaded, questions = load_source_questions(topic, seed=seed)
    if (number is None) != (answer is None):
        raise UsageError("give both --question N and --answer to have an answer marked")
    if number is not None and answer is not None:
        text = sys.stdin.read() if answer == "-" else answer
        mark = mark_source_answer(questions, number, text)
        if as_json:
            typer.echo(json.dumps(mark_json(mark), ensure_ascii=False, indent=2))
        else:
            console.print(f"[bold]{number}. {escape(questions[number - 1].text)}[/]")
            print_mark(mark)
        return
    if as_json:
        data = source_questions_json(loaded, questions, seed=seed)
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not questions:
        console.print("No sources or questions in these notes.")
    for number, question in enumerate(questions, start=1):
        _print_source_question(number, question)


def _print_plan(plan: EssayPlan) -> None:
    console.print(Panel(f"[bold]{escape(plan.question)}[/]", expand=False))
    for paragraph in plan.paragraphs:
        theme = f" [cyan]({escape(paragraph.theme)})[/]" if paragraph.theme else ""
        role = paragraph.role.upper()
        if paragraph.role == "link":
            console.print(f"  [dim]{escape(paragraph.text)}[/]")
            continue
        console.print(f"\n[bold magenta]{role}[/] [bold]{escape(paragraph.heading)}[/]{theme}")
        console.print(f"  {escape(paragraph.text)}")
        for piece in paragraph.evidence:
            console.print(f"    [green]•[/] {escape(piece)}")
    console.print()


def _print_source_question(number: int, question: SourceQuestion) -> None:
    scheme = question.mark_scheme
    console.print(
        f"\n[bold]{number}. {escape(question.text)}[/] [cyan]({question.marks} marks, "
        f"{escape(question.style)})[/]"
    )
    table = Table("level", "marks", "descriptor", show_lines=False)
    for level in scheme.levels:
        table.add_row(str(level.level), f"{level.low}-{level.high}", escape(level.descriptor))
    console.print(table)
    for point in scheme.points:
        console.print(f"  [green]{escape(point.kind)}[/] {escape(point.text)}")
    console.print(f"  [bold]Model answer:[/] {escape(scheme.reference)}")
