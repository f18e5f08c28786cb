"""``clio mark``: mark one answer, or a JSONL batch, against a reference answer or points."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from clio.cli.app import app, console
from clio.errors import InputError, UsageError
from clio.model.marking import Mark
from clio.services.marking import mark_batch, mark_json, mark_one


@app.command("mark")
def mark_command(
    question: Annotated[str | None, typer.Option("--question", "-q", help="The question.")] = None,
    answer: Annotated[
        str | None, typer.Option("--answer", "-a", help="The answer to mark.")
    ] = None,
    reference: Annotated[
        str | None, typer.Option("--reference", "-r", help="A model answer to mark against.")
    ] = None,
    point: Annotated[
        list[str] | None,
        typer.Option("--point", "-p", help="A point to credit (repeat for each point)."),
    ] = None,
    max_marks: Annotated[int | None, typer.Option("--max", help="The marks available.")] = None,
    source: Annotated[
        str, typer.Option("--source", help="The source text the question is on (optional).")
    ] = "",
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch",
            help="A JSONL file ('-' for stdin): question, reference or points, answer, max.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Mark a free-text answer: score, level, points made and missed, and feedback."""
    if batch is not None:
        if question or answer or reference or point or max_marks is not None:
            raise UsageError("--batch takes its questions and answers from the file")
        _run_batch(batch)
        return
    if question is None or answer is None or max_marks is None:
        raise UsageError("give --question, --answer and --max (and --reference or --point)")
    mark = mark_one(
        question=question,
        answer=answer,
        max_marks=max_marks,
        reference=reference,
        points=list(point or []),
        source=source,
    )
    if as_json:
        typer.echo(json.dumps(mark_json(mark), ensure_ascii=False, indent=2))
    else:
        print_mark(mark)


def _run_batch(path: Path) -> None:
    name = str(path)
    if name == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise InputError(f"cannot read the batch file ({error.strerror})", file=name) from None
        except UnicodeDecodeError:
            raise InputError("the batch file is not UTF-8 text", file=name) from None
    failed = 0
    for result in mark_batch(lines, file=name):
        if result.error is not None:
            failed += 1
            typer.echo(f"error: {result.error}", err=True)
            typer.echo(json.dumps({"line": result.line, "error": result.error.reason}))
        else:
            typer.echo(json.dumps(result.data, ensure_ascii=False))
    if failed:
        raise InputError(f"{failed} line(s) could not be marked (see above)", file=name)


def print_mark(mark: Mark) -> None:
    """The mark, its level, flags, the points made and missed, and the feedback."""
    console.print(f"[bold]{mark.score}/{mark.max_marks}[/]  level {mark.level}")
    if mark.flags:
        console.print(f"[yellow]flags:[/] {escape(', '.join(mark.flags))}")
    for made in mark.made:
        console.print(f"  [green]✓[/] {escape(made.point_text)}  [dim]← {escape(made.evidence)}[/]")
    for missed in mark.missed:
        console.print(f"  [red]✗[/] {escape(missed.text)}")
    console.print(escape(mark.feedback))
