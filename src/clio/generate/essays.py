"""Essay plans for "why" sections and typed questions: introduction, factors, links, judgement."""

from __future__ import annotations

import random
import re

from clio.errors import InputError
from clio.generate.essay_factors import (
    Factor,
    build_factor,
    choose_factor_points,
    named_points,
    section_is_why,
    topic_corpus,
)
from clio.generate.essay_links import (
    Importance,
    capital,
    common_names,
    link_text,
    rank_factors,
    subject,
    turn_text,
)
from clio.generate.essay_question import EssayQuestion, heading_question, read_question
from clio.generate.essay_text import (
    STOPWORDS,
    article,
    as_sentence,
    content_tokens,
    join_names,
    noun_phrase,
    number_word,
    proper_words,
    sentences,
    strip_trailing_date,
    words,
)
from clio.generate.themes import THEMES, theme_adjective
from clio.ids import content_id
from clio.model.items import EssayParagraph, EssayPlan
from clio.model.topic import Point, Section, Topic

_OPENERS_FIRST = ("One reason was", "The first reason was", "A first factor was")
_OPENERS_NEXT = ("Another reason was", "A further reason was", "Another factor was")
_OPENERS_COUNTER = (
    "However, another reason was",
    "On the other hand, another factor was",
    "Against this view, a further reason was",
)
ESSAY_QUESTION = re.compile(
    r"^(?:why\b|explain\s+why|how\s+far|to\s+what\s+extent|how\s+important|"
    r"what\s+were\s+the\s+(?:main\s+)?(?:reasons|causes)|[‘'\"“].+[’'\"”]\s*\.?\s*how\s+far)",
    re.I,
)


_SOURCE_WORDS = re.compile(r"\b(?:sources?|passage|extract|cartoon|interpretation)\b", re.I)


def make_essay_plans(topic: Topic, *, seed: int) -> tuple[EssayPlan, ...]:
    """One plan for each "why"/cause section, then for each essay question the notes set."""
    plans: list[EssayPlan] = []
    corpus = topic_corpus(topic)
    for section in topic.sections:
        if section_is_why(section) and len(section.points) >= 2:
            question = read_question(heading_question(section.heading))
            pairs = [(section, point) for point in section.points]
            plans.append(_plan(topic, question, pairs, seed=seed, corpus=corpus))
            how_far = _how_far_question(topic, question, pairs, corpus=corpus)
            if how_far is not None:
                plans.append(_plan(topic, how_far, pairs, seed=seed, corpus=corpus))
    for asked in topic.questions:
        if ESSAY_QUESTION.match(asked.text.strip()):
            if _SOURCE_WORDS.search(asked.text):
                continue
            try:
                plans.append(plan_essay(topic, asked.text, seed=seed))
            except InputError:
                continue  # the notes cannot support a plan for this question; skip it
    unique: dict[str, EssayPlan] = {}
    for plan in plans:
        unique.setdefault(plan.question.casefold(), plan)
    return tuple(unique.values())


_CALENDAR_TEXT = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday spring summer autumn winter"
)
_CALENDAR = frozenset(_CALENDAR_TEXT.split())


def _names_missing_from(topic: Topic, question: str) -> list[str]:
    """Names in the question (capitalised words after the first) that the notes never use."""
    known: set[str] = set()
    for section, point in topic.points():
        known |= content_tokens(f"{section.heading} {point.full_text}")
    known |= content_tokens(f"{topic.title} {topic.intro}")
    tokens = words(question.strip().strip("'\"‘“"))[1:]
    names: list[list[str]] = []
    previous_was_name = False
    for word in tokens:
        is_name = (
            word[:1].isupper()
            and word.lower() not in STOPWORDS
            and word.lower() not in _CALENDAR
            and len(word) > 1
        )
        if is_name and previous_was_name:
            names[-1].append(word)
        elif is_name:
            names.append([word])
        previous_was_name = is_name
    missing = [" ".join(n) for n in names if not content_tokens(" ".join(n)) <= known]
    return list(dict.fromkeys(missing))


def _how_far_question(
    topic: Topic, question: EssayQuestion, pairs: list[tuple[Section, Point]], *, corpus: str
) -> EssayQuestion | None:
    """A "how far" question on the section's second-ranked factor, so the plan must weigh it."""
    factors = [build_factor(topic, s, p, corpus=corpus) for s, p in pairs]
    ranking = rank_factors(topic, factors)
    if len(ranking) < 3:
        return None
    named = ranking[1].factor
    if named.phrase.startswith(("that ", "the point")):
        return None  # a clause makes a clumsy "how far" question; plan the why-question only
    text = f"How far was {subject(named)} the main reason {reason_phrase(question.focus)}?"
    asked = read_question(text)
    if asked.kind != "how_far" or not asked.named:
        return None
    hits = named_points(topic, asked.named, pairs)
    if [p.id for _, p in hits] != [named.point.id]:
        return None
    return asked


def plan_essay(topic: Topic, question: str, *, seed: int = 0) -> EssayPlan:
    """A plan for a question the user types, argued from the relevant points of the notes."""
    if not question.strip():
        raise InputError("the essay question is empty", field="question")
    if not content_tokens(question):
        raise InputError(f"the essay question has no content words: {question!r}", field="question")
    missing = _names_missing_from(topic, question)
    if missing:
        raise InputError(
            f"the notes never mention {join_names(missing)}, which the question asks about",
            field="question",
        )
    asked = read_question(question)
    pairs = choose_factor_points(topic, asked)
    return _plan(topic, asked, pairs, seed=seed, corpus=topic_corpus(topic))


def _plan(
    topic: Topic,
    question: EssayQuestion,
    pairs: list[tuple[Section, Point]],
    *,
    seed: int,
    corpus: str,
) -> EssayPlan:
    # the seed only varies the wording of the openers, never the argument
    offset = random.Random(f"{seed}:{question.text}").randrange(3)
    factors = [build_factor(topic, s, p, corpus=corpus) for s, p in pairs]
    named: list[Factor] = []
    if question.kind == "how_far" and question.named:
        hits = named_points(topic, question.named, pairs)
        if not hits:
            raise InputError(
                f"the notes say nothing about {question.named!r}, the factor this question names",
                field="question",
            )
        hit_ids = {p.id for _, p in hits}
        named = [f for f in factors if f.point.id in hit_ids]
        named += [
            build_factor(topic, s, p, corpus=corpus)
            for s, p in hits
            if p.id not in {f.point.id for f in named}
        ]
        others = [f for f in factors if f.point.id not in hit_ids]
        if not others:
            raise InputError(
                "the notes give no other factor to weigh against the named one", field="question"
            )
        ordered = named + _group_by_theme(others)
    else:
        ordered = _group_by_theme(factors)
    ranking = rank_factors(topic, ordered)
    common = common_names(topic)
    paragraphs = [_introduction(topic, question, ordered, named)]
    for index, factor in enumerate(ordered):
        if index:
            previous = ordered[index - 1]
            paragraphs.append(
                EssayParagraph(
                    role="link",
                    heading=f"Link: {previous.name} to {factor.name}",
                    text=(
                        turn_text(previous, factor)
                        if previous in named and factor not in named
                        else link_text(previous, factor, common=common, index=offset + index)
                    ),
                    source_ids=(previous.point.id, factor.point.id),
                )
            )
        paragraphs.append(
            _factor_paragraph(topic, question, factor, index, named, offset, corpus=corpus)
        )
    paragraphs.append(_judgement(question, ranking, named))
    source_ids = tuple(dict.fromkeys(pid for f in ordered for pid in f.point_ids))
    return EssayPlan(
        id=content_id("essay", question.text, *sorted(f.point.id for f in ordered)),
        question=question.text,
        paragraphs=tuple(paragraphs),
        source_ids=source_ids,
    )


def _group_by_theme(factors: list[Factor]) -> list[Factor]:
    """Factors grouped by theme (themes in order of first appearance), unthemed last."""
    order: list[str | None] = []
    for factor in factors:
        if factor.theme not in order:
            order.append(factor.theme)
    order.sort(key=lambda theme: len(THEMES) if theme is None else 0)
    return [f for theme in order for f in factors if f.theme == theme]


def reason_phrase(focus: str) -> str:
    """What follows "reason" in a sentence: "why China broke ...", "for the split"."""
    focus = strip_trailing_date(focus)
    if focus.startswith("The "):
        focus = "the " + focus[4:]
    low = focus.lower()
    for prefix in ("the main reasons ", "the reasons ", "the main causes ", "the causes "):
        if low.startswith(prefix):
            rest = focus[len(prefix) :]
            if rest.lower().startswith(("why ", "for ")):
                return re.sub(r"^for The ", "for the ", rest)
            rest = rest.split(" ", 1)[-1]
            return "for " + ("the " + rest[4:] if rest.startswith("The ") else rest)
    if low.startswith(("why ", "how ")):
        return focus
    return "for " + focus


def _introduction(
    topic: Topic, question: EssayQuestion, factors: list[Factor], named: list[Factor]
) -> EssayParagraph:
    parts: list[str] = []
    context = _context_sentence(topic, question)
    if context:
        parts.append(context)
    dated = [f.period for f in factors if f.period is not None]
    if len(dated) >= 2:
        start = min(dated, key=lambda p: p.sort_key())
        end = max(dated, key=lambda p: p.end.last_day())
        if start.start.year != end.end.year:
            parts.append(
                f"The factors in the notes run from {start.start.label()} to {end.end.label()}."
            )
    reasons = reason_phrase(question.focus)
    if named:
        others = [f for f in factors if f not in named]
        listed = join_names([_listed(f) for f in others])
        parts.append(
            f"This essay will weigh {join_names([subject(f) for f in named])} against the other "
            f"factors in the notes ({listed}) and reach a judgement on which mattered most."
        )
    else:
        groups: list[str] = []
        for theme in dict.fromkeys(f.theme for f in factors):
            names = join_names([_listed(f) for f in factors if f.theme == theme])
            label = theme_adjective(theme) if theme else "other"
            groups.append(f"{label} ({names})")
        count = number_word(len(factors))
        parts.append(
            f"This essay will argue that there were {count} main reasons {reasons}, which can be "
            f"grouped as {join_names(groups)}."
        )
    return EssayParagraph(
        role="introduction",
        heading="Introduction",
        text=" ".join(parts),
        source_ids=tuple(f.point.id for f in factors),
    )


# A sheet's housekeeping ("Handout 4: read this before the lesson on Thursday"), not history
_ADMIN = re.compile(
    r"\b(?:handout|worksheet|homework|lesson|revision sheet|read (?:this|these|the following)|"
    r"answer (?:the|all) questions|due (?:on|by))\b",
    re.I,
)


def _mid_sentence(name: str) -> str:
    """A factor's name inside a sentence: "the July Days", not "The July Days"."""
    return "the " + name[4:] if name.startswith("The ") else name


def _context_sentence(topic: Topic, question: EssayQuestion) -> str:
    """The sentence of the sheet's introduction nearest the question (verbatim), if any."""
    found = [s for s in (sentences(topic.intro) if topic.intro else []) if not _ADMIN.search(s)]
    if not found:
        return ""
    wanted = content_tokens(question.text)
    scores = [len(wanted & content_tokens(s)) for s in found]
    best = max(scores)
    if best == 0:
        return as_sentence(found[0])
    chosen = [s for s, score in zip(found, scores, strict=True) if score * 2 >= best][:2]
    return " ".join(as_sentence(s) for s in chosen)


def _factor_paragraph(
    topic: Topic,
    question: EssayQuestion,
    factor: Factor,
    index: int,
    named: list[Factor],
    offset: int,
    *,
    corpus: str,
) -> EssayParagraph:
    counter = bool(named) and factor not in named
    if counter:
        opener = _OPENERS_COUNTER[(offset + index) % len(_OPENERS_COUNTER)]
    elif named:
        opener = "The factor named in the question was" if index == 0 else "Also on this side was"
    else:
        openers = _OPENERS_FIRST if index == 0 else _OPENERS_NEXT
        opener = openers[(offset + index) % len(openers)]
    parts = [f"{opener} {factor.opening or factor.phrase}."]
    parts.extend(as_sentence(c) for c in factor.explanation)
    by_section: dict[str, list[str]] = {}
    for other in factor.support:
        quoted = [e for e in factor.evidence if e in other.full_text]
        if quoted:
            section = topic.section_of(other.id)
            heading = _section_name(section, corpus=corpus) if section else "another section"
            by_section.setdefault(heading, []).extend(quoted[:1])
    for heading, quotes in by_section.items():
        listed = join_names([f'"{q}"' for q in dict.fromkeys(quotes)])
        parts.append(f"The notes on {heading} give more evidence: {listed}.")
    reasons = reason_phrase(question.focus)
    if counter:
        named_subject = join_names([subject(f) for f in named])
        parts.append(f"This suggests that {named_subject} was not the only reason {reasons}.")
    elif named:
        parts.append(
            f"This supports the view that {subject(factor)} was the main reason {reasons}."
        )
    elif factor.theme:
        adjective = theme_adjective(factor.theme)
        if (offset + index) % 2:
            parts.append(f"This {adjective} factor helps to explain {_explained(question)}.")
        else:
            parts.append(f"This was {article(adjective)} {adjective} reason {reasons}.")
    else:
        parts.append(f"This helps to explain {_explained(question)}.")
    return EssayParagraph(
        role="counter" if counter else "factor",
        heading=factor.name,
        text=" ".join(parts),
        evidence=factor.evidence,
        theme=factor.theme,
        source_ids=factor.point_ids,
    )


def _explained(question: EssayQuestion) -> str:
    """What a factor helps to explain, as it reads mid-sentence."""
    focus = strip_trailing_date(question.focus)
    return "the " + focus[4:] if focus.startswith("The ") else focus


def _section_name(section: Section, *, corpus: str) -> str:
    """ "Treaty of Friendship, Dec 1949" -> "the Treaty of Friendship (Dec 1949)"."""
    name = noun_phrase(section.heading, proper=proper_words(corpus), corpus=corpus)
    if section.period is not None and strip_trailing_date(section.heading) != section.heading:
        return f"{name} ({section.period.label()})"
    return name


def _judgement(
    question: EssayQuestion, ranking: list[Importance], named: list[Factor]
) -> EssayParagraph:
    best = ranking[0]
    reasons = reason_phrase(question.focus)
    why, more = _because(best)
    parts: list[str] = []
    if named:
        named_ids = {f.point.id for f in named}
        if best.factor.point.id in named_ids:
            parts.append(
                f"Overall, the notes support the view that {subject(best.factor)} was the main "
                f"reason {reasons}, because {why}."
            )
            parts.extend(more)
            runner = next((r for r in ranking if r.factor.point.id not in named_ids), None)
            if runner is not None:
                parts.append(_runner_sentence(best, runner))
        else:
            top_named = next(r for r in ranking if r.factor.point.id in named_ids)
            parts.append(
                f"Overall, {subject(top_named.factor)} was important, but the notes suggest that "
                f"the most important reason {reasons} was {best.factor.phrase}, because {why}."
            )
            parts.extend(more)
    else:
        parts.append(f"Overall, the most important reason {reasons} was {best.factor.phrase}.")
        parts.append(f"This is because {why}.")
        parts.extend(more)
        if len(ranking) > 1:
            parts.append(_runner_sentence(best, ranking[1]))
    return EssayParagraph(
        role="judgement",
        heading=f"Judgement: {best.factor.name}",
        text=" ".join(parts),
        theme=best.factor.theme,
        source_ids=best.factor.point_ids,
    )


def _runner_sentence(best: Importance, runner: Importance) -> str:
    if runner.score < best.score:
        return (
            f"{capital(subject(runner.factor))} also mattered, but the notes connect fewer "
            "other points to it."
        )
    return f"{capital(subject(runner.factor))} also mattered a great deal."


def _because(importance: Importance) -> tuple[str, list[str]]:
    """The main reason as a clause, and the further reasons as sentences."""
    if not importance.reasons:
        return "it is the factor the notes give the most evidence for", []
    first, *rest = importance.reasons
    joiners = ("In addition, ", "Also, ", "Moreover, ")
    return first, [
        as_sentence(joiners[index % len(joiners)] + reason) for index, reason in enumerate(rest)
    ]


def _listed(factor: Factor) -> str:
    """A factor as an item of a list mid-sentence: "the March election" (a clause, "that ...",
    keeps its title)."""
    return _mid_sentence(factor.name) if factor.phrase.startswith("that ") else subject(factor)
