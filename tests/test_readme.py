"""The README documents every CLI command, and CI runs the README's test command."""

from __future__ import annotations

import re

import typer.main

from clio.cli import app
from tests.conftest import REPO


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            names.extend(f"{name} {sub}" for sub in subcommands)
        else:
            names.append(name)
    return names


def test_every_command_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = []
    for name in _command_names():
        head, _, sub = name.partition(" ")
        pattern = rf"clio {re.escape(head)}\b" + (rf"[^\n]*\b{re.escape(sub)}\b" if sub else "")
        if not re.search(pattern, readme):
            missing.append(name)
    assert not missing, f"commands missing from README.md: {missing}"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme
    assert re.search(r"^bash scripts/test\.sh\b", ci, re.M)
