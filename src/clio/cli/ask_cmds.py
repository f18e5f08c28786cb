"""``clio ask`` and ``clio search``: answers from the notes with citations, and matching points."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from clio.cli.app import app, console
from clio.services.ask import answer_to_json, ask_topic, match_to_json, search, topics_for

TopicArg = Annotated[
    str, typer.Argument(help="A notes file, '-' for stdin, or a built-in topic name.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


@app.command("ask")
def ask_command(
    topic: TopicArg,
    question: Annotated[str, typer.Argument(help="The question, in quotes.")],
    as_json: JsonOpt = False,
) -> None:
    """Answer a question from the notes, citing the point, or say the notes don't say."""
    answer = ask_topic(topic, question)
    if as_json:
        typer.echo(json.dumps(answer_to_json(answer), ensure_ascii=False, indent=2))
        return
    if not answer.answered:
        console.print(f"[yellow]{escape(answer.text)}[/] (confidence {answer.confidence:.2f})")
        for near in answer.nearest:
            console.print(f"[dim]closest passage ({near.ref_id}): {escape(near.quote)}[/]")
        return
    console.print(f"[bold green]{escape(answer.text)}[/]  (confidence {answer.confidence:.2f})")
    for cite in answer.citations:
        body = Text(answer.context or cite.quote)
        start = body.plain.find(cite.quote)
        if start >= 0:
            body.stylize("bold", start, start + len(cite.quote))
            inner = body.plain.find(answer.text, start)
            if inner >= 0:
                body.stylize("bold green underline", inner, inner + len(answer.text))
        console.print(Panel(body, title=f"{cite.kind.value} {cite.ref_id}", title_align="left"))


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words or a question to look for.")],
    topic: Annotated[
        str | None, typer.Argument(help="A notes file, '-' or a built-in topic (default: all).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many matches.")] = 10,
    as_json: JsonOpt = False,
) -> None:
    """List the points matching a query, with the matching words highlighted."""
    matches = search(topics_for(topic), query, limit=limit)
    if as_json:
        typer.echo(json.dumps([match_to_json(m) for m in matches], ensure_ascii=False, indent=2))
        return
    if not matches:
        console.print("[yellow]No matching points.[/]")
        return
    for rank, match in enumerate(matches, 1):
        body = Text(match.unit.text)
        for start, end in match.highlights:
            body.stylize("bold yellow", start, end)
        console.print(Text(f"{rank}. {match.unit.heading}", style="bold cyan"), end="")
        console.print(Text(f"  [{match.unit.kind.value} {match.unit.ref_id}]", style="dim"))
        console.print(body)
