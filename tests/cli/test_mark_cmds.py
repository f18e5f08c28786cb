"""``clio mark``: one answer (text and JSON) and JSONL batches with bad lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clio.cli import main

Q = "Why did Mao sign the Treaty of Friendship?"
R = "China needed Soviet economic aid and protection against a US invasion."
A = "Mao needed Soviet money and feared an American attack."


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_single_answer_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "mark", "--question", Q, "--reference", R, "--answer", A, "--max", "4", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert {"score", "max_marks", "level", "made", "missed", "feedback", "flags"} <= set(data)
    assert data["max_marks"] == 4 and 2 <= data["score"] <= 4


def test_single_answer_text_with_points(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "mark",
        "-q",
        Q,
        "-p",
        "Soviet economic aid",
        "-p",
        "fear of the USA",
        "-a",
        A,
        "--max",
        "2",
    )
    assert code == 0
    assert "/2" in out and "level" in out


def test_missing_options_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "mark", "--question", Q, "--answer", A)
    assert code == 2 and "--max" in err


def test_bad_max_is_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "mark", "-q", Q, "-r", R, "-a", A, "--max", "0")
    assert code == 3 and "max" in err


def test_batch_marks_good_lines_and_names_bad_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = [
        json.dumps({"question": Q, "reference": R, "answer": A, "max": 4, "id": "s1"}),
        "{not json",
        json.dumps(
            {"question": Q, "points": ["Soviet aid", "fear of the USA"], "answer": A, "max": 2}
        ),
        json.dumps({"question": Q, "answer": A, "max": 2}),
        json.dumps({"question": Q, "reference": R, "answer": "", "max": "four"}),
        "",
        json.dumps({"question": Q, "reference": R, "answer": "", "max": 3}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "mark", "--batch", str(path))
    assert code == 3
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5, 7]
    good = [r for r in rows if "score" in r]
    assert len(good) == 3 and good[0]["id"] == "s1"
    assert all({"score", "level", "feedback"} <= set(r) for r in good)
    assert good[2]["score"] == 0 and "empty" in good[2]["flags"]
    assert "line 2" in err and "line 4" in err and "line 5" in err and "max" in err


def test_batch_file_missing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "mark", "--batch", str(tmp_path / "nope.jsonl"))
    assert code == 3 and "nope.jsonl" in err
