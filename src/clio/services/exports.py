"""Export services shared by the CLI and the web app: decks, worksheets, tables, timeline files.

Each function takes a loaded topic (see :func:`clio.services.topics.load_topic`) and returns
bytes or text; :func:`write_output` puts them in a file atomically.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from clio.errors import ClioError, InputError, UsageError
from clio.model.items import EssayPlan, Flashcard, Kit, QuizQuestion, SourceQuestion
from clio.model.topic import Topic

WORKSHEET_SUFFIXES = (".pdf", ".html", ".htm")


def study_kit(topic: Topic, *, seed: int = 0) -> Kit:
    """The generated study items of a topic (flashcards, quiz, source questions, essay plans)."""
    try:
        from clio.generate import make_kit
    except ImportError as error:
        raise ClioError(f"study-item generation is not available in this build ({error})") from None
    kit: Kit = make_kit(topic, seed=seed)
    return kit


def kit_from_items(
    topic: Topic, items: Iterable[Flashcard | QuizQuestion | EssayPlan | SourceQuestion]
) -> Kit:
    """A kit of already-made study items (e.g. the stored ones a learner studies), by kind."""
    found = list(items)
    return Kit(
        topic_id=topic.id,
        seed=0,
        flashcards=tuple(i for i in found if isinstance(i, Flashcard)),
        questions=tuple(i for i in found if isinstance(i, QuizQuestion)),
        essay_plans=tuple(i for i in found if isinstance(i, EssayPlan)),
        source_questions=tuple(i for i in found if isinstance(i, SourceQuestion)),
    )


def anki_deck(topic: Topic, kit: Kit, *, timestamp: float) -> bytes:
    """The topic's flashcards as an Anki .apkg (same input and timestamp, same bytes)."""
    from clio.export.anki import apkg_bytes

    if not kit.flashcards:
        raise InputError("no flashcards could be made from these notes", file=topic.name)
    return apkg_bytes(topic, kit, timestamp=timestamp)


@dataclass(frozen=True, kw_only=True)
class WorksheetFiles:
    """A worksheet and, when asked for separately, its mark scheme."""

    worksheet: bytes
    mark_scheme: bytes | None = None


def worksheet(
    topic: Topic,
    kit: Kit,
    *,
    fmt: str,
    with_answers: bool = False,
    separate_scheme: bool = False,
    quiz_questions: int = 10,
) -> WorksheetFiles:
    """A printable worksheet as ``fmt`` ("pdf" or "html"); the mark scheme appended or apart."""
    from clio.export.worksheet import build_sheet, html_to_pdf, render_html

    if fmt not in ("pdf", "html"):
        raise UsageError(f"worksheets are .pdf or .html, not {fmt!r}")
    if quiz_questions < 0:
        raise UsageError("the number of quiz questions cannot be negative")
    sheet = build_sheet(topic, kit, quiz_questions=quiz_questions)
    if not (sheet.quiz or sheet.source_questions or sheet.essay):
        raise InputError("there are no questions to put on a worksheet", file=topic.name)
    main = render_html(topic, sheet, worksheet=True, scheme=with_answers)
    scheme = render_html(topic, sheet, worksheet=False, scheme=True) if separate_scheme else None
    if fmt == "pdf":
        return WorksheetFiles(
            worksheet=html_to_pdf(main),
            mark_scheme=html_to_pdf(scheme) if scheme is not None else None,
        )
    return WorksheetFiles(
        worksheet=main.encode("utf-8"),
        mark_scheme=scheme.encode("utf-8") if scheme is not None else None,
    )


def mark_scheme(topic: Topic, kit: Kit, *, fmt: str, quiz_questions: int = 10) -> bytes:
    """The mark scheme of :func:`worksheet` on its own (without rendering the worksheet)."""
    from clio.export.worksheet import build_sheet, html_to_pdf, render_html

    if fmt not in ("pdf", "html"):
        raise UsageError(f"mark schemes are .pdf or .html, not {fmt!r}")
    sheet = build_sheet(topic, kit, quiz_questions=max(quiz_questions, 0))
    if not (sheet.quiz or sheet.source_questions or sheet.essay):
        raise InputError("there are no questions to put on a worksheet", file=topic.name)
    scheme = render_html(topic, sheet, worksheet=False, scheme=True)
    return html_to_pdf(scheme) if fmt == "pdf" else scheme.encode("utf-8")


@functools.cache
def pdf_available() -> bool:
    """True when worksheets can be printed to PDF here (WeasyPrint and Pango load)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


@functools.cache
def png_available() -> bool:
    """True when the timeline can be drawn as PNG here (CairoSVG and Cairo load)."""
    try:
        import cairosvg  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def worksheet_format(path: Path) -> str:
    """ "pdf" or "html" from an output file name, or a usage error."""
    suffix = path.suffix.lower()
    if suffix not in WORKSHEET_SUFFIXES:
        raise UsageError(f"name the worksheet .pdf or .html, not {path.name!r}")
    return "pdf" if suffix == ".pdf" else "html"


def items_table(topic: Topic, kit: Kit, *, fmt: str) -> str:
    """The study items as "csv", "json" or "quizlet" (tab-separated term and definition)."""
    from clio.export.tabular import items_csv, items_json, quizlet_tsv

    if fmt == "csv":
        return items_csv(topic, kit)
    if fmt == "json":
        return items_json(topic, kit)
    if fmt == "quizlet":
        if not kit.flashcards:
            raise InputError("no flashcards could be made from these notes", file=topic.name)
        return quizlet_tsv(kit)
    raise UsageError(f"unknown table format {fmt!r}; use csv, json or quizlet")


def items_file(topic: Topic, kit: Kit, *, fmt: str) -> bytes:
    """:func:`items_table` as file bytes (CSV gets a byte-order mark so spreadsheets see UTF-8)."""
    text = items_table(topic, kit, fmt=fmt)
    return ("\ufeff" + text if fmt == "csv" else text).encode("utf-8")


def timeline_svg(topic: Topic) -> str:
    """The topic's timeline chart as a standalone SVG document."""
    from clio.timeline import render_svg, timeline_events

    events = timeline_events(topic)
    if not events:
        raise InputError("no dated points to put on a timeline", file=topic.name)
    return render_svg(events, title=topic.title)


def timeline_png(svg: str, *, scale: float = 2.0) -> bytes:
    """The timeline chart (SVG text) as a PNG image."""
    from clio.export.timeline_formats import svg_to_png

    return svg_to_png(svg, scale=scale)


def timeline_timelinejs(topic: Topic) -> str:
    """The topic's dated points as TimelineJS3 JSON."""
    from clio.export.timeline_formats import timelinejs_json

    return timelinejs_json(topic)


def convert_notes(path: Path) -> str:
    """The notes text extracted from a file (.txt .md .docx .html .pdf), to check an import."""
    from clio.importers import notes_from_file

    if not path.exists():
        raise InputError("no such file", file=str(path))
    if path.is_dir():
        raise InputError("this is a folder; give a file (or use `clio import`)", file=str(path))
    return notes_from_file(path)


def write_output(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; a missing folder is a clear error."""
    if not path.parent.exists():
        raise InputError("the folder to write into does not exist", file=str(path))
    if path.is_dir():
        raise InputError("this is a folder; give a file name", file=str(path))
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise InputError(f"cannot write the file: {error.strerror}", file=str(path)) from None
    return path
