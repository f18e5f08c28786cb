"""Jinja2 templates (always autoescaped) and the helpers the templates use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.responses import Response

from clio.model.topic import Entity
from clio.schedule.fsrs_bridge import format_interval
from clio.web.security import csrf_token

_HERE = Path(__file__).resolve().parent


def highlight_entities(text: str, entities: Iterable[Entity]) -> Markup:
    """``text`` escaped, with each entity's words wrapped in ``<mark class="ent-KIND">``."""
    spans = sorted(
        {(e.text, e.kind.value, e.name) for e in entities if e.text}, key=lambda s: -len(s[0])
    )
    if not spans:
        return escape(text)
    by_text = {span[0]: span for span in spans}
    pattern = re.compile("|".join(re.escape(s[0]) for s in spans))
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(str(escape(text[last : match.start()])))
        _, kind, name = by_text[match.group(0)]
        out.append(
            f'<mark class="ent ent-{escape(kind)}" title="{escape(kind)}: {escape(name)}">'
            f"{escape(match.group(0))}</mark>"
        )
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def _context(request: Request) -> dict[str, Any]:
    state = request.app.state.clio
    session = request.scope.get("session")
    return {
        "csrf_token": csrf_token(session) if session is not None else "",
        "multi_user": state.settings.multi_user,
        "viewer": getattr(request.state, "viewer", None),
        "builtin_names": state.library.builtin_names,
    }


def make_templates() -> Jinja2Templates:
    """The template set, with autoescaping on for every file."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["highlight"] = highlight_entities
    env.filters["interval"] = format_interval
    templates = Jinja2Templates(env=env, context_processors=[_context])
    env.globals["url_for"] = _path_for  # relative paths work behind any proxy
    return templates


@jinja2.pass_context
def _path_for(context: dict[str, Any], name: str, /, **params: Any) -> str:
    request: Request = context["request"]
    return str(request.app.url_path_for(name, **params))


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status: int = 200
) -> Response:
    """Render template ``name`` for ``request``."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context or {}, status_code=status)
