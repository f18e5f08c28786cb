"""Every supported format of the same notes gives the same topic as the text file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clio.model.topic import Topic
from clio.services.topics import load_topic
from tests.importers.documents import SECTIONS, TITLE, write_all


def outline(topic: Topic) -> dict[str, Any]:
    """What must agree across formats: title, intro, sections, points and their periods."""
    return {
        "title": topic.title,
        "intro": topic.intro,
        "sections": [
            {
                "id": section.id,
                "heading": section.heading,
                "period": section.period.label() if section.period else None,
                "points": [
                    (p.id, p.title, p.text, p.period.label() if p.period else None)
                    for p in section.points
                ],
            }
            for section in topic.sections
        ],
    }


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same notes written as .txt, .md, .docx, .html and .pdf."""
    return write_all(tmp_path_factory.mktemp("formats"))


def test_the_text_file_parses_as_written(files: dict[str, Path]) -> None:
    topic = load_topic(str(files[".txt"]))
    assert topic.title == TITLE
    assert [s.heading for s in topic.sections] == [s.heading for s in SECTIONS]
    assert [len(s.points) for s in topic.sections] == [len(s.points) for s in SECTIONS]
    assert topic.sections[1].period is not None
    assert topic.sections[1].period.label() == "1950–1953"


@pytest.mark.parametrize("suffix", [".md", ".docx", ".html", ".pdf"])
def test_each_format_gives_the_same_topic_as_text(files: dict[str, Path], suffix: str) -> None:
    expected = outline(load_topic(str(files[".txt"])))
    assert outline(load_topic(str(files[suffix]))) == expected


def test_the_topic_name_comes_from_the_file_name(files: dict[str, Path]) -> None:
    assert load_topic(str(files[".docx"])).name == "notes"
