"""Study items generated from a topic: flashcards, quiz questions, essay plans, source questions.

Every item records the ids of the points or sources it came from (``source_ids``) and has a
stable ``id`` derived from its content, so regenerating from an edited sheet keeps the ids of
unchanged items (and so a learner's history).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clio.model.marking import MarkScheme


class CardKind(StrEnum):
    """The kinds of flashcard."""

    BASIC = "basic"  # point title -> explanation
    REVERSE = "reverse"  # explanation cue -> point title
    DATE = "date"  # event -> when
    DATE_REVERSE = "date_reverse"  # when -> event
    CLOZE = "cloze"  # one key fact hidden
    SECTION = "section"  # "Give five reasons why ..."


@dataclass(frozen=True, kw_only=True)
class Flashcard:
    """A card to review with spaced repetition.

    For cloze cards ``cloze`` holds the text in Anki syntax (``{{c1::loans}}``).
    """

    id: str
    kind: CardKind
    prompt: str
    answer: str
    source_ids: tuple[str, ...]
    context: str = ""
    cloze: str | None = None


class QuestionKind(StrEnum):
    """The kinds of quiz question."""

    MCQ = "mcq"
    ORDER = "order"
    MATCH = "match"
    TF = "tf"


# The answer of a quiz question, by kind:
#   mcq   -> one of ``options``
#   tf    -> "True" or "False" (``options`` is ("True", "False"))
#   order -> the options in the correct order
#   match -> (left, right) pairs; ``options`` holds the left items, ``right_options`` the right
QuizAnswer = str | tuple[str, ...] | tuple[tuple[str, str], ...]


@dataclass(frozen=True, kw_only=True)
class QuizQuestion:
    """A quiz question with its answer and an explanation quoting where it came from."""

    id: str
    kind: QuestionKind
    stem: str
    options: tuple[str, ...]
    answer: QuizAnswer
    explanation: str
    source_ids: tuple[str, ...]
    right_options: tuple[str, ...] = ()
    subkind: str = ""  # finer type, e.g. "date", "figure", "person", "which_first", "gap_years"


@dataclass(frozen=True, kw_only=True)
class EssayParagraph:
    """One paragraph of an essay plan."""

    role: str  # "introduction", "factor", "counter", "link", "judgement"
    heading: str
    text: str
    evidence: tuple[str, ...] = ()
    theme: str | None = None
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class EssayPlan:
    """A plan for a "why" or "how far" essay."""

    id: str
    question: str
    paragraphs: tuple[EssayParagraph, ...]
    source_ids: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class SourceQuestion:
    """An exam-style question on a source, with its levels-of-response mark scheme."""

    id: str
    source_id: str | None
    style: str  # "inference", "change", "usefulness", "reliability", "interpretation", "notes"
    text: str
    marks: int
    mark_scheme: MarkScheme
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Kit:
    """Everything generated from one topic with one seed."""

    topic_id: str
    seed: int
    flashcards: tuple[Flashcard, ...] = ()
    questions: tuple[QuizQuestion, ...] = ()
    essay_plans: tuple[EssayPlan, ...] = ()
    source_questions: tuple[SourceQuestion, ...] = ()
