"""Study items generated from a topic: flashcards, quizzes, essay plans, source questions."""
