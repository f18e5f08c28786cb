"""Clio's web app: server-rendered pages with htmx, and a JSON API under ``/api``."""

from clio.web.app import create_app
from clio.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
