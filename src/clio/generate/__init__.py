"""Generate study items from a topic: flashcards, quiz questions and the whole kit."""
