"""The invariants every generated item must satisfy; generators drop items that fail them."""

from __future__ import annotations

from collections.abc import Iterable

from clio.generate.distractors import contains_another
from clio.generate.text import gives_away, significant_words, words_match
from clio.model.items import CardKind, Flashcard, QuestionKind, QuizQuestion

TF_OPTIONS = ("True", "False")
SLOT_SUBKINDS = frozenset(("date", "figure", "person", "place", "organisation", "event", "when"))


def _overlap(option: str, stem: str) -> int:
    stem_words = significant_words(stem)
    return sum(1 for w in significant_words(option) if any(words_match(w, s) for s in stem_words))


def card_problems(item: Flashcard) -> list[str]:
    """What is wrong with a flashcard (empty when it is fine)."""
    problems = []
    if not item.prompt.strip() or not item.answer.strip():
        problems.append("empty prompt or answer")
    if item.answer.casefold().strip() in item.prompt.casefold():
        problems.append("answer appears in the prompt")
    if item.kind in (CardKind.CLOZE, CardKind.DATE) and gives_away(
        item.answer, f"{item.prompt} {item.context}"
    ):
        problems.append("prompt gives the answer away")
    if item.kind is CardKind.CLOZE and (not item.cloze or "{{c1::" not in item.cloze):
        problems.append("cloze card without Anki cloze text")
    if not item.source_ids:
        problems.append("no source ids")
    return problems


def question_problems(item: QuizQuestion) -> list[str]:
    """What is wrong with a quiz question (empty when it is fine)."""
    problems = []
    if not item.stem.strip():
        problems.append("empty stem")
    if not item.source_ids:
        problems.append("no source ids")
    if "“" not in item.explanation:
        problems.append("explanation does not quote the notes")
    options = item.options
    if len(set(options)) != len(options):
        problems.append("repeated option")
    if item.kind is QuestionKind.MCQ:
        if len(options) != 4:
            problems.append("an MCQ needs four options")
        if not isinstance(item.answer, str) or options.count(item.answer) != 1:
            problems.append("the answer must be exactly one of the options")
        elif item.subkind in SLOT_SUBKINDS and gives_away(item.answer, item.stem):
            problems.append("stem gives the answer away")
        elif _overlap(item.answer, item.stem) > max(
            (_overlap(o, item.stem) for o in options if o != item.answer), default=0
        ):
            problems.append("the answer shares more words with the stem than any wrong option")
        if contains_another(options):
            problems.append("an option contains another")
    elif item.kind is QuestionKind.TF:
        if options != TF_OPTIONS or item.answer not in TF_OPTIONS:
            problems.append("true/false options must be True and False")
    elif item.kind is QuestionKind.ORDER:
        if not 4 <= len(options) <= 6:
            problems.append("order 4 to 6 events")
        if not isinstance(item.answer, tuple) or sorted(map(str, item.answer)) != sorted(options):
            problems.append("the answer must be the options in order")
        elif tuple(item.answer) == tuple(options):
            problems.append("options are already in order")
    elif item.kind is QuestionKind.MATCH:
        pairs = item.answer
        if not isinstance(pairs, tuple) or len(pairs) < 3:
            problems.append("a matching question needs at least three pairs")
        else:
            lefts = [p[0] for p in pairs if isinstance(p, tuple)]
            rights = [p[1] for p in pairs if isinstance(p, tuple)]
            if sorted(lefts) != sorted(options) or sorted(rights) != sorted(item.right_options):
                problems.append("pairs must use every left and right item once")
            if len(set(rights)) != len(rights):
                problems.append("repeated right item")
    return problems


def valid_cards(items: Iterable[Flashcard]) -> tuple[Flashcard, ...]:
    """The cards that pass every check, without repeated prompts or ids (first kept)."""
    kept: list[Flashcard] = []
    prompts: set[str] = set()
    ids: set[str] = set()
    for item in items:
        prompt = item.prompt.casefold().strip()
        if prompt in prompts or item.id in ids or card_problems(item):
            continue
        prompts.add(prompt)
        ids.add(item.id)
        kept.append(item)
    return tuple(kept)


def valid_questions(items: Iterable[QuizQuestion]) -> tuple[QuizQuestion, ...]:
    """The questions that pass every check, without repeats (first kept)."""
    kept: list[QuizQuestion] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    ids: set[str] = set()
    for item in items:
        signature = (item.stem.casefold(), tuple(sorted(o.casefold() for o in item.options)))
        if signature in seen or item.id in ids or question_problems(item):
            continue
        seen.add(signature)
        ids.add(item.id)
        kept.append(item)
    return tuple(kept)
