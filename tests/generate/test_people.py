"""Wrong people: the answer's kind (role, sex), country, side and years, written as it is."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from clio.generate import make_kit
from clio.generate.lexicon import load_lexicon
from clio.generate.roles import GROUP_OF, demanded_roles, fit, title_roles
from clio.model.items import QuizQuestion
from clio.parse import parse_notes
from tests.conftest import FIXTURES
from tests.generate.conftest import topic_named

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def _layout(name: str):  # type: ignore[no-untyped-def]
    return parse_notes((LAYOUTS / name).read_text(encoding="utf-8"), name=name)


def _questions(topic, fragment: str, seeds: range = range(4)) -> list[QuizQuestion]:  # type: ignore[no-untyped-def]
    found = []
    for seed in seeds:
        found += [
            q
            for q in make_kit(topic, seed=seed).questions
            if q.kind.value == "mcq" and fragment in q.stem
        ]
    return found


def _entry(option: str):  # type: ignore[no-untyped-def]
    """The person an option names (a surname may be the last word of a listed name)."""
    lexicon = load_lexicon()
    entry = lexicon.lookup(option) or next(
        (e for e in lexicon.of_kind("person") if e.name.split()[-1] == option), None
    )
    assert entry is not None, option
    return entry


def test_every_person_in_the_roles_file_is_known_and_uses_known_roles() -> None:
    raw = resources.files("clio").joinpath("data", "people.json").read_text(encoding="utf-8")
    people = json.loads(raw)["people"]
    lexicon = load_lexicon()
    for name, value in people.items():
        entry = lexicon.lookup(name)
        assert entry is not None and entry.kind == "person", name
        roles = value.split(";")[0].split()
        assert roles and all(r in GROUP_OF for r in roles), name
        assert entry.start is not None, name
    assert all(e.roles for e in lexicon.of_kind("person"))


@pytest.mark.parametrize(
    ("before", "after", "roles"),
    [
        ("Hoover sent the army under General ", " to clear their camp", {"general"}),
        ("Presidents Harding, Coolidge and ", " believed in laissez-faire", {"president"}),
        ("By 1950, the UN/US army under ", " had almost reached", {"general"}),
        ("", ", a senator from Louisiana, argued", {"legislator"}),
        ("A British lawyer, ", ", who had never visited India", {"judge"}),
        ("Pastor ", " set up the Confessional Church", {"clergy"}),
        ("In 1949, ", " asked permission", set()),
        ("the general ", " strike", set()),
        ("", ", the general strike began", set()),
    ],
)
def test_roles_asked_for_by_the_words_around_a_name(
    before: str, after: str, roles: set[str]
) -> None:
    assert set(demanded_roles(before, after)) == roles


def test_role_fit() -> None:
    assert title_roles("Tsar Nicholas II") == {"monarch"}
    assert fit(frozenset({"president"}), frozenset({"president", "general"})) == 2
    assert fit(frozenset({"minister"}), frozenset({"police-chief"})) == 1
    assert fit(frozenset({"business"}), frozenset({"president"})) is None
    assert fit(frozenset({"criminal"}), frozenset({"doctor"})) is None


def test_a_general_for_a_general_from_his_own_side() -> None:
    china = topic_named("china")
    found = _questions(china, "the UN/US army under ____")
    assert found
    for question in found:
        for option in question.options:
            entry = _entry(option)
            assert "general" in entry.roles and "usa" in entry.tags, option


def test_the_soviet_leader_is_offered_soviet_leaders_alive_at_the_time() -> None:
    china = topic_named("china")
    for fragment in ("Only ____'s influence", "____ called the Great Leap Forward"):
        found = _questions(china, fragment)
        assert found
        for question in found:
            for option in question.options:
                entry = _entry(option)
                assert "ussr" in entry.tags, option
                assert entry.end is None or entry.end >= 1953, option
    # Stalin died in 1953, before the Great Leap Forward
    leap = _questions(china, "____ called the Great Leap Forward")
    assert not any("Stalin" in q.options for q in leap)


def test_presidents_pastors_and_generals_in_the_stem() -> None:
    usa = _layout("usa-key-topics.txt")
    for fragment, role in (
        ("Presidents Harding, Coolidge and ____", "president"),
        ("Presidents ____, Coolidge and Hoover", "president"),
        ("army under General ____", "general"),
    ):
        found = _questions(usa, fragment)
        assert found, fragment
        for question in found:
            assert all(role in _entry(o).roles for o in question.options), question.options
    nazi = _layout("titled-paragraphs.txt")
    found = _questions(nazi, "Pastor ____")
    assert found
    for question in found:
        assert all("clergy" in _entry(o).roles for o in question.options), question.options


def test_options_are_written_like_the_answer() -> None:
    """A surname among surnames, a full name among full names: the form gives nothing away."""
    medicine = _layout("medicine-key-question.txt")
    usa = _layout("usa-key-topics.txt")
    found = [q for t in (medicine, usa) for q in _questions(t, "____", range(4))]
    people = [q for q in found if q.subkind == "person"]
    assert len(people) >= 8
    for question in people:
        one_word = {len(o.split()) == 1 for o in question.options}
        assert len(one_word) == 1, question.options


def test_no_question_when_no_person_of_the_kind_is_known() -> None:
    """Al Capone (a gangster), Queen Victoria ("her son") and Huey Long (a senator of 1935):
    no wrong option of their kind is known, so no question hides them."""
    usa = _layout("usa-key-topics.txt")
    medicine = _layout("medicine-key-question.txt")
    assert not _questions(usa, "____ controlled Chicago's bootlegging")
    assert not _questions(usa, "____, a senator from Louisiana")
    assert not _questions(medicine, "____ used chloroform during the birth of her son")


def test_a_womans_or_mans_given_name_sets_the_sex_of_the_wrong_options() -> None:
    from clio.generate import make_kit
    from clio.parse import parse_notes

    topic = parse_notes((FIXTURES / "generate" / "reformation.txt").read_text("utf-8"))
    people = {
        q.answer: q.options
        for q in make_kit(topic, seed=0).questions
        if q.kind.value == "mcq" and q.subkind == "person"
    }
    # Anne of Cleves among women only; Sir Thomas More among men only
    assert set(people["Anne of Cleves"]) <= {
        "Anne of Cleves",
        "Anne Boleyn",
        "Catherine of Aragon",
        "Princess Mary",
    }
    assert not {"Anne Boleyn", "Anne of Cleves", "Catherine of Aragon"} & set(
        people["Sir Thomas More"]
    )
    # "Cromwell" in notes on the 1530s is not the lexicon's Oliver Cromwell (born 1599)
    assert not any("Oliver Cromwell" in options for options in people.values())
