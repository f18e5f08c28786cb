"""What a source is about: whose views it reports, the enquiry it serves, the notes it touches."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from clio.generate.essay_factors import topic_corpus
from clio.generate.essay_text import (
    ALIASES,
    content_tokens,
    noun_phrase,
    proper_words,
    sentences,
    stem,
    strip_trailing_date,
    words,
)
from clio.generate.text import find_dates
from clio.model.period import Period
from clio.model.topic import Claim, EntityKind, Point, Section, Source, Topic, bare_heading

_STATE_NAMES = {
    "ussr": "the USSR", "usa": "the USA", "uk": "Britain", "china": "China",
    "germany": "Germany", "france": "France", "japan": "Japan", "korea": "Korea",
    "cuba": "Cuba",
}  # fmt: skip
_ATTITUDE = re.compile(
    r"\b(?:regard(?:ed|s)?|stat(?:ed|es)|stress(?:ed|es)|claim(?:ed|s)?|believ(?:ed|es)|"
    r"s[ae]w|consider(?:ed|s)?|hint(?:ed|s)?|fear(?:ed|s)?|describ(?:ed|es)|call(?:ed|s)?|"
    r"view(?:ed|s)?|mention(?:ed|s)?|recogni[sz](?:ed|es)|thought|felt|insist(?:ed|s)?|"
    r"warn(?:ed|s)?|assumptions?|perception|attitudes?)\b",
    re.I,
)
_THESIS = re.compile(
    r"^.*?\b(?:reveals?|shows?|suggests?|demonstrates?|argues?|concludes?|proves?)\s+that\s+",
    re.I,
)
_HE_CLAIM = re.compile(r"^(?:In|By|During)\b.*\b(?:he|she)\b")
_AUTHOR_PREFIX = re.compile(
    r"^(?:from\s+)?(?:the\s+|a\s+|an\s+)?(?:memoirs?|diary|letters?|speech|autobiography|book|"
    r"article|report|writings|recollections)\s+(?:of|by)\s+",
    re.I,
)
_FIRST_HAND = re.compile(
    r"\b(?:speech|letter|memoirs?|diary|interview|broadcast|telegram|autobiograph\w*|"
    r"address|statement)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|our|us|my)\b")


@dataclass(frozen=True, kw_only=True)
class SourceSubject:
    """The people and the enquiry a source serves, worked out from its passage and the notes."""

    holder: str | None  # whose views the source reports ("Mao")
    target: str | None  # what the views are about ("the USSR")
    enquiry: str  # "China's relations with the USSR, 1959-69"
    section: Section | None
    dated_views: tuple[Claim, ...]  # dated claims that report the holder's views


_REGNAL = re.compile(r"^(?:[IVX]{1,5}|Jr\.?|Sr\.?)$")


def short_name(name: str) -> str:
    """How a passage refers to a person: the surname, or "Wilhelm II" for a numbered ruler."""
    parts = name.split()
    if len(parts) >= 2 and _REGNAL.match(parts[-1]):
        return " ".join(parts[-2:])
    return parts[-1] if parts else name


def _person_names(source: Source) -> list[str]:
    """People the passage names, in order of first mention, as the passage spells them."""
    found: list[tuple[int, str]] = []
    for entity in source.entities:
        if entity.kind is EntityKind.PERSON:
            spelled = short_name(entity.text or entity.name)
            position = source.text.find(spelled)
            if position >= 0:
                found.append((position, spelled))
    return [name for _, name in sorted(found)]


def _state_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    text = re.sub(r"\bUnited States\b", "USA", text)
    text = re.sub(r"\bSoviet Union\b", "USSR", text)
    for word in words(text):
        key = word.lower().replace("’", "'")
        key = key[:-2] if key.endswith("'s") else key
        if key in ALIASES and ALIASES[key] in _STATE_NAMES:
            counts[ALIASES[key]] += 1
    return counts


def find_subject(topic: Topic, source: Source) -> SourceSubject:
    """Work out whose views a source reports, about what, and the enquiry it suits."""
    people = _person_names(source)
    attitudes = [s for s in sentences(source.text) if _ATTITUDE.search(s)]
    holder: str | None = None
    if people and len(attitudes) >= 2:
        counts = Counter(p for p in people for s in attitudes if p in s)
        holder = max(people, key=lambda p: (counts[p], -people.index(p)))
        if counts[holder] == 0:
            holder = None
    author = clean_author(source)
    first_hand = _FIRST_HAND.search(source.citation or source.provenance) is not None
    from_author = False
    if holder is None and author and (first_hand or _FIRST_PERSON.search(source.text)):
        holder = short_name(author)
        from_author = True
    states = _state_counts(source.text)
    target: str | None = None
    # a first-hand source's most-named state is often its subject, not the object of its
    # author's views ("Cuba" in Khrushchev's letter), so only reported views get a target
    if states and not from_author:
        key, _ = states.most_common(1)[0]
        target = _STATE_NAMES[key]
    dated = tuple(
        c
        for c in source.claims
        if holder is not None
        and (holder in c.text or re.match(r"^(?:In|By|During)\b.*\bhe\b", c.text))
        and _ATTITUDE.search(c.text)
    )
    section = best_section(topic, source)
    enquiry = _enquiry(topic, section)
    return SourceSubject(
        holder=holder, target=target, enquiry=enquiry, section=section, dated_views=dated
    )


_MADE_BY = re.compile(
    r"\b(?:memoirs?|diary|letters?|speech|autobiography|book|article|report|writings|"
    r"recollections|interview|broadcast|account|cartoon|poster)\s+(?:of|by|from|with)\s+"
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w.'’-]*\.?\s?){1,5})"
)


def clean_author(source: Source) -> str | None:
    """The author's name without "From the memoirs of" (read from the citation if need be)."""
    author = source.author
    if not author:
        match = _MADE_BY.search(source.citation or source.provenance)
        author = match.group("name") if match else None
    if not author:
        return None
    author = _AUTHOR_PREFIX.sub("", author).strip(" ,.")
    return author or None


def view_subject(subject: SourceSubject) -> str | None:
    """ "Mao's view of the USSR", when the source reports someone's views of something."""
    if subject.holder and subject.target:
        return f"{subject.holder}'s view of {subject.target}"
    return None


def span_of(periods: list[Period]) -> Period | None:
    """From the earliest start to the latest end of ``periods`` (None for none)."""
    if not periods:
        return None
    start = min(periods, key=lambda p: p.start.first_day()).start
    end = max(periods, key=lambda p: p.end.last_day()).end
    return Period(start=start, end=end)


def source_span(source: Source) -> Period | None:
    """The span of time the source's dated claims cover."""
    return span_of([c.period for c in source.claims])


def _when(source: Source) -> Period | None:
    span = source_span(source)
    if span is not None:
        return span
    if source.year is not None:
        return Period.years(source.year)
    return None


def best_section(topic: Topic, source: Source) -> Section | None:
    """The section of the notes the source bears on most: shared words, weighted by period."""
    passage = content_tokens(source.text + " " + source.citation)
    when = _when(source)
    dated = _citation_date(source) if not source.claims else None
    best: tuple[float, int, Section] | None = None
    for index, section in enumerate(topic.sections):
        if section.is_glossary and len(topic.sections) > 1:
            continue  # key terms are no enquiry a source bears on
        body = content_tokens(section.heading)
        for point in section.points:
            body |= content_tokens(point.full_text)
        score = len(passage & body) / (1 + len(body)) ** 0.5
        if when is not None:
            score *= 0.5 + _overlap_share(when, section_span(section))
        if dated is not None and _closely_contains(section_span(section), dated):
            score *= 1.5  # a telegram of 31 July 1914 belongs with "June-August 1914"
        if best is None or score > best[0]:
            best = (score, -index, section)
    return best[2] if best else None


def _citation_date(source: Source) -> Period | None:
    """The month or day the attribution dates the source to ("31 July 1914"), if it gives one."""
    for match in find_dates(source.citation or ""):
        if match.period.start.month is not None and not match.period.approximate:
            return match.period
    return None


def _closely_contains(span: Period | None, when: Period) -> bool:
    """True when ``span`` holds ``when`` and covers no more than about a year."""
    if span is None or not span.contains(when):
        return False
    return (date(*span.end.last_day()) - date(*span.start.first_day())).days <= 400


def section_span(section: Section) -> Period | None:
    """The section's period, or else the span of its points' periods."""
    if section.period is not None:
        return section.period
    return span_of([p.period for p in section.points if p.period is not None])


def _overlap_share(when: Period, other: Period | None) -> float:
    """How much of ``when`` (in years) ``other`` covers: 0..1."""
    if other is None:
        return 0.25
    first = max(when.start.year, other.start.year)
    last = min(when.end.year, other.end.year)
    if last < first:
        return 0.0
    return (last - first + 1) / (when.end.year - when.start.year + 1)


def _enquiry(topic: Topic, section: Section | None) -> str:
    corpus = topic_corpus(topic)
    if section is None:
        title = re.split(r"\s*[:–—]\s+|\s+-\s+", topic.title)[0].strip() or topic.title
        return noun_phrase(title, proper=proper_words(corpus), corpus=corpus)
    from clio.generate.essay_question import indirect_question

    head = bare_heading(section.heading).strip().rstrip(":")
    if head.endswith("?"):  # "Key question: How did the West respond?" -> "how the West responded"
        return indirect_question(head)
    low = head.lower()
    if low.startswith(("causes ", "reasons ")):
        return "the " + head[:1].lower() + head[1:]
    if low.startswith("why "):
        return _why_to_noun(head, topic)
    name = strip_trailing_date(head)
    phrase = noun_phrase(head, proper=proper_words(corpus), corpus=corpus)
    if section.period is not None and name != head:
        return f"{phrase}, {section.period.label()}"
    return phrase


def _why_to_noun(heading: str, topic: Topic) -> str:
    """ "Why did China break with the USSR" -> "the reasons why China broke with the USSR"."""
    from clio.generate.essay_question import read_question

    focus = read_question(heading).focus
    del topic
    return "the reasons " + focus if focus.startswith("why ") else focus


def relevant_points(
    topic: Topic, source: Source, *, limit: int = 5, common: frozenset[str] = frozenset()
) -> list[tuple[Section, Point]]:
    """Points of the notes that give own knowledge for this source: shared words and period."""
    passage = content_tokens(source.text) - common
    names = {stem(e.name.split()[-1]) for e in source.entities} | {
        stem(e.text.split()[-1]) for e in source.entities if e.text
    }
    span = _when(source)
    scored: list[tuple[float, int, Section, Point]] = []
    for index, (section, point) in enumerate(topic.points()):
        own = content_tokens(point.full_text) - common
        score = float(len(passage & own)) + 0.5 * len(names & own)
        period = point.period
        if span is not None and period is not None:
            if span.overlaps(period):
                score += 2.0
            else:
                score -= 2.0 if abs(period.start.year - span.start.year) <= 10 else 4.0
        if score >= 3.0:
            scored.append((score, index, section, point))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen = sorted(scored[:limit], key=lambda item: item[1])
    return [(section, point) for _, _, section, point in chosen]


def common_tokens(topic: Topic, subject: SourceSubject) -> frozenset[str]:
    """Words too general to link a source to a point: the topic's title, holder and target."""
    common = set(content_tokens(topic.title))
    for name in (subject.holder, subject.target):
        if name:
            common |= {stem(w) for w in words(name)}
    return frozenset(common)


def has_thesis(source: Source) -> bool:
    """True when the passage opens with a stated conclusion ("The analysis reveals that ...")."""
    found = sentences(source.text)
    return bool(found) and _THESIS.match(found[0]) is not None


def thesis(source: Source) -> str:
    """The source's main claim: its first sentence, without "The analysis reveals that"."""
    found = sentences(source.text)
    if not found:
        return ""
    first = _THESIS.sub("", found[0]).strip()
    return first[:1].upper() + first[1:] if first else found[0]
