"""How factors connect, and which one the notes make most important (with the reason why)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from clio.generate.essay_factors import Factor
from clio.generate.essay_text import ALIASES, STOPWORDS, article, number_word, words
from clio.generate.themes import theme_adjective
from clio.model.period import Period, Precision
from clio.model.topic import Section, Topic

_MIN_SHARED_WORDS = 4
_TITLES = frozenset(
    [
        "chancellor",
        "president",
        "king",
        "queen",
        "emperor",
        "tsar",
        "kaiser",
        "general",
        "premier",
        "prime",
        "minister",
        "chairman",
        "secretary",
        "marshal",
        "admiral",
        "pope",
        "prince",
        "duke",
        "lord",
        "sir",
        "dr",
    ]
)
_LEADING_JOINERS = frozenset({"and", "but", "so", "or", "though", "while", "then"})


def subject(factor: Factor) -> str:
    """The factor as the subject of a sentence ("the Korean War", "the fact that ...")."""
    return "the fact " + factor.phrase if factor.phrase.startswith("that ") else factor.phrase


def capital(text: str) -> str:
    """``text`` with its first letter in capitals (after any opening quotation mark)."""
    lead = len(text) - len(text.lstrip("\"'“‘"))
    return text[:lead] + text[lead : lead + 1].upper() + text[lead + 1 :]


@lru_cache(maxsize=8192)
def shared_phrase(first: str, second: str) -> str | None:
    """The longest run of words both texts share (verbatim from ``second``), if substantial."""
    a = [w.lower() for w in words(first)]
    b_words = words(second)
    b = [w.lower() for w in b_words]
    best = (0, 0)
    # dynamic programming over common suffixes: small texts, so quadratic is fine
    previous = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] > best[0]:
                    best = (current[j], j)
        previous = current
    length, end = best
    if length < _MIN_SHARED_WORDS:
        return None
    run = b_words[end - length : end]
    while run and run[0].lower() in _LEADING_JOINERS:
        run = run[1:]
    if len(run) < _MIN_SHARED_WORDS:
        return None
    if sum(1 for w in run if w.lower() not in STOPWORDS) < 2:
        return None
    pattern = r"\W+".join(re.escape(w) for w in run)
    match = re.search(pattern, second)
    return match.group(0) if match else None


def common_names(topic: Topic) -> frozenset[str]:
    """Names in so many points (or so general) that sharing them links nothing."""
    counts: dict[str, int] = {}
    total = 0
    for _, point in topic.points():
        total += 1
        for name in _point_names(point.title, point.text):
            counts[name] = counts.get(name, 0) + 1
    return frozenset(name for name, count in counts.items() if count >= max(3, 0.3 * total))


def link_text(
    first: Factor, second: Factor, *, common: frozenset[str] = frozenset(), index: int = 0
) -> str:
    """A sentence that leads from one factor paragraph to the next, grounded in the notes."""
    phrase = shared_phrase(first.point.text, second.point.text)
    if phrase:
        return (
            f"{capital(subject(second))} connects to {subject(first)}: the notes use the same "
            f'words for both, "{phrase}".'
        )
    names = (_names(first) & _names(second)) - common
    if names:
        who = sorted(names)[0]
        when = ""
        if first.period and second.period and first.period.sort_key() < second.period.sort_key():
            when = f", and {subject(second)} ({second.period.label()}) came after it"
        return (
            f"{capital(subject(first))} and {subject(second)} both involve {who}{when}; "
            "this links the two factors."
        )
    if first.theme and first.theme == second.theme:
        adjective = theme_adjective(first.theme)
        kind = f"{article(adjective)} {adjective}"
        return f"Like {subject(first)}, {subject(second)} was {kind} factor."
    if first.period and second.period and first.period.sort_key() < second.period.sort_key():
        return (
            f"{capital(subject(second))} came later, {_at(second.period)}, after "
            f"{subject(first)} {_at(first.period)}."
        )
    fallbacks = (
        f"Beyond {subject(first)}, the notes also point to {subject(second)}.",
        f"As well as {subject(first)}, the notes record {subject(second)}.",
        f"Alongside {subject(first)}, {subject(second)} also played a part.",
    )
    return fallbacks[index % len(fallbacks)]


def _at(period: Period) -> str:
    """ "on 25 Oct 1917" for a day, "in Aug 1917" otherwise."""
    day = not period.is_range and period.precision is Precision.DAY
    return f"{'on' if day else 'in'} {period.label()}"


def turn_text(named: Factor, other: Factor) -> str:
    """The link from the named factor's side of a "how far" plan to the other factors."""
    return (
        f"{capital(subject(named))} was not the only factor, however: the notes also point "
        f"to {subject(other)}."
    )


def _names(factor: Factor) -> frozenset[str]:
    return _point_names(factor.point.title, factor.point.text)


@lru_cache(maxsize=8192)
def _point_names(*texts: str) -> frozenset[str]:
    found: set[str] = set()
    for text in texts:
        for index, word in enumerate(words(text)):
            if index and word[:1].isupper() and len(word) > 2 and word.lower() not in STOPWORDS:
                bare = word[:-2] if word.endswith(("'s", "’s")) else word
                # states, peoples and titles are too general to link two factors
                if bare.lower() not in ALIASES and bare.lower() not in _TITLES:
                    found.add(bare)
    return frozenset(found)


@dataclass(frozen=True, kw_only=True)
class Importance:
    """Why the notes make one factor matter more than the others."""

    factor: Factor
    score: float
    reasons: tuple[str, ...]


def rank_factors(topic: Topic, factors: list[Factor]) -> list[Importance]:
    """Score every factor by how the notes connect to it; best first, ties by order."""
    dated = [f for f in factors if f.period is not None]
    earliest = dated[0] if dated else None
    for candidate in dated:
        if (
            candidate.period
            and earliest
            and earliest.period
            and candidate.period.sort_key() < earliest.period.sort_key()
        ):
            earliest = candidate
    spans = {f.point.id: _span_days(f) for f in dated}
    longest = max(dated, key=lambda f: spans[f.point.id]) if dated else None
    top_span = max(spans.values(), default=0)
    unique_longest = list(spans.values()).count(top_span) == 1
    ranked: list[tuple[float, int, Importance]] = []
    for index, factor in enumerate(factors):
        reasons: list[str] = []
        score = 0.0
        whole = [
            s
            for s in topic.sections
            if s.id != factor.section.id and _named_after(s.heading, factor)
        ]
        tied = _support_sections(topic, factor)
        if whole:
            section = whole[0]
            score += 2
            reasons.append(
                f"the notes give a whole section to it ({section.heading}, "
                f"{number_word(len(section.points))} points)"
            )
        elif tied:
            section = tied[0]
            score += 2
            reasons.append(
                f"it is tied to a whole section of the notes ({section.heading}, "
                f"{number_word(len(section.points))} points)"
            )
        mentions = _mentions_elsewhere(topic, factor)
        if mentions:
            score += mentions
            reasons.append(
                f"{number_word(mentions)} other point{'s' if mentions > 1 else ''} in the notes "
                f"refer{'' if mentions > 1 else 's'} to it"
            )
        shared = [
            other
            for other in factors
            if other is not factor and shared_phrase(other.point.text, factor.point.text)
        ]
        if shared:
            score += 1.5 * len(shared)
            other = shared[0]
            phrase = shared_phrase(other.point.text, factor.point.text)
            reasons.append(
                f"the notes tie it to {' and '.join(subject(o) for o in shared)} "
                f'in the same words ("{phrase}"), so it reinforced '
                + ("that factor" if len(shared) == 1 else "those factors")
            )
        if len(dated) > 1 and factor is earliest and _strictly_first(factor, dated):
            score += 1
            reasons.append(
                f"it came first ({factor.period.label() if factor.period else ''}), "
                "before the other factors"
            )
        if (
            longest is not None
            and factor is longest
            and spans[factor.point.id] > 366
            and unique_longest
        ):
            score += 1
            reasons.append(f"it lasted longest ({factor.period.label() if factor.period else ''})")
        score += 0.25 * len(factor.support)
        importance = Importance(factor=factor, score=score, reasons=tuple(reasons))
        ranked.append((score, index, importance))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [item[2] for item in ranked]


def _support_sections(topic: Topic, factor: Factor) -> list[Section]:
    found: list[Section] = []
    for point in factor.support:
        section = topic.section_of(point.id)
        if section is not None and section not in found:
            found.append(section)
    return found


def _strictly_first(factor: Factor, dated: list[Factor]) -> bool:
    assert factor.period is not None
    start = factor.period.start.first_day()
    return all(
        other is factor or (other.period is not None and other.period.start.first_day() > start)
        for other in dated
    )


def _span_days(factor: Factor) -> int:
    period = factor.period
    if period is None:
        return 0
    (y1, m1, d1), (y2, m2, d2) = period.start.first_day(), period.end.last_day()
    return (y2 - y1) * 365 + (m2 - m1) * 30 + (d2 - d1)


def _named_after(heading: str, factor: Factor) -> bool:
    from clio.generate.essay_text import content_tokens, overlap, strip_trailing_date

    heading_tokens = content_tokens(strip_trailing_date(heading))
    name_tokens = content_tokens(factor.name)
    if len(heading_tokens) < 2 or len(name_tokens) < 2:
        return False
    return min(overlap(name_tokens, heading_tokens), overlap(heading_tokens, name_tokens)) >= 0.99


def _mentions_elsewhere(topic: Topic, factor: Factor) -> int:
    if factor.phrase.startswith("that ") or len(factor.name) < 5:
        return 0
    pattern = re.compile(r"\b" + re.escape(factor.name) + r"\b", re.I)
    own = set(factor.point_ids)
    return sum(
        1 for _, point in topic.points() if point.id not in own and pattern.search(point.full_text)
    )
