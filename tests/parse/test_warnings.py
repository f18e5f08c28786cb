"""Suspicious but valid notes give warnings on the topic, never a failure."""

from __future__ import annotations

from clio.model.topic import Topic
from clio.parse import parse_notes

NOTES = (
    "The Common Market\n\n"
    "Origins, 1962-1958\n"
    "a. Treaty of Rome, 1957\n"
    "Six states founded the EEC.\n"
    "b. Messina Conference\n"
    "c. Treaty of Rome, 1960\n"
    "Signed again, apparently.\n"
)


def _codes(topic: Topic) -> list[tuple[str, int | None]]:
    return [(w.code, w.line) for w in topic.warnings]


def test_each_suspicious_thing_is_warned_once_with_its_line() -> None:
    topic = parse_notes(NOTES)
    assert _codes(topic) == [
        ("backwards_range", 3),
        ("empty_point", 6),
        ("clashing_dates", 7),
    ]
    messages = " ".join(w.message for w in topic.warnings)
    assert "1962-1958" in messages and "Messina Conference" in messages
    assert "Treaty of Rome, 1957" in messages
    # still parsed in full
    assert [p.label for p in topic.sections[0].points] == ["a", "b", "c"]


def test_same_event_same_dates_is_fine() -> None:
    topic = parse_notes(
        "Korea\n\nKorean War, 1950-53\na. Outbreak, June 1950\nThe North invaded.\n\n"
        "Results\na. Korean War, 1950-53\nChina gained prestige.\n"
    )
    assert topic.warnings == ()


def test_bundled_sheet_warns_about_the_treaty_date(china: Topic) -> None:
    # The sheet heads a section "Treaty of Friendship, Dec 1949" and later dates it 1950.
    assert [w.code for w in china.warnings] == ["clashing_dates"]


def test_clean_notes_have_no_warnings() -> None:
    assert parse_notes("Title\n\nHeading\na. Point\nIts text.\n").warnings == ()
