"""``clio essay`` and ``clio sources``: text and JSON output, exit codes for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clio.cli import main

FIXTURE = (
    Path(__file__).resolve().parent.parent / "generate" / "fixtures" / "cuban-missile-crisis.txt"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_essay_json_for_every_why_section(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "essay", "china-and-the-ussr", "--json", "--seed", "4")
    assert code == 0
    data = json.loads(out)
    assert data["seed"] == 4 and len(data["essay_plans"]) >= 3
    plan = data["essay_plans"][0]
    assert {"id", "question", "paragraphs", "source_ids"} <= set(plan)
    assert {"role", "heading", "text", "evidence", "theme", "source_ids"} <= set(
        plan["paragraphs"][0]
    )


def test_essay_for_a_typed_question(capsys: pytest.CaptureFixture[str]) -> None:
    question = "How far was the Korean War the main reason for the split?"
    code, out, _ = run(capsys, "essay", "china-and-the-ussr", question)
    assert code == 0
    assert "COUNTER" in out and "JUDGEMENT" in out and "Korean War" in out


def test_essay_question_the_notes_cannot_answer_exits_3(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "essay", "china-and-the-ussr", "Why did Caesar cross the Rubicon?")
    assert code == 3
    assert "never mention Caesar" in err and "Traceback" not in err


def test_sources_json_has_schemes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sources", str(FIXTURE), "--json")
    assert code == 0
    questions = json.loads(out)["source_questions"]
    assert len(questions) >= 8
    for question in questions:
        assert {"id", "text", "marks", "mark_scheme", "style"} <= set(question)
        scheme = question["mark_scheme"]
        assert scheme["max_marks"] == question["marks"]
        assert scheme["levels"][-1]["high"] == question["marks"]


def test_sources_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sources", "china-and-the-ussr")
    assert code == 0
    assert "Model answer" in out and "marks" in out


def test_missing_file_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "sources", "no-such-notes.txt")
    assert code == 3 and "no such file" in err


REFORMATION = Path(__file__).resolve().parent.parent / "fixtures" / "generate" / "reformation.txt"


def test_sources_marks_an_answer_to_one_question(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sources", str(REFORMATION), "--json")
    asked = json.loads(out)["source_questions"][0]
    good = (
        "Aske says the abbeys gave alms to poor men and served God well, so people joined "
        "because the monasteries had helped them. They also feared Cromwell would take the "
        "goods of parish churches."
    )
    code, out, _ = run(capsys, "sources", str(REFORMATION), "-n", "1", "-a", good, "--json")
    assert code == 0
    strong = json.loads(out)
    assert strong["max_marks"] == asked["marks"] and strong["score"] >= 2 and strong["made"]
    code, out, _ = run(capsys, "sources", str(REFORMATION), "-n", "1", "-a", "They were angry.")
    assert code == 0 and "0/4" in out and "✗" in out


def test_sources_answer_needs_a_real_question(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "sources", str(REFORMATION), "-n", "99", "-a", "text")
    assert code == 3 and "no question 99" in err
    code, _, err = run(capsys, "sources", str(REFORMATION), "-n", "1")
    assert code == 2 and "--answer" in err
