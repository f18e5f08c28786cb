"""Study items generated from a topic: flashcards, quizzes, essay plans, source questions."""

from clio.generate.flashcards import make_flashcards
from clio.generate.kit import make_kit
from clio.generate.quiz import make_quiz

__all__ = ["make_flashcards", "make_kit", "make_quiz"]
