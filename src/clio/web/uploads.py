"""Check an uploaded notes file or pasted text, and read it as notes text through the importers.

Every format the CLI imports is accepted (.txt, .md, .docx, .html/.htm, text .pdf): the file's
suffix picks the importer in :mod:`clio.importers`, which turns it into the one notes layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from starlette.datastructures import FormData, UploadFile

from clio.errors import InputError
from clio.importers import CONVERTED_SUFFIXES, IMPORTABLE_SUFFIXES, notes_from_bytes, save_as_hint

# Suffixes offered in the file picker and named in messages (the importers also take aliases).
SHOWN_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".pdf")
ACCEPT = ",".join((*SHOWN_SUFFIXES, ".markdown", "text/plain", "text/markdown", "text/html"))
DOCUMENT_SUFFIXES = (".docx", ".pdf")  # may carry images: the larger document limit applies
_READABLE = ".txt, .md, .docx, .html or a PDF with text"


class UploadTooLarge(InputError):
    """An uploaded file or pasted text over its size limit."""

    http_status = 413


@dataclass(frozen=True, kw_only=True)
class Upload:
    """Notes as received: their bytes, a file name for messages, and an optional topic name.

    ``data`` is the notes text as UTF-8 for converted documents, the raw bytes for text files
    (decoded later, so an undecodable byte is reported at its line).
    """

    data: bytes
    filename: str
    name: str | None = None


def upload_from_form(form: FormData, *, limit: int, document_limit: int | None = None) -> Upload:
    """The notes in ``form``: the ``file`` field if a file was chosen, else the ``text`` field
    (both at once is refused: the learner may not know the other is there).

    ``limit`` bounds text (files and pasted notes, and the text taken from a document);
    ``document_limit`` bounds .docx and .pdf files (``limit`` when not given).
    """
    name = form.get("name")
    name = name.strip() if isinstance(name, str) and name.strip() else None
    file = form.get("file")
    text = form.get("text")
    if isinstance(file, UploadFile) and file.filename:
        if isinstance(text, str) and text.strip():  # which one was meant? say, rather than guess
            raise InputError(
                f"you chose the file {PurePath(file.filename).name} and pasted notes too; "
                "clear the pasted notes to add the file, or remove the file to add the notes",
                field="file",
            )
        filename = PurePath(file.filename).name
        suffix = PurePath(filename).suffix.lower()
        _check_suffix(suffix, filename)
        most = (document_limit or limit) if suffix in DOCUMENT_SUFFIXES else limit
        raw = file.file.read(most + 1)
        _check_size(len(raw), most, filename, what="file")
        return Upload(
            data=_notes_bytes(raw, suffix=suffix, filename=filename, limit=limit),
            filename=filename,
            name=name or PurePath(filename).stem,
        )
    if isinstance(text, str) and text.strip():
        data = text.encode("utf-8")
        _check_size(len(data), limit, "pasted notes", what="notes")
        return Upload(data=data, filename="pasted notes", name=name)
    raise InputError("choose a notes file or paste your notes first", field="file")


def _check_suffix(suffix: str, filename: str) -> None:
    if suffix in IMPORTABLE_SUFFIXES:
        return
    hint = save_as_hint(suffix)
    if hint:
        reason = f"Clio cannot read {suffix} files. Save the notes as {hint} and upload that."
    else:
        reason = f"Clio reads {_READABLE} files, not {suffix}. Save the notes as one of those."
    raise InputError(reason, file=filename, field="file")


def _notes_bytes(raw: bytes, *, suffix: str, filename: str, limit: int) -> bytes:
    """The notes of a converted format as UTF-8 text; text files stay as they came."""
    if suffix not in CONVERTED_SUFFIXES:
        return raw
    data = notes_from_bytes(raw, suffix=suffix, file=filename).encode("utf-8")
    _check_size(len(data), limit, filename, what="text in this document")
    return data


def _check_size(size: int, limit: int, filename: str, *, what: str) -> None:
    if size > limit:
        megabytes = limit / (1024 * 1024)
        raise UploadTooLarge(f"the {what} is too large: at most {megabytes:g} MB", file=filename)
