"""Layouts met in session 2: arrows as separators, exam questions with no heading, key dates."""

from __future__ import annotations

import pytest

from clio.model.period import PartialDate
from clio.parse import parse_notes, parse_period
from tests.conftest import FIXTURES

NOTES = FIXTURES / "notes"


def test_arrow_separates_a_title_from_its_explanation() -> None:
    topic = parse_notes("Russia\n\nWhy the Tsar fell\n\n▪ Rasputin → his influence grew.\n")
    (point,) = topic.sections[0].points
    assert (point.title, point.text) == ("Rasputin", "his influence grew.")


def test_exam_questions_without_a_heading_are_questions() -> None:
    topic = parse_notes((NOTES / "russia-key-questions.txt").read_text("utf-8"))
    assert [q.marks for q in topic.questions] == [4, 12]
    assert topic.questions[0].text.startswith("Describe two reasons")
    assert [s.heading.split(":")[0] for s in topic.sections] == ["Key Question 1", "Key Question 2"]
    assert topic.sections[0].is_why
    assert not topic.warnings


def test_a_question_needs_marks_or_a_q_number() -> None:
    text = "Russia\n\nEvents\n\n1. Lenin returned (April 1917).\n2. The July Days (July 1917).\n"
    topic = parse_notes(text)
    assert not topic.questions and len(topic.sections[0].points) == 2


def test_a_year_title_takes_the_day_its_text_gives() -> None:
    topic = parse_notes((NOTES / "weimar-key-dates.txt").read_text("utf-8"))
    dates = [p.period for p in topic.sections[0].points]
    assert dates[0] is not None and dates[0].start == PartialDate(year=1918, month=11, day=9)
    assert dates[1] is not None and dates[1].start == PartialDate(year=1919, month=6, day=28)
    # two events in one line keep the year
    assert dates[2] is not None and dates[2].start == PartialDate(year=1923)


def test_a_work_of_its_author_names_the_author() -> None:
    text = (
        "The Bay of Pigs\n\n- **Landing (April 1961):** About 1,400 exiles landed.\n\n"
        "## Source B\n\nFrom the memoirs of Arthur Schlesinger, an adviser to President "
        'Kennedy, published in 1965.\n\n"The Bay of Pigs was a perfect failure."\n'
    )
    source = parse_notes(text).sources[0]
    assert source.author == "Arthur Schlesinger"
    assert source.year == 1965


def test_a_label_alone_on_its_line_belongs_to_the_next_line() -> None:
    """ "a)" / "Quit India" / explanation: lists pasted from a word processor."""
    text = (
        "Indian Independence\n\nWhy Britain left India, 1942-47\n\na)\nQuit India\n"
        "In August 1942 the Congress Party launched the Quit India campaign.\n\n"
        "(b)\n\nThe naval mutiny\nIn February 1946 sailors mutinied in Bombay.\n"
    )
    section = parse_notes(text).sections[0]
    assert [(p.label, p.title) for p in section.points] == [
        ("a", "Quit India"),
        ("b", "The naval mutiny"),
    ]
    assert section.points[0].text.startswith("In August 1942")
    assert section.points[1].period is not None and section.points[1].period.start.month == 2


LAYOUTS = FIXTURES / "layouts"


def _span(period: object) -> tuple[str, str, bool] | None:
    from clio.model.period import Period

    assert period is None or isinstance(period, Period)
    return None if period is None else (period.start.iso(), period.end.iso(), period.approximate)


def test_underlined_headings_are_headings_and_thematic_dates_are_periods() -> None:
    """Setext headings ("===" / "---" under a line) and the dates of thematic studies."""
    topic = parse_notes((LAYOUTS / "medicine-setext.txt").read_text("utf-8"))
    assert topic.title == "Medicine in Britain, c1250-present"
    assert [s.heading.split(":")[0] for s in topic.sections] == [
        "Key topic 1",
        "Key topic 2",
        "Key topic 3",
    ]
    assert [_span(s.period) for s in topic.sections] == [
        ("1250", "1500", True),  # c1250-c1500
        ("1500", "1700", True),
        ("1700", "1899", False),  # the 18th and 19th centuries
    ]
    first = topic.sections[0].points
    assert [p.title for p in first] == [
        "Ideas about the cause of disease",
        "The Black Death, 1348-49",
    ]
    assert not any("---" in p.text or "===" in p.text for s in topic.sections for p in s.points)
    # a century in a point's text is too vague to date the point
    jenner = topic.sections[2].points[0]
    assert _span(jenner.period) == ("1796", "1796", False)


def test_dashes_under_a_blank_line_are_no_heading() -> None:
    text = "Notes\n\nCauses\n\n- Hunger was widespread in 1917.\n\n---\n\n- The army mutinied.\n"
    topic = parse_notes(text)
    assert all(s.heading != "" for s in topic.sections)
    assert [p.text for p in topic.sections[0].points] == [
        "Hunger was widespread in 1917.",
        "The army mutinied.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crime and punishment, c1000-present", ("1000", "1000", True)),
        ("Norman England, c1066-c1100", ("1066", "1100", True)),
        ("the 19th century", ("1800", "1899", False)),
        ("the mid-nineteenth century", ("1833", "1866", True)),
        ("the 16th-17th centuries", ("1500", "1699", False)),
        ("in AD 43 the Romans invaded", ("0043", "0043", False)),
        ("Lindisfarne was raided in 793 AD", ("0793", "0793", False)),
        ("early 1942", ("1942-01", "1942-04", True)),
        ("by mid-1943", ("1943-05", "1943-08", True)),
        ("late 1944", ("1944-09", "1944-12", True)),
        ("the 1920s-30s", ("1920", "1939", False)),
        ("the 1920s and 1930s", ("1920", "1939", False)),
        ("the late 1950s", ("1956", "1959", True)),
        ("1 September 1939 – 2 September 1945", ("1939-09-01", "1945-09-02", False)),
        ("Barbarossa (22 June – 5 December 1941)", ("1941-06-22", "1941-12-05", False)),
        ("D-Day was on June 6th 1944", ("1944-06-06", "1944-06-06", False)),
        ("signed on 30/9/1938", ("1938-09-30", "1938-09-30", False)),
        ("the winter of 1941–42", ("1941-12", "1942-02", True)),
    ],
)
def test_dates_of_longer_and_vaguer_periods(text: str, expected: tuple[str, str, bool]) -> None:
    assert _span(parse_period(text)) == expected


@pytest.mark.parametrize("text", ["His second century of runs", "in 793 the Vikings came", "55 BC"])
def test_no_date_where_none_is_sure(text: str) -> None:
    assert parse_period(text) is None


def test_roman_numeral_headings_c_ranges_and_a_glossary_not_dated_by_its_century() -> None:
    topic = parse_notes((LAYOUTS / "crime-roman-numerals.txt").read_text("utf-8"))
    assert [len(s.points) for s in topic.sections] == [3, 2, 3, 2, 3]
    assert [p.title for p in topic.sections[0].points] == ["Tithings", "Trial by ordeal", "Wergild"]
    assert _span(topic.sections[1].period) == ("1066", "1200", True)  # 1066-c1200
    assert _span(topic.sections[3].period) == ("1700", "1899", False)
    glossary = topic.sections[-1].points
    assert glossary[2].title == "Bloody Code" and glossary[2].period is None


def test_timeline_columns_and_bold_titled_star_bullets() -> None:
    topic = parse_notes((LAYOUTS / "elizabeth-timeline.md").read_text("utf-8"))
    timeline, plots, armada = topic.sections
    assert [(p.title, p.text) for p in timeline.points][:2] == [
        ("1558", "Elizabeth becomes queen"),
        ("1568", "Mary, Queen of Scots flees to England"),
    ]
    assert _span(timeline.points[2].period) == ("1577", "1580", False)
    assert [p.title for p in plots.points] == [
        "The Ridolfi Plot (1571)",
        "The Throckmorton Plot (1583)",
        "The Babington Plot (1586)",
    ]
    assert _span(armada.points[2].period) == ("1588-09", "1588-12", True)  # late 1588
    assert topic.title == "Elizabethan England, 1568-1603"


def test_decimal_numbered_points_under_their_numbered_headings() -> None:
    """ "1 Origins of the Cold War" then "1.1 Yalta Conference (February 1945): ..." """
    topic = parse_notes((LAYOUTS / "cold-war-decimal.txt").read_text("utf-8"))
    assert [s.heading for s in topic.sections] == [
        "Origins of the Cold War",
        "Crises of the Cold War",
        "The end of the Cold War",
    ]
    assert [[p.label for p in s.points] for s in topic.sections] == [
        ["1.1", "1.2", "1.3"],
        ["2.1", "2.2", "2.3"],
        ["3.1", "3.2"],
    ]
    assert not topic.warnings
    crisis = topic.sections[1].points[1]
    assert crisis.title == "Cuban Missile Crisis (16-28 October 1962)"
    assert _span(crisis.period) == ("1962-10-16", "1962-10-28", False)


def test_a_persons_years_in_a_title_are_a_life_not_the_points_date() -> None:
    """ "Nicholas II (1868–1918) – the last Tsar, who abdicated in March 1917." """
    topic = parse_notes((LAYOUTS / "russia-key-individuals.txt").read_text("utf-8"))
    people, events = topic.sections
    assert people.points[0].title == "Nicholas II (1868–1918)"
    assert [_span(p.period) for p in people.points] == [
        ("1917-03", "1917-03", False),
        ("1917-10", "1917-10", False),
        ("1940", "1940", False),
        ("1922", "1922", False),
    ]
    # an event's range in its title still dates it
    assert _span(events.points[2].period) == ("1918", "1921", False)


def test_an_instruction_after_the_passage_is_not_the_sources_words() -> None:
    # "Write answers to the questions which follow." stands between the passage and the questions
    topic = parse_notes((FIXTURES / "generate" / "reformation.txt").read_text("utf-8"))
    (source,) = topic.sources
    assert source.instruction == "Write answers to the questions which follow."
    assert "questions" not in source.text
    assert source.text.startswith("The abbeys in the north") and source.text.endswith("churches.")
    assert [q.marks for q in topic.questions] == [4, 8]


def test_a_key_date_with_its_day_first_is_no_numbered_point() -> None:
    # "5 May 1789 – ..." is the date 5 May 1789, not point 5 titled "May 1789"
    topic = parse_notes(
        "Revolution\n\nKey dates\n5 May 1789 – Estates-General meets\n14 July 1789 – Bastille\n"
    )
    point = topic.sections[0].points[0]
    assert (point.title, point.text) == ("5 May 1789", "Estates-General meets")
    assert point.period is not None and point.period.start.day == 5
    numbered = parse_notes("Causes\n\nWhy\n5 Mayors resigned over the tax.\n")
    assert numbered.sections[0].points[0].label == "5"


def test_statements_one_per_line_under_headings_are_points() -> None:
    # no blank lines, no markers: each line a whole statement under a heading or sub-heading
    text = (FIXTURES / "layouts" / "statements-per-line.txt").read_text("utf-8")
    topic = parse_notes(text)
    outline = [(s.heading, [p.text or p.title for p in s.points]) for s in topic.sections]
    assert outline[0][0] == "How the USSR controlled its satellites"
    assert outline[0][1][2:] == [
        "Secret police in each state watched for opposition.",
        "Soviet troops were stationed in most satellite states.",
    ]
    assert [h for h, _ in outline[1:]] == ["The Hungarian Rising, 1956", "Background", "Events"]
    assert outline[2][1] == [
        "Matyas Rakosi ruled Hungary from 1949 until July 1956.",
        "In February 1956 Khrushchev attacked Stalin.",
    ]
    numbered = parse_notes(
        "Notes\n\n1. How the USSR controlled its satellites\n"
        "Secret police watched for opposition.\nSoviet troops were stationed there.\n"
    )
    assert numbered.sections[0].heading == "How the USSR controlled its satellites"
    assert len(numbered.sections[0].points) == 2


def test_a_wrapped_paragraph_stays_one_point() -> None:
    topic = parse_notes(
        "Notes\n\nCauses\nThe Treaty of Versailles took land from Germany and\n"
        "limited its army to 100,000 men. Many Germans hated\nit and called it a Diktat.\n"
    )
    assert len(topic.sections[0].points) == 1
