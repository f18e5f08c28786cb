"""Every fixture in tests/fixtures/notes parses to its golden JSON.

Regenerate after an intended change with ``CLIO_UPDATE_GOLDEN=1 pytest tests/parse/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clio.model.serialise import topic_to_json
from clio.parse import decode_notes, parse_notes
from tests.conftest import FIXTURES

NOTES = sorted(p for p in (FIXTURES / "notes").iterdir() if p.suffix in (".txt", ".md"))


def parse_fixture(path: Path) -> dict[str, object]:
    """The JSON form of a fixture, parsed as `clio parse --json` would."""
    text = decode_notes(path.read_bytes(), file=path.name)
    return topic_to_json(parse_notes(text, name=path.stem))


@pytest.mark.parametrize("path", NOTES, ids=[p.name for p in NOTES])
def test_matches_golden(path: Path) -> None:
    golden = path.with_suffix(".json")
    actual = parse_fixture(path)
    if os.environ.get("CLIO_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert golden.exists(), f"no golden file: run CLIO_UPDATE_GOLDEN=1 pytest {__file__}"
    assert actual == json.loads(golden.read_text("utf-8"))


def test_every_layout_has_a_fixture() -> None:
    assert len(NOTES) >= 9
