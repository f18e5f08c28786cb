"""`clio parse --json` follows docs/topic.schema.json for the bundled sheet and every fixture."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from clio.cli import main
from tests.conftest import FIXTURES, REPO

SCHEMA = json.loads((REPO / "docs" / "topic.schema.json").read_text("utf-8"))
NOTES = sorted(p for p in (FIXTURES / "notes").iterdir() if p.suffix in (".txt", ".md"))


def _parse_json(ref: str, capsys: pytest.CaptureFixture[str]) -> Any:
    assert main(["parse", ref, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_schema_is_valid() -> None:
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    "ref", ["china-and-the-ussr", *map(str, NOTES)], ids=lambda r: Path(r).name
)
def test_output_validates(ref: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = _parse_json(ref, capsys)
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_bundled_sheet_json_content(capsys: pytest.CaptureFixture[str]) -> None:
    data = _parse_json("china-and-the-ussr", capsys)
    assert data["title"] == "China and the USSR"
    assert data["intro"].startswith("At first, China")
    assert len(data["sections"]) == 5
    first = data["sections"][0]
    assert first["period"] == {"start": "1949", "end": "1957", "approximate": False}
    assert first["points"][1]["period"] == {"start": "1949", "end": "1949", "approximate": False}
    assert first["points"][0]["period"] is None
    (source,) = data["sources"]
    assert source["author"] == "Kenneth G. Lieberthal" and source["year"] == 1976
    autumn = [c for c in source["claims"] if c["period"]["start"] == "1959-09"]
    assert autumn and autumn[0]["period"]["approximate"] is True
    assert data["questions"] == []
    assert [w["code"] for w in data["warnings"]] == ["clashing_dates"]


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    raw = (FIXTURES / "notes" / "numbered.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    data = _parse_json("-", capsys)
    assert data["name"] == "stdin" and len(data["sections"]) == 3


def test_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "china-and-the-ussr"]) == 0
    out = capsys.readouterr().out
    assert "Korean War, 1950-53" in out and "Kim Il Sung, Jun 1950" in out
    assert "warning" in out and "Treaty of Friendship" in out


def test_topics_lists_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics"]) == 0
    out = capsys.readouterr().out
    assert "china-and-the-ussr" in out and "China and the USSR" in out
