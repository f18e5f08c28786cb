"""Turn the bytes of a notes file into clean text, or a clear error naming the file."""

from __future__ import annotations

import re

from clio.errors import InputError

MAX_BYTES = 5 * 1024 * 1024
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")

_SPACES = (("\u00a0", " "), ("\u2007", " "), ("\u202f", " "), ("\u2009", " "), ("\t", "    "))


def decode_notes(data: bytes, *, file: str = "<input>") -> str:
    """Decode UTF-8 notes (BOM allowed), refusing empty, binary, non-UTF-8 and oversized files."""
    if len(data) > MAX_BYTES:
        raise InputError(
            f"the file is {len(data):,} bytes; notes may be at most {MAX_BYTES:,} bytes (5 MB)",
            file=file,
        )
    if not data.strip():
        raise InputError("the file is empty: there are no notes to read", file=file, line=1)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(
            "the file is binary (it contains NUL bytes), not text notes", file=file, line=line
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be decoded); "
            "save it as UTF-8 and try again",
            file=file,
            line=line,
            column=column,
        ) from None
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """Unify line endings and odd spaces; keep quotes and dashes as the notes wrote them."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for odd, plain in _SPACES:  # str.replace is much faster than translate with a dict
        if odd in text:
            text = text.replace(odd, plain)
    if text.replace("\n", "").isprintable():
        return text  # no control character (they are all unprintable): most notes
    return _CONTROLS.sub(" ", text)
