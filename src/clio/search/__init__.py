"""Ask the notes: hybrid search over points, sources and intros, and cited answers."""

from clio.search.answer import NOT_IN_NOTES, Answer, Citation, answer_question
from clio.search.index import SearchIndex, build_index
from clio.search.qtype import AnswerType, answer_type

__all__ = [
    "NOT_IN_NOTES",
    "Answer",
    "AnswerType",
    "Citation",
    "SearchIndex",
    "answer_question",
    "answer_type",
    "build_index",
]
