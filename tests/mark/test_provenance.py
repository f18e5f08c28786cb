"""Provenance points are made by comments on the same aspect, in the answer's own words."""

from __future__ import annotations

from clio.mark.provenance import aspect, provenance_evidence
from clio.model.marking import SchemePoint


def _point(text: str) -> SchemePoint:
    return SchemePoint(id="p", kind="provenance", text=text)


DATE = _point("Date: It was produced in 1956, 18 years after the events it bears on (1938).")
NATURE = _point("Nature: the source is a public speech; it shows what the speaker wanted.")
ORIGIN = _point("Origin: the source comes from Nikita Khrushchev.")
PURPOSE = _point("Purpose: its purpose was to explain and justify the speaker's policy.")


def test_each_point_names_its_aspect() -> None:
    assert [aspect(p) for p in (DATE, NATURE, ORIGIN, PURPOSE)] == [
        "date",
        "nature",
        "origin",
        "purpose",
    ]


def test_a_comment_on_the_same_aspect_makes_the_point() -> None:
    said = ("It was a speech given in 1956.", "Khrushchev wanted to blame Stalin.")
    assert provenance_evidence(said, DATE) == "It was a speech given in 1956."
    assert provenance_evidence(said, NATURE) == "It was a speech given in 1956."
    assert provenance_evidence(said, ORIGIN) == "Khrushchev wanted to blame Stalin."
    assert provenance_evidence(said, PURPOSE) == "Khrushchev wanted to blame Stalin."
    assert provenance_evidence(("Written years later with hindsight.",), DATE)


def test_a_comment_on_another_aspect_does_not() -> None:
    said = ("It is biased.", "It tells us about the Terror in 1937.")
    assert [provenance_evidence(said, p) for p in (DATE, NATURE, ORIGIN, PURPOSE)] == [""] * 4


def test_a_marked_answer_lists_the_provenance_it_commented_on() -> None:
    from clio.generate.kit import make_kit
    from clio.mark import mark_answer
    from clio.parse import parse_notes
    from tests.conftest import FIXTURES

    topic = parse_notes((FIXTURES / "layouts" / "nested-headings.md").read_text("utf-8"))
    (question,) = [q for q in make_kit(topic, seed=0).source_questions if q.style == "reliability"]
    answer = (
        "It was a speech in 1956, 18 years later, and Khrushchev wanted to blame Stalin, so he "
        "may exaggerate. Overall it is fairly reliable, but we must remember his purpose."
    )
    mark = mark_answer(question.text, question.mark_scheme, answer)
    made = {aspect(SchemePoint(id="x", text=m.point_text)) for m in mark.made}
    assert {"date", "nature", "origin", "purpose"} <= made
    assert "when the source was made" not in mark.feedback


def test_a_reason_is_more_than_the_authors_name() -> None:
    from clio.mark.provenance import gives_reason

    points = (DATE, NATURE, ORIGIN, PURPOSE)
    assert not gives_reason("It is biased because it is by Khrushchev.", points)
    assert not gives_reason("It is useful because it is by a historian.", points)
    assert gives_reason("Khrushchev was the Soviet leader, so it is biased.", points)
    assert gives_reason("He wanted to blame Stalin.", points)
    assert gives_reason("It is from 1956, so it is reliable.", points)
    assert gives_reason("He wrote it years later.", points)
    scholar = _point("Origin: Kenneth G. Lieberthal was an American scholar.")
    assert gives_reason("Lieberthal was a scholar so it is reliable.", (scholar,))
    assert not gives_reason("Lieberthal wrote it so it is reliable.", (scholar,))


def test_an_origin_point_about_the_authors_part_needs_more_than_the_name() -> None:
    took_part = _point("Origin: Nikita Khrushchev took part in the events; he led the USSR.")
    assert provenance_evidence(("It is biased because it is by Khrushchev.",), took_part) == ""
    assert provenance_evidence(("It is by Khrushchev.",), ORIGIN) == "It is by Khrushchev."
    said = ("Khrushchev was the Soviet leader, so he took part.",)
    assert provenance_evidence(said, took_part) == said[0]
