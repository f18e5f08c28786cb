"""Classes: teachers create them and share topics; learners join with a code.

A teacher sees the progress and marked answers of the learners in their own classes only;
learners see only their own (there is no page that shows anyone else's work to a learner).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session
from starlette.responses import Response

from clio.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from clio.services.learning import set_work
from clio.services.progress import progress_summary
from clio.store import accounts as store_accounts
from clio.store.records import TopicInfo, User
from clio.web import accounts
from clio.web.class_results import class_results
from clio.web.routes.progress import marked_with_questions, progress_charts
from clio.web.security import FormBody
from clio.web.templating import render
from clio.web.viewer import CurrentTeacher, CurrentViewer, Viewer

router = APIRouter(tags=["pages"], include_in_schema=False)


def multi_user_only(request: Request) -> None:
    """404 unless the app runs in multi-user mode."""
    if not request.app.state.clio.settings.multi_user:
        raise NotFoundError("classes need multi-user mode (clio serve --multi-user)")


def _teachers_class(request: Request, viewer: Viewer, class_id: int) -> Any:
    """The app's state, once the viewer is shown to teach the class (404/403 otherwise)."""
    multi_user_only(request)
    state = request.app.state.clio
    accounts.class_for_teacher(state.store, viewer, class_id)
    return state


def _member(session: Session, class_id: int, learner_id: int) -> User:
    """The learner, if they are in the class (404 otherwise)."""
    found = next(
        (m for m in store_accounts.class_members(session, class_id) if m.id == learner_id), None
    )
    if found is None:
        raise NotFoundError("that learner is not in this class")
    return found


def _to_class(request: Request, class_id: int) -> Response:
    """Back to the class page after a change (303, so a reload does not post again)."""
    return RedirectResponse(
        request.app.url_path_for("class_page", class_id=str(class_id)), status_code=303
    )


@router.get("/classes", name="classes")
def classes_page(request: Request, viewer: CurrentViewer) -> Response:
    """A teacher's classes with their join codes, or the classes a learner has joined."""
    multi_user_only(request)
    return render(request, "classes.html", _classes_context(request, viewer))


def _classes_context(
    request: Request, viewer: Viewer, *, error: str | None = None, code: str = ""
) -> dict[str, object]:
    state = request.app.state.clio
    with state.store.read() as session:
        if viewer.is_teacher:
            found = store_accounts.classes_taught(session, viewer.id)
            sizes = {c.id: len(store_accounts.class_members(session, c.id)) for c in found}
            shared: dict[int, list[TopicInfo]] = {}
        else:
            found = store_accounts.classes_joined(session, viewer.id)
            sizes = {}
            shared = {c.id: store_accounts.topics_of_class(session, c.id) for c in found}
    return {"classes": found, "sizes": sizes, "shared": shared, "error": error, "code": code}


@router.post("/classes", name="create_class")
def create_class(request: Request, form: FormBody, viewer: CurrentTeacher) -> Response:
    """Create a class (teachers)."""
    multi_user_only(request)
    state = request.app.state.clio
    made = accounts.create_class(
        state.store, viewer, name=str(form.get("name") or ""), now=state.now()
    )
    return RedirectResponse(
        request.app.url_path_for("class_page", class_id=str(made.id)), status_code=303
    )


@router.post("/classes/join", name="join_class")
def join_class(request: Request, form: FormBody, viewer: CurrentViewer) -> Response:
    """Join a class by its code (learners)."""
    multi_user_only(request)
    if viewer.is_teacher:
        raise PermissionDenied("teachers create classes; learners join them")
    state = request.app.state.clio
    code = str(form.get("code") or "")
    try:
        accounts.join_class(state.store, viewer, code=code, now=state.now())
    except (NotFoundError, InputError) as problem:  # shown on the form, with the code typed
        context = _classes_context(request, viewer, error=problem.message, code=code)
        return render(request, "classes.html", context, status=problem.http_status)
    return RedirectResponse(request.app.url_path_for("classes"), status_code=303)


def class_context(request: Request, teacher: Viewer, class_id: int) -> dict[str, object]:
    """What the class page shows (403 unless ``teacher`` teaches the class)."""
    state = request.app.state.clio
    found = accounts.class_for_teacher(state.store, teacher, class_id)
    with state.store.read() as session:
        members = store_accounts.class_members(session, class_id)
        shared = store_accounts.topics_of_class(session, class_id)
    shared_names = {t.name for t in shared}
    work = set_work.class_work(state.store, teacher_id=teacher.id, class_id=class_id)
    return {
        "klass": found,
        "members": members,
        "results": class_results(state.store, members, now=state.now()),
        "shared": shared,
        "shareable": [t for t in state.visible_topics(teacher) if t.name not in shared_names],
        "topics": state.visible_topics(teacher),
        "work": work,
        "kind_names": set_work.KIND_NAMES,
        "today": state.now().date(),
        "work_error": None,
        "work_form": {},
        "added": "",
        "add_error": None,
        "add_form": {},
    }


@router.get("/classes/{class_id}", name="class_page")
def class_page(
    request: Request, class_id: int, viewer: CurrentTeacher, added: str = ""
) -> Response:
    """A class: its join code, learners and shared topics (its teacher only)."""
    multi_user_only(request)
    context = class_context(request, viewer, class_id)
    members = context["members"]
    assert isinstance(members, list)
    named = added in {m.name for m in members}  # only a real member: the link is not a message
    context.update({"added": added if named else "", "add_error": None, "add_form": {}})
    return render(request, "class.html", context)


@router.post("/classes/{class_id}/learners", name="add_learner")
def add_learner(
    request: Request, form: FormBody, class_id: int, viewer: CurrentTeacher
) -> Response:
    """Make an account for a learner and put it in the class (for learners without one).

    The teacher gives the learner the user name and first password; the learner can change
    the password on their Account page.
    """
    multi_user_only(request)
    state = request.app.state.clio
    found = accounts.class_for_teacher(state.store, viewer, class_id)
    fields = {k: str(form.get(k) or "") for k in ("name", "display_name")}
    try:
        learner = accounts.register(
            state.store,
            name=fields["name"],
            password=str(form.get("password") or ""),
            role="learner",
            display_name=fields["display_name"],
            now=state.now(),
        )
        accounts.join_class(state.store, learner, code=found.join_code, now=state.now())
    except (InputError, ConflictError) as problem:
        reason = problem.reason if isinstance(problem, InputError) else problem.message
        context = class_context(request, viewer, class_id)
        context.update({"added": "", "add_error": reason, "add_form": fields})
        return render(request, "class.html", context, status=problem.http_status)
    path = request.app.url_path_for("class_page", class_id=str(class_id))
    added = fields["name"].strip()  # the user name the learner signs in with
    return RedirectResponse(f"{path}?{urlencode({'added': added})}", status_code=303)


@router.post("/classes/{class_id}/share", name="share_topic")
def share_topic(
    request: Request, form: FormBody, class_id: int, viewer: CurrentTeacher
) -> Response:
    """Share a topic with the class."""
    state = _teachers_class(request, viewer, class_id)
    info = state.topic_info(str(form.get("topic") or ""), viewer)
    with state.store.write() as session:
        store_accounts.share_topic(session, class_id=class_id, topic_id=info.id, now=state.now())
    return _to_class(request, class_id)


@router.get("/classes/{class_id}/learners/{learner_id}", name="learner_page")
def learner_page(
    request: Request, class_id: int, learner_id: int, viewer: CurrentTeacher
) -> Response:
    """One learner's progress and marked answers, for the teacher of their class."""
    state = _teachers_class(request, viewer, class_id)
    with state.store.read() as session:
        learner = _member(session, class_id, learner_id)
    progress = progress_summary(state.store, learner_id=learner_id, now=state.now())
    context = {
        "progress": progress,
        "charts": progress_charts(progress),
        "who": f"{learner.display_name}’s",
        "answers": marked_with_questions(state.store, learner_id),
        "topics": [],
        "titles": {t.name: t.title for t in state.visible_topics(viewer)},
        "topic": "",
    }
    return render(request, "progress.html", context)


@router.post("/classes/{class_id}/unshare", name="unshare_topic")
def unshare_topic(
    request: Request, form: FormBody, class_id: int, viewer: CurrentTeacher
) -> Response:
    """Stop sharing a topic with the class (its learners keep their history)."""
    state = _teachers_class(request, viewer, class_id)
    name = str(form.get("topic") or "")
    with state.store.write() as session:
        shared = store_accounts.topics_of_class(session, class_id)
        found = next((t for t in shared if t.name == name), None)
        if found is None:
            raise NotFoundError("that topic is not shared with this class")
        store_accounts.unshare_topic(session, class_id=class_id, topic_id=found.id)
    return _to_class(request, class_id)


@router.post("/classes/{class_id}/learners/{learner_id}/remove", name="remove_learner")
def remove_learner(
    request: Request, class_id: int, learner_id: int, viewer: CurrentTeacher
) -> Response:
    """Take a learner out of the class (their own work stays theirs; the code lets them back)."""
    state = _teachers_class(request, viewer, class_id)
    with state.store.write() as session:
        _member(session, class_id, learner_id)
        store_accounts.leave_class(session, user_id=learner_id, class_id=class_id)
    return _to_class(request, class_id)


@router.post("/classes/{class_id}/leave", name="leave_class")
def leave_class(request: Request, class_id: int, viewer: CurrentViewer) -> Response:
    """Leave a class one joined (learners)."""
    multi_user_only(request)
    if viewer.is_teacher:
        raise PermissionDenied("teachers create classes; learners join and leave them")
    state = request.app.state.clio
    with state.store.write() as session:
        if class_id not in {c.id for c in store_accounts.classes_joined(session, viewer.id)}:
            raise NotFoundError("you are not in that class")
        store_accounts.leave_class(session, user_id=viewer.id, class_id=class_id)
    return RedirectResponse(request.app.url_path_for("classes"), status_code=303)
