"""``clio export ...`` and ``clio convert``: thin commands over :mod:`clio.services.exports`."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from clio.cli.app import app, console, console_err
from clio.importers.folder import ImportReport, import_folder
from clio.services import exports
from clio.services.topics import load_topic

export_app = typer.Typer(
    help="Export study items: Anki decks, printable worksheets, CSV/JSON/Quizlet tables.",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")

TopicArg = Annotated[
    str, typer.Argument(help="A notes file (.txt .md .docx .html .pdf), '-' or a built-in topic.")
]
SeedOpt = Annotated[int, typer.Option("--seed", help="Seed for the generated items.")]
OutOpt = Annotated[Path | None, typer.Option("-o", "--output", help="File to write.")]


def _done(path: Path, what: str) -> None:
    console_err.print(f"wrote {escape(str(path))} ({what})", highlight=False)


@export_app.command("anki")
def export_anki(
    topic: TopicArg,
    output: OutOpt = None,
    timestamp: Annotated[
        float | None,
        typer.Option(
            help="Seconds since 1970 to stamp the deck with (fix it to get identical files)."
        ),
    ] = None,
    seed: SeedOpt = 0,
) -> None:
    """An Anki deck (.apkg): cloze and basic notes, tagged by section and decade."""
    parsed = load_topic(topic)
    kit = exports.study_kit(parsed, seed=seed)
    out = output or Path(f"{parsed.name}.apkg")
    stamp = time.time() if timestamp is None else timestamp  # the edge may read the clock
    exports.write_output(out, exports.anki_deck(parsed, kit, timestamp=stamp))
    _done(out, f"{len(kit.flashcards)} notes")


@export_app.command("worksheet")
def export_worksheet(
    topic: TopicArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="sheet.pdf or sheet.html")],
    with_answers: Annotated[
        bool, typer.Option("--with-answers", help="Append the mark scheme on new pages.")
    ] = False,
    mark_scheme: Annotated[
        Path | None, typer.Option("--mark-scheme", help="Also write the mark scheme to this file.")
    ] = None,
    questions: Annotated[int, typer.Option(help="How many quiz questions.")] = 10,
    seed: SeedOpt = 0,
) -> None:
    """A printable worksheet (quiz, source exercise, essay) and its mark scheme."""
    fmt = exports.worksheet_format(output)
    if mark_scheme is not None and exports.worksheet_format(mark_scheme) != fmt:
        fmt_scheme = exports.worksheet_format(mark_scheme)
        raise typer.BadParameter(
            f"the mark scheme must be .{fmt} like the worksheet, not .{fmt_scheme}"
        )
    parsed = load_topic(topic)
    kit = exports.study_kit(parsed, seed=seed)
    files = exports.worksheet(
        parsed,
        kit,
        fmt=fmt,
        with_answers=with_answers,
        separate_scheme=mark_scheme is not None,
        quiz_questions=questions,
    )
    exports.write_output(output, files.worksheet)
    _done(output, "worksheet with mark scheme" if with_answers else "worksheet")
    if mark_scheme is not None and files.mark_scheme is not None:
        exports.write_output(mark_scheme, files.mark_scheme)
        _done(mark_scheme, "mark scheme")


def _table(fmt: str, topic: str, output: Path | None, seed: int) -> None:
    parsed = load_topic(topic)
    text = exports.items_table(parsed, exports.study_kit(parsed, seed=seed), fmt=fmt)
    if output is None:
        typer.echo(text, nl=False)
        return
    # a byte-order mark lets spreadsheet programs see that the CSV is UTF-8
    data = ("\ufeff" + text if fmt == "csv" else text).encode("utf-8")
    exports.write_output(output, data)
    _done(output, fmt)


@export_app.command("csv")
def export_csv(topic: TopicArg, output: OutOpt = None, seed: SeedOpt = 0) -> None:
    """Every study item as CSV (one row each; stdout unless -o)."""
    _table("csv", topic, output, seed)


@export_app.command("json")
def export_json(topic: TopicArg, output: OutOpt = None, seed: SeedOpt = 0) -> None:
    """Every study item as JSON, with all fields (stdout unless -o)."""
    _table("json", topic, output, seed)


@export_app.command("quizlet")
def export_quizlet(topic: TopicArg, output: OutOpt = None, seed: SeedOpt = 0) -> None:
    """Flashcards as Quizlet's import text: term<TAB>definition, one per line."""
    _table("quizlet", topic, output, seed)


@app.command("convert")
def convert_command(
    path: Annotated[Path, typer.Argument(help="A notes file, or a folder to check every file.")],
) -> None:
    """Print the notes text extracted from a file (or check every file in a folder)."""
    if path.is_dir():
        show_import_report(import_with_progress(path))
        return
    typer.echo(exports.convert_notes(path), nl=False)


def import_with_progress(folder: Path) -> ImportReport:
    """Run :func:`clio.importers.folder.import_folder` with a progress bar on stderr."""
    with Progress(console=console_err, transient=True) as progress:
        task = progress.add_task("reading", total=None)

        def step(path: Path, index: int, total: int) -> None:
            progress.update(task, total=total, completed=index - 1, description=escape(path.name))

        report = import_folder(folder, progress=step)
        progress.update(task, completed=len(report.imported) + len(report.failed))
    return report


def show_import_report(report: ImportReport) -> None:
    """The summary table of a folder import: each file, its outcome and why."""
    table = Table("file", "result", "sections", "points", "notes", title=f"{report.folder}")
    for item in report.imported:
        points = sum(len(s.points) for s in item.topic.sections)
        result = "[yellow]warnings[/]" if item.warnings else "[green]imported[/]"
        table.add_row(
            escape(str(item.path.relative_to(report.folder))),
            result,
            str(len(item.topic.sections)),
            str(points),
            escape("; ".join(item.warnings[:3])),
        )
    for failed in report.failed:
        table.add_row(
            escape(str(failed.path.relative_to(report.folder))), "[red]failed[/]", "", "",
            escape(failed.reason),
        )  # fmt: skip
    for skipped in report.skipped:
        table.add_row(
            escape(str(skipped.path.relative_to(report.folder))), "[dim]skipped[/]", "", "",
            escape(skipped.reason),
        )  # fmt: skip
    console.print(table)
    console.print(
        f"{len(report.imported)} imported ({report.warning_count} warnings), "
        f"{len(report.failed)} failed, {len(report.skipped)} skipped",
        highlight=False,
    )
