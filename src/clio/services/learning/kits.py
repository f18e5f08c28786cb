"""Import notes: parse, generate the kit, store it; re-imports keep unchanged ids."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from clio.errors import ClioError, InputError
from clio.ids import slugify
from clio.importers import IMPORTABLE_SUFFIXES
from clio.model.items import Flashcard, Kit
from clio.model.topic import Topic
from clio.store import topics_repo
from clio.store.database import Store
from clio.store.items_codec import (
    StudyItem,
)
from clio.store.records import ImportReport

# every format `clio convert` reads: .txt, .md, .docx, .html, .pdf
NOTE_SUFFIXES = IMPORTABLE_SUFFIXES


def make_kit_for(topic: Topic, *, seed: int = 0) -> Kit:
    """The study kit for a topic (:func:`clio.generate.make_kit`)."""
    from clio.generate import make_kit

    return make_kit(topic, seed=seed)


def basic_kit(topic: Topic, *, seed: int = 0) -> Kit:
    """One "point title -> explanation" card per point (a small kit for tests and tools)."""
    from clio.ids import content_id
    from clio.model.items import CardKind

    cards = tuple(
        Flashcard(
            id=content_id("c", point.id, "basic"),
            kind=CardKind.BASIC,
            prompt=point.title or point.text[:80],
            answer=point.text if point.title else point.full_text,
            source_ids=(point.id,),
            context=section.heading,
        )
        for section, point in topic.points()
        if point.title or point.text
    )
    return Kit(topic_id=topic.id, seed=seed, flashcards=cards)


def kit_items(kit: Kit) -> list[StudyItem]:
    """A kit's items in study order: cards, quiz and source questions mixed in proportion."""
    groups: list[Sequence[StudyItem]] = [kit.flashcards, kit.questions, kit.source_questions]
    groups = [g for g in groups if g]
    total = sum(len(g) for g in groups)
    keyed: list[tuple[float, int, StudyItem]] = []
    for rank, group in enumerate(groups):
        step = total / len(group)
        keyed.extend((i * step, rank, item) for i, item in enumerate(group))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [item for _, _, item in keyed] + list(kit.essay_plans)


def import_topic_text(
    store: Store,
    text: str,
    *,
    name: str,
    now: datetime,
    seed: int = 0,
    owner_id: int | None = None,
    replace_any: bool = True,
) -> ImportReport:
    """Parse notes, generate their kit and store it; unchanged items keep their history.

    ``owner_id`` is recorded for a new topic; without ``replace_any`` only that owner may
    replace an existing topic of the same name (:class:`clio.store.topics_repo.TopicTaken`).
    """
    from clio.parse import parse_notes

    topic = parse_notes(text, name=name)
    items = kit_items(make_kit_for(topic, seed=seed))
    with store.write() as session:
        report = topics_repo.save_topic_items(
            session,
            name=name,
            title=topic.title,
            source_text=text,
            items=items,
            now=now,
            owner_id=owner_id,
            replace_any=replace_any,
        )
    warnings = tuple(f"line {w.line}: {w.message}" if w.line else w.message for w in topic.warnings)
    return ImportReport(**{**report.__dict__, "warnings": warnings})


def note_files(paths: Sequence[str]) -> list[Path]:
    """The notes files named by ``paths``: files as given, folders searched for notes files."""
    found: list[Path] = []
    for ref in paths:
        path = Path(ref)
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in NOTE_SUFFIXES
            )
            if not inside:
                raise InputError(
                    f"no notes files ({', '.join(NOTE_SUFFIXES)}) in this folder", file=ref
                )
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise InputError("no such file or folder", file=ref)
    return found


@dataclass(frozen=True, kw_only=True)
class ImportOutcome:
    """One file's import: its report, or the error that stopped it."""

    path: str
    report: ImportReport | None = None
    error: ClioError | None = None


def import_paths(
    store: Store,
    paths: Sequence[str],
    *,
    now: datetime,
    seed: int = 0,
    on_file: Callable[[Path], None] | None = None,
) -> list[ImportOutcome]:
    """Import every notes file under ``paths``; a bad file is reported and the rest go on."""
    from clio.services.topics import read_topic_text

    outcomes = []
    for path in note_files(paths):
        if on_file is not None:
            on_file(path)
        try:
            text, _ = read_topic_text(str(path))
            report = import_topic_text(store, text, name=slugify(path.stem), now=now, seed=seed)
            outcomes.append(ImportOutcome(path=str(path), report=report))
        except ClioError as error:
            outcomes.append(ImportOutcome(path=str(path), error=error))
    return outcomes
