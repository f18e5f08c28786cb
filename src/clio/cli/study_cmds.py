"""``clio import``, ``study``, ``progress``, ``learner``, ``export-progress``, ``import-progress``.

Every command takes ``--db URL`` (default: ``CLIO_DATABASE_URL``, else a SQLite file in the
user's data directory). The clock is read here, at the edge, and passed to the services.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.progress import Progress as Bar
from rich.table import Table

from clio.cli.app import app, console, console_err
from clio.cli.study_session import LazyModule, Lines, show, study_one
from clio.errors import InputError, UsageError
from clio.model.serialise import to_jsonable

if TYPE_CHECKING:
    from clio.services import learning, progress
    from clio.store.database import Store
else:
    # Imported on first use: ``clio --help`` and other commands need not load SQLAlchemy.
    learning = LazyModule("clio.services.learning")
    progress = LazyModule("clio.services.progress")

DEFAULT_LEARNER = "me"  # the same as clio.services.learning.DEFAULT_LEARNER (a test checks)


def open_store(url: str | None) -> Store:
    """Open the database (see :func:`clio.store.database.open_store`)."""
    from clio.store.database import open_store as open_database

    return open_database(url)


DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL or SQLite path [env CLIO_DATABASE_URL].", show_default=False
    ),
]
LearnerOpt = Annotated[
    str,
    typer.Option(
        "--learner", "-l", envvar="CLIO_LEARNER", help="Learner name (created on first use)."
    ),
]
NowOpt = Annotated[
    str | None, typer.Option("--now", hidden=True, help="Pretend it is this ISO time (tests).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def _now(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--now: not an ISO date-time: {value!r}") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _clock(value: str | None) -> Callable[[], datetime]:
    fixed = None if value is None else _now(value)
    return (lambda: fixed) if fixed is not None else (lambda: datetime.now(UTC))


@app.command("import")
def import_command(
    paths: Annotated[list[str], typer.Argument(help="Notes files or folders of them.")],
    db: DbOpt = None,
    seed: Annotated[int, typer.Option(help="Seed for the generated kit.")] = 0,
    as_json: JsonOpt = False,
    now: NowOpt = None,
) -> None:
    """Import notes into the database; re-importing keeps the history of unchanged items."""
    with open_store(db) as store:
        files = learning.note_files(paths)
        with Bar(console=console_err, transient=True, disable=as_json) as bar:
            task = bar.add_task("importing", total=len(files))

            def step(path: Path) -> None:
                bar.update(task, advance=1, description=f"importing {path.name}")

            outcomes = learning.import_paths(store, paths, now=_now(now), seed=seed, on_file=step)
    if as_json:
        typer.echo(json.dumps([_outcome_json(o) for o in outcomes], indent=2, ensure_ascii=False))
    else:
        _import_table(outcomes)
    failed = [o.path for o in outcomes if o.error is not None]
    if failed:
        raise InputError("not imported (reasons in the table above)", file=", ".join(failed))


def _outcome_json(outcome: learning.ImportOutcome) -> dict[str, Any]:
    if outcome.error is not None:
        return {"path": outcome.path, "error": str(outcome.error)}
    return {"path": outcome.path, **to_jsonable(outcome.report)}


def _import_table(outcomes: list[learning.ImportOutcome]) -> None:
    table = Table("topic", "items", "added", "kept", "retired", "revived", "status")
    table.add_column("file", overflow="fold")
    for o in outcomes:
        if o.error is not None or o.report is None:
            reason = o.error.reason if isinstance(o.error, InputError) else str(o.error)
            table.add_row("", "", "", "", "", "", f"[red]{escape(reason)}[/]", escape(o.path))
            continue
        r = o.report
        live = len(r.added) + len(r.kept) + len(r.revived)
        status = "new" if r.created else ("unchanged" if r.unchanged_text else "updated")
        table.add_row(
            escape(r.topic), str(live), str(len(r.added)), str(len(r.kept)),
            str(len(r.retired)), str(len(r.revived)), status, escape(o.path),
        )  # fmt: skip
    console.print(table)
    for o in outcomes:
        for warning in o.report.warnings if o.report else ():
            console_err.print(f"[yellow]warning[/] {escape(o.path)}: {escape(warning)}")


# --- study -----------------------------------------------------------------------------------


@app.command("study")
def study_command(
    topic: Annotated[str | None, typer.Argument(help="Imported topic name (default: all).")] = None,
    learner: LearnerOpt = DEFAULT_LEARNER,
    db: DbOpt = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", "-k", help="Item kinds: card, quiz, source (repeatable)."),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Stop after this many items.")] = None,
    as_json: JsonOpt = False,
    now: NowOpt = None,
) -> None:
    """Review due and new items; each answer is saved before the next item is shown.

    Interactive in a terminal; with piped stdin, one answer per line (ratings 1-4 for cards,
    option numbers or text for quizzes), and --json prints one JSON object per event.
    """
    kinds = tuple(kind) if kind else learning.DEFAULT_KINDS
    bad = [k for k in kinds if k not in learning.STUDY_KINDS]
    if bad:
        raise UsageError(f"unknown kind {bad[0]!r}: use {', '.join(learning.STUDY_KINDS)}")
    clock = _clock(now)
    lines = Lines(interactive=sys.stdin.isatty() and not as_json)
    marker = learning.default_marker()
    done = 0
    with open_store(db) as store:
        user = learning.learner_named(store, learner, now=clock())
        topic_ids = learning.topic_ids_for(store, topic)
        due, new = learning.session_counts(
            store, learner_id=user.id, now=clock(), topic_ids=topic_ids, kinds=kinds
        )
        if not as_json:
            console.print(f"[bold]{escape(user.display_name)}[/]: {due} due, {new} new today")
        for prompt in learning.iter_session(
            store, learner_id=user.id, clock=clock, topic_ids=topic_ids, kinds=kinds, limit=limit
        ):
            show(prompt, as_json=as_json)
            if not study_one(
                store, prompt, learner_id=user.id, lines=lines, clock=clock,
                as_json=as_json, marker=marker,
            ):  # fmt: skip
                break
            done += 1
    if as_json:
        typer.echo(json.dumps({"event": "done", "answered": done}))
    else:
        console.print(f"[bold]{done}[/] answered and saved.")


# --- progress, learners, export/import -------------------------------------------------------


@app.command("progress")
def progress_command(
    topic: Annotated[str | None, typer.Argument(help="Imported topic name (default: all).")] = None,
    learner: LearnerOpt = DEFAULT_LEARNER,
    db: DbOpt = None,
    as_json: JsonOpt = False,
    now: NowOpt = None,
) -> None:
    """Show due today, retention, streak, and the weakest points and sections."""
    when = _now(now)
    with open_store(db) as store:
        user = learning.learner_named(store, learner, now=when)
        report = progress.progress_summary(store, learner_id=user.id, now=when, topic=topic)
    if as_json:
        data = {**to_jsonable(report), "now": report.now.isoformat()}
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    retention = "no reviews of learnt items yet" if report.retention is None else (
        f"{report.retention:.0%} of {report.retention_reviews} (aim {report.desired_retention:.0%})"
    )  # fmt: skip
    table = Table(show_header=False, title=f"Progress: {escape(report.learner)}")
    for label, value in (
        ("due now", report.due_now), ("due today", report.due_today),
        ("new available today", report.new_available), ("reviewed today", report.reviewed_today),
        ("streak (days)", report.streak_days), ("items studied", report.studied_items),
        ("reviews in all", report.total_reviews), ("retention, 30 days", retention),
    ):  # fmt: skip
        table.add_row(label, str(value))
    console.print(table)
    for title, spots in (
        ("Weakest points", report.weakest_points),
        ("Weakest sections", report.weakest_sections),
    ):
        if spots:
            weak = Table("recall", "failed", "title", "topic", title=title)
            for s in spots:
                weak.add_row(
                    f"{s.recall:.0%}", f"{s.again_rate:.0%}", escape(s.title), escape(s.topic)
                )
            console.print(weak)


@app.command("learner")
def learner_command(
    name: Annotated[str, typer.Argument(help="Learner name (created on first use).")],
    db: DbOpt = None,
    retention: Annotated[float | None, typer.Option(help="Desired retention, 0.70-0.99.")] = None,
    new_per_day: Annotated[int | None, typer.Option(help="New items per day.")] = None,
    optimise: Annotated[bool, typer.Option(help="Fit FSRS parameters to the review log.")] = False,
    as_json: JsonOpt = False,
    now: NowOpt = None,
) -> None:
    """Show or change a learner's settings; --optimise fits FSRS to their own reviews."""
    with open_store(db) as store:
        user = learning.learner_named(store, name, now=_now(now))
        user = learning.update_settings(
            store, learner_id=user.id, desired_retention=retention, new_per_day=new_per_day
        )
        message = ""
        if optimise:
            outcome = learning.optimise_learner(store, learner_id=user.id)
            message = outcome.message
            user = learning.learner_named(store, name, now=_now(now))
    data = {
        "name": user.name,
        "desired_retention": user.desired_retention,
        "new_per_day": user.new_per_day,
        "fsrs_parameters": user.fsrs_parameters,
    }
    if as_json:
        typer.echo(json.dumps({**data, "optimise": message or None}))
        return
    for key, value in data.items():
        console.print(f"{key}: {value if value is not None else 'FSRS defaults'}")
    if message:
        console.print(message)


@app.command("export-progress")
def export_progress_command(
    learner: Annotated[
        list[str] | None, typer.Option("--learner", "-l", help="Only these learners.")
    ] = None,
    output: Annotated[str, typer.Option("--output", "-o", help="File, or - for stdout.")] = "-",
    db: DbOpt = None,
) -> None:
    """Write topics, items and learners' progress as JSON (password hashes are left out)."""
    with open_store(db) as store:
        if output == "-":
            progress.write_progress(store, sys.stdout, learners=learner)  # streamed as read
            sys.stdout.write("\n")
            return
        target = Path(output)
        partial = target.with_name(target.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8") as out:
                progress.write_progress(store, out, learners=learner)
                out.write("\n")
        except BaseException:
            partial.unlink(missing_ok=True)  # a failed export leaves no half-written file
            raise
        partial.replace(target)
    console_err.print(f"wrote {output}")


@app.command("import-progress")
def import_progress_command(
    file: Annotated[str, typer.Argument(help="A file from export-progress, or - for stdin.")],
    db: DbOpt = None,
) -> None:
    """Merge an export into the database (nothing already there is duplicated)."""
    try:
        raw = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", file=file) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error.msg}", file=file, line=error.lineno) from None
    with open_store(db) as store:
        summary = progress.import_progress(store, data)
    console.print(", ".join(f"{k} {v}" for k, v in to_jsonable(summary).items()))
