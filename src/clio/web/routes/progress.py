"""The progress dashboard: due counts, streak, reviews per day, retention, weakest points."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from clio.model.items import SourceQuestion
from clio.services.progress import Progress, progress_summary
from clio.store import answers, topics_repo
from clio.store.answers import MarkedAnswer
from clio.store.database import Store
from clio.web.charts import bar_chart, hbar_chart
from clio.web.templating import render
from clio.web.viewer import CurrentViewer

router = APIRouter(tags=["pages"], include_in_schema=False)


def progress_charts(progress: Progress) -> dict[str, object]:
    """The dashboard's charts for one learner's progress."""
    days = progress.reviews_per_day
    retention = [progress.retention or 0.0, progress.desired_retention]
    weakest = progress.weakest_points
    return {
        "per_day": bar_chart(
            [d[5:] for d, _ in days], [n for _, n in days], title="Reviews per day"
        ),
        "retention": hbar_chart(
            ["Your retention (last 30 days)", "Your target"], retention, title="Retention"
        ),
        "weakest": hbar_chart(
            [w.title for w in weakest],
            [w.recall for w in weakest],
            title="Predicted recall of your weakest points",
        )
        if weakest
        else None,
    }


def marked_with_questions(store: Store, learner_id: int) -> list[tuple[MarkedAnswer, str]]:
    """A learner's marked answers, newest first, each with the text of its question."""
    with store.read() as session:
        marked = answers.marked_answers(session, learner_id)
        items = topics_repo.get_items(session, [m.item_id for m in marked if m.item_id])
    found = []
    for answer in marked:
        item = items.get(answer.item_id) if answer.item_id else None
        text = item.item.text if item and isinstance(item.item, SourceQuestion) else ""
        found.append((answer, text))
    return found


@router.get("/progress", name="progress")
def progress_page(request: Request, viewer: CurrentViewer, topic: str | None = None) -> Response:
    """The viewer's own progress (across topics, or one)."""
    state = request.app.state.clio
    if topic:
        state.topic_info(topic, viewer)
    progress = progress_summary(
        state.store, learner_id=viewer.id, now=state.now(), topic=topic or None
    )
    context = {
        "progress": progress,
        "charts": progress_charts(progress),
        "who": "Your",
        "topics": state.visible_topics(viewer),
        "titles": {t.name: t.title for t in state.visible_topics(viewer)},
        "topic": topic or "",
        "answers": marked_with_questions(state.store, viewer.id),
    }
    return render(request, "progress.html", context)
