"""Each supported layout parses into the right sections, points and dates."""

from __future__ import annotations

from pathlib import Path

from clio.model.period import Period
from clio.model.topic import Topic
from clio.parse import decode_notes, parse_notes
from tests.conftest import FIXTURES


def _load(name: str) -> Topic:
    path = FIXTURES / "notes" / name
    return parse_notes(decode_notes(path.read_bytes(), file=name), name=Path(name).stem)


def _iso(period: Period | None) -> str | None:
    if period is None:
        return None
    start, end = period.start.iso(), period.end.iso()
    text = start if start == end else f"{start}/{end}"
    return f"~{text}" if period.approximate else text


def _outline(topic: Topic) -> list[tuple[str, str | None, list[tuple[str, str, str | None]]]]:
    return [
        (s.heading, _iso(s.period), [(p.label, p.title, _iso(p.period)) for p in s.points])
        for s in topic.sections
    ]


def test_lettered_paren_title_on_own_line() -> None:
    topic = _load("lettered-own-line.txt")
    assert topic.title == "Weimar Germany, 1919-1923"
    assert topic.intro.startswith("The new republic faced threats")
    assert _outline(topic) == [
        (
            "Threats from the left and right, 1919-20",
            "1919/1920",
            [
                ("a", "The Spartacist Uprising, January 1919", "1919-01"),
                ("b", "The Kapp Putsch, March 1920", "1920-03"),
                ("c", "Political murders", "1919/1922"),
            ],
        ),
        (
            "The crisis of 1923",
            "1923",
            [
                ("a", "Occupation of the Ruhr, Jan 1923", "1923-01"),
                ("b", "Hyperinflation", "1923-11"),
                ("c", "The Munich Putsch, 8-9 November 1923", "1923-11-08/1923-11-09"),
            ],
        ),
    ]
    first = topic.sections[0].points[0]
    assert first.text.startswith("Led by Rosa Luxemburg")
    assert topic.warnings == ()


def test_lettered_inline_titles_with_colon_semicolon_and_dash() -> None:
    topic = _load("lettered-inline.txt")
    causes, days, consequences = topic.sections
    assert [(p.label, p.title) for p in causes.points] == [
        ("a", "Cuban Revolution"),
        ("b", "Bay of Pigs"),
        ("c", "Operation Mongoose"),
        ("d", "Missiles in Turkey"),
    ]
    assert causes.points[1].text.startswith("in April 1961 about 1,400")
    assert causes.points[2].text.startswith("a CIA campaign")
    # "on 22 October" in a section dated October 1962
    assert [_iso(p.period) for p in days.points] == [
        "1962-10-14",
        None,
        "1962-10-22",
        "1962-10-28",
    ]
    assert [p.label for p in consequences.points] == ["A", "B", "C"]
    assert consequences.period is None


def test_numbered_points_and_ranges() -> None:
    topic = _load("numbered.txt")
    labels = [[p.label for p in s.points] for s in topic.sections]
    assert labels == [["1", "2", "3"], ["4", "5", "6-8"], ["9-12", "13", "14"]]
    telegram = topic.sections[1].points[0]
    assert telegram.title == "Long Telegram (February 1946)"
    assert _iso(telegram.period) == "1946-02"
    assert telegram.text.startswith("Kennan warned")
    blockade = topic.sections[2].points[1]
    assert _iso(blockade.period) == "1948-06-24/1949-05-12"  # "from 24 June 1948 to 12 May 1949"
    assert topic.sections[0].period is None and _iso(topic.sections[2].period) == "1947/1949"


def test_bullets_nested_and_name_headings() -> None:
    topic = _load("bullets.txt")
    headings = [(s.heading, s.part) for s in topic.sections]
    assert headings == [
        ("The February Revolution", None),
        # "Key people" has no points of its own: the names under it are its part
        ("Lenin", "Key people"),
        ("Kerensky", "Key people"),
        ("Trotsky", "Key people"),
        ("The October Revolution", None),
    ]
    february = topic.sections[0]
    assert [p.title for p in february.points] == ["Causes", "Events", "Outcome"]
    causes = february.points[0]
    # the ◦ items nested under • stay with their parent, one per line
    assert causes.text.split("\n") == [
        "Defeats in the First World War: nearly 2 million soldiers dead by 1917",
        "Food and fuel shortages in Petrograd",
    ]
    assert [len(s.points) for s in topic.sections] == [3, 2, 2, 2, 3]
    assert [p.label for p in topic.sections[4].points] == ["1", "2", "3"]
    # a year-less date takes the year of the title ("... of 1917")
    assert _iso(topic.sections[4].points[1].period) == "1917-10-25/1917-10-26"
    assert topic.warnings == ()


def test_markdown_headings_bold_titles_and_emphasis() -> None:
    topic = _load("markdown.md")
    assert topic.title == "Berlin in the Cold War"
    assert topic.intro.startswith("Berlin lay 160 km")
    blockade, wall, significance = topic.sections
    assert blockade.heading == "The Berlin Blockade, 1948-49"
    assert [(p.title, _iso(p.period)) for p in blockade.points] == [
        ("Currency reform (June 1948)", "1948-06"),
        ("The blockade (24 June 1948)", "1948-06-24"),
        ("The airlift", None),
        ("End of the blockade (May 1949)", "1949-05"),
    ]
    assert (
        blockade.points[2].text
        == "British and American planes flew in 2.3 million tons of supplies in 11 months."
    )
    assert "*" not in " ".join(p.text for _, p in topic.points())
    assert _iso(wall.points[1].period) == "1961-06"
    assert significance.points[0].text.startswith("The wall stopped")
    assert "symbol" in significance.points[0].text and "__" not in significance.points[0].text


def test_sources_with_attribution_and_questions_with_marks() -> None:
    topic = _load("sources.txt")
    assert topic.sections == ()
    a, b, c = topic.sources
    assert (a.label, a.author, a.year) == ("Source A", "President Kennedy", 1962)
    assert a.citation.startswith("From a speech by President Kennedy")
    assert a.text.startswith("Within the past week")
    assert (b.label, b.author) == ("Source B", "Nikita Khrushchev")
    assert [_iso(claim.period) for claim in b.claims] == ["1961"]
    assert c.label == "Source C" and c.citation.startswith("A cartoon published")
    assert c.text.startswith("The cartoon shows")
    assert [(q.text[:20], q.marks) for q in topic.questions] == [
        ("What does Source A s", 4),
        ("Study Sources A and ", 8),
        ("How useful is Source", 6),
    ]
    assert topic.questions[0].source_id == a.id
    assert topic.questions[2].source_id == c.id


def test_date_forms_and_heading_colons() -> None:
    topic = _load("dates.txt")
    assert topic.title == "Nazi Germany: key dates"
    assert [s.heading for s in topic.sections] == [
        "Hitler's rise to power",
        "Consolidating power, 1933-34",
        "Long-term context",
    ]
    assert [[_iso(p.period) for p in s.points] for s in topic.sections] == [
        ["1929-10", "1933-01-30", "1933-02-27"],
        ["1933-03-23", "1934-06-30", "1934-08"],
        ["~1920/1923", "~1924/1929", "1930/1939", "1935/1938"],
    ]


def test_crlf_bom_tabs_nbsp_curly_quotes_and_dashes() -> None:
    raw = (FIXTURES / "notes" / "messy-crlf.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\t" in raw
    topic = _load("messy-crlf.txt")
    assert topic.title == "The Vietnam War, 1955–1975"
    assert topic.intro == "America’s longest war — and its first defeat."
    assert [(s.heading, _iso(s.period)) for s in topic.sections] == [
        ("Why the USA got involved, 1954–64", "1954/1964"),
        ("Escalation – 1965–68", "1965/1968"),
    ]
    titles = [p.title for _, p in topic.points()]
    assert titles[:2] == ["Domino theory", "Gulf of Tonkin, Aug 1964"]
    assert all("\u00a0" not in t and "\r" not in t for t in titles)
    assert "“go over very quickly”" in topic.sections[0].points[0].text
    assert _iso(topic.sections[1].points[2].period) == "1968-03"


def test_plain_prose_paragraphs_become_points() -> None:
    topic = _load("prose.txt")
    (section,) = topic.sections
    assert topic.intro == ""
    assert [p.label for p in section.points] == ["1", "2", "3", "4"]
    assert section.points[0].text.startswith("The Wall Street Crash of October 1929")
    assert [_iso(p.period) for p in section.points] == ["1929-10", "1929", "1932-11", "1933-03"]


def test_inline_variants() -> None:
    text = (
        "Stalin's Russia\n\n"
        "Collectivisation, 1928-33\n"
        "(a) Kulaks - Stalin had the richer peasants deported or shot.\n"
        "(b) Famine; perhaps 5 million people died in Ukraine in 1932-33.\n\n"
        "The purges\n"
        "1) Kirov: the murder of Kirov in December 1934 began the purges.\n"
        "2) Show trials: Zinoviev and Kamenev were tried in August 1936.\n"
    )
    topic = parse_notes(text)
    assert _outline(topic) == [
        (
            "Collectivisation, 1928-33",
            "1928/1933",
            [("a", "Kulaks", None), ("b", "Famine", "1932/1933")],
        ),
        (
            "The purges",
            None,
            [("1", "Kirov", "1934-12"), ("2", "Show trials", "1936-08")],
        ),
    ]


def test_markdown_and_bold_source_headings_and_bracketed_dates() -> None:
    text = (
        "Mao's China\n\n"
        "The Lushan Conference (July 1959)\n"
        "• Peng Dehuai criticised the Great Leap Forward\n"
        "• Mao purged him\n\n"
        "## Source A\n"
        "From Mao's speech at Lushan, 23 July 1959.\n\n"
        "The chaos caused was on a grand scale, and I take responsibility.\n\n"
        "**Source B**\n"
        "Li Zhisui, The Private Life of Chairman Mao, 1994\n\n"
        "Mao was furious. In 1959 he turned on Peng.\n\n"
        "Questions:\n"
        "a) What does Source A show about Mao? (3 marks)\n"
        "b) Compare Sources A and B. (6)\n"
    )
    topic = parse_notes(text)
    (section,) = topic.sections
    assert (section.heading, _iso(section.period)) == (
        "The Lushan Conference (July 1959)",
        "1959-07",
    )
    assert [p.text for p in section.points][1] == "Mao purged him"
    a, b = topic.sources
    assert (a.label, a.author, a.year) == ("Source A", "Mao", 1959)
    assert (b.label, b.author, b.title, b.year) == (
        "Source B",
        "Li Zhisui",
        "The Private Life of Chairman Mao",
        1994,
    )
    assert [(q.text, q.marks) for q in topic.questions] == [
        ("What does Source A show about Mao?", 3),
        ("Compare Sources A and B.", 6),
    ]


def test_unmarked_lists_of_dates_and_terms() -> None:
    topic = _load("unmarked-lists.txt")
    timeline, terms, why = topic.sections
    assert timeline.heading == "Timeline"
    assert [(p.label, p.title, _iso(p.period)) for p in timeline.points] == [
        ("1", "1924", "1924"),
        ("2", "1928", "1928"),
        ("3", "Dec 1934", "1934-12"),
        ("4", "1936-38", "1936/1938"),
    ]
    assert timeline.points[3].text.startswith("The Great Terror: show trials")
    assert [(p.title, p.text[:10]) for p in terms.points] == [
        ("Kulak", "a richer p"),
        ("Gulag", "the system"),
        ("Stakhanovite", "a worker w"),
    ]
    assert why.heading == "Why collectivisation?"
    assert [p.text[:14] for p in why.points] == ["Stalin wanted ", "Peasants resis"]


def test_numbered_headings_over_lettered_points_and_caps_title() -> None:
    topic = _load("numbered-headings.txt")
    assert topic.title == "THE COLD WAR 1945-1991"
    assert _outline(topic) == [
        (
            "Causes of the Cold War",
            None,
            [("a", "Ideology", None), ("b", "Yalta and Potsdam, 1945", "1945")],
        ),
        (
            "Early crises",
            None,
            [
                ("a", "Berlin Blockade (1948-49)", "1948/1949"),
                ("b", "Korean War, 1950-53", "1950/1953"),
            ],
        ),
        ("Détente", None, [("1", "", "1972"), ("2", "", "1975")]),
    ]
    assert [w.code for w in topic.warnings] == ["empty_point"]


def test_word_export_bullets_and_outline_numbers() -> None:
    text = (
        "The Causes of the First World War\n\n"
        "Long-term causes\n"
        "\u2022\tAlliances: Triple Entente (1907) and Triple Alliance (1882)\n"
        "o\tBritain, France and Russia against Germany and Austria-Hungary\n"
        "\uf0b7\tMilitarism: the naval race after 1906\n\n"
        "Short-term cause\n"
        "1.1 Assassination: Franz Ferdinand was shot on 28 June 1914\n"
        "1.2 July Crisis: Austria sent an ultimatum to Serbia on 23 July 1914\n"
        "1.5 million Serbian soldiers were mobilised.\n"
    )
    topic = parse_notes(text)
    long_term, short_term = topic.sections
    assert [p.title for p in long_term.points] == ["Alliances", "Militarism"]
    assert long_term.points[0].text.endswith(
        "\nBritain, France and Russia against Germany and Austria-Hungary"
    )
    assert [(p.label, p.title, _iso(p.period)) for p in short_term.points] == [
        ("1.1", "Assassination", "1914-06-28"),
        ("1.2", "July Crisis", "1914-07-23"),
    ]
    assert short_term.points[1].text.endswith("1.5 million Serbian soldiers were mobilised.")


def test_lone_heading_names_untitled_notes() -> None:
    topic = parse_notes(
        "Causes of WW1, 1900-14\na) Alliances: two armed camps\nb) Militarism: the naval race\n",
        name="stdin",
    )
    assert topic.title == "Causes of WW1, 1900-14"
    (section,) = topic.sections
    assert _iso(section.period) == "1900/1914" and [p.label for p in section.points] == ["a", "b"]
    # with several sections and no title line, the name stands in
    two = parse_notes("Causes\na) A: b\n\nEvents\na) C: d\n", name="ww1-notes")
    assert two.title == "Ww1 Notes"


def test_initials_heading_is_not_a_lettered_point() -> None:
    topic = parse_notes("Key people\n\nF. W. de Klerk\n- Became President in 1989\n", name="x")
    assert [s.heading for s in topic.sections][-1] == "F. W. de Klerk"
    assert not topic.warnings


def test_a_clause_before_a_semicolon_is_not_a_title() -> None:
    text = "Aims\n1. The Council met five times a year; its members were Britain and France.\n"
    text += "2. Bay of Pigs; in April 1961 exiles landed in Cuba.\n"
    first, second = parse_notes(text, name="x").sections[0].points
    assert first.title == "" and first.text.startswith("The Council met five times a year;")
    assert second.title == "Bay of Pigs"
