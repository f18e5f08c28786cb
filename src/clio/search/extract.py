"""Answer-span extraction: the shortest span of a passage that answers the question's type."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from clio.parse import find_dates
from clio.search.index import Unit, UnitKind
from clio.search.names import NameKind, find_names
from clio.search.qtype import AnswerType
from clio.search.text import STOP_WORDS, split_sentences, stem, tokens, words


@dataclass(frozen=True, kw_only=True)
class Span:
    """An answer found in a unit: the answer text, the sentence quoted, and how well it fits."""

    text: str
    quote: str
    score: float
    typed: bool


_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand million billion half dozen"
)
_QUALIFIER = r"(?:(?:nearly|almost|about|around|over|some|roughly|approximately|more than|"
_QUALIFIER += r"less than|fewer than|up to|at least|at most|only)\s+)?"
_FIGURE = re.compile(
    _QUALIFIER
    + r"(?:[$£€¥]\s?\d[\d,.]*\s?(?:m|bn|k|million|billion|thousand)?\b"
    + r"|\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent|percent)"
    + r"|\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|thousand|hundred))?"
    + r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s(?:hundred|thousand|million)\b"
    + rf"|\b(?:{_NUMBER_WORDS.replace(' ', '|')})\b)",
    re.IGNORECASE,
)
_REASON_MARKERS = re.compile(
    r"\b(?:because(?: of)?|since|as a result of|due to|owing to|for fear (?:of|that)|"
    r"in order to|so as to|to try to|as a deterrent|in protest at|in response to|after|when)\b",
    re.IGNORECASE,
)
_CALL_WORDS = {"call", "nam", "describ", "term", "nicknam", "label", "dub", "known"}
_QUOTED = re.compile(r"[‘'\"“]([^‘’'\"“”]{2,60})[’'\"”]")
_CLAUSE = re.compile(r"\s*(?:[,;:()]|\s[–—-]\s|\bbut\b|\bthough\b|\bwhich\b)\s*")


def _qset(question: str, expand: bool) -> set[str]:
    return set(tokens(question, expand=expand))


def _overlap(text: str, qtokens: set[str], expand: bool) -> float:
    found = set(tokens(text, expand=expand))
    return len(found & qtokens) / (len(qtokens) or 1)


def _in_question(candidate: str, question: str) -> bool:
    cand = {stem(w) for w in words(candidate) if w.lower() not in STOP_WORDS}
    qwords = {stem(w) for w in words(question)}
    return bool(cand) and cand <= qwords


def _proximity(sentence: str, start: int, qtokens: set[str], expand: bool) -> float:
    """Closeness of a span to the question's words in the sentence (1 = adjacent)."""
    best = len(sentence) + 1
    for match in re.finditer(r"\S+", sentence):
        if set(tokens(match.group(0), expand=expand)) & qtokens:
            best = min(best, abs(match.start() - start))
    return 1.0 / (1.0 + best / 40.0)


def _sentences(unit: Unit) -> list[str]:
    if unit.kind is UnitKind.POINT and unit.title and unit.text.startswith(unit.title):
        body = unit.text[len(unit.title) :].lstrip(": ")
        return [unit.title, *split_sentences(body), unit.heading]
    return [*split_sentences(unit.text), unit.heading]


def _dates(sentence: str, question: str, q: set[str], ex: bool) -> list[tuple[str, float]]:
    out = []
    for match in find_dates(sentence):
        if match.text in question:
            continue
        out.append((match.text, _proximity(sentence, match.start, q, ex)))
    return out


def _figures(sentence: str, question: str, q: set[str], ex: bool) -> list[tuple[str, float]]:
    out = []
    years = [(m.start, m.end) for m in find_dates(sentence)]
    for match in _FIGURE.finditer(sentence):
        if any(s <= match.start() < e for s, e in years) or match.group(0).strip() in question:
            continue
        text = match.group(0).strip()
        if text.lower() in {"one", "a"}:
            continue
        after = words(sentence[match.end() : match.end() + 40])[:3]
        unit_words = [w for w in after[:2] if w.lower() not in STOP_WORDS and w[:1].islower()]
        bonus = 0.5 if any(stem(w) in q for w in after) else 0.0
        span = " ".join([text, *unit_words[:2]]) if unit_words else text
        out.append((span, _proximity(sentence, match.start(), q, ex) + bonus))
    return out


def _names_of(
    kind: NameKind, unit: Unit
) -> Callable[[str, str, set[str], bool], list[tuple[str, float]]]:
    def find(sentence: str, question: str, q: set[str], ex: bool) -> list[tuple[str, float]]:
        names = [n for n in find_names(sentence, unit.entities) if not _in_question(n.text, question)]
        wanted = [n for n in names if n.kind is kind]
        penalty = 0.0
        if not wanted and kind is NameKind.PERSON:  # "who" can be a state: "only the USSR"
            wanted = [n for n in names if n.kind is not NameKind.PERSON]
            penalty = 0.5
        focus = _focus_positions(sentence, question, ex)
        out = []
        i = 0
        while i < len(wanted):
            first = last = wanted[i]
            while i + 1 < len(wanted) and _JOIN.fullmatch(sentence[last.end : wanted[i + 1].start]):
                i += 1
                last = wanted[i]  # "Dalian and Lushun", "Stalin and Mao"
            text = sentence[first.start : last.end]
            closeness = max(_proximity(sentence, n.start, q, ex) for n in (first, last))
            after_focus = any(0 <= first.start - f <= 12 for f in focus)
            out.append((text, closeness + (0.6 if after_focus else 0.0) - penalty))
            i += 1
        return out

    return find


_JOIN = re.compile(r"\s*(?:and|,|, and|&)\s*")
_FOCUS = re.compile(r"\b(?:which|what)\s+((?:[\w’'-]+\s+){0,3}?[\w’'-]+?)\s+(?:were|was|did|do|does|had|has|is|are|could|would|signed|made)\b", re.IGNORECASE)


def _focus_positions(sentence: str, question: str, ex: bool) -> list[int]:
    """Ends of the question's focus noun in the sentence ("which harbours" -> after "ports")."""
    match = _FOCUS.search(question)
    if not match:
        return []
    focus = set(tokens(match.group(1), expand=ex))
    ends = []
    for word in re.finditer(r"[\w’'-]+", sentence):
        if set(tokens(word.group(0), expand=ex)) & focus:
            ends.append(word.end())
    return ends


def _reason(sentence: str, question: str, q: set[str], ex: bool) -> list[tuple[str, float]]:
    out = []
    so = re.search(r",?\s+so\s+", sentence)
    if so:
        before, after = sentence[: so.start()], sentence[so.end() :]
        if _overlap(after, q, ex) >= _overlap(before, q, ex):
            out.append((before.strip(), 1.0))
    for match in _REASON_MARKERS.finditer(sentence):
        rest = sentence[match.start() :]
        clause = _CLAUSE.split(rest, maxsplit=1)[0] if match.group(0) != "as a deterrent" else rest
        out.append((clause.strip(" ,;"), 0.9 if match.group(0).lower() not in ("after", "when") else 0.6))
    return out


def _quotes(sentence: str, question: str, q: set[str], ex: bool) -> list[tuple[str, float]]:
    return [
        (m.group(1), 1.0 + _proximity(sentence, m.start(), q, ex))
        for m in _QUOTED.finditer(sentence)
        if not _in_question(m.group(1), question)
    ]


def _residual(sentence: str, question: str, q: set[str], ex: bool) -> list[tuple[str, float]]:
    """The words of the best clause that the question does not already say."""
    clauses = [c for c in _CLAUSE.split(sentence) if c and c.strip()]
    if not clauses:
        return []
    best = max(clauses, key=lambda c: _overlap(c, q, ex))
    spans = [(m.group(0), m.start()) for m in re.finditer(r"[^\s]+", best)]
    raw = {stem(w) for w in words(question)}
    runs: list[list[tuple[str, int]]] = [[]]
    for word, start in spans:
        if set(tokens(word, expand=ex)) & q or {stem(w) for w in words(word)} & raw:
            runs.append([])
        else:
            runs[-1].append((word, start))
    candidates = []
    for run in runs:
        while run and run[0][0].lower().strip(",.") in STOP_WORDS:
            run = run[1:]
        while run and run[-1][0].lower().strip(",.") in STOP_WORDS:
            run = run[:-1]
        if run:
            candidates.append(best[run[0][1] : run[-1][1] + len(run[-1][0])].strip(" ,.;:"))
    candidates = [c for c in candidates if c]
    if not candidates:
        return []
    longest = max(candidates, key=len)
    return [(_widen_to_name(best, longest), 0.5 + _overlap(best, q, ex))]


def _widen_to_name(clause: str, span: str) -> str:
    """Grow a span to the whole proper name it starts or ends in ("Friendship" -> "Treaty of ...")."""
    start = clause.find(span)
    for name in find_names(clause):
        if name.start < start < name.end or name.start < start + len(span) <= name.end:
            lo, hi = min(name.start, start), max(name.end, start + len(span))
            return clause[lo:hi]
    return span


def extract_span(unit: Unit, question: str, kind: AnswerType, *, expand: bool = True) -> Span:
    """The best answer span of ``kind`` in ``unit``; falls back to the best sentence, untyped."""
    q = _qset(question, expand)
    sentences = _sentences(unit)
    scored = sorted(
        ((_overlap(s, q, expand), i, s) for i, s in enumerate(sentences)), key=lambda t: (-t[0], t[1])
    )
    finders = {
        AnswerType.DATE: [_dates],
        AnswerType.NUMBER: [_figures],
        AnswerType.PERSON: [_names_of(NameKind.PERSON, unit)],
        AnswerType.PLACE: [_names_of(NameKind.PLACE, unit)],
        AnswerType.REASON: [_reason],
        AnswerType.PHRASE: [_quotes, _residual] if q & _CALL_WORDS else [_residual],
    }[kind]
    best: Span | None = None
    for rank, (overlap, _, sentence) in enumerate(scored):
        for finder in finders:
            for text, closeness in finder(sentence, question, q, expand):
                if not text:
                    continue
                score = overlap + 0.3 * closeness - 0.1 * rank
                if best is None or score > best.score:
                    best = Span(text=text, quote=sentence, score=score, typed=True)
    fallback = _typed_fallback(unit, question, kind, scored)
    if best is not None and (fallback is None or best.score >= fallback.score):
        return best
    if fallback is not None:
        return fallback
    top = scored[0][2] if scored else unit.text
    return Span(text=top, quote=top, score=scored[0][0] if scored else 0.0, typed=False)


def _typed_fallback(
    unit: Unit, question: str, kind: AnswerType, scored: list[tuple[float, int, str]]
) -> Span | None:
    """Answers the passage implies rather than states: its date, or its title as the reason."""
    quote = scored[0][2] if scored else unit.text
    if kind is AnswerType.DATE and unit.period is not None and unit.period.text not in question:
        label = unit.period.text or unit.period.label()
        return Span(text=label, quote=unit.title or unit.heading, score=0.2, typed=True)
    if kind is AnswerType.REASON and unit.kind is UnitKind.POINT and unit.title:
        heading = unit.heading.lower()
        if heading.startswith(("why", "reason", "cause")):
            return Span(text=unit.title, quote=unit.title, score=0.6, typed=True)
        return Span(text=quote, quote=quote, score=0.1, typed=False)
    return None
