"""``clio topics`` and ``clio parse``: list built-in topics, show a parsed topic."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table
from rich.tree import Tree

from clio.cli.app import app, console
from clio.model.serialise import topic_to_json
from clio.services.topics import builtin_topics, load_topic

TopicArg = Annotated[
    str, typer.Argument(help="A notes file, '-' for stdin, or a built-in topic name.")
]


@app.command("topics")
def topics_command() -> None:
    """List the built-in topics."""
    table = Table("name", "title")
    for topic in builtin_topics():
        table.add_row(topic.name, topic.title)
    console.print(table)


@app.command("parse")
def parse_command(
    file: TopicArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print the topic as JSON.")] = False,
) -> None:
    """Parse notes and show their outline (sections, points, periods, warnings)."""
    topic = load_topic(file)
    if as_json:
        typer.echo(json.dumps(topic_to_json(topic), ensure_ascii=False, indent=2))
        return
    tree = Tree(f"[bold]{topic.title}[/]")
    for section in topic.sections:
        period = f" [cyan]({section.period.label()})[/]" if section.period else ""
        branch = tree.add(f"[bold]{_esc(section.heading)}[/]{period}")
        for point in section.points:
            when = f" [cyan]({point.period.label()})[/]" if point.period else ""
            branch.add(f"{_esc(point.label)}. {_esc(point.title or point.text[:60])}{when}")
    for source in topic.sources:
        tree.add(
            f"[magenta]{_esc(source.label)}[/]: {_esc(source.citation or source.provenance)}"
            f" ({len(source.claims)} dated claims)"
        )
    for question in topic.questions:
        marks = f" [{question.marks} marks]" if question.marks else ""
        tree.add(f"[green]Q[/] {_esc(question.text)}{marks}")
    console.print(tree)
    for warning in topic.warnings:
        where = f"line {warning.line}: " if warning.line else ""
        console.print(f"[yellow]warning[/] {where}{_esc(warning.message)}")


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)
