"""Markdown notes: already in the notes family; only markup the parser does not read is removed."""

from __future__ import annotations

import re

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.M)
_SETEXT = re.compile(r"^(?P<text>[^\n#>*\-•\s][^\n]*)\n(?P<rule>=+|-+)[ \t]*$", re.M)


def markdown_to_notes(text: str) -> str:
    """Markdown notes as plain notes text: links become their words, images and comments go."""
    text = _FRONT_MATTER.sub("", text)
    text = _COMMENT.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _LINK_DEF.sub("", text)
    text = _SETEXT.sub(_setext_heading, text)
    return text


def _setext_heading(match: re.Match[str]) -> str:
    level = "#" if match.group("rule").startswith("=") else "##"
    return f"{level} {match.group('text').strip()}"
