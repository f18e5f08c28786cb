"""Mark free-text answers against a mark scheme, with levels of response and feedback."""

from clio.mark.marker import mark_answer, mark_answers
from clio.mark.schemes import scheme_from_points, scheme_from_reference

__all__ = ["mark_answer", "mark_answers", "scheme_from_points", "scheme_from_reference"]
