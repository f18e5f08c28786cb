"""Hand-made study items for storage and service tests."""

from __future__ import annotations

from clio.model.items import (
    CardKind,
    EssayParagraph,
    EssayPlan,
    Flashcard,
    Kit,
    QuestionKind,
    QuizQuestion,
    SourceQuestion,
)
from clio.model.marking import Level, MarkScheme, SchemePoint


def card(n: int, point: str = "p-1") -> Flashcard:
    """A basic card numbered ``n`` about ``point``."""
    return Flashcard(
        id=f"c-{n:04d}",
        kind=CardKind.BASIC,
        prompt=f"prompt {n}",
        answer=f"answer {n}",
        source_ids=(point,),
        context="Section",
    )


def mcq(n: int, point: str = "p-1") -> QuizQuestion:
    """A multiple-choice question whose answer is ``"right"``."""
    return QuizQuestion(
        id=f"q-{n:04d}",
        kind=QuestionKind.MCQ,
        stem=f"question {n}?",
        options=("wrong", "right", "other"),
        answer="right",
        explanation="because",
        source_ids=(point,),
    )


ORDER = QuizQuestion(
    id="q-order",
    kind=QuestionKind.ORDER,
    stem="Put in order",
    options=("1950", "1949", "1969"),
    answer=("1949", "1950", "1969"),
    explanation="dates",
    source_ids=("p-1",),
)
MATCH = QuizQuestion(
    id="q-match",
    kind=QuestionKind.MATCH,
    stem="Match",
    options=("Mao", "Stalin"),
    right_options=("USSR", "China"),
    answer=(("Mao", "China"), ("Stalin", "USSR")),
    explanation="leaders",
    source_ids=("p-2",),
)
TF = QuizQuestion(
    id="q-tf",
    kind=QuestionKind.TF,
    stem="The treaty was signed in 1949.",
    options=("True", "False"),
    answer="True",
    explanation="Dec 1949",
    source_ids=("p-2",),
)
SOURCE_Q = SourceQuestion(
    id="sq-1",
    source_id="s-1",
    style="inference",
    text="What can you infer from Source A?",
    marks=4,
    mark_scheme=MarkScheme(
        max_marks=4,
        levels=(Level(level=1, low=1, high=2, descriptor="simple"),),
        points=(SchemePoint(id="sp-1", text="aid was loans", source_ids=("s-1",)),),
        reference="The aid was mostly loans.",
        style="inference",
        source_text="The Soviets sent loans.",
    ),
    source_ids=("s-1",),
)
ESSAY = EssayPlan(
    id="e-1",
    question="Why did relations break down?",
    paragraphs=(EssayParagraph(role="factor", heading="Ideology", text="Mao and Khrushchev"),),
    source_ids=("p-1",),
)


def sample_kit(cards: int = 4, quizzes: int = 2) -> Kit:
    """A kit with ``cards`` cards and ``quizzes`` MCQs, plus one of each other kind."""
    return Kit(
        topic_id="t-1",
        seed=0,
        flashcards=tuple(card(i) for i in range(cards)),
        questions=(*(mcq(i) for i in range(quizzes)), ORDER, MATCH, TF),
        essay_plans=(ESSAY,),
        source_questions=(SOURCE_Q,),
    )
