"""Who is looking: the signed-in account, or the local learner in single-user mode."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from clio.errors import PermissionDenied


@dataclass(frozen=True, kw_only=True)
class Viewer:
    """The person a request acts for."""

    id: int
    name: str
    role: str = "learner"  # "learner" or "teacher"
    local: bool = False
    login: str = ""  # the user name signed in with (``name`` is the name shown)

    @property
    def is_teacher(self) -> bool:
        """True for teacher accounts (and the local user, who owns everything)."""
        return self.role == "teacher" or self.local


class SignInRequired(PermissionDenied):
    """The page needs an account and nobody is signed in."""

    http_status = 401


async def current_viewer(request: Request) -> Viewer | None:
    """The viewer of this request, or None when multi-user mode has nobody signed in.

    (``async`` although it may read the store: one quick lookup costs less than the thread
    hop FastAPI makes for a plain function, on every request.)
    """
    viewer: Viewer | None = request.app.state.clio.viewer_for(request.session.get("user_id"))
    request.state.viewer = viewer
    return viewer


async def require_viewer(viewer: Annotated[Viewer | None, Depends(current_viewer)]) -> Viewer:
    """The viewer; raises :class:`SignInRequired` when nobody is signed in."""
    if viewer is None:
        raise SignInRequired("please sign in to see this page")
    return viewer


async def require_teacher(viewer: Annotated[Viewer, Depends(require_viewer)]) -> Viewer:
    """The viewer, who must be a teacher."""
    if not viewer.is_teacher:
        raise PermissionDenied("only teachers can do this")
    return viewer


MaybeViewer = Annotated[Viewer | None, Depends(current_viewer)]
CurrentViewer = Annotated[Viewer, Depends(require_viewer)]
CurrentTeacher = Annotated[Viewer, Depends(require_teacher)]
