"""Timeline events: every dated section, point and claim, in chronological order."""

from __future__ import annotations

from clio.model.topic import Topic
from clio.parse import parse_notes
from clio.timeline import EventKind, timeline_events


def test_bundled_sheet_events_in_order(china: Topic) -> None:
    events = timeline_events(china)
    kinds = {k: sum(1 for e in events if e.kind is k) for k in EventKind}
    dated_points = sum(1 for _, p in china.points() if p.period is not None)
    assert kinds[EventKind.POINT] == dated_points
    assert kinds[EventKind.SECTION] == sum(1 for s in china.sections if s.period is not None)
    assert kinds[EventKind.CLAIM] == 8
    starts = [e.period.start.first_day() for e in events]
    assert starts == sorted(starts)
    first = events[0]
    assert first.kind is EventKind.SECTION and first.label.startswith("Why China forged")
    claim = next(e for e in events if e.kind is EventKind.CLAIM)
    assert claim.source_label == "Source" and claim.detail.startswith("In 1955")
    assert len({e.id for e in events}) == len(events)


def test_undated_things_are_left_out() -> None:
    topic = parse_notes("Notes\n\nCauses\na. Fear\nPeople were afraid.\nb. War, 1914\nIt came.\n")
    events = timeline_events(topic)
    assert [(e.kind, e.label) for e in events] == [(EventKind.POINT, "War, 1914")]
    assert events[0].section_heading == "Causes"


def test_untitled_points_get_a_short_label() -> None:
    topic = parse_notes("Notes\n\n" + " ".join(["In 1950 the war began"] + ["and"] * 20) + ".\n")
    (event,) = timeline_events(topic)
    assert event.label.endswith("…") and len(event.label.split()) <= 10


def test_date_only_titles_use_the_text() -> None:
    topic = parse_notes("Stalin\n\nTimeline\n1924 – Lenin dies\n1928: First Five-Year Plan\n")
    assert [e.label for e in timeline_events(topic)] == ["Lenin dies", "First Five-Year Plan"]


def test_an_untitled_point_is_labelled_without_its_opening_date() -> None:
    topic = parse_notes(
        "Berlin\n\nThe Blockade, 1948-49\n\n"
        "- In June 1948 Stalin cut all road, rail and canal links to West Berlin.\n"
        "- Stalin lifted the blockade in May 1949.\n"
    )
    labels = [e.label for e in timeline_events(topic) if e.kind is EventKind.POINT]
    assert labels[0].startswith("Stalin cut all road"), labels
    # a date early in the sentence is dropped too: the chart shows it beside the label
    assert labels[1] == "Stalin lifted the blockade.", labels


def test_dated_events_told_inside_a_point_are_on_the_timeline() -> None:
    topic = parse_notes(
        "Henry VIII\n\nThe break with Rome, 1532-36\n"
        "a. Act of Supremacy, Nov 1534\n"
        "The Act made Henry Supreme Head of the Church. An Oath had to be sworn by leading men;"
        " Sir Thomas More refused and was executed in July 1535.\n"
        "b. The fall of Cromwell, 1540\n"
        "Cromwell arranged the marriage in January 1540. He was executed"
        " in July 1540. He had served Henry since the 1520s.\n"
    )
    details = [e for e in timeline_events(topic) if e.kind is EventKind.DETAIL]
    # each dated clause once, after the clause's own date; not the point's own date again,
    # not a vague "the 1520s"
    assert [(e.period.label(), e.label) for e in details] == [
        ("Jul 1535", "Sir Thomas More refused and was executed."),
        ("Jan 1540", "Cromwell arranged the marriage."),
        ("Jul 1540", "The fall of Cromwell: he was executed."),
    ]
    assert all(e.section_heading == "The break with Rome, 1532-36" for e in details)
    assert len({e.id for e in timeline_events(topic)}) == len(timeline_events(topic))


def test_a_later_date_in_a_sentence_is_labelled_by_the_words_around_it() -> None:
    topic = parse_notes(
        "Monasteries\n\nDissolution, 1536-40\n"
        "a. Closures\nCromwell's commissioners reported corruption and the smaller monasteries"
        " were closed in 1536 and the larger ones by 1540.\n"
    )
    labels = {e.period.label(): e.label for e in timeline_events(topic)}
    assert labels["1540"] == "…closed in 1536 and the larger ones by 1540."
