"""Anki decks: opened as Anki would (a zip holding a SQLite collection) and checked."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest

from clio.export.anki import BASIC_MODEL, CLOZE_MODEL, apkg_bytes, note_guid, write_apkg
from clio.model.topic import Topic
from clio.parse import parse_notes
from tests.export.kits import hand_kit

STAMP = 1_700_000_000.0


def open_deck(data: bytes, tmp_path: Path) -> dict[str, Any]:
    """The notes, cards and models of an .apkg."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    db = sqlite3.connect(tmp_path / "c.anki2")
    try:
        notes = [
            {"guid": g, "mid": m, "fields": f.split("\x1f"), "tags": t.split()}
            for g, m, f, t in db.execute("SELECT guid, mid, flds, tags FROM notes ORDER BY id")
        ]
        cards = db.execute("SELECT count(*) FROM cards").fetchone()[0]
        models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
        decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    finally:
        db.close()
    return {"notes": notes, "cards": cards, "models": models, "decks": decks}


def test_notes_fields_tags_and_guids(china: Topic, tmp_path: Path) -> None:
    kit = hand_kit(china)
    deck = open_deck(apkg_bytes(china, kit, timestamp=STAMP), tmp_path)
    assert len(deck["notes"]) == len(kit.flashcards) == deck["cards"]
    assert {n["guid"] for n in deck["notes"]} == {note_guid(c) for c in kit.flashcards}
    assert "Clio::China and the USSR" in {d["name"] for d in deck["decks"].values()}
    names = {m["name"]: [f["name"] for f in m["flds"]] for m in deck["models"].values()}
    assert names["Clio basic"] == ["Front", "Back", "Context", "Source"]
    assert names["Clio cloze"] == ["Text", "Back", "Context", "Source"]

    by_guid = {n["guid"]: n for n in deck["notes"]}
    korea = next(c for c in kit.flashcards if c.kind == "basic" and "People" in c.prompt)
    note = by_guid[note_guid(korea)]
    assert note["mid"] == BASIC_MODEL.model_id
    front, back, context, source = note["fields"]
    assert front == "Korean War, 1950-53: People’s Volunteers, Nov 1950?"
    assert back.startswith("By November 1950, the UN/US army")
    assert context == "Korean War, 1950-53 (Nov 1950)"
    assert source == ""  # the back already shows the whole point: no need to repeat it
    assert "clio::korean-war" in note["tags"]
    assert "1950s" in note["tags"]
    assert "clio::topic::china-and-the-ussr" in note["tags"]


def test_cloze_cards_are_real_cloze_notes(china: Topic, tmp_path: Path) -> None:
    kit = hand_kit(china)
    cloze_cards = [c for c in kit.flashcards if c.kind == "cloze"]
    assert cloze_cards
    deck = open_deck(apkg_bytes(china, kit, timestamp=STAMP), tmp_path)
    by_guid = {n["guid"]: n for n in deck["notes"]}
    for card in cloze_cards:
        note = by_guid[note_guid(card)]
        assert note["mid"] == CLOZE_MODEL.model_id
        assert "{{c1::" in note["fields"][0]
        assert note["fields"][1] == ""  # Back is left for the learner
        assert note["fields"][3].startswith(card.cloze.split("{{")[0])  # type: ignore[union-attr]
    cloze_model = deck["models"][str(CLOZE_MODEL.model_id)]
    assert cloze_model["type"] == 1  # Anki's cloze note type


def test_html_in_notes_is_escaped(tmp_path: Path) -> None:
    topic = parse_notes(
        "HTML\n\nKey points, 1950\n\na.  The <b> tag & co\n\nA <script>x</script>\n"
    )
    kit = hand_kit(topic)
    deck = open_deck(apkg_bytes(topic, kit, timestamp=STAMP), tmp_path)
    fields = "".join("".join(n["fields"]) for n in deck["notes"])
    assert "<script>" not in fields and "&lt;script&gt;" in fields
    assert "The &lt;b&gt; tag &amp; co" in fields


def test_an_edited_sheet_keeps_the_guids_of_unchanged_cards(
    china_text: str, tmp_path: Path
) -> None:
    before = parse_notes(china_text, name="china-and-the-ussr")
    edited_text = china_text.replace("Mao had no experience of industrialisation", "Mao lacked")
    after = parse_notes(edited_text, name="china-and-the-ussr")
    old = open_deck(apkg_bytes(before, hand_kit(before), timestamp=STAMP), tmp_path)
    new = open_deck(apkg_bytes(after, hand_kit(after), timestamp=STAMP + 86400), tmp_path)
    old_guids = {n["guid"]: n["fields"] for n in old["notes"]}
    new_guids = {n["guid"]: n["fields"] for n in new["notes"]}
    changed = set(old_guids) - set(new_guids)
    assert len(changed) == 1  # only the card of the edited point
    assert "experience of industrialisation" in old_guids[changed.pop()][1]
    assert len(set(old_guids) & set(new_guids)) == len(old_guids) - 1


def test_same_input_and_timestamp_give_the_same_bytes(china: Topic, tmp_path: Path) -> None:
    kit = hand_kit(china)
    first = write_apkg(china, kit, tmp_path / "a.apkg", timestamp=STAMP).read_bytes()
    second = write_apkg(china, kit, tmp_path / "b.apkg", timestamp=STAMP).read_bytes()
    assert first == second
    assert apkg_bytes(china, kit, timestamp=STAMP + 1) != first
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("stamp", [0.0, 1e9])
def test_early_timestamps_still_make_a_valid_zip(china: Topic, stamp: float) -> None:
    data = apkg_bytes(china, hand_kit(china), timestamp=stamp)
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
