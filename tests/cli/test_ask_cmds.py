"""`clio ask` and `clio search` from the command line, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clio.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ask"


def test_ask_json_answer(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["ask", "china-and-the-ussr", "Which Manchurian harbours were handed over?", "--json"]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["answered"] is True
    assert out["answer"] == "Dalian and Lushun"
    assert 0.5 <= out["confidence"] <= 1.0
    (cite,) = out["citations"]
    assert cite["point_id"].startswith("p-")
    assert "Dalian" in cite["quote"]


def test_ask_json_refusal(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ask", "china-and-the-ussr", "When did Zhou Enlai visit Moscow?", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["answered"] is False
    assert out["citations"] == []
    assert out["answer"] == "The notes don't say."


def test_ask_text_on_a_notes_file(capsys: pytest.CaptureFixture[str]) -> None:
    sheet = str(FIXTURES / "cuban-missile-crisis.txt")
    code = main(["ask", sheet, "Who argued for a blockade rather than air strikes?"])
    out = capsys.readouterr().out
    assert code == 0
    assert "McNamara" in out


def test_ask_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    text = (FIXTURES / "weimar-hyperinflation.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code = main(["ask", "-", "Who became Chancellor in August 1923?", "--json"])
    assert code == 0
    assert "Stresemann" in json.loads(capsys.readouterr().out)["answer"]


def test_ask_bad_input_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "no-such-topic", "When?"]) == 3
    assert main(["ask", "china-and-the-ussr", "   "]) == 3
    err = capsys.readouterr().err
    assert "question" in err and "Traceback" not in err


def test_search_lists_and_highlights(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["search", "swimming pool", "china-and-the-ussr", "--json"])
    matches = json.loads(capsys.readouterr().out)
    assert code == 0
    top = matches[0]
    assert "swimming pool" in top["text"]
    marked = [top["text"][a:b] for a, b in top["highlights"]]
    assert marked[:2] == ["swimming", "pool"]
    assert "swim" in marked  # "could not swim": same stem


def test_search_text_output_and_default_topics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Xinjiang mineral rights"]) == 0
    assert "Xinjiang" in capsys.readouterr().out
    assert main(["search", "photosynthesis", "china-and-the-ussr"]) == 0
    assert "No matching points" in capsys.readouterr().out
