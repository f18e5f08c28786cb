"""``create_app(settings)``: the FastAPI application, built fresh for each settings object."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clio.web.context import Clock, WebContext, system_clock
from clio.web.errors import install_error_handlers
from clio.web.routes import (
    api,
    api_notes,
    api_study,
    ask,
    auth,
    classes,
    downloads,
    essays,
    library,
    progress,
    quiz,
    reader,
    review,
    set_work,
    sources,
)
from clio.web.security import require_csrf
from clio.web.settings import WebSettings
from clio.web.templating import make_templates, render

_STATIC = Path(__file__).resolve().parent / "static"

_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        b"script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ),
]


class SecurityHeaders:
    """Adds the headers that stop sniffing, framing and inline or foreign scripts."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Wrap ``send`` to add the headers to every HTTP response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name for name, _ in headers}
                headers += [(n, v) for n, v in _SECURITY_HEADERS if n not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: WebSettings | None = None, *, clock: Clock = system_clock) -> FastAPI:
    """A new Clio web app for ``settings`` (from the environment when not given)."""
    resolved = (settings or WebSettings.from_env()).resolved()
    assert resolved.secret_key is not None
    context = WebContext.build(resolved, clock=clock)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        context.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Clio",
        summary="Revision notes in; notes, timeline, flashcards, quizzes and marking out.",
        version="0.1.0",
        docs_url=None,  # served below from vendored Swagger UI: works offline, CSP-clean
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(require_csrf)],
    )
    app.state.clio = context
    app.state.templates = make_templates()
    install_error_handlers(app)
    app.add_middleware(
        SessionMiddleware,
        secret_key=resolved.secret_key,
        session_cookie="clio_session",
        same_site="lax",
        https_only=resolved.secure_cookies,
        max_age=14 * 24 * 3600,
    )
    app.add_middleware(SecurityHeaders)
    # The JSON API first: routes are matched in order, and answering a card is the hot path.
    app.include_router(api_study.router)
    app.include_router(api.router)
    app.include_router(api_notes.router)
    app.include_router(downloads.api)
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    app.include_router(auth.router)
    app.include_router(library.router)
    app.include_router(classes.router)
    app.include_router(set_work.router)
    app.include_router(reader.router)
    app.include_router(review.router)
    app.include_router(quiz.router)
    app.include_router(sources.router)
    app.include_router(essays.router)
    app.include_router(progress.router)
    app.include_router(ask.router)
    app.include_router(downloads.pages)

    @app.get("/api/docs", include_in_schema=False, name="api_docs")
    def api_docs(request: Request) -> Response:
        """Interactive API documentation (Swagger UI, vendored)."""
        return render(request, "api_docs.html")

    return app
