"""The web app on PostgreSQL (CI starts a throwaway server; see scripts/pg-start.sh)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from clio.web import WebSettings, create_app
from tests.store.db_fixtures import PG_ENV, fresh_postgres_url
from tests.web.conftest import new_client, sign_up

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} not set"),
]


@pytest.fixture
def pg_app(tmp_path: Path) -> Iterator[FastAPI]:
    """A multi-user app on a fresh PostgreSQL database."""
    for url in fresh_postgres_url():
        app = create_app(
            WebSettings(data_dir=tmp_path, database_url=url, secret_key="pg", multi_user=True)
        )
        yield app
        app.state.clio.close()


def test_teacher_sees_a_learners_review_on_postgres(pg_app: FastAPI) -> None:
    teacher, learner = new_client(pg_app), new_client(pg_app)
    sign_up(teacher, "teach", "teacher")
    sign_up(learner, "lea")
    made = teacher.post_form("/classes", {"name": "PG"}, follow_redirects=False)
    class_path = made.headers["location"]
    code = teacher.get(class_path).text.split('class="join-code">')[1].split("<")[0]
    learner.post_form("/classes/join", {"code": code})
    item = learner.get("/api/topics/china-and-the-ussr/next").json()
    assert learner.post("/api/reviews", json={"item_id": item["item_id"], "rating": 3}).is_success
    page = teacher.get(class_path)
    learner_link = page.text.split("/learners/")[1].split('"')[0]
    progress = teacher.get(f"{class_path}/learners/{learner_link}")
    assert "<strong>1</strong> reviewed today" in progress.text
