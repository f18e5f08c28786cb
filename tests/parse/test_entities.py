"""Entities: known names with their spellings, guessed names by context, figures."""

from __future__ import annotations

import pytest

from clio.model.topic import EntityKind, Topic
from clio.parse.entities import extract_entities


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(e.kind.value, e.text, e.name) for e in extract_entities(text)]


def test_known_names_and_spellings() -> None:
    found = _found(
        "In 1956 Khruschev denounced Stalin in the Secret Speech at the 20th Party Congress "
        "of the CPSU; the UN and the PRC looked on."
    )
    assert ("person", "Khruschev", "Nikita Khrushchev") in found
    assert ("person", "Stalin", "Joseph Stalin") in found
    assert ("event", "Secret Speech", "Secret Speech") in found
    assert ("event", "20th Party Congress", "Twentieth Party Congress") in found
    assert ("organisation", "CPSU", "Communist Party of the Soviet Union") in found
    assert ("organisation", "UN", "United Nations") in found
    assert ("place", "PRC", "China") in found


def test_acronyms_match_case_exactly() -> None:
    assert _found("they told us to go") == []


def test_unknown_names_by_context() -> None:
    found = _found(
        "General Chuikov held the city; the Moscow Conference met; troops moved to Harbin; "
        "the Panmunjong Truce followed, and the Workers Defence Committee protested."
    )
    assert ("person", "General Chuikov", "Chuikov") in found
    assert ("event", "Moscow Conference", "Moscow Conference") in found
    assert ("place", "Harbin", "Harbin") in found
    assert ("event", "Panmunjong Truce", "Panmunjong Truce") in found
    assert ("organisation", "Workers Defence Committee", "Workers Defence Committee") in found


def test_titles_stay_with_known_people_and_possessives_go() -> None:
    found = _found("President Kennedy spoke after Mao’s visit.")
    assert found == [
        ("person", "President Kennedy", "John F. Kennedy"),
        ("person", "Mao", "Mao Zedong"),
    ]


def test_sentence_openers_are_not_names() -> None:
    assert _found("Though weak, China held on. Especially later, it grew.") == [
        ("place", "China", "China")
    ]


def test_no_repeats() -> None:
    names = [e.name for e in extract_entities("Mao met Stalin. Mao left. Chairman Mao wrote.")]
    assert names == ["Mao Zedong", "Joseph Stalin"]


def test_bundled_sheet_points_carry_entities(china: Topic) -> None:
    by_title = {p.title: p for _, p in china.points()}
    loans = by_title["$300m loans and aid"].entities
    figures = [(e.value, e.unit) for e in loans if e.kind is EntityKind.FIGURE]
    assert (300e6, "$") in figures and (95, "%") in figures
    losses = by_title["Chinese losses and resentment"].entities
    assert {(e.value, e.unit) for e in losses if e.kind is EntityKind.FIGURE} == {
        (390000, "men dead"),
        (1e6, "casualties"),
    }
    volunteers = by_title["People’s Volunteers, Nov 1950"].entities
    kinds = {e.name: e.kind for e in volunteers}
    assert kinds["Douglas MacArthur"] is EntityKind.PERSON
    assert kinds["United Nations"] is EntityKind.ORGANISATION
    assert any(e.unit == "Chinese troops" and e.value == 200000 for e in volunteers)
    (source,) = china.sources
    assert "Chinese Communist Party" in {e.name for e in source.entities}


def test_runs_stop_at_full_stops_and_shapes_win() -> None:
    found = _found(
        "The Second Congress of Soviets met. The Lushan Conference purged Peng. "
        "The Treaty of Rome was signed. The Nuremberg Laws of September 1935 followed. "
        "Kenneth G. Lieberthal wrote; Dr. King spoke in St. Louis; the Minister of War resigned."
    )
    assert ("event", "Lushan Conference", "Lushan Conference") in found
    assert ("event", "Treaty of Rome", "Treaty of Rome") in found
    assert ("event", "Nuremberg Laws", "Nuremberg Laws") in found
    assert ("person", "Kenneth G. Lieberthal", "Kenneth G. Lieberthal") in found
    assert ("person", "Dr. King", "Martin Luther King") in found
    assert ("place", "St. Louis", "St. Louis") in found
    assert not any(name == "of War" for _, _, name in found)


def test_figure_units_stop_at_verbs() -> None:
    units = [
        e.unit
        for e in extract_entities(
            "5,000 Freikorps took Berlin; 2,000 Nazis tried; about 2.7 million East Germans fled; "
            "about 1,400 CIA-trained exiles landed."
        )
        if e.kind is EntityKind.FIGURE
    ]
    assert units == ["Freikorps", "Nazis", "East Germans", "CIA-trained exiles"]


def test_lower_case_names_and_dotted_acronyms() -> None:
    found = _found("The U.S. and U.S.S.R. moved from the cold war to détente; hyperinflation hit.")
    assert ("place", "U.S.", "United States") in found
    assert ("place", "U.S.S.R.", "Union of Soviet Socialist Republics") in found
    assert ("event", "cold war", "Cold War") in found
    assert ("event", "détente", "Détente") in found
    assert ("event", "hyperinflation", "Hyperinflation") in found


def test_a_given_name_makes_a_person_even_at_a_sentence_start() -> None:
    assert ("person", "Sergei Kirov", "Sergei Kirov") in _found(
        "Sergei Kirov, the popular Party boss in Leningrad, was shot in 1934."
    )
    assert ("person", "Cyril Radcliffe", "Cyril Radcliffe") in _found(
        "A British lawyer, Cyril Radcliffe, drew the border."
    )


def test_who_after_a_name_makes_a_person() -> None:
    found = _found("Stalin then turned on Tomsky, who wanted to keep the NEP.")
    assert ("person", "Tomsky", "Tomsky") in found
    found = _found("Frinovsky, whose NKVD ran the trials, fell.")
    assert ("person", "Frinovsky", "Frinovsky") in found
    # a group is not a person, nor is a common word
    assert "person" not in [k for k, *_ in _found("Later the Bolsheviks, who had few, grew.")]
    assert _found("Many, who had voted for them, left.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a one-letter regnal number before a full stop ends the name, unlike an initial
        ("the Emperor Charles V. Wolsey failed", ("Emperor Charles V", "Charles V")),
        ("under King Henry V. The war went on", ("King Henry V", "Henry V")),
        ("Pope Pius X. He ruled", ("Pope Pius X", "Pius X")),
        ("John F. Kennedy spoke", ("John F. Kennedy", "John F. Kennedy")),
        ("John V. Lindsay was mayor", ("John V. Lindsay", "John V. Lindsay")),
        # a given name makes a person even after "to", which comes before places
        (
            "Henry was married to Catherine of Aragon",
            ("Catherine of Aragon", "Catherine of Aragon"),
        ),
    ],
)
def test_rulers_numbers_and_given_names(text: str, expected: tuple[str, str]) -> None:
    (entity,) = [e for e in extract_entities(text) if e.kind is EntityKind.PERSON]
    assert (entity.text, entity.name) == expected


def test_a_demonstrative_starts_no_name_and_a_given_name_is_a_person() -> None:
    found = _found("This Act stopped appeals to Rome. Henry's marriage to Catherine was void.")
    assert ("event", "This Act", "This Act") not in found
    assert ("person", "Catherine", "Catherine") in found
    assert ("place", "Rome", "Rome") in found


def test_an_office_after_a_given_name_is_not_part_of_the_name() -> None:
    assert not [e for e in extract_entities("The Act made Henry Supreme Head.") if "Head" in e.text]
    assert _found("He met John Smith Secretary of State.")[0][1] == "John Smith"


def test_and_inside_an_organisations_name_and_no_verb_as_a_unit() -> None:
    found = _found("Emmeline Pankhurst set up the Women's Social and Political Union in 1903.")
    assert ("organisation", "Women's Social and Political Union") in [f[:2] for f in found]
    assert ("place", "Britain", "United Kingdom") in _found("Britain and France declared war.")
    assert not [f for f in _found("All men over 21 could vote.") if f[0] == "figure"]
