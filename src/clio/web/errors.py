"""One place that turns every failure into a friendly page or a JSON error, never a traceback."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from clio.errors import ClioError, InputError
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
    template = "fragments/error.html" if request.headers.get("HX-Request") else "error.html"
    response = render(
        request,
        template,
        {"status": status, "title": title, "message": message, "detail": detail or {}},
        status=status,
    )
    if request.headers.get("HX-Request"):
        response.headers["HX-Reswap"] = "innerHTML"
    return response


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
    return error_response(request, exc.http_status, exc.message, detail=detail)


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
