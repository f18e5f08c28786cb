"""Exports of the real generated kit (``clio.generate.make_kit``) of the bundled sheet."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from clio.cli import main
from clio.export.anki import CLOZE_MODEL, apkg_bytes, note_guid
from clio.export.worksheet import build_sheet, render_html
from clio.model.items import Kit
from clio.model.topic import Topic
from clio.services.exports import study_kit
from tests.export.test_anki import open_deck


@pytest.fixture(scope="module")
def kit(china: Topic) -> Kit:
    """The generated kit with seed 0."""
    return study_kit(china, seed=0)


def test_every_generated_card_becomes_one_note(china: Topic, kit: Kit, tmp_path: Path) -> None:
    deck = open_deck(apkg_bytes(china, kit, timestamp=1e9), tmp_path)
    assert len(deck["notes"]) == len(kit.flashcards)
    guids = [n["guid"] for n in deck["notes"]]
    assert len(set(guids)) == len(guids) == len({c.id for c in kit.flashcards})
    cloze = {note_guid(c) for c in kit.flashcards if c.cloze}
    assert cloze, "the generator makes cloze cards"
    for note in deck["notes"]:
        if note["guid"] in cloze:
            assert note["mid"] == CLOZE_MODEL.model_id and "{{c1::" in note["fields"][0]
        assert any(tag.startswith("clio::") and "::topic::" not in tag and "::kind::" not in tag
                   for tag in note["tags"]), note  # fmt: skip


def test_generated_worksheet_has_every_part(china: Topic, kit: Kit) -> None:
    sheet = build_sheet(china, kit)
    assert len(sheet.quiz) == 10 and sheet.source is not None and sheet.source_questions
    assert sheet.essay is not None
    html = render_html(china, sheet, scheme=True)
    for part in ("Part A: Quick quiz", "Part B: Source exercise", "Part C: Essay", "mark scheme"):
        assert part in html


def test_timeline_png_and_timelinejs_from_the_cli(tmp_path: Path) -> None:
    png, data = tmp_path / "t.png", tmp_path / "t.json"
    code = main(["timeline", "china-and-the-ussr", "--png", str(png), "--timelinejs", str(data)])
    assert code == 0
    from PIL import Image

    image = Image.open(io.BytesIO(png.read_bytes()))
    assert image.format == "PNG" and image.width >= 1000
    timeline = json.loads(data.read_text())
    assert len(timeline["events"]) > 20 and timeline["eras"]


def test_anki_from_the_cli_uses_the_generator(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    assert main(["export", "anki", "china-and-the-ussr", "-o", str(out), "--seed", "3"]) == 0
    assert zipfile.ZipFile(out).testzip() is None


def test_editing_one_point_keeps_the_other_notes(china_text: str, tmp_path: Path) -> None:
    from clio.parse import parse_notes

    def guids(text: str, stamp: float) -> dict[str, list[str]]:
        topic = parse_notes(text, name="china-and-the-ussr")
        deck = open_deck(apkg_bytes(topic, study_kit(topic), timestamp=stamp), tmp_path)
        return {n["guid"]: n["fields"] for n in deck["notes"]}

    before = guids(china_text, 1e9)
    after = guids(
        china_text.replace("Mao had no experience of industrialisation", "Mao lacked"), 2e9
    )
    gone = set(before) - set(after)
    assert 0 < len(gone) <= 5  # only cards made from the edited point change
    assert all("industrialisation" in " ".join(before[g]) for g in gone)
    assert len(set(before) & set(after)) >= len(before) - 5
