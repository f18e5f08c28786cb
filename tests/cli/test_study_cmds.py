"""The study commands end to end: import, study (piped and --json), progress, export/import.

Includes the data-safety test: ``clio study`` killed with SIGKILL mid-session keeps every
answer it had confirmed.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from clio.cli import main
from clio.services import learning
from clio.services.learning import kits as learning_kits
from tests.store.db_fixtures import (  # noqa: F401
    postgres_module_db,
    postgres_template,
    sqlite_template,
    store_url,
)
from tests.store.kits import sample_kit

SRC = Path(__file__).resolve().parents[2] / "src"
NOTES = (
    "Relations\n\nWhy they were close, 1949-57\n\na.  Soviet aid\n\nLoans and experts\n\n"
    "b.  Fear of the USA\n\nA deterrent\n\nc.  Korea, 1950\n\nBoth backed the North\n"
)
NOW = "2026-03-02T09:00:00+00:00"


def run(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str = "") -> tuple[int, str]:
    """Run the CLI in-process with ``stdin``; return the exit code and stdout."""
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(argv)
    finally:
        sys.stdin = old
    return code, capsys.readouterr().out


def test_import_reports_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(learning_kits, "make_kit_for", learning.basic_kit)  # one card per point
    db = str(tmp_path / "c.sqlite3")
    notes = tmp_path / "relations.txt"
    notes.write_text(NOTES, encoding="utf-8")
    code, out = run(["import", str(notes), "--db", db, "--now", NOW], capsys)
    assert code == 0 and "relations" in out and "new" in out
    notes.write_text(NOTES.replace("c.  Korea, 1950\n\nBoth backed the North\n", ""), "utf-8")
    code, out = run(["import", str(notes), "--db", db, "--json", "--now", NOW], capsys)
    (report,) = json.loads(out)
    assert code == 0 and len(report["retired"]) == 1 and len(report["kept"]) == 2
    assert report["added"] == [] and report["created"] is False
    code, _ = run(["import", str(tmp_path / "missing.txt"), "--db", db], capsys)
    assert code == 3
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    code, out = run(["import", str(notes), str(tmp_path / "bad.txt"), "--db", db], capsys)
    assert code == 3 and "binary" in out and "unchanged" in out  # the good file still imported


def test_study_piped_json_and_progress(
    store_url: str,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(learning_kits, "make_kit_for", lambda topic, seed=0: sample_kit())
    notes = tmp_path / "t.txt"
    notes.write_text(NOTES, encoding="utf-8")
    assert run(["import", str(notes), "--db", store_url, "--now", NOW], capsys)[0] == 0
    # card rated Good, quiz answered with option 2 ("right"), card Again, quiz option 1 (wrong)
    code, out = run(
        ["study", "--db", store_url, "--json", "--now", NOW, "-l", "ann"],
        capsys,
        "3\n2\nagain\n1\n",
    )
    events = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and events[-1] == {"event": "done", "answered": 4}
    prompts = [e for e in events if e["event"] == "prompt"]
    answered = [e for e in events if e["event"] == "answered"]
    # the fifth prompt is shown, then the input runs out
    assert [p["kind"] for p in prompts] == ["card", "quiz", "card", "quiz", "card"]
    assert prompts[0]["intervals"] == {"again": "1m", "hard": "6m", "good": "10m", "easy": "8d"}
    assert [a["rating"] for a in answered] == ["good", "good", "again", "again"]
    assert [a["correct"] for a in answered] == [None, True, None, False]
    code, out = run(["progress", "--db", store_url, "--json", "--now", NOW, "-l", "ann"], capsys)
    report = json.loads(out)
    assert code == 0 and report["reviewed_today"] == 4 and report["studied_items"] == 4
    code, out = run(["progress", "--db", store_url, "--now", NOW, "-l", "ann"], capsys)
    assert code == 0 and "streak" in out
    code, out = run(["study", "--db", store_url, "--now", NOW, "-l", "ann"], capsys, "5\n")
    assert code == 3  # not a rating


def test_export_and_import_progress_round_trip(
    store_url: str,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    notes = tmp_path / "t.txt"
    notes.write_text(NOTES, encoding="utf-8")
    run(["import", str(notes), "--db", store_url, "--now", NOW], capsys)
    run(["study", "--db", store_url, "--now", NOW, "--json", "-k", "card"], capsys, "3\n1\n4\n")
    first = tmp_path / "first.json"
    assert run(["export-progress", "--db", store_url, "-o", str(first)], capsys)[0] == 0
    other = str(tmp_path / "other.sqlite3")
    code, out = run(["import-progress", str(first), "--db", other], capsys)
    assert code == 0 and "reviews 3" in out
    code, out = run(["export-progress", "--db", other], capsys)
    assert code == 0 and out == first.read_text(encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert run(["import-progress", str(tmp_path / "bad.json"), "--db", other], capsys)[0] == 3
    missing = tmp_path / "missing.json"
    assert run(["export-progress", "--db", other, "-l", "zed", "-o", str(missing)], capsys)[0] == 3
    assert sorted(p.name for p in tmp_path.glob("missing*")) == []  # nothing half-written


def test_learner_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.sqlite3")
    code, out = run(["learner", "ann", "--db", db, "--retention", "0.85", "--json"], capsys)
    assert code == 0 and json.loads(out)["desired_retention"] == 0.85
    code, out = run(["learner", "ann", "--db", db, "--optimise", "--json"], capsys)
    assert "at least" in json.loads(out)["optimise"]
    assert run(["learner", "ann", "--db", db, "--retention", "2"], capsys)[0] == 3


@pytest.mark.slow
def test_kill_9_mid_session_loses_no_answer(tmp_path: Path) -> None:
    db = str(tmp_path / "c.sqlite3")
    notes = tmp_path / "t.txt"
    notes.write_text(NOTES, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    clio = [sys.executable, "-m", "clio"]
    subprocess.run([*clio, "import", str(notes), "--db", db], check=True, env=env, timeout=120)
    study = subprocess.Popen(
        [*clio, "study", "--db", db, "--json", "--now", NOW, "--kind", "card"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert study.stdin is not None and study.stdout is not None
    confirmed = []
    for rating in ("3", "1"):
        assert json.loads(study.stdout.readline())["event"] == "prompt"
        study.stdin.write(rating + "\n")
        study.stdin.flush()
        event = json.loads(study.stdout.readline())
        assert event["event"] == "answered"
        confirmed.append(event["item"])
    assert json.loads(study.stdout.readline())["event"] == "prompt"  # third item on screen
    os.kill(study.pid, signal.SIGKILL)
    study.wait(timeout=30)
    study.stdin.close()
    study.stdout.close()
    assert study.returncode == -signal.SIGKILL
    exported = subprocess.run(
        [*clio, "export-progress", "--db", db], capture_output=True, text=True, env=env, check=True
    )
    (learner,) = json.loads(exported.stdout)["learners"]
    assert [r["item"] for r in learner["reviews"]] == confirmed
    assert [r["rating"] for r in learner["reviews"]] == [3, 1]
    assert sorted(s["item"] for s in learner["states"]) == sorted(confirmed)


@pytest.mark.slow
def test_interactive_session_in_a_terminal(tmp_path: Path) -> None:
    """Enter reveals, a typo is asked again, a rating is saved, q stops (through a real pty)."""
    import pty
    import re
    import select
    import time

    db = str(tmp_path / "c.sqlite3")
    notes = tmp_path / "t.txt"
    notes.write_text(NOTES, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "100", "NO_COLOR": "1"}
    clio = [sys.executable, "-m", "clio"]
    subprocess.run([*clio, "import", str(notes), "--db", db], check=True, env=env, timeout=120)
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child process
        os.execve(sys.executable, [*clio, "study", "--db", db, "--kind", "card"], env)
    screen = b""

    def wait_for(text: bytes, timeout: float = 60) -> None:
        nonlocal screen
        end = time.monotonic() + timeout
        while text not in screen and time.monotonic() < end:
            if select.select([fd], [], [], 0.2)[0]:
                try:
                    screen += os.read(fd, 4096)
                except OSError:
                    break
                screen = re.sub(rb"\x1b\[[0-9;]*m", b"", screen)
        assert text in screen, screen.decode(errors="replace")

    for expect, send in (
        (b"Enter to reveal", b"\r"),
        (b"Good (10m)", b"9\r"),
        (b"not a rating", b"3\r"),
        (b"Enter to reveal", b"q\r"),
    ):
        wait_for(expect)
        screen = screen[screen.index(expect) + len(expect) :]
        os.write(fd, send)
    wait_for(b"1 answered and saved")
    os.waitpid(pid, 0)
    os.close(fd)


def test_cli_default_learner_matches_the_services() -> None:
    from clio.cli import study_cmds

    assert study_cmds.DEFAULT_LEARNER == learning.DEFAULT_LEARNER
