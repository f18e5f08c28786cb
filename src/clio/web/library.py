"""The topics the web app serves, kept in the store: built-in ones plus uploaded notes.

Each topic's notes are parsed once per stored version and cached, so pages stay fast.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime

from clio.errors import ConflictError, InputError, NotFoundError
from clio.ids import slugify
from clio.model.items import Kit
from clio.model.topic import Topic
from clio.parse import decode_notes, parse_notes
from clio.services.exports import kit_from_items
from clio.services.learning import import_topic_text
from clio.services.topics import builtin_topics, read_builtin_text
from clio.store import topics_repo
from clio.store.database import Store
from clio.store.records import ImportReport, StoredItem, TopicInfo
from clio.store.topics_repo import TopicTaken

_PARSED_KEPT = 64


class TopicLibrary:
    """Topics by name from the store, parsed on demand (an LRU of parsed versions)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._parsed: OrderedDict[tuple[str, str], Topic] = OrderedDict()
        self.builtin_names = frozenset(t.name for t in builtin_topics())

    def import_builtins(self, *, now: datetime) -> list[ImportReport]:
        """Import each built-in topic that is missing or whose text changed, ready to study.

        (Regenerating an unchanged sheet after an upgrade is ``clio import``'s job: doing it at
        every start would slow the start for nothing.)
        """
        reports = []
        with self._store.read() as session:
            stored = {t.name: t.version for t in topics_repo.list_topics(session)}
        for name in sorted(self.builtin_names):
            text = read_builtin_text(name)
            if stored.get(name) != topics_repo.text_version(text):
                reports.append(import_topic_text(self._store, text, name=name, now=now))
        return reports

    def entries(self) -> list[TopicInfo]:
        """Every stored topic, built-in first, then by name."""
        with self._store.read() as session:
            found = topics_repo.list_topics(session)
        return sorted(found, key=lambda t: (t.name not in self.builtin_names, t.name))

    def info(self, name: str) -> TopicInfo:
        """The stored topic called ``name``."""
        with self._store.read() as session:
            found = topics_repo.find_topic(session, name)
        if found is None:
            raise NotFoundError(f"there is no topic called {name!r}")
        return found

    def get(self, name: str) -> Topic:
        """The parsed topic called ``name``."""
        info = self.info(name)
        key = (name, info.version)
        with self._lock:
            cached = self._parsed.get(key)
            if cached is not None:
                self._parsed.move_to_end(key)
                return cached
        with self._store.read() as session:
            text = topics_repo.topic_text(session, info.id)
        topic = parse_notes(text, name=name)
        with self._lock:
            self._parsed[key] = topic
            while len(self._parsed) > _PARSED_KEPT:
                self._parsed.popitem(last=False)
        return topic

    def items(self, name: str, *, kind: str | None = None) -> list[StoredItem]:
        """The live study items of a topic, in order (optionally of one kind)."""
        info = self.info(name)
        with self._store.read() as session:
            found = topics_repo.topic_items(session, info.id)
        return [item for item in found if kind is None or item.kind == kind]

    def kit(self, name: str) -> Kit:
        """The stored study items of a topic as a kit: exactly what its learners study."""
        return kit_from_items(self.get(name), (item.item for item in self.items(name)))

    def add(
        self,
        data: bytes,
        *,
        filename: str,
        now: datetime,
        name: str | None = None,
        owner_id: int | None = None,
        replace_any: bool = True,
    ) -> Topic:
        """Decode, parse, check and import uploaded notes (errors name the line).

        The topic is named after the notes (or ``name``). A built-in topic is never replaced
        (the upload becomes ``<name>-notes``). Without ``replace_any`` (a teacher in
        multi-user mode) an upload replaces only a topic ``owner_id`` uploaded before; when the
        name belongs to another teacher or to the admin, the upload gets the first free name of
        ``<name>-2``, ``<name>-3`` ... (or the one of those the same teacher already owns).
        """
        text = decode_notes(data, file=filename)
        topic = parse_notes(text, name=slugify(name) if name else None)
        if not any(section.points for section in topic.sections) and not topic.sources:
            raise InputError(
                "no points were found: give headings with numbered, lettered or bulleted "
                "points under them",
                file=filename,
                line=1,
            )
        base = topic.name
        if base in self.builtin_names:
            base = f"{base}-notes"
        for slug in _candidates(base):
            if slug in self.builtin_names:
                continue
            stored = self._find(slug)
            if stored is not None and not replace_any and stored.owner_id != owner_id:
                continue
            try:
                import_topic_text(
                    self._store,
                    text,
                    name=slug,
                    now=now,
                    owner_id=owner_id,
                    replace_any=replace_any,
                )
            except TopicTaken:  # another teacher took the name a moment ago: try the next
                continue
            return self.get(slug)
        raise ConflictError(f"too many topics are called {base!r}: give the notes another name")

    def _find(self, name: str) -> TopicInfo | None:
        with self._store.read() as session:
            return topics_repo.find_topic(session, name)


_MAX_NAMESAKES = 100


def _candidates(base: str) -> list[str]:
    """``base``, then ``base-2`` ... : the names an upload may take, in order."""
    return [base] + [f"{base}-{n}" for n in range(2, _MAX_NAMESAKES + 1)]
