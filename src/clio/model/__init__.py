"""The domain model: frozen, keyword-only dataclasses shared by every stage."""

from clio.model.items import (
    CardKind,
    EssayParagraph,
    EssayPlan,
    Flashcard,
    Kit,
    QuestionKind,
    QuizAnswer,
    QuizQuestion,
    SourceQuestion,
)
from clio.model.marking import Level, Mark, MarkScheme, PointMatch, SchemePoint
from clio.model.period import PartialDate, Period, Precision
from clio.model.topic import (
    Claim,
    Entity,
    EntityKind,
    ParseWarning,
    Point,
    Question,
    Section,
    Source,
    Topic,
)

__all__ = [
    "CardKind",
    "Claim",
    "Entity",
    "EntityKind",
    "EssayParagraph",
    "EssayPlan",
    "Flashcard",
    "Kit",
    "Level",
    "Mark",
    "MarkScheme",
    "ParseWarning",
    "PartialDate",
    "Period",
    "Point",
    "PointMatch",
    "Precision",
    "Question",
    "QuestionKind",
    "QuizAnswer",
    "QuizQuestion",
    "SchemePoint",
    "Section",
    "Source",
    "SourceQuestion",
    "Topic",
]
