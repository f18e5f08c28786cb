"""Parse revision notes into a :class:`clio.model.Topic`."""

from clio.parse.dates import find_dates, parse_period
from clio.parse.notes import parse_notes
from clio.parse.text_input import decode_notes

__all__ = ["decode_notes", "find_dates", "parse_notes", "parse_period"]
