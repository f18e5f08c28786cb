"""Exports of a topic and its study items: Anki decks, worksheets, tables and timeline files."""
