"""Set work: a class's teacher sets a topic due by a date and sees each learner's part.

Learners see their classes' work on the library page (:mod:`clio.web.routes.library`).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from clio.errors import InputError, NotFoundError
from clio.services.learning import set_work
from clio.web.routes.classes import class_context, multi_user_only
from clio.web.security import FormBody
from clio.web.templating import render
from clio.web.viewer import CurrentTeacher

router = APIRouter(tags=["pages"], include_in_schema=False)

FIELDS = ("topic", "kind", "due", "note")


@router.post("/classes/{class_id}/work", name="set_work")
def set_class_work(
    request: Request, form: FormBody, class_id: int, viewer: CurrentTeacher
) -> Response:
    """Set the class a topic (optionally one kind of item) due by a date (its teacher only)."""
    multi_user_only(request)
    state = request.app.state.clio
    fields = {k: str(form.get(k) or "") for k in FIELDS}
    context = class_context(request, viewer, class_id)  # 403/404 before anything else
    try:
        info = state.topic_info(fields["topic"], viewer)
        set_work.set_work(
            state.store,
            teacher_id=viewer.id,
            class_id=class_id,
            topic_id=info.id,
            kind=fields["kind"],
            due=fields["due"],
            note=fields["note"],
            now=state.now(),
        )
    except (InputError, NotFoundError) as problem:  # shown on the form, with what was typed
        reason = problem.reason if isinstance(problem, InputError) else problem.message
        context.update({"work_error": reason, "work_form": fields})
        return render(request, "class.html", context, status=problem.http_status)
    return RedirectResponse(
        request.app.url_path_for("class_page", class_id=str(class_id)) + "#work-h",
        status_code=303,
    )


@router.get("/classes/{class_id}/work/{work_id}", name="work_page")
def work_page(request: Request, class_id: int, work_id: int, viewer: CurrentTeacher) -> Response:
    """One piece of work: each learner's part, done or not, and score (its teacher only)."""
    multi_user_only(request)
    state = request.app.state.clio
    report = set_work.work_report(
        state.store, teacher_id=viewer.id, class_id=class_id, work_id=work_id
    )
    context = {"report": report, "kind_names": set_work.KIND_NAMES, "today": state.now().date()}
    return render(request, "work.html", context)


@router.post("/classes/{class_id}/work/{work_id}/delete", name="delete_work")
def delete_work(request: Request, class_id: int, work_id: int, viewer: CurrentTeacher) -> Response:
    """Delete a piece of work (its teacher only; the learners' answers stay theirs)."""
    multi_user_only(request)
    state = request.app.state.clio
    set_work.delete_work(state.store, teacher_id=viewer.id, class_id=class_id, work_id=work_id)
    return RedirectResponse(
        request.app.url_path_for("class_page", class_id=str(class_id)) + "#work-h",
        status_code=303,
    )
