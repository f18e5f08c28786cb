"""Bad input reaches the user as one clear line naming file, line and reason: exit 3."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clio.cli import main
from clio.errors import InputError
from clio.parse import decode_notes
from clio.parse.text_input import MAX_BYTES


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("content", "reason", "line"),
    [
        (b"", "empty", "line 1"),
        (b"  \n\n\t \r\n", "empty", "line 1"),
        (b"Title\n\nsome notes\n\x00\x01\x02binary", "binary", "line 4"),
        (b"Title\n\xff\xfe notes in latin-1: caf\xe9\n", "not UTF-8", "line 2"),
    ],
    ids=["empty", "blank", "binary", "latin1"],
)
@pytest.mark.parametrize("command", ["parse", "timeline"])
def test_bad_files_exit_3_with_file_line_reason(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    reason: str,
    line: str,
    command: str,
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    code, out, err = _run([command, str(path)], capsys)
    assert code == 3
    assert out == ""
    message = " ".join(err.split())
    assert "notes.txt" in message and line in message and reason in message
    assert "Traceback" not in err


def test_oversized_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a. point\n" * (MAX_BYTES // 9 + 1))
    code, _, err = _run(["parse", str(path)], capsys)
    assert code == 3
    assert "huge.txt" in err and "5 MB" in err


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["parse", str(tmp_path / "nope.txt")], capsys)
    assert code == 3 and "no such file" in " ".join(err.split())
    code, _, err = _run(["parse", str(tmp_path)], capsys)
    assert code == 3 and "folder" in err


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(["parse"], capsys)
    assert code == 2


def test_decode_error_fields() -> None:
    with pytest.raises(InputError) as caught:
        decode_notes(b"ok\nok\n\x80bad", file="x.txt")
    assert (caught.value.file, caught.value.line, caught.value.column) == ("x.txt", 3, 1)


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01")
    result = subprocess.run(
        [sys.executable, "-m", "clio", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"), "COLUMNS": "200"},
    )
    assert result.returncode == 3
    assert "bin.txt, line 1" in result.stderr and "Traceback" not in result.stderr
