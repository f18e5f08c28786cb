"""Multi-user mode: accounts, sign-in, classes, sharing, and every permission rule."""

from __future__ import annotations

import re

from fastapi import FastAPI

from tests.web.conftest import WebClient, new_client, sign_up

TOPIC = "china-and-the-ussr"
NOTES = "Tudor trade\n\nWhy trade grew, 1500-1600\n1. New routes: the Muscovy Company, 1555.\n"


def _class_with_learner(app: FastAPI) -> tuple[WebClient, WebClient, str, str]:
    """A teacher with a class, a learner in it; returns both clients, class path, learner id."""
    teacher, learner = new_client(app), new_client(app)
    assert sign_up(teacher, "teach", "teacher").status_code == 303
    assert sign_up(learner, "lea").status_code == 303
    made = teacher.post_form("/classes", {"name": "10B History"}, follow_redirects=False)
    class_path = made.headers["location"]
    code = re.search(r'class="join-code">([A-Z0-9]+)<', teacher.get(class_path).text)
    assert code
    joined = learner.post_form("/classes/join", {"code": code.group(1).lower()})
    assert joined.status_code == 200 and "10B History" in joined.text
    learner_id = re.search(r"/learners/(\d+)", teacher.get(class_path).text)
    assert learner_id
    return teacher, learner, class_path, learner_id.group(1)


def test_pages_need_sign_in_and_redirect_to_login(multi_app: FastAPI) -> None:
    client = new_client(multi_app)
    for path in ("/", f"/topics/{TOPIC}", f"/topics/{TOPIC}/review", "/progress", "/classes"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=")
    assert client.get("/api/topics").status_code == 401
    assert client.get("/api/health").status_code == 200


def test_sign_up_sign_out_and_sign_in(multi_app: FastAPI) -> None:
    client = new_client(multi_app)
    assert sign_up(client, "ada").status_code == 303
    assert "Ada (learner)" in client.get("/").text
    client.post_form("/logout", {})
    assert client.get("/", follow_redirects=False).status_code == 303
    token = client.csrf()
    bad = client.post("/login", data={"csrf_token": token, "name": "ada", "password": "nope"})
    assert bad.status_code == 400 and "do not match" in bad.text
    good = client.post(
        "/login",
        data={
            "csrf_token": token,
            "name": "ada",
            "password": "a good password",
            "next": "/progress",
        },
        follow_redirects=False,
    )
    assert good.status_code == 303 and good.headers["location"] == "/progress"


def test_login_never_redirects_off_site(multi_app: FastAPI) -> None:
    client = new_client(multi_app)
    sign_up(client, "ada")
    client.post_form("/logout", {})
    token = client.csrf()
    response = client.post(
        "/login",
        data={
            "csrf_token": token,
            "name": "ada",
            "password": "a good password",
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_sign_up_problems_are_clear(multi_app: FastAPI) -> None:
    client = new_client(multi_app)
    token = client.csrf()
    base = {"csrf_token": token, "role": "learner", "name": "bob"}
    short = client.post("/signup", data={**base, "password": "short", "password2": "short"})
    assert short.status_code == 400 and "at least 8" in short.text
    differ = client.post("/signup", data={**base, "password": "long enough", "password2": "x"})
    assert differ.status_code == 400 and "differ" in differ.text
    bad_name = client.post(
        "/signup",
        data={**base, "name": "<b>", "password": "long enough", "password2": "long enough"},
    )
    assert bad_name.status_code == 400 and "user name" in bad_name.text
    sign_up(new_client(multi_app), "bob")
    taken = client.post(
        "/signup", data={**base, "password": "long enough", "password2": "long enough"}
    )
    assert taken.status_code == 400 and "already" in taken.text


def test_login_is_rate_limited(multi_app: FastAPI) -> None:
    client = new_client(multi_app)
    sign_up(new_client(multi_app), "eve")
    token = client.csrf()
    codes = [
        client.post(
            "/login", data={"csrf_token": token, "name": "eve", "password": "x"}
        ).status_code
        for _ in range(6)
    ]
    assert codes[:5] == [400] * 5
    assert codes[5] == 429
    right = client.post(
        "/login", data={"csrf_token": token, "name": "eve", "password": "a good password"}
    )
    assert right.status_code == 429  # even the right password waits out the window


def test_password_is_stored_as_argon2_hash(multi_app: FastAPI) -> None:
    from clio.store import accounts

    sign_up(new_client(multi_app), "hash")
    with multi_app.state.clio.store.read() as session:
        user = accounts.find_user(session, "hash")
    assert user is not None and user.password_hash
    assert user.password_hash.startswith("$argon2id$")
    assert "a good password" not in user.password_hash


def test_only_teachers_upload_and_create_classes(multi_app: FastAPI) -> None:
    learner = new_client(multi_app)
    sign_up(learner, "lea")
    assert "Add notes" not in learner.get("/").text
    assert learner.post_form("/library", {"text": NOTES}).status_code == 403
    assert learner.post("/api/topics", json={"text": NOTES}).status_code == 403
    assert learner.post_form("/classes", {"name": "mine"}).status_code == 403
    teacher = new_client(multi_app)
    sign_up(teacher, "teach", "teacher")
    assert teacher.post_form("/library", {"text": NOTES, "name": "tudor"}).status_code == 200


def test_learners_see_builtin_and_shared_topics_only(multi_app: FastAPI) -> None:
    teacher, learner, class_path, _ = _class_with_learner(multi_app)
    teacher.post_form("/library", {"text": NOTES, "name": "tudor"})
    assert learner.get("/topics/tudor").status_code == 404
    assert "tudor" not in [t["name"] for t in learner.get("/api/topics").json()]
    assert learner.get("/topics/tudor/review").status_code == 404
    class_id = class_path.rsplit("/", 1)[1]
    shared = teacher.post_form(f"/classes/{class_id}/share", {"topic": "tudor"})
    assert shared.status_code == 200 and "Tudor trade" in shared.text
    assert learner.get("/topics/tudor").status_code == 200
    assert learner.get(f"/topics/{TOPIC}").status_code == 200  # built-in


def test_teacher_sees_a_learners_progress_and_marked_answers(multi_app: FastAPI) -> None:
    teacher, learner, class_path, learner_id = _class_with_learner(multi_app)
    item = learner.get(f"/api/topics/{TOPIC}/next").json()
    learner.post("/api/reviews", json={"item_id": item["item_id"], "rating": 3})
    page = teacher.get(f"{class_path}/learners/{learner_id}")
    assert page.status_code == 200
    assert "Lea’s progress" in page.text
    assert "<strong>1</strong> reviewed today" in page.text


def test_learners_cannot_see_class_pages_or_other_learners(multi_app: FastAPI) -> None:
    teacher, learner, class_path, learner_id = _class_with_learner(multi_app)
    assert learner.get(class_path).status_code == 403
    assert learner.get(f"{class_path}/learners/{learner_id}").status_code == 403
    code = re.search(r'class="join-code">([A-Z0-9]+)<', teacher.get(class_path).text)
    assert code and code.group(1) not in learner.get("/classes").text


def test_a_teacher_cannot_see_another_teachers_class_or_learners(multi_app: FastAPI) -> None:
    _, _, class_path, learner_id = _class_with_learner(multi_app)
    other = new_client(multi_app)
    sign_up(other, "other", "teacher")
    assert other.get(class_path).status_code == 403
    assert other.get(f"{class_path}/learners/{learner_id}").status_code == 403
    own = other.post_form("/classes", {"name": "Mine"}, follow_redirects=False).headers["location"]
    assert other.get(f"{own}/learners/{learner_id}").status_code == 404


def test_a_learner_cannot_answer_items_of_unshared_topics(multi_app: FastAPI) -> None:
    teacher, learner, _, _ = _class_with_learner(multi_app)
    teacher.post_form("/library", {"text": NOTES, "name": "tudor"})
    item = teacher.get("/api/topics/tudor/next").json()
    denied = learner.post("/api/reviews", json={"item_id": item["item_id"], "rating": 3})
    assert denied.status_code == 403


def test_wrong_join_code_is_404_and_single_user_has_no_accounts(
    multi_app: FastAPI, client: WebClient
) -> None:
    learner = new_client(multi_app)
    sign_up(learner, "lea")
    assert learner.post_form("/classes/join", {"code": "NOPE1234"}).status_code == 404
    assert client.get("/login").status_code == 404
    assert client.get("/classes").status_code == 404


def test_a_wrong_join_code_is_shown_on_the_form_with_the_code_typed(multi_app: FastAPI) -> None:
    learner = new_client(multi_app)
    sign_up(learner, "lea")
    page = learner.post_form("/classes/join", {"code": "NOPE<1>"})
    assert page.status_code == 404
    assert 'role="alert"' in page.text and "no class has that join code" in page.text
    assert 'value="NOPE&lt;1&gt;"' in page.text  # kept, escaped
    assert 'action="/classes/join"' in page.text  # the form is there to try again


def test_a_learner_sees_the_topics_shared_with_their_class(multi_app: FastAPI) -> None:
    teacher, learner, class_path, _ = _class_with_learner(multi_app)
    assert "has not shared a topic" in learner.get("/classes").text
    teacher.post_form("/library", {"text": NOTES, "name": "tudor"})
    teacher.post_form(f"{class_path}/share", {"topic": "tudor"})
    page = learner.get("/classes").text
    assert 'href="/topics/tudor"' in page and "Tudor trade" in page


def test_sign_up_keeps_the_name_shown_to_the_teacher_after_a_problem(multi_app: FastAPI) -> None:
    client = new_client(multi_app)
    data = {"name": "bob", "display_name": "Bob <B>", "role": "teacher"}
    page = client.post_form("/signup", {**data, "password": "long enough", "password2": "x"})
    assert page.status_code == 400
    assert 'value="Bob &lt;B&gt;"' in page.text


def test_weakest_points_name_their_topic_by_its_title(multi_app: FastAPI) -> None:
    teacher, learner, class_path, learner_id = _class_with_learner(multi_app)
    item = learner.get(f"/api/topics/{TOPIC}/next").json()
    learner.post("/api/reviews", json={"item_id": item["item_id"], "rating": 1})
    for page in (teacher.get(f"{class_path}/learners/{learner_id}"), learner.get("/progress")):
        assert "<td>China and the USSR</td>" in page.text
        assert f"<td>{TOPIC}</td>" not in page.text


def test_a_learner_in_a_class_is_not_told_to_join_one(multi_app: FastAPI) -> None:
    lone = new_client(multi_app)
    sign_up(lone, "solo")
    assert "join one on the" in lone.get("/").text
    _, learner, _, _ = _class_with_learner(multi_app)
    page = learner.get("/").text
    assert "join one on the" not in page and "shares with your class appear here" in page


def test_the_class_page_shows_each_learners_results(multi_app: FastAPI) -> None:
    teacher, learner, class_path, learner_id = _class_with_learner(multi_app)
    row = re.search(r"<tr>\s*<th scope=\"row\">.*?</tr>", teacher.get(class_path).text, re.S)
    assert row and "Lea" in row.group(0) and "not yet" in row.group(0)
    card = learner.get(f"/api/topics/{TOPIC}/next").json()
    learner.post("/api/reviews", json={"item_id": card["item_id"], "rating": 3})
    quiz = learner.get(f"/api/topics/{TOPIC}/next", params={"kind": "quiz"}).json()
    answer = quiz["item"]["answer"]
    learner.post("/api/quiz-answers", json={"item_id": quiz["item_id"], "given": answer})
    page = teacher.get(class_path).text
    row = re.search(r"<tr>\s*<th scope=\"row\">.*?</tr>", page, re.S)
    assert row
    cells = re.findall(r"<td>(.*?)</td>", row.group(0), re.S)
    assert cells[0] == "2" and cells[1] == "2"  # reviews this week, items studied
    assert cells[2] == "100% of 1"
    assert cells[3] == "–" and "not yet" not in cells[4]
    assert f"/learners/{learner_id}" in row.group(0)


def test_a_learner_is_not_told_to_upload_sources(multi_app: FastAPI) -> None:
    teacher, learner, class_path, _ = _class_with_learner(multi_app)
    teacher.post_form("/library", {"text": NOTES, "name": "tudor"})
    teacher.post_form(f"{class_path}/share", {"topic": "tudor"})
    assert "upload them again" in teacher.get("/topics/tudor/sources").text
    page = learner.get("/topics/tudor/sources").text
    assert "no sources to practise on" in page and "upload them again" not in page
    assert 'href="/topics/tudor/quiz"' in page


def test_a_rate_limited_sign_in_shows_the_form_with_the_wait(multi_app: FastAPI) -> None:
    client = new_client(multi_app)
    sign_up(new_client(multi_app), "eve")
    token = client.csrf()
    for _ in range(6):
        page = client.post("/login", data={"csrf_token": token, "name": "eve", "password": "x"})
    assert page.status_code == 429
    assert 'role="alert"' in page.text and "Too many failed sign-ins" in page.text
    assert 'id="login-name"' in page.text or 'name="name"' in page.text
    assert 'value="eve"' in page.text


def test_a_signed_out_htmx_request_offers_a_sign_in_in_a_new_tab(multi_app: FastAPI) -> None:
    client = new_client(multi_app)
    token = client.csrf()  # the sign-in page's session: nobody is signed in
    response = client.post(
        f"/topics/{TOPIC}/sources/1",
        data={"answer": "my answer"},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert response.status_code == 401
    assert "You have been signed out, so this was not saved." in response.text
    assert 'href="/login" target="_blank" rel="noopener"' in response.text
    assert "what you typed is still here" in response.text


def test_a_teacher_stops_sharing_and_removes_a_learner(multi_app: FastAPI) -> None:
    teacher, learner, class_path, learner_id = _class_with_learner(multi_app)
    teacher.post_form("/library", {"text": NOTES, "name": "tudor"})
    teacher.post_form(f"{class_path}/share", {"topic": "tudor"})
    assert learner.get("/topics/tudor").status_code == 200
    assert 'aria-label="Stop sharing Tudor trade"' in teacher.get(class_path).text
    other = new_client(multi_app)
    sign_up(other, "other", "teacher")
    assert other.post_form(f"{class_path}/unshare", {"topic": "tudor"}).status_code == 403
    assert learner.post_form(f"{class_path}/unshare", {"topic": "tudor"}).status_code == 403
    page = teacher.post_form(f"{class_path}/unshare", {"topic": "tudor"})
    assert page.status_code == 200 and "Tudor trade" not in page.text.split("Share a topic")[0]
    assert learner.get("/topics/tudor").status_code == 404
    assert teacher.post_form(f"{class_path}/unshare", {"topic": "tudor"}).status_code == 404

    remove = f"{class_path}/learners/{learner_id}/remove"
    assert other.post_form(remove, {}).status_code == 403
    assert learner.post_form(remove, {}).status_code == 403
    assert teacher.post(remove, data={}).status_code == 400  # no CSRF token
    assert teacher.post_form(remove, {}).status_code == 200
    assert teacher.get(f"{class_path}/learners/{learner_id}").status_code == 404
    assert "10B History" not in learner.get("/classes").text


def test_a_learner_leaves_a_class(multi_app: FastAPI) -> None:
    teacher, learner, class_path, _ = _class_with_learner(multi_app)
    class_id = class_path.rsplit("/", 1)[1]
    assert 'aria-label="Leave 10B History"' in learner.get("/classes").text
    assert teacher.post_form(f"/classes/{class_id}/leave", {}).status_code == 403
    left = learner.post_form(f"/classes/{class_id}/leave", {})
    assert left.status_code == 200 and "You are not in a class yet" in left.text
    assert learner.post_form(f"/classes/{class_id}/leave", {}).status_code == 404
    assert "Nobody has joined yet" in teacher.get(class_path).text


def _sign_in(client: WebClient, name: str, password: str) -> int:
    data = {"csrf_token": client.csrf(), "name": name, "password": password}
    return client.post("/login", data=data, follow_redirects=False).status_code


def test_a_user_changes_their_password(multi_app: FastAPI, client: WebClient) -> None:
    learner = new_client(multi_app)
    sign_up(learner, "lea")
    assert 'href="/account"' in learner.get("/").text
    change = "/account/password"
    good = {"current": "a good password", "password": "another password"}
    wrong = learner.post_form(change, {**good, "current": "nope", "password2": good["password"]})
    assert wrong.status_code == 400 and "current password is not right" in wrong.text
    differ = learner.post_form(change, {**good, "password2": "something else"})
    assert differ.status_code == 400 and "differ" in differ.text
    done = learner.post_form(change, {**good, "password2": good["password"]})
    assert done.status_code == 200 and "Your password has been changed" in done.text
    assert _sign_in(new_client(multi_app), "lea", "a good password") == 400
    assert _sign_in(new_client(multi_app), "lea", "another password") == 303
    assert "Signed in as <strong>lea</strong>" in done.text
    assert client.get("/account").status_code == 404  # single-user mode has no accounts


def test_guessing_the_current_password_is_rate_limited(multi_app: FastAPI) -> None:
    learner = new_client(multi_app)
    sign_up(learner, "lea")
    form = {"current": "guess", "password": "new password", "password2": "new password"}
    codes = [learner.post_form("/account/password", form).status_code for _ in range(6)]
    assert codes == [400] * 5 + [429]


def test_a_teacher_adds_a_learner_without_an_account(multi_app: FastAPI) -> None:
    teacher, learner, class_path, _ = _class_with_learner(multi_app)
    form = {"name": "ben", "display_name": "Ben <B>", "password": "first password"}
    added = teacher.post_form(f"{class_path}/learners", form)
    assert added.status_code == 200 and "Added <strong>ben</strong>" in added.text
    assert "Ben &lt;B&gt;" in added.text
    assert _sign_in(new_client(multi_app), "ben", "first password") == 303
    again = teacher.post_form(f"{class_path}/learners", form)
    assert again.status_code == 409 and "already a user called" in again.text
    assert 'value="Ben &lt;B&gt;"' in again.text  # the form keeps what was typed
    short = teacher.post_form(f"{class_path}/learners", {**form, "name": "cy", "password": "x"})
    assert short.status_code == 400 and "at least 8" in short.text
    other = new_client(multi_app)
    sign_up(other, "other", "teacher")
    assert other.post_form(f"{class_path}/learners", {**form, "name": "dee"}).status_code == 403
    assert learner.post_form(f"{class_path}/learners", {**form, "name": "dee"}).status_code == 403
    assert teacher.post(f"{class_path}/learners", data={**form, "name": "dee"}).status_code == 400
    class_page = teacher.get(class_path, params={"added": "someone-else"}).text
    assert "someone-else" not in class_page  # the notice names members only


def test_a_learner_cannot_practise_questions_of_an_unshared_topic(multi_app: FastAPI) -> None:
    teacher, learner, _, _ = _class_with_learner(multi_app)
    teacher.post_form("/library", {"text": NOTES, "name": "tudor"})
    assert teacher.get("/topics/tudor/quiz", params={"kind": "mcq"}).status_code == 200
    assert learner.get("/topics/tudor/quiz", params={"kind": "mcq"}).status_code == 404
    assert "Tudor" not in learner.get("/topics/tudor/quiz", params={"kind": "mcq"}).text
