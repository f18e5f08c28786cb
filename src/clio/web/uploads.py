"""Check an uploaded notes file or pasted text: size, type, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from starlette.datastructures import FormData, UploadFile

from clio.errors import InputError

ALLOWED_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_TEXT_TYPES = ("text/", "application/octet-stream", "application/markdown")


@dataclass(frozen=True, kw_only=True)
class Upload:
    """Notes as received: their bytes, a file name for messages, and an optional topic name."""

    data: bytes
    filename: str
    name: str | None = None


def upload_from_form(form: FormData, *, limit: int) -> Upload:
    """The notes in ``form``: the ``file`` field if a file was chosen, else the ``text`` field."""
    name = form.get("name")
    name = name.strip() if isinstance(name, str) and name.strip() else None
    file = form.get("file")
    if isinstance(file, UploadFile) and file.filename:
        filename = PurePath(file.filename).name
        suffix = PurePath(filename).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES or not (file.content_type or "text/").startswith(
            _TEXT_TYPES
        ):
            raise InputError(
                "Clio reads plain-text notes (.txt or .md). Save the document as plain text "
                "(UTF-8) and upload that, or paste the notes instead.",
                file=filename,
                field="file",
            )
        data = file.file.read(limit + 1)
        _check_size(len(data), limit, filename)
        return Upload(data=data, filename=filename, name=name or PurePath(filename).stem)
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        data = text.encode("utf-8")
        _check_size(len(data), limit, "pasted notes")
        return Upload(data=data, filename="pasted notes", name=name)
    raise InputError("choose a notes file or paste your notes first", field="file")


def _check_size(size: int, limit: int, filename: str) -> None:
    if size > limit:
        raise InputError(
            f"the notes are too large: at most {limit / (1024 * 1024):g} MB", file=filename
        )
