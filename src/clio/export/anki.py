"""Anki decks (.apkg): basic and cloze note types, tags by section and period, stable GUIDs.

Re-exporting an edited sheet keeps the GUIDs of unchanged cards, so Anki updates those notes
instead of duplicating them; with a fixed ``timestamp`` the file is byte-identical.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

import genanki

from clio.export.context import decade_tags, item_context, section_tag
from clio.model.items import CardKind, Flashcard, Kit
from clio.model.topic import Topic

_CSS = """.card { font-family: Georgia, serif; font-size: 20px; text-align: left; color: #1d1d1f;
  background: #fffdf8; max-width: 36em; margin: 0 auto; }
.context { font-size: 14px; color: #6b6257; margin-bottom: 1em; }
.source { font-size: 14px; color: #6b6257; margin-top: 1.5em; border-top: 1px solid #ddd;
  padding-top: .5em; white-space: pre-wrap; }
.cloze { font-weight: bold; color: #1f4e9c; }"""
_CONTEXT = '{{#Context}}<div class="context">{{Context}}</div>{{/Context}}'
_SOURCE = '{{#Source}}<div class="source">From your notes: {{Source}}</div>{{/Source}}'


def _stable_int(name: str) -> int:
    """A fixed Anki id for a name (Anki wants ids in [2**30, 2**31) for models and decks)."""
    digest = int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16)
    return (1 << 30) + digest % (1 << 30)


BASIC_MODEL = genanki.Model(
    _stable_int("clio-basic-v1"),
    "Clio basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Context"}, {"name": "Source"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": f"{_CONTEXT}{{{{Front}}}}",
            "afmt": f'{{{{FrontSide}}}}<hr id="answer">{{{{Back}}}}{_SOURCE}',
        }
    ],
    css=_CSS,
)

CLOZE_MODEL = genanki.Model(
    _stable_int("clio-cloze-v1"),
    "Clio cloze",
    fields=[{"name": "Text"}, {"name": "Back"}, {"name": "Context"}, {"name": "Source"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": f"{_CONTEXT}{{{{cloze:Text}}}}",
            "afmt": f"{_CONTEXT}{{{{cloze:Text}}}}<br>{{{{Back}}}}{_SOURCE}",
        }
    ],
    css=_CSS,
    model_type=genanki.Model.CLOZE,
)


def note_guid(card: Flashcard) -> str:
    """The Anki GUID of a card's note, derived from the card's stable id."""
    return str(genanki.guid_for("clio", card.id))


def deck_name(topic: Topic) -> str:
    """``Clio::China and the USSR``."""
    return f"Clio::{topic.title.replace('::', ':')}"


def _field(text: str) -> str:
    """Notes text as an Anki field: HTML-escaped, line breaks kept."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def _note(topic: Topic, card: Flashcard) -> genanki.Note:
    context = item_context(topic, card.source_ids)
    tags = [f"clio::topic::{topic.name}"]
    if context.section is not None:
        tags.append(section_tag(context.section))
    tags += decade_tags(context.period)
    tags.append(f"clio::kind::{card.kind.value}")
    context_text = card.context or context.label()
    if card.kind is CardKind.CLOZE and card.cloze and "{{c" in card.cloze:
        return genanki.Note(
            model=CLOZE_MODEL,
            fields=[
                _field(card.cloze),
                "",  # the cloze itself shows the answer; Back is for the learner's own extras
                _field(context_text),
                _field(_origin_unless_repeated(context.origin, card.cloze)),
            ],
            tags=tags,
            guid=note_guid(card),
        )
    return genanki.Note(
        model=BASIC_MODEL,
        fields=[
            _field(card.prompt),
            _field(card.answer),
            _field(context_text),
            _field(_origin_unless_repeated(context.origin, card.answer)),
        ],
        tags=tags,
        guid=note_guid(card),
    )


def _origin_unless_repeated(origin: str, shown: str) -> str:
    """The notes an item came from, unless the card already shows most of them."""
    plain = " ".join(re.sub(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", r"\1", shown).split())
    if plain and plain in " ".join(origin.split()) and len(plain) >= 0.6 * len(origin):
        return ""
    return origin


def build_deck(topic: Topic, kit: Kit) -> genanki.Deck:
    """A deck of every flashcard in the kit, its id fixed by the topic."""
    deck = genanki.Deck(_stable_int(f"clio-deck:{topic.id}"), deck_name(topic))
    for card in kit.flashcards:
        deck.add_note(_note(topic, card))
    return deck


def apkg_bytes(topic: Topic, kit: Kit, *, timestamp: float) -> bytes:
    """The .apkg file; the same input and ``timestamp`` give the same bytes."""
    package = genanki.Package(build_deck(topic, kit))
    with tempfile.TemporaryDirectory(prefix="clio-anki-") as folder:
        db_path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(db_path)
        try:
            package.write_to_db(connection.cursor(), timestamp, _ids_from(timestamp))
            connection.commit()
        finally:
            connection.close()
        collection = db_path.read_bytes()
    # genanki stamps the zip entries with the clock; fix them so the output is reproducible
    stamp = time.gmtime(max(timestamp, 315532800))[:6]  # zip dates start in 1980
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("collection.anki2", collection), ("media", b"{}")):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def _ids_from(timestamp: float) -> object:
    import itertools

    return itertools.count(int(timestamp * 1000))


def write_apkg(topic: Topic, kit: Kit, out: Path, *, timestamp: float) -> Path:
    """Write the deck to ``out`` (atomically: a failed export never leaves half a file)."""
    data = apkg_bytes(topic, kit, timestamp=timestamp)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, out)
    return out
