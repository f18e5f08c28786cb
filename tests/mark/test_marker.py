"""mark_answer on reference answers and point lists: scores, levels, points, determinism."""

from __future__ import annotations

import pytest

from clio.embed import Embedder
from clio.errors import InputError
from clio.mark import mark_answer, mark_answers, scheme_from_points, scheme_from_reference
from clio.mark.schemes import default_levels
from clio.model.marking import MarkScheme

QUESTION = "Why did Mao sign the Treaty of Friendship with the USSR in 1949?"
REFERENCE = (
    "Mao needed Soviet economic aid because China had no experience or resources for "
    "industrialisation. He also feared a US invasion to restore Chiang Kai-shek, so he wanted "
    "the USSR as a deterrent."
)
GOOD = (
    "China could not industrialise alone, so Mao wanted Soviet money and experts. He was also "
    "afraid the Americans would invade to bring back Chiang Kai-shek, and an alliance with "
    "Moscow would deter them."
)
PARTIAL = "Mao wanted money from the Soviets to build up China's industry."
WRONG = "The Great Wall of China was built to keep out invaders from the north."


@pytest.fixture(scope="module")
def scheme(embedder: Embedder) -> MarkScheme:
    return scheme_from_reference(REFERENCE, 4)


def test_better_answers_score_higher(scheme: MarkScheme) -> None:
    good, partial, wrong = mark_answers(
        [(QUESTION, scheme, GOOD), (QUESTION, scheme, PARTIAL), (QUESTION, scheme, WRONG)]
    )
    assert good.score > partial.score > wrong.score
    # The content scorer follows human graders on Mohler 2011, who give generous partial credit:
    # a wrong answer on the same subject may keep up to half marks (see docs/marking.md).
    assert good.score >= 3 and wrong.score <= 2
    assert good.max_marks == 4 and isinstance(good.score, int)


def test_points_made_carry_their_evidence(scheme: MarkScheme) -> None:
    result = mark_answer(QUESTION, scheme, GOOD)
    assert len(result.made) == 2 and not result.missed
    assert all(m.evidence in GOOD for m in result.made)
    partial = mark_answer(QUESTION, scheme, PARTIAL)
    assert [m.point_id for m in partial.made] == ["r1"]
    assert [p.id for p in partial.missed] == ["r2"]


def test_level_follows_the_score_band(scheme: MarkScheme) -> None:
    for answer in (GOOD, PARTIAL, WRONG):
        result = mark_answer(QUESTION, scheme, answer)
        band = next(lv for lv in scheme.levels if lv.level == result.level)
        assert band.low <= result.score <= max(band.high, band.low)


def test_deterministic(scheme: MarkScheme) -> None:
    assert mark_answer(QUESTION, scheme, GOOD) == mark_answer(QUESTION, scheme, GOOD)


def test_works_without_learned_weights(scheme: MarkScheme) -> None:
    good = mark_answer(QUESTION, scheme, GOOD, scorer=None)
    wrong = mark_answer(QUESTION, scheme, WRONG, scorer=None)
    assert good.score > wrong.score


def test_points_scheme_counts_points_and_normalises_facts(embedder: Embedder) -> None:
    scheme = scheme_from_points(
        ["$300m in loans and aid", "20,000 Soviet experts", "Signed in Dec 1949"], 3
    )
    answer = (
        "The treaty was signed in December 1949. China received 300 million dollars in loans, "
        "and 20000 experts came from the USSR."
    )
    result = mark_answer("What did the Treaty of Friendship give China?", scheme, answer)
    assert result.score == 3 and len(result.made) >= 2
    one = mark_answer("What did the Treaty of Friendship give China?", scheme, "Loans of $300m.")
    assert one.score < 3 and len(one.made) == 1


def test_misspelt_names_still_count(embedder: Embedder) -> None:
    scheme = scheme_from_points(["Khrushchev called the Great Leap Forward harebrained"], 1)
    result = mark_answer(
        "What did Khrushchev think of the Great Leap Forward?",
        scheme,
        "Khruschev said the Great Leap Forward was harebrained.",
    )
    assert result.score == 1


def test_feedback_is_plain_and_hints_do_not_give_the_answer(scheme: MarkScheme) -> None:
    result = mark_answer(QUESTION, scheme, PARTIAL)
    assert "Well done" in result.feedback and "To improve" in result.feedback
    assert "deterrent" not in result.feedback  # the missing point is hinted, not stated


@pytest.mark.parametrize("bad", [0, -1, 101])
def test_bad_max_marks(bad: int) -> None:
    with pytest.raises(InputError):
        scheme_from_reference("x", bad)


def test_empty_reference_or_points() -> None:
    with pytest.raises(InputError):
        scheme_from_reference("  ", 3)
    with pytest.raises(InputError):
        scheme_from_points(["", "  "], 3)


def test_default_levels_cover_every_mark() -> None:
    for top in range(1, 21):
        levels = default_levels(top)
        covered = [m for lv in levels for m in range(lv.low, lv.high + 1)]
        assert covered == list(range(top + 1))


def test_chunked_batches_mark_as_one_at_a_time(
    scheme: MarkScheme, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large batches are embedded chunk by chunk while the previous chunk is assessed."""
    from clio.mark import marker
    from clio.mark.prepare import _CACHE

    other = scheme_from_points(["The army was limited to 100,000 men", "No air force"], 2)
    answers = [
        (QUESTION, scheme, "Mao got Soviet loans and experts."),
        ("What did the treaty do to the army?", other, "It cut the army to 100k."),
        (QUESTION, scheme, ""),
        (QUESTION, scheme, "The Soviets lent money."),
        ("What did the treaty do to the army?", other, "No planes were allowed."),
    ]
    _CACHE.clear()  # the chunks build their schemes themselves
    monkeypatch.setattr(marker, "PIPELINE_CHUNK", 2)
    batch = mark_answers(answers)
    assert batch == [mark_answer(q, s, a) for q, s, a in answers]


BREAK_QUESTION = "Why did relations between China and the USSR break down after 1956?"
BREAK_REFERENCE = (
    "Mao disagreed with Khrushchev's policy of peaceful coexistence and his attack on Stalin. "
    "Khrushchev mocked the Great Leap Forward as harebrained. The USSR refused to support Mao "
    "over Taiwan and gave fighter-planes to India in 1962."
)


def test_an_extended_model_answer_is_marked_point_by_point(embedder: Embedder) -> None:
    # Its sentences are the points a teacher credits: half of them is not full marks.
    scheme = scheme_from_reference(BREAK_REFERENCE, 6)
    half = (
        "Khrushchev called the Great Leap Forward harebrained and the USSR did not help China "
        "over Taiwan."
    )
    full = (
        "Relations broke down because Mao hated Khrushchev's peaceful coexistence with the West "
        "and his criticism of Stalin. Khrushchev insulted the Great Leap Forward. The USSR would "
        "not back China over Taiwan in 1958 and even gave planes to India in 1962."
    )
    assert mark_answer(BREAK_QUESTION, scheme, half).score <= 4
    assert mark_answer(BREAK_QUESTION, scheme, full).score == 6
