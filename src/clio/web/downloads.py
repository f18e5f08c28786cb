"""The topic downloads the web offers: which exist, their files and how they are sent.

Each download is made by :mod:`clio.services.exports` (the same functions as ``clio export``);
this module only names the file, picks its media type and builds the HTTP response.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote

from starlette.responses import Response

from clio.errors import ClioError, UsageError
from clio.model.items import Kit
from clio.model.topic import Topic
from clio.services import exports


class DownloadKind(StrEnum):
    """Every file a topic can be downloaded as."""

    ANKI = "anki"
    WORKSHEET = "worksheet"
    MARK_SCHEME = "mark-scheme"
    CSV = "csv"
    JSON = "json"
    QUIZLET = "quizlet"
    TIMELINE_SVG = "timeline-svg"
    TIMELINE_PNG = "timeline-png"
    TIMELINEJS = "timelinejs"


class PrintFormat(StrEnum):
    """How a worksheet or mark scheme is printed; ``auto`` is PDF when WeasyPrint is here."""

    AUTO = "auto"
    PDF = "pdf"
    HTML = "html"


PRINTED_KINDS = frozenset({DownloadKind.WORKSHEET, DownloadKind.MARK_SCHEME})


class NotInstalled(ClioError):
    """A download needs an optional library that this installation lacks."""

    http_status = 501


@dataclass(frozen=True, kw_only=True)
class DownloadOptions:
    """The choices a download request may make (ignored by kinds they do not concern)."""

    print_format: PrintFormat = PrintFormat.AUTO
    answers: bool = False
    questions: int = 10


@dataclass(frozen=True, kw_only=True)
class Download:
    """A file ready to send."""

    data: bytes
    media_type: str
    filename: str


@dataclass(frozen=True, kw_only=True)
class DownloadInfo:
    """What the downloads page and ``GET /api/topics/{name}/downloads`` list."""

    kind: DownloadKind
    title: str
    description: str
    query: str = ""
    available: bool = True


APKG_TYPE = "application/apkg"  # no registered type exists; Anki and AnkiWeb use this name
_MEDIA = {
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "svg": "image/svg+xml",
    "png": "image/png",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(stem: str, suffix: str) -> str:
    """A file name that is safe in any header and on any disk (ASCII letters, digits, ``-``)."""
    cleaned = _UNSAFE.sub("-", stem).strip(".-")[:80] or "clio"
    return f"{cleaned}{suffix}"


def content_disposition(filename: str) -> str:
    """An ``attachment`` header value for ``filename`` (RFC 6266, with the UTF-8 form too)."""
    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace('"', "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def download_response(download: Download) -> Response:
    """The HTTP response that makes the browser save ``download`` under its file name."""
    return Response(
        content=download.data,
        media_type=download.media_type,
        headers={
            "Content-Disposition": content_disposition(download.filename),
            "Cache-Control": "private, no-cache",
        },
    )


def resolve_print_format(requested: PrintFormat) -> str:
    """ "pdf" or "html": ``auto`` is PDF when it can be printed here, else HTML."""
    if requested is PrintFormat.AUTO:
        return "pdf" if exports.pdf_available() else "html"
    if requested is PrintFormat.PDF and not exports.pdf_available():
        raise NotInstalled(
            "PDF worksheets need WeasyPrint on the server (pip install 'clio[print]' and the "
            "Pango library); ask for the HTML worksheet instead and print it from the browser"
        )
    return requested.value


def cache_key(kind: DownloadKind, options: DownloadOptions) -> tuple[object, ...]:
    """What makes two requests for ``kind`` the same file (options that concern it only)."""
    if kind not in PRINTED_KINDS:
        return (kind,)
    fmt = resolve_print_format(options.print_format)
    answers = options.answers and kind is DownloadKind.WORKSHEET
    return (kind, fmt, answers, options.questions)


def available_downloads(topic: Topic) -> list[DownloadInfo]:
    """The downloads of ``topic`` in the order the page shows them."""
    printed = "PDF" if exports.pdf_available() else "HTML (prints from any browser)"
    return [
        DownloadInfo(
            kind=DownloadKind.ANKI,
            title="Anki deck (.apkg)",
            description="the flashcards, tagged by section and decade; re-downloading after "
            "editing the notes updates the cards in Anki",
        ),
        DownloadInfo(
            kind=DownloadKind.WORKSHEET,
            title=f"Printable worksheet, {printed}",
            description="quiz questions, a source exercise with lines to write on, an essay",
        ),
        DownloadInfo(
            kind=DownloadKind.WORKSHEET,
            title=f"Worksheet with answers, {printed}",
            description="the worksheet with the mark scheme on the last pages",
            query="answers=true",
        ),
        DownloadInfo(
            kind=DownloadKind.MARK_SCHEME,
            title=f"Mark scheme on its own, {printed}",
            description="answers, levels and indicative content for the worksheet",
        ),
        DownloadInfo(
            kind=DownloadKind.CSV,
            title="Spreadsheet (.csv)",
            description="every study item, one row each",
        ),
        DownloadInfo(
            kind=DownloadKind.JSON,
            title="Study items (.json)",
            description="every item with all its fields, for other tools",
        ),
        DownloadInfo(
            kind=DownloadKind.QUIZLET,
            title="Quizlet import (.tsv)",
            description="term, tab, definition: paste it into Quizlet's Import box",
        ),
        DownloadInfo(
            kind=DownloadKind.TIMELINE_SVG,
            title="Timeline chart (.svg)",
            description="the chart as a scalable image",
        ),
        DownloadInfo(
            kind=DownloadKind.TIMELINE_PNG,
            title="Timeline chart (.png)",
            description="the chart as a picture for slides and documents",
            available=exports.png_available(),
        ),
        DownloadInfo(
            kind=DownloadKind.TIMELINEJS,
            title="TimelineJS (.json)",
            description="the dated points for Knight Lab's TimelineJS",
        ),
    ]


def make_download(
    kind: DownloadKind,
    topic: Topic,
    kit: Callable[[], Kit],
    *,
    options: DownloadOptions,
    timestamp: float,
) -> Download:
    """The file for ``kind``; ``kit`` is called only by the kinds that need study items."""
    stem = topic.name
    if kind is DownloadKind.ANKI:
        data = exports.anki_deck(topic, kit(), timestamp=timestamp)
        return Download(data=data, media_type=APKG_TYPE, filename=safe_filename(stem, ".apkg"))
    if kind in PRINTED_KINDS:
        fmt = resolve_print_format(options.print_format)
        if kind is DownloadKind.MARK_SCHEME:
            data = exports.mark_scheme(topic, kit(), fmt=fmt, quiz_questions=options.questions)
            name = f"{stem}-mark-scheme"
        else:
            files = exports.worksheet(
                topic,
                kit(),
                fmt=fmt,
                with_answers=options.answers,
                quiz_questions=options.questions,
            )
            data = files.worksheet
            name = f"{stem}-worksheet" + ("-with-answers" if options.answers else "")
        return Download(data=data, media_type=_MEDIA[fmt], filename=safe_filename(name, f".{fmt}"))
    if kind in (DownloadKind.CSV, DownloadKind.JSON, DownloadKind.QUIZLET):
        fmt = kind.value
        data = exports.items_file(topic, kit(), fmt=fmt)
        if kind is DownloadKind.QUIZLET:
            return Download(
                data=data,
                media_type=_MEDIA["tsv"],
                filename=safe_filename(f"{stem}-quizlet", ".tsv"),
            )
        suffix = f".{fmt}"
        return Download(
            data=data, media_type=_MEDIA[fmt], filename=safe_filename(f"{stem}-items", suffix)
        )
    if kind is DownloadKind.TIMELINE_SVG:
        data = exports.timeline_svg(topic).encode("utf-8")
        return Download(
            data=data, media_type=_MEDIA["svg"], filename=safe_filename(f"{stem}-timeline", ".svg")
        )
    if kind is DownloadKind.TIMELINE_PNG:
        if not exports.png_available():
            raise NotInstalled(
                "PNG charts need CairoSVG on the server (pip install 'clio[print]' and the Cairo "
                "library); download the SVG chart instead"
            )
        data = exports.timeline_png(exports.timeline_svg(topic))
        return Download(
            data=data, media_type=_MEDIA["png"], filename=safe_filename(f"{stem}-timeline", ".png")
        )
    if kind is DownloadKind.TIMELINEJS:
        data = exports.timeline_timelinejs(topic).encode("utf-8")
        return Download(
            data=data,
            media_type=_MEDIA["json"],
            filename=safe_filename(f"{stem}-timelinejs", ".json"),
        )
    raise UsageError(f"there is no download called {kind!r}")


class DownloadCache:
    """The last few files made, by topic version and options (PDFs take seconds to print).

    Requests for the same file at the same time wait for one maker instead of each printing
    it (a class opening the worksheet together costs one PDF, not thirty).
    """

    def __init__(self, size: int = 24) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._files: OrderedDict[tuple[object, ...], Download] = OrderedDict()
        self._making: dict[tuple[object, ...], threading.Lock] = {}

    def get_or_make(self, key: tuple[object, ...], make: Callable[[], Download]) -> Download:
        """The cached file for ``key``, or ``make()`` it (once) and keep it."""
        found = self._cached(key)
        if found is not None:
            return found
        with self._lock:
            turn = self._making.setdefault(key, threading.Lock())
        with turn:
            found = self._cached(key)  # made by the request we waited for
            if found is not None:
                return found
            try:
                made = make()
                with self._lock:
                    self._files[key] = made
                    while len(self._files) > self._size:
                        self._files.popitem(last=False)
            finally:
                with self._lock:
                    self._making.pop(key, None)
            return made

    def _cached(self, key: tuple[object, ...]) -> Download | None:
        with self._lock:
            found = self._files.get(key)
            if found is not None:
                self._files.move_to_end(key)
            return found
