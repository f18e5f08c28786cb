"""Proper names found in a sentence and sorted into people and places."""

from __future__ import annotations

from clio.model.topic import Entity, EntityKind
from clio.search.names import NameKind, find_names


def _kinds(sentence: str) -> dict[str, NameKind]:
    return {n.text: n.kind for n in find_names(sentence)}


def test_people_and_places() -> None:
    found = _kinds("In 1949, Kim Il Sung asked permission of Stalin and Mao to attack South Korea")
    assert found["Kim Il Sung"] is NameKind.PERSON
    assert found["Stalin"] is NameKind.PERSON
    assert found["South Korea"] is NameKind.PLACE


def test_place_after_preposition_and_sentence_start_words() -> None:
    found = _kinds("An American U-2 spy plane photographed missile sites at San Cristobal in Cuba")
    assert found["San Cristobal"] is NameKind.PLACE
    assert found["Cuba"] is NameKind.PLACE
    assert "An" not in found


def test_parser_entities_take_precedence() -> None:
    entity = Entity(kind=EntityKind.PLACE, text="Lysenko", name="Lysenko")
    names = find_names("Lysenko was wrong", (entity,))
    assert [(n.text, n.kind) for n in names] == [("Lysenko", NameKind.PLACE)]


def test_places_named_by_what_they_are_and_by_lists() -> None:
    kinds = {n.text: n.kind for n in find_names("They bombed the Basque town of Guernica.")}
    assert kinds["Guernica"] is NameKind.PLACE
    found = find_names("The rising failed in Madrid and Barcelona, so Spain was split.")
    assert [(n.text, n.kind) for n in found] == [
        ("Madrid", NameKind.PLACE),
        ("Barcelona", NameKind.PLACE),
        ("Spain", NameKind.PLACE),
    ]


def test_a_heading_word_is_no_name() -> None:
    assert find_names("Key dates") == []
    assert [n.text for n in find_names("Key people: Robespierre")] == ["Robespierre"]
