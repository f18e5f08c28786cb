"""Notes from other formats: Markdown, Word, web pages and text PDFs become notes text.

Every importer writes the same notes layout (``#`` headings, ``1.``/``a.``/``•`` list lines,
paragraphs), so every format goes through the one parser, :func:`clio.parse.parse_notes`.
"""

from __future__ import annotations

from pathlib import Path

from clio.errors import InputError
from clio.parse import decode_notes

TEXT_SUFFIXES = (".txt", ".text", "")
MARKDOWN_SUFFIXES = (".md", ".markdown")
CONVERTED_SUFFIXES = (".md", ".markdown", ".docx", ".html", ".htm", ".pdf")
IMPORTABLE_SUFFIXES = (".txt", ".text", *CONVERTED_SUFFIXES)
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
# Formats people keep notes in that Clio cannot read, and what to save them as instead.
_SAVE_AS = {
    ".doc": ".docx (Word: File > Save As)",
    ".odt": ".docx or .pdf (LibreOffice: File > Save As)",
    ".rtf": ".docx or .txt",
    ".pages": ".docx or .pdf (Pages: File > Export To)",
    ".pptx": ".pdf",
    ".key": ".pdf",
    ".epub": ".pdf or .html",
}  # Word files and PDFs carry images: allow more than text

__all__ = [
    "CONVERTED_SUFFIXES",
    "IMPORTABLE_SUFFIXES",
    "notes_from_bytes",
    "notes_from_file",
    "save_as_hint",
]


def save_as_hint(suffix: str) -> str | None:
    """What to save a file Clio cannot read as (".odt" -> ".docx or .pdf ..."), if known."""
    return _SAVE_AS.get(suffix.lower())


def notes_from_bytes(data: bytes, *, suffix: str, file: str = "<input>") -> str:
    """The notes text of a document's bytes, chosen by its file suffix (".docx", ".pdf"...)."""
    suffix = suffix.lower()
    if suffix in (".docx", ".html", ".htm", ".pdf"):
        if len(data) > MAX_DOCUMENT_BYTES:
            raise InputError(
                f"the file is {len(data):,} bytes; documents may be at most "
                f"{MAX_DOCUMENT_BYTES:,} bytes",
                file=file,
            )
        if not data.strip():
            raise InputError("the file is empty: there are no notes to read", file=file)
    if suffix == ".docx":
        from clio.importers.word import docx_to_notes

        text = docx_to_notes(data, file=file)
    elif suffix in (".html", ".htm"):
        from clio.importers.webpage import html_to_notes

        text = html_to_notes(data, file=file)
    elif suffix == ".pdf":
        from clio.importers.pdf import pdf_to_notes

        text = pdf_to_notes(data, file=file)
    elif suffix in MARKDOWN_SUFFIXES:
        from clio.importers.markdown import markdown_to_notes

        text = markdown_to_notes(decode_notes(data, file=file))
    elif suffix in _SAVE_AS:
        raise InputError(
            f"{suffix} files cannot be read; save the notes as {_SAVE_AS[suffix]} and try again",
            file=file,
        )
    else:
        return decode_notes(data, file=file)
    if not text.strip():
        raise InputError("no text found in this document", file=file)
    return decode_notes(text.encode("utf-8"), file=file)


def notes_from_file(path: Path) -> str:
    """The notes text of the file at ``path``, whatever its supported format."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", file=str(path)) from None
    return notes_from_bytes(data, suffix=path.suffix, file=str(path))
