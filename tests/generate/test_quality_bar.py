"""The issue's quality bar on the bundled sheet, and the statistics of the right option."""

from __future__ import annotations

from collections import Counter

import pytest

from clio.generate import make_kit
from clio.model.items import QuestionKind
from tests.generate.conftest import topic_named


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_counts_on_the_bundled_sheet(seed: int) -> None:
    kit = make_kit(topic_named("china"), seed=seed)
    kinds = Counter(q.kind for q in kit.questions)
    assert len(kit.flashcards) >= 60
    assert kinds[QuestionKind.MCQ] >= 40
    assert kinds[QuestionKind.ORDER] >= 5
    assert kinds[QuestionKind.MATCH] >= 5
    assert kinds[QuestionKind.TF] >= 10


def test_every_card_kind_and_question_kind_appears() -> None:
    kit = make_kit(topic_named("china"), seed=0)
    assert {c.kind.value for c in kit.flashcards} == {
        "basic", "reverse", "date", "date_reverse", "cloze", "section"
    }  # fmt: skip
    subkinds = {q.subkind for q in kit.questions}
    assert {"when", "date", "figure", "person", "place", "reason", "which_first", "gap_years"} <= (
        subkinds
    )
    tf = Counter(q.answer for q in kit.questions if q.kind is QuestionKind.TF)
    assert tf["True"] >= 4 and tf["False"] >= 4


def test_the_right_option_is_not_systematically_the_longest_or_in_one_place() -> None:
    longest = positions = total = 0
    where: Counter[int] = Counter()
    for name in ("china", "weimar.txt", "civil-rights.md", "numbered.txt"):
        for seed in range(4):
            for q in make_kit(topic_named(name), seed=seed).questions:
                if q.kind is not QuestionKind.MCQ:
                    continue
                total += 1
                lengths = sorted((len(o) for o in q.options), reverse=True)
                if len(str(q.answer)) == lengths[0] and lengths[0] > lengths[1]:
                    longest += 1
                where[q.options.index(str(q.answer))] += 1
                positions += 1
    assert total > 200
    assert longest / total < 0.4, f"answer strictly longest in {longest}/{total}"
    for index in range(4):
        assert 0.15 < where[index] / positions < 0.35, where
