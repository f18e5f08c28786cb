"""The bundled gazetteer loads, is well formed, and knows common spellings."""

from __future__ import annotations

from clio.model.topic import EntityKind
from clio.parse.gazetteer import load_gazetteer


def test_every_kind_is_well_stocked() -> None:
    gazetteer = load_gazetteer()
    for kind in (EntityKind.PERSON, EntityKind.PLACE, EntityKind.ORGANISATION, EntityKind.EVENT):
        assert len(gazetteer.of_kind(kind)) >= 50
    assert EntityKind.FIGURE not in {e.kind for e in gazetteer.entries}


def test_names_are_unique_and_years_ordered() -> None:
    gazetteer = load_gazetteer()
    names = [(e.kind, e.name) for e in gazetteer.entries]
    assert len(names) == len(set(names))
    for entry in gazetteer.entries:
        if entry.start is not None and entry.end is not None:
            assert entry.start <= entry.end, entry.name


def test_lookup_by_alias() -> None:
    gazetteer = load_gazetteer()
    khrushchev = gazetteer.lookup("Khruschev")
    assert khrushchev is not None and khrushchev.name == "Nikita Khrushchev"
    assert khrushchev.kind is EntityKind.PERSON
    assert (khrushchev.start, khrushchev.end) == (1894, 1971)
    war = gazetteer.lookup("korean war")
    assert war is not None and war.kind is EntityKind.EVENT and war.start == 1950
    assert gazetteer.lookup("Atlantis") is None
