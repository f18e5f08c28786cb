"""Stable ids derived from content, so that re-parsing edited notes keeps unchanged ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def normalise_for_id(text: str) -> str:
    """Fold case, unicode forms, quotes, dashes and whitespace so cosmetic edits keep ids."""
    if not text.isascii():  # ASCII is already NFKC and has nothing to fold
        text = unicodedata.normalize("NFKC", text)
        for char, plain in _FOLD_PAIRS:  # str.replace beats str.translate with a dict
            if char in text:
                text = text.replace(char, plain)
    return " ".join(text.split()).casefold()  # str.split and regex \s: the same whitespace


_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


_FOLD_PAIRS = tuple((chr(code), plain) for code, plain in _FOLD.items())


def content_id(prefix: str, *parts: str, length: int = 12) -> str:
    """An id such as ``p-3f2a9c0d1b2e`` made from the normalised parts."""
    digest = hashlib.sha256("\x1f".join(normalise_for_id(p) for p in parts).encode("utf-8"))
    return f"{prefix}-{digest.hexdigest()[:length]}"


def slugify(text: str, *, max_length: int = 60) -> str:
    """A lower-case ASCII slug: ``"China and the USSR"`` -> ``"china-and-the-ussr"``."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    )
    slug = _SLUG_DROP.sub("-", ascii_text).strip("-")
    return slug[:max_length].rstrip("-") or "topic"
