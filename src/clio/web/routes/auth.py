"""Sign up, sign in and sign out (multi-user mode only; single-user mode needs no login)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from clio.errors import ClioError, InputError, NotFoundError
from clio.web.accounts import authenticate, change_password, register
from clio.web.security import FormBody, RateLimited, csrf_token
from clio.web.templating import render
from clio.web.viewer import CurrentViewer, Viewer

router = APIRouter(tags=["pages"], include_in_schema=False)


def _multi_user_only(request: Request) -> None:
    if not request.app.state.clio.settings.multi_user:
        raise NotFoundError("Clio is running for one person: there are no accounts to sign in to")


def _safe_next(value: object) -> str:
    """Only local paths, so a link cannot bounce a learner to another site after sign-in."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//"):
        return value
    return "/"


def _sign_in(request: Request, viewer: Viewer, target: str) -> Response:
    request.session.clear()  # a fresh session (and CSRF token) on every sign-in
    request.session["user_id"] = viewer.id
    csrf_token(request.session)
    return RedirectResponse(target, status_code=303)


def _client_key(request: Request, name: str) -> str:
    host = request.client.host if request.client else "?"
    return f"{host}|{name.strip().lower()}"


@router.get("/login", name="login")
def login_page(request: Request, next: str = "/") -> Response:
    """The sign-in form."""
    _multi_user_only(request)
    context = {"error": None, "name": "", "next": _safe_next(next)}
    return render(request, "login.html", context)


@router.post("/login", name="login_post")
def login(request: Request, form: FormBody) -> Response:
    """Check the name and password (rate limited per address and name)."""
    _multi_user_only(request)
    state = request.app.state.clio
    name = str(form.get("name") or "")
    password = str(form.get("password") or "")
    target = _safe_next(form.get("next"))
    key = _client_key(request, name)
    now = state.clock().timestamp()
    try:
        state.login_limiter.check(key, now=now)
    except RateLimited as limited:  # the form again, with the wait, rather than an error page
        context = {"error": limited.message.capitalize() + ".", "name": name, "next": target}
        return render(request, "login.html", context, status=limited.http_status)
    viewer = authenticate(state.store, name=name, password=password)
    if viewer is None:
        state.login_limiter.record_failure(key, now=now)
        context = {"error": "That name and password do not match.", "name": name, "next": target}
        return render(request, "login.html", context, status=400)
    state.login_limiter.reset(key)
    return _sign_in(request, viewer, target)


@router.get("/signup", name="signup")
def signup_page(request: Request) -> Response:
    """The form to create an account."""
    _multi_user_only(request)
    context = {"error": None, "name": "", "display_name": "", "role": "learner"}
    return render(request, "signup.html", context)


@router.post("/signup", name="signup_post")
def signup(request: Request, form: FormBody) -> Response:
    """Create an account and sign in."""
    _multi_user_only(request)
    state = request.app.state.clio
    name = str(form.get("name") or "")
    role = str(form.get("role") or "learner")
    password = str(form.get("password") or "")
    if password != str(form.get("password2") or ""):
        error: ClioError | None = InputError("the two passwords differ", field="password2")
    else:
        try:
            viewer = register(
                state.store,
                name=name,
                password=password,
                role=role,
                display_name=str(form.get("display_name") or ""),
                now=state.now(),
            )
            return _sign_in(request, viewer, "/")
        except ClioError as problem:
            error = problem
    message = error.reason if isinstance(error, InputError) else str(error)
    display_name = str(form.get("display_name") or "")
    context = {"error": message, "name": name, "display_name": display_name, "role": role}
    return render(request, "signup.html", context, status=400)


@router.post("/logout", name="logout")
def logout(request: Request) -> Response:
    """Forget the session."""
    request.session.clear()
    return RedirectResponse("/login" if request.app.state.clio.settings.multi_user else "/", 303)


@router.get("/account", name="account")
def account_page(request: Request, viewer: CurrentViewer, changed: bool = False) -> Response:
    """The viewer's account: change the password."""
    _multi_user_only(request)
    return render(request, "account.html", {"error": None, "changed": changed})


@router.post("/account/password", name="change_password")
def change_password_post(request: Request, form: FormBody, viewer: CurrentViewer) -> Response:
    """Change the password (the current one is checked and rate limited like a sign-in)."""
    _multi_user_only(request)
    state = request.app.state.clio
    key = f"account|{viewer.id}"
    now = state.clock().timestamp()
    try:
        state.login_limiter.check(key, now=now)
        change_password(
            state.store,
            viewer,
            current=str(form.get("current") or ""),
            new=str(form.get("password") or ""),
            again=str(form.get("password2") or ""),
        )
    except (InputError, RateLimited) as problem:
        if isinstance(problem, InputError) and problem.field == "current":
            state.login_limiter.record_failure(key, now=now)
        message = problem.reason if isinstance(problem, InputError) else problem.message
        context = {"error": message[:1].upper() + message[1:] + ".", "changed": False}
        return render(request, "account.html", context, status=problem.http_status)
    state.login_limiter.reset(key)
    return _sign_in(request, viewer, request.app.url_path_for("account") + "?changed=1")
