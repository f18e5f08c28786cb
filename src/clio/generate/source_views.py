"""The view an interpretation question tests a source against, with evidence on both sides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clio.generate.essay_factors import Factor, build_factor, section_is_why, topic_corpus
from clio.generate.essay_links import subject as factor_subject
from clio.generate.essay_question import heading_question, read_question
from clio.generate.essay_text import content_tokens, join_names, sentences, stem, words
from clio.generate.essays import reason_phrase
from clio.generate.source_subjects import (
    SourceSubject,
    common_tokens,
    has_thesis,
    relevant_points,
    section_span,
    source_span,
    thesis,
)
from clio.model.period import Period
from clio.model.topic import EntityKind, Point, Source, Topic
from clio.parse import find_dates
from clio.parse.entities import extract_entities


def quote(sentence: str) -> str:
    """A sentence in double quotes, without its final full stop."""
    return f'"{requote(sentence.strip().rstrip("."))}"'


_DOUBLE_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”')


def requote(text: str) -> str:
    """Double quotes inside a passage made single, so that it can be quoted in double quotes."""
    if '"' not in text and "“" not in text:
        return text
    return _DOUBLE_QUOTED.sub(lambda m: f"‘{m.group(1) or m.group(2) or ''}’", text)


_FUNCTION_STARTS = frozenset(
    {"the", "this", "these", "in", "by", "during", "a", "an", "it", "there", "thus", "so"}
)


@dataclass(frozen=True, kw_only=True)
class InterpretationView:
    """A view to test, the source's sentences for and against it, and own knowledge."""

    statement: str
    supporting: tuple[str, ...]
    challenging: tuple[str, ...]
    knowledge: tuple[tuple[str, Point], ...]  # ("Supports the view" | "Challenges the view", point)

    def reference(self, name: str) -> str:
        """A model answer that argues both sides and reaches a judgement."""
        parts = [
            f"{name[:1].upper() + name[1:]} supports the view that {self.statement} to an extent."
        ]
        if self.supporting:
            quoted = join_names([quote(s) for s in self.supporting[:2]])
            parts.append(f"On the one hand, it says {quoted}, which supports the view.")
        pro = [p for label, p in self.knowledge if label.startswith("Supports")]
        con = [p for label, p in self.knowledge if label.startswith("Challenges")]
        if pro and self.supporting:
            parts.append(f"The notes support this too: {pro[0].title} - {pro[0].text}.")
        elif pro:
            parts.append(
                "The source itself gives the view little direct support, but the notes do: "
                f"{pro[0].title} - {pro[0].text}."
            )
        if self.challenging:
            quoted = join_names([quote(s) for s in self.challenging[:2]])
            parts.append(f"On the other hand, it also says {quoted}, which challenges the view.")
        if con and self.challenging:
            parts.append(f"My own knowledge challenges it as well: {con[0].title} - {con[0].text}.")
        elif con:
            parts.append(
                "On the other hand, the source does not weigh the other reasons, and my own "
                f"knowledge challenges the view: {con[0].title} - {con[0].text}."
            )
        weight = len(self.supporting) + len(pro)
        against = len(self.challenging) + len(con)
        verdict = "largely" if weight > against else "only partly"
        parts.append(
            f"Overall, {name} {verdict} supports the view, because more of the evidence "
            f"{'supports' if weight > against else 'challenges or qualifies'} it than not."
        )
        return " ".join(parts)


def interpretation_view(
    topic: Topic, source: Source, subject: SourceSubject
) -> InterpretationView | None:
    """A factor of a why-section the source bears on strongly, else the source's own thesis,
    else a factor it bears on at all (only factors of the source's own section, or ones that
    a sentence of the source bears on: a source about something else can neither support nor
    challenge a view on it)."""
    strong = _factor_view(topic, source, subject, minimum=3)
    if strong is not None:
        return strong
    if has_thesis(source) or find_dates(thesis(source)):
        view = _thesis_view(topic, source, subject)
        if view is not None:
            return view
    return _factor_view(topic, source, subject, minimum=1)


def _factor_view(
    topic: Topic, source: Source, subject: SourceSubject, *, minimum: int
) -> InterpretationView | None:
    common = common_tokens(topic, subject)
    passage = content_tokens(source.text) - common
    corpus = topic_corpus(topic)
    said = sentences(source.text)
    best: tuple[tuple[int, bool], Factor, list[Factor]] | None = None
    for section in topic.sections:
        if not section_is_why(section) or len(section.points) < 2:
            continue
        factors = [build_factor(topic, section, p, corpus=corpus) for p in section.points]
        for factor in factors:
            tokens = content_tokens(factor.point.full_text) - common - _WEAK
            # A factor of the section the source is about beats an equal one elsewhere.
            score = (len(passage & tokens), section is subject.section)
            if score[0] < minimum or (best is not None and score <= best[0]):
                continue
            if score[1] or any(
                _bears_on(s, content_tokens(factor.point.full_text) - common, common) for s in said
            ):
                best = (score, factor, factors)
    if best is None:
        return None
    _, factor, siblings = best
    focus = read_question(heading_question(factor.section.heading)).focus
    verb = "were" if _plural(factor) else "was"
    statement = f"{factor_subject(factor)} {verb} the main reason {reason_phrase(focus)}"
    factor_tokens = content_tokens(factor.point.full_text) - common
    supporting: list[str] = []
    challenging: list[str] = []
    others = [content_tokens(f.point.full_text) - common for f in siblings if f is not factor]
    for sentence in sentences(source.text):
        if _bears_on(sentence, factor_tokens, common):
            supporting.append(sentence)
        elif any(_bears_on(sentence, tokens, common) for tokens in others):
            challenging.append(sentence)  # it points to another of the reasons
    knowledge: list[tuple[str, Point]] = [("Supports the view", factor.point)]
    knowledge += [("Supports the view", p) for p in factor.support[:1]]
    knowledge += [("Challenges the view", f.point) for f in siblings if f is not factor][:3]
    return InterpretationView(
        statement=statement,
        supporting=tuple(supporting),
        challenging=tuple(challenging),
        knowledge=tuple(knowledge),
    )


_WEAK = frozenset(
    {"million", "thousand", "hundred", "many", "much", "year", "ussr", "usa", "uk", "china",
     "germany", "france", "japan", "korea", "cuba"}
)  # fmt: skip


def _bears_on(sentence: str, factor_tokens: frozenset[str], common: frozenset[str]) -> bool:
    """True when a sentence shares two distinctive words with a factor, or one name."""
    shared = (content_tokens(sentence) - common - _WEAK) & factor_tokens
    if len(shared) >= 2:
        return True
    # a name is a person, place, organisation or event the parser finds ("King" alone is not)
    names = {stem(w) for e in extract_entities(sentence) if e.kind in _NAMED for w in words(e.text)}
    return bool(shared & names)


_NAMED = frozenset(EntityKind) - {EntityKind.FIGURE}


def _just_outside(topic: Topic, source: Source, period: Period) -> list[Point]:
    """Dated points close to (but outside) the view's period, in sections the source spans:
    evidence that the change began earlier or went on later than the view says."""
    span = source_span(source) or period
    found: list[tuple[int, Point]] = []
    for section, point in topic.points():
        when = point.period
        section_when = section_span(section)
        if when is None or when.overlaps(period):
            continue
        if section_when is not None and not section_when.overlaps(span):
            continue
        gap = max(period.start.year - when.end.year, when.start.year - period.end.year)
        if gap <= 8:
            found.append((gap, point))
    found.sort(key=lambda item: item[0])
    return [point for _, point in found[:2]]


def _plural(factor: Factor) -> bool:
    if factor.phrase.startswith("that "):
        return False
    name_words = factor.name.split()
    head = name_words[name_words.index("of") - 1] if "of" in name_words else name_words[-1]
    head = head.lower()
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "’s"))


def _thesis_view(topic: Topic, source: Source, subject: SourceSubject) -> InterpretationView | None:
    main = thesis(source).rstrip(".")
    if not main:
        return None
    first_word = main.split(" ", 1)[0]
    statement = main[:1].lower() + main[1:] if first_word.lower() in _FUNCTION_STARTS else main
    dates = find_dates(main)
    period: Period | None = dates[0].period if dates else None
    supporting: list[str] = []
    challenging: list[str] = []
    main_tokens = content_tokens(main)
    for claim in source.claims:
        if claim.text.startswith(sentences(source.text)[0]):
            continue
        if period is not None:
            (supporting if period.overlaps(claim.period) else challenging).append(claim.text)
        elif content_tokens(claim.text) & main_tokens:
            supporting.append(claim.text)
        else:
            challenging.append(claim.text)
    if period is None and not source.claims:
        rest = sentences(source.text)[1:]
        supporting = [s for s in rest if content_tokens(s) & main_tokens]
        challenging = [s for s in rest if s not in supporting]
    knowledge: list[tuple[str, Point]] = []
    common = common_tokens(topic, subject)
    for _, point in relevant_points(topic, source, limit=6, common=common):
        if period is not None:
            if point.period is not None:
                inside = period.overlaps(point.period)
                label = "Supports the view" if inside else "Challenges the view"
                knowledge.append((label, point))
        elif content_tokens(point.full_text) & main_tokens:
            knowledge.append(("Supports the view", point))
    if period is not None:
        knowledge += [("Challenges the view", p) for p in _just_outside(topic, source, period)]
    if not supporting and not challenging and not knowledge:
        return None
    return InterpretationView(
        statement=statement,
        supporting=tuple(dict.fromkeys(supporting)),
        challenging=tuple(dict.fromkeys(challenging)),
        knowledge=tuple(knowledge),
    )
