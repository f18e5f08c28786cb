"""Topics and their items: save a generated kit, keep ids stable across re-imports."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from clio.errors import ConflictError, NotFoundError
from clio.store import hot
from clio.store.items_codec import StudyItem, item_from_payload, item_kind, item_to_payload
from clio.store.orm import ItemRow, TopicRow
from clio.store.records import ImportReport, StoredItem, TopicInfo


def text_version(text: str) -> str:
    """The version of a sheet: a hash of its exact text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class TopicTaken(ConflictError):
    """Another teacher (or the admin) owns the topic of that name."""

    def __init__(self, message: str, *, name: str) -> None:
        super().__init__(message)
        self.name = name


def save_topic_items(
    session: Session,
    *,
    name: str,
    title: str,
    source_text: str,
    items: Sequence[StudyItem],
    now: datetime,
    owner_id: int | None = None,
    replace_any: bool = True,
) -> ImportReport:
    """Store a topic's text and items; unchanged ids keep their rows (and so their history).

    Items no longer generated are retired (kept, with their history, but not studied);
    items that come back are revived. A new topic records ``owner_id`` (who uploaded it);
    an existing one keeps its owner. Unless ``replace_any`` (the CLI's and the built-in
    topics' admin path), only the topic's owner may replace it: :class:`TopicTaken` otherwise.
    """
    version = text_version(source_text)
    topic = session.scalar(select(TopicRow).where(TopicRow.name == name).with_for_update())
    if topic is not None and not replace_any and topic.owner_id != owner_id:
        raise TopicTaken(f"the topic {name!r} belongs to someone else", name=name)
    created = topic is None
    if topic is None:
        topic = TopicRow(
            name=name, title=title, source_text=source_text, version=version, owner_id=owner_id
        )
        topic.imported_at = now
        session.add(topic)
        session.flush()
    unchanged_text = not created and topic.version == version
    topic.title, topic.source_text, topic.version, topic.imported_at = (
        title,
        source_text,
        version,
        now,
    )
    existing = {
        row.uid: row for row in session.scalars(select(ItemRow).where(ItemRow.topic_id == topic.id))
    }
    added: list[str] = []
    kept: list[str] = []
    revived: list[str] = []
    seen: set[str] = set()
    for position, item in enumerate(items):
        if item.id in seen:
            continue
        seen.add(item.id)
        row = existing.get(item.id)
        if row is None:
            session.add(
                ItemRow(
                    uid=item.id,
                    topic_id=topic.id,
                    kind=item_kind(item),
                    position=position,
                    payload=item_to_payload(item),
                    retired=False,
                    first_version=version,
                    last_version=version,
                )
            )
            added.append(item.id)
            continue
        (revived if row.retired else kept).append(item.id)
        row.kind, row.position, row.payload = item_kind(item), position, item_to_payload(item)
        row.retired, row.last_version = False, version
    retired = [uid for uid, row in existing.items() if uid not in seen and not row.retired]
    for uid in retired:
        existing[uid].retired = True
    session.flush()
    hot.reset_cursors(session.connection(), topic_id=topic.id)  # positions were renumbered
    return ImportReport(
        topic=name,
        title=title,
        version=version,
        created=created,
        unchanged_text=unchanged_text,
        added=tuple(added),
        kept=tuple(kept),
        retired=tuple(sorted(retired)),
        revived=tuple(revived),
    )


def topic_info(row: TopicRow, count: int = 0) -> TopicInfo:
    """The summary of a topic row (``count``: its live items, when the caller counted them)."""
    return TopicInfo(
        id=row.id,
        name=row.name,
        title=row.title,
        version=row.version,
        imported_at=row.imported_at,
        item_count=count,
        owner_id=row.owner_id,
    )


def list_topics(session: Session) -> list[TopicInfo]:
    """Every imported topic with its count of live items."""
    grouped = session.execute(
        select(ItemRow.topic_id, func.count())
        .where(ItemRow.retired.is_(False))
        .group_by(ItemRow.topic_id)
    )
    counts = {topic_id: count for topic_id, count in grouped}
    # without the notes' text: the library is listed on most requests
    rows = session.scalars(
        select(TopicRow).options(defer(TopicRow.source_text)).order_by(TopicRow.name)
    )
    return [topic_info(r, counts.get(r.id, 0)) for r in rows]


def find_topic(session: Session, name: str) -> TopicInfo | None:
    """The topic with this name, or None."""
    row = session.scalar(
        select(TopicRow).options(defer(TopicRow.source_text)).where(TopicRow.name == name)
    )
    return None if row is None else topic_info(row)


def get_topic(session: Session, name: str) -> TopicInfo:
    """The topic with this name, or NotFoundError."""
    found = find_topic(session, name)
    if found is None:
        raise NotFoundError(f"no imported topic called {name!r}; run `clio import` first")
    return found


def topic_text(session: Session, topic_id: int) -> str:
    """The source text a topic was imported from."""
    text = session.scalar(select(TopicRow.source_text).where(TopicRow.id == topic_id))
    if text is None:
        raise NotFoundError(f"no topic with id {topic_id}")
    return text


def stored_item(row: ItemRow, topic_name: str) -> StoredItem:
    """Map an item row to a :class:`StoredItem`."""
    return StoredItem(
        id=row.id,
        uid=row.uid,
        topic_id=row.topic_id,
        topic_name=topic_name,
        kind=row.kind,
        position=row.position,
        item=item_from_payload(row.kind, row.payload),
        retired=row.retired,
    )


def topic_items(
    session: Session, topic_id: int, *, include_retired: bool = False
) -> list[StoredItem]:
    """A topic's items in generation order."""
    name = session.scalar(select(TopicRow.name).where(TopicRow.id == topic_id)) or ""
    query = select(ItemRow).where(ItemRow.topic_id == topic_id).order_by(ItemRow.position)
    if not include_retired:
        query = query.where(ItemRow.retired.is_(False))
    return [stored_item(r, name) for r in session.scalars(query)]


def get_items(session: Session, item_ids: Sequence[int]) -> dict[int, StoredItem]:
    """Items by row id (retired ones included)."""
    if not item_ids:
        return {}
    rows = session.execute(
        select(ItemRow, TopicRow.name)
        .join(TopicRow, TopicRow.id == ItemRow.topic_id)
        .where(ItemRow.id.in_(list(item_ids)))
    )
    return {row.id: stored_item(row, name) for row, name in rows}


def find_item(session: Session, topic_name: str, uid: str) -> StoredItem | None:
    """The item with this stable uid in this topic, or None."""
    found = session.execute(
        select(ItemRow, TopicRow.name)
        .join(TopicRow, TopicRow.id == ItemRow.topic_id)
        .where(TopicRow.name == topic_name, ItemRow.uid == uid)
    ).first()
    return None if found is None else stored_item(found[0], found[1])
