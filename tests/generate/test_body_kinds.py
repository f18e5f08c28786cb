"""Wrong organisations of the answer's kind, and wrong states of its region or nation."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from clio.generate import make_kit
from clio.generate.distractors import governed_nation
from clio.generate.facts import build_facts
from clio.generate.lexicon import load_lexicon
from clio.generate.people import written_like
from clio.model.items import QuizQuestion
from clio.parse import parse_notes
from tests.generate.conftest import topic_named

ASK = Path(__file__).resolve().parents[1] / "fixtures" / "ask"


def _questions(topic, fragment: str, seeds: range = range(6)) -> list[QuizQuestion]:  # type: ignore[no-untyped-def]
    return [
        q
        for seed in seeds
        for q in make_kit(topic, seed=seed).questions
        if fragment in q.stem or any(fragment in str(o) for o in q.options)
    ]


def test_every_organisation_in_the_file_is_known_with_a_kind_and_years() -> None:
    raw = resources.files("clio").joinpath("data", "organisations.json").read_text("utf-8")
    names = json.loads(raw)["organisations"]
    lexicon = load_lexicon()
    for name, value in names.items():
        entry = lexicon.lookup(name)
        assert entry is not None and entry.kind == "organisation", name
        assert entry.subtype == value.split(";")[0].strip(), name
    unknown = [e.name for e in lexicon.of_kind("organisation") if e.subtype and e.start is None]
    assert unknown == ["Politburo", "Central Committee"]  # bodies with no one founding year


def test_a_body_that_sent_troops_gets_no_economic_council() -> None:
    china = topic_named("china")
    lexicon = load_lexicon()
    found = [q for q in _questions(china, "____ sent troops to defend South Korea")]
    assert found
    for question in found:
        kinds = {lexicon.lookup(o).subtype for o in question.options}  # type: ignore[union-attr]
        assert kinds <= {"international-body", "alliance"}, question.options
        assert not {"Comecon", "Cominform", "SEATO", "the Warsaw Pact"} & set(question.options)
    statements = [q.stem for q in _questions(china, "sent troops to defend South Korea")]
    assert not any("Comecon" in s or "Cominform" in s for s in statements)


def test_the_government_of_a_nation_is_one_of_its_rival_states() -> None:
    china = topic_named("china")
    for question in _questions(china, "recognised ____ as the legitimate government"):
        assert not {"India", "North Korea", "Vietnam"} & set(question.options)
    # the only other government of China the notes name, the PRC, is in the sentence itself,
    # so the statement is not asked with that blank (nor swapped in a true/false statement)
    assert not _questions(china, "recognised ____ as the legitimate")
    assert not [
        q for q in _questions(china, "legitimate government") if "recognised India" in q.stem
    ]
    notes = parse_notes(
        "The Korean War\n- In 1950 the USA recognised South Korea as the government of Korea.\n"
        "- The USSR backed North Korea.\n- Mao sent troops to Korea.\n",
        name="korea",
    )
    # two governments of Korea are known (North Korea, and Korea itself): too few for a question
    assert not _questions(notes, "recognised ____ as the government of Korea")
    facts = build_facts(notes)
    clause = next(c for c in facts.clauses if "government of Korea" in c.text)
    slot = next(s for s in clause.slots if s.text == "South Korea")
    assert governed_nation(clause, slot, facts) == "korea"


def test_a_state_of_the_answers_region_comes_first() -> None:
    china = topic_named("china")
    lexicon = load_lexicon()
    found = [q for q in _questions(china, "sent troops to defend ____") if q.kind.value == "mcq"]
    assert found
    for question in found:
        regions = [lexicon.lookup(o).region for o in question.options]  # type: ignore[union-attr]
        # South Korea's bloc in its region: Japan and Taiwan; one more of its region or bloc
        assert {"Japan", "Taiwan"} <= set(question.options), question.options
        assert regions.count("east-asia") >= 3, question.options


def test_a_body_set_up_at_a_date_may_be_wrongly_one_set_up_later() -> None:
    berlin = parse_notes((ASK / "berlin-blockade.txt").read_text("utf-8"), name="berlin")
    lexicon = load_lexicon()
    found = _questions(berlin, "____ was set up in April 1949")
    found = [q for q in found if q.kind.value == "mcq"]
    assert found
    for question in found:
        wrong = [lexicon.lookup(o) for o in question.options if o != question.answer]
        assert all(e is not None and e.start is not None and e.start > 1950 for e in wrong[:2])
        assert all(e is not None and e.subtype == "alliance" for e in wrong[:3]), question.options


def test_chinese_names_are_shortened_to_the_family_name() -> None:
    lexicon = load_lexicon()
    assert written_like("Mao", "Zhou Enlai", lexicon.lookup("Zhou Enlai")) == "Zhou"
    assert written_like("Mao", "Deng Xiaoping", lexicon.lookup("Deng Xiaoping")) == "Deng"
    assert written_like("Stalin", "Ho Chi Minh", lexicon.lookup("Ho Chi Minh")) is None
    assert written_like("Stalin", "Harry Truman", lexicon.lookup("Harry Truman")) == "Truman"


def test_no_name_is_hidden_where_the_sentence_denies_it() -> None:
    india = parse_notes((ASK / "india-partition.txt").read_text("utf-8"), name="india")
    assert not _questions(india, "who had never visited ____")
    stems = [q.stem for q in _questions(india, "who had never visited")]
    assert stems and all("never visited India" in s for s in stems)  # no swapped statement


def test_a_promise_or_another_clause_denies_nothing_of_the_blank() -> None:
    appeasement = parse_notes((ASK / "appeasement-terms.txt").read_text("utf-8"), name="a")
    assert _questions(appeasement, "Germany and ____ agreed not to attack each other")
    milkmaids = parse_notes(
        "Medicine\n- Edward Jenner noticed that milkmaids who caught cowpox did not catch "
        "smallpox.\n- Louis Pasteur proved that germs caused decay.\n"
        "- Joseph Lister used carbolic acid.\n- John Snow linked cholera to a pump.\n",
        name="m",
    )
    assert _questions(milkmaids, "____ noticed that milkmaids")
