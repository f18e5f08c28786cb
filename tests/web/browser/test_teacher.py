"""Multi-user journey in a real browser: a teacher sees a learner's marked answer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clio.web import WebSettings
from tests.web.browser.conftest import LiveServer, shot
from tests.web.conftest import fresh_data

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def school(tmp_path: Path, seeded_data: Path) -> Iterator[LiveServer]:
    """A multi-user app on a free port."""
    settings = WebSettings(
        data_dir=fresh_data(seeded_data, tmp_path), secret_key="school", multi_user=True
    )
    with LiveServer(settings) as server:
        yield server


def _sign_up(page: Any, base: str, name: str, role: str) -> None:
    page.goto(base + "/signup")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Name shown to your teacher (optional)").fill(name.title())
    page.get_by_label("Teacher" if role == "teacher" else "Learner", exact=True).check()
    page.get_by_label("Password (8 characters or more)").fill("a good password")
    page.get_by_label("Password again").fill("a good password")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(base + "/")


def test_teacher_sees_a_learners_marked_answer(school: LiveServer, browser: Any) -> None:
    teacher = browser.new_context().new_page()
    _sign_up(teacher, school.url, "mrsmith", "teacher")
    teacher.goto(school.url + "/classes")
    teacher.get_by_label("New class name").fill("10B History")
    teacher.get_by_role("button", name="Create class").click()
    code = teacher.locator(".join-code").inner_text()
    shot(teacher, "13-teacher-class")

    learner = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    _sign_up(learner, school.url, "amira", "learner")
    learner.goto(school.url + "/classes")
    learner.get_by_label("Join code").fill(code)
    learner.get_by_role("button", name="Join class").click()
    assert learner.get_by_text("10B History").count() == 1
    learner.goto(school.url + "/topics/china-and-the-ussr/sources")
    learner.locator(".source-list a").first.click()
    learner.get_by_label("Your answer").fill(
        "The source suggests Mao felt exploited by the USSR: the loans had high interest."
    )
    learner.get_by_role("button", name="Mark my answer").click()
    learner.locator(".mark-card").wait_for(timeout=60_000)
    score = learner.locator(".mark-score").inner_text()
    shot(learner, "14-learner-marked-phone")

    teacher.reload()
    teacher.set_viewport_size({"width": 375, "height": 800})  # the class table on a phone
    assert teacher.evaluate("document.documentElement.scrollWidth") <= 375
    teacher.set_viewport_size({"width": 1100, "height": 900})
    teacher.get_by_role("link", name="Amira").click()
    teacher.get_by_text("Amira’s progress").wait_for()
    marked = teacher.locator(".marked").first.inner_text()
    assert re.sub(r"\s+", "", score.split("Level")[0]) in re.sub(r"\s+", "", marked)
    assert "loans had high interest" in marked
    shot(teacher, "15-teacher-sees-learner")
