"""``clio serve``: run the web app on this machine."""

from __future__ import annotations

import os
import threading
from typing import Annotated

import typer

from clio.cli.app import app, console


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default: SQLite in the data directory)."),
    ] = None,
    multi_user: Annotated[
        bool | None,
        typer.Option(
            "--multi-user/--single-user",
            help="Accounts for teachers and learners (default: single local learner).",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            help="Web worker processes (a school server on PostgreSQL may use several).",
            min=1,
            max=64,
        ),
    ] = 1,
) -> None:
    """Start the web app (the built-in topic is ready in the library)."""
    import uvicorn

    from clio.web import WebSettings, create_app

    settings = WebSettings.from_env(database_url=db, multi_user=multi_user)
    web_app = create_app(settings)
    mode = "multi-user" if web_app.state.clio.settings.multi_user else "single-user"
    console.print(f"Clio is running ({mode}) at [bold]http://{host}:{port}/[/]  (Ctrl+C stops it)")
    if host not in {"127.0.0.1", "localhost", "::1"} and mode == "single-user":
        console.print(
            "[yellow]warning:[/] single-user mode has no sign-in; anyone who can reach "
            f"{host}:{port} can use it. Use --multi-user for a shared server."
        )
    if workers > 1:
        # Each worker builds its own app from the environment: hand them the settings resolved
        # here (same database, same session key), after this process has run the migrations and
        # imported the built-in topic once.
        resolved = web_app.state.clio.settings
        os.environ["CLIO_DATABASE_URL"] = str(resolved.database_url)
        os.environ["CLIO_SECRET_KEY"] = str(resolved.secret_key)
        os.environ["CLIO_MULTI_USER"] = "true" if resolved.multi_user else "false"
        web_app.state.clio.close()
        uvicorn.run(
            "clio.web.app:create_app",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            proxy_headers=False,
        )
        return
    threading.Thread(target=_warm_up, name="clio-warm-up", daemon=True).start()
    uvicorn.run(web_app, host=host, port=port, log_level="warning", proxy_headers=False)


def _warm_up() -> None:
    """Load the sentence model and the PDF and PNG libraries in the background, so the first
    ask, mark or Downloads page is not slow (the PDF check alone took 2.5 s on a first visit)."""
    from clio.services import exports

    exports.pdf_available()
    exports.png_available()
    try:
        from clio.embed import get_embedder

        get_embedder()
    except Exception:  # the model then loads on first use, as it would without warm-up
        return
