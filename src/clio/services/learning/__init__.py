"""The learning loop: import topics, pick the next item, record answers (one commit each).

The CLI and the web app call these; each function takes the store and ``now``.
"""

from clio.services.learning.answering import (
    Answered,
    Marker,
    answer_card,
    answer_free_text,
    answer_quiz,
    check_quiz_answer,
    default_marker,
    optimise_learner,
    update_settings,
)
from clio.services.learning.choosing import (
    DEFAULT_KINDS,
    DEFAULT_LEARNER,
    LEARN_AHEAD,
    STUDY_KINDS,
    StudyPrompt,
    iter_session,
    learner_named,
    next_item,
    session_counts,
    start_of_day,
    topic_ids_for,
)
from clio.services.learning.kits import (
    NOTE_SUFFIXES,
    ImportOutcome,
    basic_kit,
    import_paths,
    import_topic_text,
    kit_items,
    make_kit_for,
    note_files,
)

__all__ = [
    "DEFAULT_KINDS",
    "DEFAULT_LEARNER",
    "LEARN_AHEAD",
    "NOTE_SUFFIXES",
    "STUDY_KINDS",
    "Answered",
    "ImportOutcome",
    "Marker",
    "StudyPrompt",
    "answer_card",
    "answer_free_text",
    "answer_quiz",
    "basic_kit",
    "check_quiz_answer",
    "default_marker",
    "import_paths",
    "import_topic_text",
    "iter_session",
    "kit_items",
    "learner_named",
    "make_kit_for",
    "next_item",
    "note_files",
    "optimise_learner",
    "session_counts",
    "start_of_day",
    "topic_ids_for",
    "update_settings",
]
