"""Every invariant a generated item must meet, checked independently of the generator's filter."""

from __future__ import annotations

import re

from clio.generate.facts import build_facts
from clio.ids import normalise_for_id
from clio.model.items import Kit, QuestionKind
from clio.model.period import Period
from clio.model.topic import Topic
from clio.parse.dates import parse_period


def _folded(text: str) -> str:
    return text.casefold().strip()


def check_kit(topic: Topic, kit: Kit) -> None:
    """Assert every invariant of the issue on every item of ``kit``."""
    known_ids = {p.id for _, p in topic.points()} | {s.id for s in topic.sources}
    ids = [c.id for c in kit.flashcards] + [q.id for q in kit.questions]
    assert len(ids) == len(set(ids)), "ids must be unique"
    prompts = [_folded(c.prompt) for c in kit.flashcards]
    assert len(prompts) == len(set(prompts)), "no two cards with the same prompt"
    for card in kit.flashcards:
        assert card.prompt.strip() and card.answer.strip()
        assert _folded(card.answer) not in _folded(card.prompt), card
        assert card.source_ids and set(card.source_ids) <= known_ids, card
        if card.kind.value == "cloze":
            assert card.cloze and "{{c1::" in card.cloze and "____" in card.prompt, card
    # (compared without a final full stop: a clause the notes end with ".." keeps one)
    stated = {normalise_for_id(c.text).rstrip(".") for c in build_facts(topic).clauses}
    for question in kit.questions:
        assert question.stem.strip(), question
        assert question.source_ids and set(question.source_ids) <= known_ids, question
        assert "“" in question.explanation, "the explanation quotes the notes"
        options = question.options
        assert len(options) == len(set(options)), question
        if question.kind is QuestionKind.MCQ:
            _check_mcq(topic, question)
        elif question.kind is QuestionKind.TF:
            assert options == ("True", "False") and question.answer in options
            statement = question.stem.split("“", 1)[1].rstrip("”").rstrip(".")
            if question.answer == "False":
                assert normalise_for_id(statement).rstrip(".") not in stated, question
                assert "the notes give" in question.explanation
            else:
                assert normalise_for_id(statement).rstrip(".") in stated, question
        elif question.kind is QuestionKind.ORDER:
            assert 4 <= len(options) <= 6
            assert sorted(question.answer) == sorted(options)  # type: ignore[arg-type]
            assert tuple(question.answer) != options
        else:
            pairs = question.answer
            assert isinstance(pairs, tuple) and len(pairs) >= 3
            assert sorted(p[0] for p in pairs) == sorted(options)  # type: ignore[index]
            assert sorted(p[1] for p in pairs) == sorted(question.right_options)  # type: ignore[index]


def _check_mcq(topic: Topic, question: object) -> None:
    from clio.model.items import QuizQuestion

    assert isinstance(question, QuizQuestion)
    options, answer = question.options, question.answer
    assert len(options) == 4, question
    assert isinstance(answer, str) and options.count(answer) == 1, question
    for a in options:
        for b in options:
            assert a == b or _folded(a) not in _folded(b), f"{a!r} contains {b!r}"
    if question.subkind in {"date", "figure", "person", "place", "organisation", "event"}:
        # the answer as a word of its own: "4" inside "1949-57" gives nothing away
        alone = rf"(?<![\w$£€]){re.escape(_folded(answer))}(?!\w)"
        assert re.search(alone, _folded(question.stem)) is None, question
    if question.subkind in {"date", "when"}:
        _check_dates(topic, question.source_ids, answer, options)
    if question.subkind == "figure":
        units = {re.sub(r"[\d.,\s]", "", o) for o in options}
        assert len(units) == 1, f"figures with different units: {options}"


def _check_dates(
    topic: Topic, source_ids: tuple[str, ...], answer: str, options: tuple[str, ...]
) -> None:
    """Wrong dates have the answer's precision and are not dates the point itself gives."""
    periods = {o: parse_period(o) for o in options}
    right = periods[answer]
    assert right is not None
    given: list[Period] = []
    for point_id in source_ids:
        point = topic.find_point(point_id)
        if point is not None and point.period is not None and not point.period.is_range:
            given.append(point.period)
    for option, period in periods.items():
        assert period is not None, option
        assert period.precision == right.precision, options
        assert period.is_range == right.is_range, options
        if option != answer and not right.is_range:
            assert not period.overlaps(right), options
            assert not any(period.overlaps(g) for g in given), (option, given)
