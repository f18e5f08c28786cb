"""One place that turns every failure into a friendly page or a JSON error, never a traceback."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from clio.errors import ClioError, InputError
from clio.web.security import CSRF_HEADER, CsrfError, csrf_token
from clio.web.templating import render

log = logging.getLogger("clio.web")


def wants_json(request: Request) -> bool:
    """True for API calls: they get JSON errors instead of pages."""
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(
    request: Request, status: int, message: str, *, detail: dict[str, Any] | None = None
) -> Response:
    """The error as JSON for ``/api`` and as a page (or an htmx fragment) elsewhere."""
    title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    if wants_json(request):
        body: dict[str, Any] = {"error": {"status": status, "title": title, "message": message}}
        if detail:
            body["error"].update(detail)
        return JSONResponse(body, status_code=status)
    htmx = bool(request.headers.get("HX-Request"))
    context = {
        "status": status,
        "title": title,
        "message": message,
        "detail": detail or {},
        "back": _same_site_referer(request),
    }
    response = render(
        request, "fragments/error.html" if htmx else "error.html", context, status=status
    )
    if htmx:
        # clio.js shows the fragment beside the form that asked, keeping what was typed,
        # and gives the page the session's current CSRF token (renewed if the session was lost)
        response.headers["HX-Reswap"] = "innerHTML"
        session = request.scope.get("session")
        if session is not None:
            response.headers[CSRF_HEADER] = csrf_token(session)
    return response


def _same_site_referer(request: Request) -> str | None:
    """The page the request came from when it is on this site (a way back from an error)."""
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc != request.url.netloc or referer.scheme not in ("http", "https"):
        return None
    if referer.path == request.url.path and request.method == "GET":
        return None
    path = "/" + referer.path.lstrip("/\\")  # never "//host": that would leave the site
    return urlunsplit(("", "", path, referer.query, ""))


def _input_detail(error: InputError) -> dict[str, Any]:
    return {
        "file": error.file,
        "line": error.line,
        "column": error.column,
        "field": error.field,
        "reason": error.reason,
    }


async def _clio_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ClioError)
    if exc.http_status == 401 and not wants_json(request) and request.method == "GET":
        target = "/login?" + urlencode({"next": request.url.path})
        if request.headers.get("HX-Request"):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)
    detail = _input_detail(exc) if isinstance(exc, InputError) else None
    message = exc.message
    if isinstance(exc, InputError) and not wants_json(request):
        message = exc.reason  # the page shows the file and line itself; "<input>, field" is noise
    if request.headers.get("HX-Request"):
        if isinstance(exc, CsrfError):
            message = "Your session had run out, so this was not saved. Press the button again."
        elif exc.http_status == 401:
            message = "You have been signed out, so this was not saved."
    return error_response(request, exc.http_status, message, detail=detail)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    messages = {
        404: "There is nothing at this address.",
        405: "This address does not accept that kind of request.",
    }
    message = exc.detail if isinstance(exc.detail, str) else ""
    if not message or message == HTTPStatus(exc.status_code).phrase:
        message = messages.get(exc.status_code, HTTPStatus(exc.status_code).phrase)
    response = error_response(request, exc.status_code, message)
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for item in exc.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("body", "query", "path"))
        problems.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg"))
    message = "The request is not valid: " + "; ".join(str(p) for p in problems)
    return error_response(request, 400, message, detail={"problems": problems})


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(
        request, 500, "Something went wrong on our side. It has been logged; please try again."
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(ClioError, _clio_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
