"""Every export command and option is documented in docs/exports.md."""

from __future__ import annotations

from pathlib import Path

import typer.main

from clio.cli.export_cmds import export_app

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exports.md"


def test_every_export_command_and_option_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    group = typer.main.get_command(export_app)
    commands = getattr(group, "commands", {})  # typer ships its own click: no isinstance
    assert set(commands) == {"anki", "worksheet", "csv", "json", "quizlet"}
    for name, command in commands.items():
        assert f"clio export {name}" in text, name
        for param in command.params:
            for option in param.opts:
                if option.startswith("--") and option != "--output":
                    assert option in text, f"{name} {option}"
    for other in ("clio convert FILE", "clio convert FOLDER", "--png", "--timelinejs"):
        assert other in text
