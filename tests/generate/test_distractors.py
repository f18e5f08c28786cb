"""Wrong options: the same type as the answer, false according to the notes."""

from __future__ import annotations

import random

from clio.generate.distractors import contains_another, date_options, pick, slot_options
from clio.generate.facts import build_facts
from clio.generate.figures import find_figures, format_like
from clio.model.period import PartialDate, Period
from tests.generate.conftest import topic_named


def _slot(text_start: str, answer: str):  # type: ignore[no-untyped-def]
    facts = build_facts(topic_named("china"))
    clause = next(c for c in facts.clauses if c.text.startswith(text_start))
    slot = next(s for s in clause.slots if s.text == answer)
    return facts, clause, slot


def test_contains_another_and_pick() -> None:
    assert contains_another(["5%", "95%"])
    assert not contains_another(["20,000", "200,000", "2,000"])
    rng = random.Random(1)
    assert pick([["a", "b"]], "x", rng) is None
    chosen = pick([["Stalin", "Joseph Stalin", "Molotov", "Beria"]], "Khrushchev", rng)
    assert chosen is not None and not contains_another(chosen)


def test_figures_keep_their_unit_and_form() -> None:
    (money,) = find_figures("$300m loans and aid")
    (share,) = find_figures("Though 95% of the Soviet money was in the form of loans")
    (experts,) = find_figures("its 20,000 economic experts")
    assert (money.unit, share.unit, experts.head) == ("$m", "%", "experts")
    assert format_like(money, 450e6) == "$450m"
    assert format_like(experts, 40000) == "40,000"
    assert not find_figures("they fought back to the 38th parallel in 1951")


def test_wrong_dates_keep_precision_and_avoid_the_notes_dates() -> None:
    facts = build_facts(topic_named("china"))
    answer = Period.single(PartialDate(year=1950, month=11))
    for seed in range(20):
        wrong = date_options(answer, [Period.years(1949)], facts, random.Random(seed))
        assert wrong is not None
        for label in wrong:
            month, year = label.split()
            assert month.isalpha() and len(month) == 3, label
            assert year != "1949" and label not in {"Oct 1950", "Nov 1950", "Dec 1950"}, label


def test_wrong_people_places_and_organisations_fit() -> None:
    for start, answer, allowed in [
        ("China ceded mineral rights", "Xinjiang", {"region"}),
        ("Only Stalin's influence", "Stalin", {"person"}),
        ("the UN sent troops", "the UN", {"international-body"}),
    ]:
        facts, clause, slot = _slot(start, answer)
        for seed in range(10):
            wrong = slot_options(slot, clause, facts, random.Random(seed))
            assert wrong is not None and answer not in wrong
            for option in wrong:
                entry = facts.lexicon.lookup(option)  # type: ignore[union-attr]
                assert entry is not None, option
                kind = entry.kind if entry.kind == "person" else entry.subtype
                assert kind in allowed, (option, kind)
                assert option not in clause.text


def test_no_wrong_option_means_the_same_as_the_answer() -> None:
    facts, clause, slot = _slot("China ceded mineral rights", "the USSR")
    seen: set[str] = set()
    for seed in range(30):
        seen.update(slot_options(slot, clause, facts, random.Random(seed)) or ())
    assert not seen & {"Russia", "the Soviet Union", "China", "the PRC", "USSR"}


def test_a_bound_takes_wrong_options_from_the_other_side_only() -> None:
    from clio.generate.distractors import is_bounded
    from clio.generate.kit import make_kit
    from clio.parse import parse_notes

    notes = (
        "The Cold War\n\nEurope divided\n\n"
        "a. Soviet control\nBy 1948 communist governments controlled Poland and Hungary.\n\n"
        "b. Berlin airlift\nThe Allies flew in over 2,300,000 tons of supplies in 1948.\n\n"
        "c. Marshall Aid\nThe USA gave $13 billion after 1947 to rebuild western Europe.\n"
    )
    facts = build_facts(parse_notes(notes))
    checked = 0
    for clause in facts.clauses:
        for slot in clause.slots:
            if not is_bounded(slot, clause) or slot.kind not in ("date", "figure"):
                continue
            for seed in range(10):
                for wrong in slot_options(slot, clause, facts, random.Random(seed)) or []:
                    checked += 1
                    if slot.period is not None:  # "By 1948": only earlier years
                        year = int(wrong.split()[-1][:4])
                        if clause.text[: slot.start].rstrip().lower().endswith("by"):
                            assert year < 1948, wrong
                        else:
                            assert year > 1947, wrong  # "after 1947": only later
                    else:  # "over 2,300,000 tons": only larger figures
                        assert float(wrong.replace(",", "")) > 2_300_000, wrong
    assert checked >= 3
    kit = make_kit(parse_notes(notes), seed=0)
    for item in kit.questions:  # a bound is never made into a "false" statement
        if item.kind.value == "tf" and item.answer == "False":
            assert "By 19" not in item.stem and "over " not in item.stem, item.stem
