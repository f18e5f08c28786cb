"""`clio topics`, `clio parse` and `clio timeline`: built-in topics, parsed notes, dates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.tree import Tree

from clio.cli.app import app, console
from clio.errors import InputError
from clio.model.serialise import topic_to_json
from clio.services import exports
from clio.services.topics import builtin_topics, load_topic
from clio.timeline import EventKind, render_svg, timeline_events

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
    part: tuple[str | None, Tree] = (None, tree)
    for section in topic.sections:
        if section.part != part[0]:
            holder = tree.add(f"[bold]{_esc(section.part)}[/]") if section.part else tree
            part = (section.part, holder)
        period = f" [cyan]({section.period.label()})[/]" if section.period else ""
        branch = part[1].add(f"[bold]{_esc(section.heading)}[/]{period}")
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


@app.command("timeline")
def timeline_command(
    file: TopicArg,
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg", help="Also write a printable SVG chart to this file.", dir_okay=False
        ),
    ] = None,
    png: Annotated[
        Path | None,
        typer.Option("--png", help="Also write the chart as a PNG image.", dir_okay=False),
    ] = None,
    timelinejs: Annotated[
        Path | None,
        typer.Option(
            "--timelinejs", help="Also write TimelineJS3 JSON to this file.", dir_okay=False
        ),
    ] = None,
) -> None:
    """Show the dated events (sections, points, events told in points, source claims) in order."""
    topic = load_topic(file)
    events = timeline_events(topic)
    table = Table("when", "what", "from", title=topic.title)
    for event in events:
        origin = event.source_label if event.kind is EventKind.CLAIM else event.section_heading
        what = (
            f"[bold]{_esc(event.label)}[/]"
            if event.kind is EventKind.SECTION
            else _esc(event.label)
        )
        table.add_row(event.period.label(), what, f"{event.kind.value}: {_esc(origin)}")
    if events:
        console.print(table)
    else:
        console.print(f"{_esc(topic.title)}: no dated events in these notes")
    if svg is not None:
        try:
            svg.write_text(render_svg(events, title=topic.title), encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot write the chart: {error.strerror}", file=str(svg)) from None
        console.print(f"wrote {svg} ({len(events)} events)")
    if png is not None:
        chart = render_svg(events, title=topic.title)
        exports.write_output(png, exports.timeline_png(chart))
        console.print(f"wrote {png} ({len(events)} events)")
    if timelinejs is not None:
        exports.write_output(timelinejs, exports.timeline_timelinejs(topic).encode("utf-8"))
        console.print(f"wrote {timelinejs} (TimelineJS)")
