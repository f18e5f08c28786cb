"""Shared builders: item ids from content, seeded shuffles, how a section is referred to."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from clio.generate.essay_question import indirect_question
from clio.generate.text import cause_phrase, is_event_name, title_without_date, with_article
from clio.ids import content_id
from clio.model.items import CardKind, Flashcard, QuestionKind, QuizAnswer, QuizQuestion
from clio.model.topic import Section


def card(
    kind: CardKind,
    prompt: str,
    answer: str,
    source_ids: Sequence[str],
    *,
    context: str = "",
    cloze: str | None = None,
) -> Flashcard:
    """A flashcard whose id comes from its kind, prompt and answer."""
    return Flashcard(
        id=content_id("fc", kind.value, prompt, answer),
        kind=kind,
        prompt=prompt,
        answer=answer,
        source_ids=tuple(dict.fromkeys(source_ids)),
        context=context,
        cloze=cloze,
    )


def answer_key(answer: QuizAnswer) -> str:
    """A stable text form of an answer, for ids."""
    if isinstance(answer, str):
        return answer
    return "\x1e".join(a if isinstance(a, str) else "\x1d".join(a) for a in answer)


def question(
    kind: QuestionKind,
    stem: str,
    options: Sequence[str],
    answer: QuizAnswer,
    explanation: str,
    source_ids: Sequence[str],
    *,
    subkind: str = "",
    right_options: Sequence[str] = (),
) -> QuizQuestion:
    """A quiz question whose id comes from its kind, stem and answer (not the wrong options)."""
    return QuizQuestion(
        id=content_id("q", kind.value, subkind, stem, answer_key(answer)),
        kind=kind,
        stem=stem,
        options=tuple(options),
        answer=answer,
        explanation=explanation,
        source_ids=tuple(dict.fromkeys(source_ids)),
        right_options=tuple(right_options),
        subkind=subkind,
    )


def item_rng(seed: int, *parts: str) -> random.Random:
    """A random stream for one item, from the seed and the item's own content.

    Items made from an unchanged point get the same stream after other points are edited, so
    their wrong options and order (and ids) stay the same.
    """
    return random.Random(content_id("rng", str(seed), *parts))


def shuffled(items: Sequence[str], rng: random.Random) -> list[str]:
    """A seeded shuffle (a copy)."""
    copy = list(items)
    rng.shuffle(copy)
    return copy


def about(section: Section, *, with_date: bool = True) -> str:
    """How a stem refers to a section: "why China broke with the USSR", "the Korean War"."""
    cause = cause_phrase(section.bare_heading)
    if cause:
        return cause.outcome if cause.link.startswith("why ") else f"the {cause.noun}s {cause.link}"
    if section.bare_heading.strip().endswith("?"):
        return indirect_question(section.bare_heading)  # "how the West responded"
    heading = section.bare_heading.strip().rstrip(":?")
    if not with_date:
        heading = title_without_date(heading)
    if is_event_name(title_without_date(heading)):
        return with_article(heading)
    if heading.startswith("The "):
        return "the " + heading[4:]
    if is_generic_heading(heading) or _INTERROGATIVE.match(heading):
        # "in your notes on key terms", "... on how partition happened"
        return heading[0].lower() + heading[1:]
    return heading


_INTERROGATIVE = re.compile(r"^(?:How|What|Why|When|Where|Who|Which)\s")


_GENERIC_HEADINGS = frozenset(
    """
    causes consequences significance timeline chronology background context outcome outcomes
    results effects impact summary overview introduction events people terms notes conclusion
    aftermath
    """.split()  # noqa: SIM905
)


def is_generic_heading(heading: str) -> bool:
    """True for headings such as "Key terms", "Consequences" or "Long-term context, 1919-29"."""
    words = title_without_date(heading).lower().replace("-", " ").split()
    words = [w for w in words if w not in {"key", "long", "short", "term", "the", "main", "and"}]
    return bool(words) and all(w in _GENERIC_HEADINGS for w in words)


def statement_context(section: Section, *, with_date: bool = True) -> str:
    """ "about the Korean War, 1950-53", or "from your notes on consequences" for plain headings."""
    if is_generic_heading(section.bare_heading):
        return f"from your notes on {title_without_date(section.bare_heading).lower()}"
    return f"about {about(section, with_date=with_date)}"
