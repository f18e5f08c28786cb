"""Choose the factors of an essay from the notes, with their evidence quoted from the points."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from clio.errors import InputError
from clio.generate.essay_question import WHY_DID, EssayQuestion, subject_verb
from clio.generate.essay_text import (
    clauses,
    content_tokens,
    has_detail,
    headline_passive,
    is_clause,
    match_tokens,
    noun_phrase,
    overlap,
    proper_words,
    sentences,
    strip_trailing_date,
    words,
)
from clio.generate.themes import classify_theme
from clio.model.period import Period
from clio.model.topic import Point, Section, Topic
from clio.parse import find_dates

_MAX_FACTORS = 6
_MAX_SUPPORT = 3
_MAX_TITLE_WORDS = 10


@dataclass(frozen=True, kw_only=True)
class Factor:
    """One factor of an essay: the point that states it, related points, quoted evidence."""

    point: Point
    section: Section
    name: str
    phrase: str  # reads after "One reason was ..."
    theme: str | None
    support: tuple[Point, ...]
    evidence: tuple[str, ...]
    explanation: tuple[str, ...] = ()  # the point's clauses, to render as sentences
    opening: str = ""  # the phrase that opens its paragraph (a statement's full clause)

    @property
    def period(self) -> Period | None:
        """When the factor happened, from its own point (a section's span is not the factor's)."""
        return self.point.period

    @property
    def point_ids(self) -> tuple[str, ...]:
        """The ids of every point the factor quotes."""
        return (self.point.id, *(p.id for p in self.support))


def topic_corpus(topic: Topic) -> str:
    """All the text of the notes in one string (for names and articles)."""
    parts = [topic.title, topic.intro]
    for section, point in topic.points():
        parts.extend((section.heading, point.title, point.text))
    return "\n".join(parts)


def _near(first: Period | None, second: Period | None) -> bool:
    """True when two periods overlap or lie within a year of each other (or one is unknown)."""
    if first is None or second is None:
        return True
    gap_a = second.start.year - first.end.year
    gap_b = first.start.year - second.end.year
    return max(gap_a, gap_b) <= 1


def _mentions(text: str, name: str) -> bool:
    if len(name) < 4:
        return False
    return re.search(r"\b" + re.escape(name) + r"\b", text, re.I) is not None


def related_points(topic: Topic, section: Section, point: Point) -> tuple[Point, ...]:
    """Points elsewhere in the notes that give more detail on this point's subject."""
    name = strip_trailing_date(point.title) if point.title else ""
    name_tokens = content_tokens(name)
    own_tokens = content_tokens(point.full_text)
    found: list[Point] = []
    for other in topic.sections:
        if other.id == section.id or not other.points:
            continue
        heading_name = strip_trailing_date(other.heading)
        heading_tokens = content_tokens(heading_name)
        named_here = (
            _mentions(point.full_text, heading_name)
            or (len(name_tokens) >= 2 and overlap(name_tokens, heading_tokens) >= 0.99)
            or (len(heading_tokens) >= 2 and overlap(heading_tokens, name_tokens) >= 0.99)
        )
        if not named_here or not _near(point.period, other.period):
            continue
        ranked = sorted(
            other.points,
            key=lambda p: (
                -len(own_tokens & content_tokens(p.full_text)),
                not any(ch.isdigit() for ch in p.full_text),
            ),
        )
        found.extend(ranked[:_MAX_SUPPORT])
    return tuple(found[:_MAX_SUPPORT])


def point_evidence(point: Point, *, lead: bool) -> tuple[str, ...]:
    """Verbatim pieces of a point to quote: its clauses with dates, figures or names."""
    parts = clauses(point.text) if point.text else []
    detailed = [p for p in parts if has_detail(p)]
    if lead:
        chosen = detailed[:2] or parts[:1]
        if not chosen and point.title:
            chosen = [point.title]
        return tuple(chosen)
    if (
        point.title
        and any(ch.isdigit() for ch in point.title)
        and not re.search(r"\b1[0-9]{3}\b", point.title)
    ):
        return (point.title,)
    figures = [p for p in detailed if any(ch.isdigit() for ch in p)]
    return tuple((figures or detailed or parts)[:1])


def build_factor(topic: Topic, section: Section, point: Point, *, corpus: str) -> Factor:
    """A factor from one point, with its related points and the evidence to quote."""
    title = point.title.strip().rstrip(".")
    explanation = tuple(_joined_clauses(point.text))
    keep = proper_words(corpus) | _entity_words(topic)
    if not title or len(words(title)) > _MAX_TITLE_WORDS or point.title.strip().endswith("."):
        # a statement rather than a title: argue from its main clause, quote it whole
        statement = (sentences(point.full_text) or [point.full_text])[0].rstrip(".")
        short = _main_clause(statement)
        explanation = explanation[1:] if not title else explanation
        name = short
        starts_with_verb = bool(short) and short.split()[0].lower().endswith("ed")
        key = key_noun_phrase(statement) if _opens_aside(statement) else ""
        if " " not in key and key[:1].isupper() and statement.startswith(key):
            keep = keep | {key.lower()}  # a one-word subject with a capital is a name
        if key and not starts_with_verb:
            name = key[:1].upper() + key[1:]
            phrase = _lower_name(key, keep)
            opening = "that " + _lower_name(statement, keep)
        elif starts_with_verb:
            phrase = f'the point the notes make: "{short}"'
            opening = f'the point the notes make: "{statement}"'
        else:
            phrase = "that " + _lower_name(short, keep)
            opening = "that " + _lower_name(statement, keep)
        title = statement
    else:
        name = strip_trailing_date(title)
        if is_clause(name):
            phrase = "that " + _lower_name(headline_passive(name), keep)
        else:
            phrase = noun_phrase(title, proper=proper_words(corpus), corpus=corpus)
        opening = phrase
    support = related_points(topic, section, point)
    evidence = list(point_evidence(point, lead=True))
    for other in support:
        for piece in point_evidence(other, lead=False):
            if piece not in evidence:
                evidence.append(piece)
    return Factor(
        point=point,
        section=section,
        name=name,
        phrase=phrase,
        theme=classify_theme(title, " ".join([point.text, *(p.title for p in support)])),
        support=support,
        evidence=tuple(evidence),
        explanation=explanation,
        opening=opening,
    )


_LEADS = frozenset(
    [
        "after",
        "before",
        "when",
        "while",
        "although",
        "though",
        "as",
        "since",
        "once",
        "under",
        "following",
        "during",
        "with",
        "by",
        "in",
        "despite",
        "because",
        "until",
    ]
)
_PRONOUNS = frozenset(["they", "he", "she", "it", "we", "this", "these", "those", "there"])
_NP_END = frozenset(
    [
        "from",
        "into",
        "by",
        "in",
        "to",
        "with",
        "while",
        "because",
        "at",
        "for",
        "on",
        "during",
        "after",
        "before",
        "until",
        "since",
        "when",
        "which",
        "who",
        "and",
        "but",
        "as",
    ]
)  # where a noun phrase after the verb ends
_MAX_NP_WORDS = 7


def _is_verb(word: str) -> bool:
    low = word.lower().strip(",;:")
    return low in _VERBS or (low.endswith("ed") and len(low) > 4 and not word[:1].isupper())


_VERBS = frozenset(
    [
        "was",
        "were",
        "had",
        "has",
        "is",
        "are",
        "did",
        "won",
        "lost",
        "built",
        "held",
        "led",
        "made",
        "gave",
        "took",
        "fought",
        "began",
        "became",
        "came",
        "went",
        "kept",
        "left",
        "ran",
        "saw",
        "sent",
        "set",
        "shut",
        "sold",
        "spent",
        "stood",
        "told",
        "thought",
        "wrote",
        "broke",
        "brought",
        "bought",
        "chose",
        "fell",
        "felt",
        "found",
        "got",
        "grew",
        "knew",
        "meant",
        "met",
        "paid",
        "put",
        "rose",
        "said",
        "sought",
        "signed",
        "carried",
    ]
)


def _opens_aside(statement: str) -> bool:
    """True when a statement's first clause is not its point: "After X, ...", "Trotsky, as
    Commissar for War, ...", "The Reds won because ..."."""
    head = statement.split(",", 1)[0]
    first = head.split(" ", 1)[0].lower()
    if "," in statement and first in _LEADS:
        return True
    if re.match(r"^[^,]{1,40}, (?:as|the|a|an) [^,]+, ", statement):
        return True
    return " because " in _main_clause(statement.rstrip("."))


def key_noun_phrase(statement: str) -> str:
    """The noun phrase a prose statement is about ("Under War Communism, ..." -> "War
    Communism"; "Trotsky, as Commissar for War, built ..." -> "Trotsky"), or "" if unclear."""
    text = statement.strip().rstrip(".")
    head, comma, rest = text.partition(",")
    first = head.split(" ", 1)[0].lower()
    if comma and first in _LEADS:
        lead_words = head.split()[1:]
        if lead_words and lead_words[0][:1].isupper() and not any(_is_verb(w) for w in lead_words):
            return " ".join(lead_words)  # "Under War Communism" -> "War Communism"
        # a clause before the comma ("After the Bolsheviks seized power"): the main clause
        text = rest.strip()
        rest = text.split(", ", 1)[1] if text.split(" ", 1)[0].lower() in _LEADS else text
        text = rest.strip()
    # drop an apposition after the subject ("Trotsky, as Commissar for War, built")
    text = re.sub(r"^([^,]{1,40}), (?:as|the|a|an) [^,]+, ", r"\1 ", text)
    tokens = text.split()
    verb_at = next((i for i, w in enumerate(tokens) if i and _is_verb(w)), None)
    if verb_at is None:
        return ""
    subject_words = tokens[:verb_at]
    after = tokens[verb_at + 1 :]
    if "because" in [w.lower() for w in after]:
        # "The Reds won because they held X": the reason is the noun phrase
        return key_noun_phrase(" ".join(after[[w.lower() for w in after].index("because") + 1 :]))
    if not (len(subject_words) == 1 and subject_words[0].lower() in _PRONOUNS):
        if len(subject_words) <= _MAX_NP_WORDS and not any(w.endswith(",") for w in subject_words):
            return " ".join(subject_words)
        return ""
    found: list[str] = []
    for index, word in enumerate(after):
        following = after[index + 1] if index + 1 < len(after) else ""
        names_go_on = word == "and" and following[:1].isupper()  # "Moscow and Petrograd"
        if found and word.lower() in _NP_END and not names_go_on:
            break
        found.append(word.rstrip(",;:"))
        if word.endswith((",", ";", ":")) or len(found) >= _MAX_NP_WORDS:
            break
    return " ".join(found)


def _main_clause(statement: str) -> str:
    """The statement up to its first comma, semicolon, colon or "and" after five words."""
    tokens = statement.split()
    if len(tokens) <= _MAX_TITLE_WORDS:
        return statement
    for index in range(5, len(tokens)):
        word = tokens[index - 1]
        if word.endswith((",", ";", ":")):
            return " ".join(tokens[:index]).rstrip(",;:")
        if tokens[index].lower() == "and":
            return " ".join(tokens[:index])
    return statement


_ENTITY_WORDS: dict[int, tuple[Topic, frozenset[str]]] = {}


def _entity_words(topic: Topic) -> frozenset[str]:
    """Words of the names the parser found (people, places), in lower case (memoised)."""
    cached = _ENTITY_WORDS.get(id(topic))
    if cached is not None and cached[0] is topic:
        return cached[1]
    if len(_ENTITY_WORDS) > 64:
        _ENTITY_WORDS.clear()
    found: set[str] = set()
    for _, point in topic.points():
        for entity in point.entities:
            found.update(w.lower() for w in words(entity.text))
    result = frozenset(found)
    _ENTITY_WORDS[id(topic)] = (topic, result)
    return result


def _lower_name(text: str, keep: frozenset[str]) -> str:
    """Lower-case the first word of a clause unless it is a name ("Foreign help" -> "foreign")."""
    first = text.split(" ", 1)[0].rstrip(",;:")
    if first.isupper() or "'" in first or "’" in first or first.lower() in keep:
        return text
    return text[:1].lower() + text[1:]


def _joined_clauses(text: str) -> list[str]:
    """The point's clauses; one that starts with a conjunction is joined to the one before."""
    joined: list[str] = []
    for clause in clauses(text):
        if joined and clause.split(" ", 1)[0].lower() in {"though", "but", "and", "so", "which"}:
            joined[-1] = f"{joined[-1]}, {clause}"
        else:
            joined.append(clause)
    return joined


def question_period(question: EssayQuestion) -> Period | None:
    """The period a question names ("in the 1960s", "1949-57"), if any."""
    found = find_dates(question.text)
    if not found:
        return None
    start = min((m.period for m in found), key=lambda p: p.start.first_day()).start
    end = max((m.period for m in found), key=lambda p: p.end.last_day()).end
    return Period(start=start, end=end)


def _span(section: Section) -> Period | None:
    periods = [p.period for p in section.points if p.period is not None]
    if section.period is not None:
        return section.period
    if not periods:
        return None
    start = min(periods, key=lambda p: p.start.first_day()).start
    end = max(periods, key=lambda p: p.end.last_day()).end
    return Period(start=start, end=end)


def _section_score(question: EssayQuestion, section: Section) -> float:
    query = content_tokens(question.focus) - _year_tokens(question.focus)
    heading = content_tokens(section.heading)
    body: set[str] = set()
    for point in section.points:
        body |= content_tokens(point.full_text)
    bonus = 0.2 if section_is_why(section) else 0.0
    score = 0.6 * overlap(query, heading) + 0.4 * overlap(query, body) + bonus
    asked = question_period(question)
    span = _span(section)
    if asked is not None and span is not None:
        score *= _period_factor(asked, span)
    return score


def _period_factor(asked: Period, span: Period) -> float:
    """Causes come before or during what they explain: favour overlap, drop what comes after."""
    if asked.overlaps(span):
        return 1.2
    if span.start.first_day() > asked.end.last_day():
        return 0.3
    return 1.0 if asked.start.year - span.end.year <= 10 else 0.5


def _idf(topic: Topic) -> dict[str, float]:
    """Inverse document frequency of each word over the points: common words count less."""
    counts: dict[str, int] = {}
    total = 0
    for section, point in topic.points():
        total += 1
        for token in match_tokens(point.full_text + " " + section.heading):
            counts[token] = counts.get(token, 0) + 1
    return {t: math.log((total + 1) / (c + 0.5)) for t, c in counts.items()}


def _year_tokens(
    text: str, tokens: Callable[[str], frozenset[str]] = content_tokens
) -> frozenset[str]:
    return frozenset(t for t in tokens(text) if t[:1].isdigit())


def _is_the_outcome(question: EssayQuestion, point: Point) -> bool:
    """True when a point names the very thing the question asks about ("the Korean War")."""
    name = content_tokens(strip_trailing_date(point.title)) - _year_tokens(point.title)
    return bool(name) and name <= content_tokens(question.focus)


def _drop_outcomes(
    question: EssayQuestion, pairs: list[tuple[Section, Point]]
) -> list[tuple[Section, Point]]:
    kept = [(s, p) for s, p in pairs if not _is_the_outcome(question, p)]
    return kept if len(kept) >= 2 else pairs


def section_is_why(section: Section) -> bool:
    """True for cause sections: "Why ...", "Reasons for ...", "Causes of ...", "Why did ...?"."""
    head = section.heading.strip().lower()
    return section.is_why or head.startswith(("factors ", "the factors ", "explaining "))


_HOW = re.compile(r"^(?:how\s+(?:did|was|were|could|and\s+why)|the\s+reasons?\b)", re.I)


def explains(section: Section) -> bool:
    """True for a section whose points explain an outcome: "Why ...", "How did X take power?"."""
    return section_is_why(section) or bool(_HOW.match(section.bare_heading))


def choose_factor_points(topic: Topic, question: EssayQuestion) -> list[tuple[Section, Point]]:
    """The points a plan argues from: a matching why-section, else the best-matching points."""
    candidates = [s for s in topic.sections if s.points]
    if not candidates:
        raise InputError("the notes have no sections with points to plan an essay from")
    # Causes come before what they explain: when the notes date the event asked about ("Mao's
    # Moscow visit, 1949"), a point dated after it is no reason for it.
    outcomes = [p.period for _, p in topic.points() if p.period and _is_the_outcome(question, p)]
    before = min((o.end.last_day() for o in outcomes), default=None)

    def in_time(section: Section, point: Point) -> bool:
        when = point.period or _span(section)
        return before is None or when is None or when.start.first_day() <= before

    best = max(candidates, key=lambda s: _section_score(question, s))
    kept = [p for p in best.points if in_time(best, p)]
    if explains(best) and _section_score(question, best) >= 0.45 and len(kept) >= 2:
        reasons = _drop_outcomes(question, [(best, p) for p in kept])
        if len(reasons) >= 2:
            return reasons
    query = match_tokens(question.focus) - _year_tokens(question.focus, match_tokens)
    asked = question_period(question)
    scored: list[tuple[float, int, Section, Point]] = []
    weight = _idf(topic)
    known = _point_vocabulary(topic)
    narrowed: set[str] = set()
    # "the USA" in a sheet on the USA is not the subject, nor is the verb ("enter", "face")
    context = match_tokens(topic.title) | _main_verb(question.text)
    for index, (section, point) in enumerate(topic.points()):
        own = match_tokens(point.full_text)
        heading = match_tokens(section.heading) - own
        # the question's subject beyond the section's own heading ("opposition" to the New
        # Deal): a point that says nothing about it is not a reason, however near its heading
        subject_words = (query - match_tokens(section.heading) - context) & known
        if subject_words and not subject_words & own:
            narrowed |= subject_words
            continue
        score = sum(weight.get(t, 1.0) for t in query & own)
        score += 0.5 * sum(weight.get(t, 1.0) for t in query & heading)
        if section_is_why(section):
            score *= 1.5
        when = point.period or _span(section)
        if not in_time(section, point):
            continue
        if asked is not None and when is not None:
            if when.start.first_day() > asked.end.last_day():
                continue  # after what the question asks about: no cause of it
            score *= _period_factor(asked, when)
        if score > 0 and not _is_the_outcome(question, point):
            scored.append((score, index, section, point))
    if len(scored) < 2:
        headings = frozenset().union(*(match_tokens(s.heading) for s in topic.sections))
        about = [w for w in words(question.focus) if match_tokens(w) & narrowed - headings]
        topic_words = f" about {' '.join(dict.fromkeys(about))}" if about else ""
        raise InputError(
            f"the notes have too little on this question to plan an essay (fewer than two "
            f"points{topic_words}): {question.text!r}",
            field="question",
        )
    scored.sort(key=lambda item: (-item[0], item[1]))
    top = scored[0][0]
    chosen = [item for item in scored if item[0] >= top * 0.5][:_MAX_FACTORS]
    if len(chosen) < 2:
        chosen = scored[:2]
    chosen.sort(key=lambda item: item[1])
    return [(section, point) for _, _, section, point in chosen]


def _main_verb(question: str) -> frozenset[str]:
    """The verb of a "Why did X verb ...?" question, as tokens ("enter", "face", "win")."""
    text = question.strip()
    match = WHY_DID.match(text[:1].lower() + text[1:])
    return match_tokens(subject_verb(match)[1]) if match else frozenset()


def _point_vocabulary(topic: Topic) -> frozenset[str]:
    """Every content token the points themselves use (headings aside)."""
    found: set[str] = set()
    for _, point in topic.points():
        found |= match_tokens(point.full_text)
    return frozenset(found)


def named_points(
    topic: Topic, named: str, chosen: list[tuple[Section, Point]]
) -> list[tuple[Section, Point]]:
    """The points that state the factor a "how far" question names."""
    wanted = content_tokens(named)
    if not wanted:
        return []

    def score(section: Section, point: Point) -> float:
        title = overlap(wanted, content_tokens(point.title))
        text = overlap(wanted, content_tokens(point.full_text))
        return max(title, 0.8 * text)

    inside = [(s, p) for s, p in chosen if score(s, p) >= 0.5]
    if inside:
        best = max(score(s, p) for s, p in inside)
        return [(s, p) for s, p in inside if score(s, p) >= best - 0.01][:2]
    everywhere = [(s, p) for s, p in topic.points() if score(s, p) >= 0.5]
    if not everywhere:
        return []
    best = max(score(s, p) for s, p in everywhere)
    return [(s, p) for s, p in everywhere if score(s, p) >= best - 0.01][:1]
