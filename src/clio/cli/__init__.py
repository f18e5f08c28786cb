"""The ``clio`` command line: thin commands over :mod:`clio.services`.

Exit codes: 0 ok, 2 usage error, 3 bad input (file, line and reason are printed).
No traceback ever reaches the user: :func:`main` turns every error into a message.
"""

from __future__ import annotations

import sys

from clio.cli import (  # noqa: F401  (importing registers the commands)
    ask_cmds,
    essay_cmds,
    export_cmds,
    kit_cmds,
    mark_cmds,
    study_cmds,
    topics_cmds,
    web_cmds,
)
from clio.cli.app import app, console_err
from clio.errors import ClioError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    try:
        app(args=argv, prog_name="clio", standalone_mode=False)
    except ClioError as error:
        console_err.print(f"[bold red]error:[/] {error}", highlight=False)
        return error.exit_code
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except KeyboardInterrupt:
        console_err.print("interrupted")
        return 130
    except Exception as error:
        # Typer may vendor its own click, so recognise click's exceptions by their shape.
        names = {cls.__name__ for cls in type(error).__mro__}
        if "Abort" in names:
            console_err.print("aborted")
            return 1
        if "ClickException" in names:
            error.show()  # type: ignore[attr-defined]
            return 2 if "UsageError" in names else 1
        console_err.print(f"[bold red]internal error:[/] {type(error).__name__}: {error}")
        console_err.print("Please report this with the command you ran.")
        return 1
    return 0


def entrypoint() -> None:
    """Console-script entry point."""
    sys.exit(main())
