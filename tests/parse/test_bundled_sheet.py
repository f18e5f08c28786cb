"""The bundled China and the USSR sheet must parse exactly right."""

from __future__ import annotations

from clio.model.topic import Topic


def _iso(period: object) -> tuple[str, str] | None:
    if period is None:
        return None
    return (period.start.iso(), period.end.iso())  # type: ignore[attr-defined]


def test_five_sections_of_five_points(china: Topic) -> None:
    assert china.title == "China and the USSR"
    assert len(china.sections) == 5
    for section in china.sections:
        assert [p.label for p in section.points] == ["a", "b", "c", "d", "e"]
        assert all(p.text for p in section.points)


def test_periods(china: Topic) -> None:
    by_title = {p.title: p for _, p in china.points()}
    heads = {s.heading: s for s in china.sections}
    assert _iso(heads["Why China forged close relations with the USSR, 1949-57"].period) == (
        "1949",
        "1957",
    )
    assert _iso(heads["Treaty of Friendship, Dec 1949"].period) == ("1949-12", "1949-12")
    assert _iso(heads["Korean War, 1950-53"].period) == ("1950", "1953")
    assert _iso(by_title["People’s Volunteers, Nov 1950"].period) == ("1950-11", "1950-11")
    assert _iso(by_title["Sino-Soviet Confrontation, 1969"].period) == ("1969", "1969")
    assert _iso(by_title["Kim Il Sung, Jun 1950"].period) == ("1950-06", "1950-06")
    assert _iso(by_title["China needed Soviet economic aid"].period) == ("1949", "1949")
    assert by_title["Soviet Communism"].period is None


def test_source(china: Topic) -> None:
    (source,) = china.sources
    assert source.author == "Kenneth G. Lieberthal"
    assert source.title == "Mao Tse-Tung's Perception of the Soviet Union"
    assert source.year == 1976
    for phrase in ("American scholar", "Michigan", "1983-2009", "Long Live Mao Zedong's Thought"):
        assert phrase in source.provenance
    assert source.instruction.startswith("Read the following passage")
    claimed = sorted((c.period.start.iso(), c.period.end.iso()) for c in source.claims)
    assert claimed == sorted(
        [
            ("1955", "1955"),
            ("1958", "1958"),
            ("1959-09", "1959-11"),
            ("1960", "1960"),
            ("1962", "1962"),
            ("1964", "1964"),
            ("1965", "1965"),
            ("1958", "1962"),
        ]
    )


def test_nbsp_and_curly_quotes_survive(china: Topic) -> None:
    texts = [p.text for _, p in china.points()]
    assert any("’" in t for t in texts)
    assert all("\u00a0" not in p.title for _, p in china.points())
