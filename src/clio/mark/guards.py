"""Guards: answers that must not score on similarity alone, each with its cap on the marks.

Each guard returns a :class:`Guard` (a flag, the highest fraction of the marks the answer may
get, and a reason in plain words) or None. The marker applies the lowest cap that fires.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from clio.mark.lexical import STOPWORDS, content_words, words
from clio.mark.prepare import PreparedScheme, PreparedText


@dataclass(frozen=True, kw_only=True)
class Guard:
    """A guard that fired: its flag, the cap on the marks as a fraction, and why."""

    flag: str
    cap: float
    reason: str


# Caps, as a fraction of the maximum mark.
CAP_EMPTY = 0.0
CAP_SHORT = 0.4
CAP_GIBBERISH = 0.0
CAP_REPEATS_QUESTION = 0.0
CAP_COPIED_SOURCE = 0.25
CAP_COPIED_REFERENCE = 0.5
CAP_OFF_TOPIC = 0.0
CAP_KEYWORDS = 0.25
CAP_SCHEME_PASTED = 0.0
CAP_ADDRESSED = 0.5

_MARKER_RE = re.compile(
    r"(give|award|grant)\s+(me|this( answer)?|it)\s+(full|top|maximum|max|all( the)?|the highest|"
    r"\d+)\s*(marks?|points?|score)?|full marks|top marks|maximum marks|"
    r"ignore (all |the |any )?(previous|above|prior|earlier)? ?(instructions|rules|mark scheme)|"
    r"(dear|hello|hi) (marker|examiner|teacher|grader|ai|model)|"
    r"\b(marker|examiner|grader)\b.*\b(should|must|please)\b|"
    r"(you are|you're|as) (an? )?(ai|language model|marker|grader|examiner)|"
    r"this answer (deserves|is worth|should get|merits)|(mark|grade|score) (this|me) (as )?"
    r"(correct|\d)|\b(please|pls) (mark|grade|be generous)|\bscore:? ?\d+ ?/ ?\d+",
    re.IGNORECASE,
)
_SCHEME_RE = re.compile(
    r"\blevel \d\b|\b\d+\s*[-–]\s*\d+ marks?\b|\bindicative content\b|\bmark scheme\b|"
    r"\bAO\d\b|\bcredit (any|answers)\b|\bno rewardable material\b|\bdescriptor\b|"
    r"\b(award|allow) \d+ marks?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole English words known to the embedding model's vocabulary (about 20,000)."""
    path = resources.files("clio") / "data" / "model" / "tokenizer.json"
    vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(w for w in vocab if w.isalpha() and w.isascii() and not w.startswith("["))


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def copied_share(answer: str, source: str, *, n: int = 5) -> float:
    """Share of the answer's ``n``-word runs that also occur in ``source``."""
    ans = words(answer)
    grams = _ngrams(ans, n)
    if not grams:
        return 0.0
    return len(grams & _ngrams(words(source), n)) / len(grams)


def check_empty(answer: PreparedText) -> Guard | None:
    """No words at all."""
    if not re.search(r"[^\W\d_]{2,}", answer.text):
        return Guard(flag="empty", cap=CAP_EMPTY, reason="there is no answer to mark")
    return None


def check_short(answer: PreparedText, prepared: PreparedScheme) -> Guard | None:
    """Far too short for what the question needs (judged against the reference's length)."""
    needed = max(2, round(0.2 * prepared.reference.n_words))
    if answer.n_words < min(needed, 6):
        return Guard(
            flag="too_short", cap=CAP_SHORT, reason="the answer is too short to develop a point"
        )
    return None


def check_gibberish(answer: PreparedText, prepared: PreparedScheme) -> Guard | None:
    """Mostly strings that are not words (keyboard mashing, random letters)."""
    tokens = [w for w in re.findall(r"[a-z]+", answer.text.lower()) if len(w) >= 3]
    if not tokens:
        return None
    known = english_words() | prepared.vocabulary | STOPWORDS
    odd = [
        w
        for w in tokens
        if w not in known
        and w.rstrip("s") not in known
        and not any(w.startswith(k) for k in (w[:-2], w[:-3]) if k in known and len(k) >= 4)
    ]
    mashed = sum(1 for w in tokens if re.search(r"(.)\1{3,}|[^aeiouy]{6,}", w))
    if len(tokens) >= 2 and (len(odd) + mashed) / len(tokens) > 0.5:
        return Guard(flag="gibberish", cap=CAP_GIBBERISH, reason="most of the answer is not words")
    return None


_GLUE = frozenset({"the", "a", "an", "is", "are", "was", "were", "about", "and", "it", "this"})


def check_repeats_question(answer: PreparedText, prepared: PreparedScheme) -> Guard | None:
    """Says nothing the question did not already say."""
    mine = set(content_words(answer.text))
    asked = set(content_words(prepared.question.text))
    if not mine:
        return None
    new = mine - asked
    new_any = set(words(answer.text)) - set(words(prepared.question.text)) - _GLUE
    similar = float(answer.vector @ prepared.question.vector)
    if (not new and len(new_any) <= 2 and similar > 0.7) or (similar > 0.93 and len(new) <= 1):
        return Guard(
            flag="repeats_question",
            cap=CAP_REPEATS_QUESTION,
            reason="the answer repeats the question",
        )
    return None


def check_copied(answer: PreparedText, prepared: PreparedScheme) -> Guard | None:
    """Copied wholesale from the source or from the model answer."""
    if answer.n_words < 12:
        return None
    if prepared.source is not None and copied_share(answer.text, prepared.source.text) >= 0.7:
        return Guard(
            flag="copied_source",
            cap=CAP_COPIED_SOURCE,
            reason="the answer copies the source instead of explaining it",
        )
    if prepared.scheme.reference and copied_share(answer.text, prepared.scheme.reference) >= 0.7:
        return Guard(
            flag="copied_reference",
            cap=CAP_COPIED_REFERENCE,
            reason="the answer copies the model answer",
        )
    return None


def check_off_topic(
    answer: PreparedText, prepared: PreparedScheme, best_point: float
) -> Guard | None:
    """About something else: not close to the question, the reference or any point."""
    similar = max(
        float(answer.vector @ prepared.reference.vector),
        float(answer.vector @ prepared.question.vector),
        best_point,
    )
    shared = set(content_words(answer.text)) & (
        prepared.vocabulary | set(content_words(prepared.question.text))
    )
    if similar < 0.2 and len(shared) <= 1:
        return Guard(
            flag="off_topic", cap=CAP_OFF_TOPIC, reason="the answer is not about the question"
        )
    return None


def check_keyword_list(answer: PreparedText) -> Guard | None:
    """A bare list of key words with no sentences to connect them."""
    tokens = words(answer.text)
    if len(tokens) < 5:
        return None
    function_share = sum(1 for t in tokens if t in STOPWORDS) / len(tokens)
    pieces = [p for p in re.split(r"[,;\n/|]+", answer.text) if p.strip()]
    listy = len(pieces) >= 4 and max(len(p.split()) for p in pieces) <= 4
    if function_share < 0.12 or (listy and function_share < 0.25):
        return Guard(
            flag="keyword_list",
            cap=CAP_KEYWORDS,
            reason="the answer is a list of key words, not explained points",
        )
    return None


def check_scheme_pasted(answer: PreparedText, prepared: PreparedScheme) -> Guard | None:
    """The mark scheme (levels, descriptors, marker's wording) pasted in as the answer."""
    hits = len(_SCHEME_RE.findall(answer.text))
    descriptors = " ".join(lv.descriptor for lv in prepared.scheme.levels)
    copied = bool(descriptors) and copied_share(answer.text, descriptors, n=4) >= 0.3
    if hits >= 2 or copied:
        return Guard(
            flag="scheme_pasted",
            cap=CAP_SCHEME_PASTED,
            reason="the answer repeats the mark scheme instead of answering",
        )
    return None


def addressed_to_marker(text: str) -> bool:
    """True if ``text`` speaks to the marker ("give me full marks", "ignore the instructions")."""
    return bool(_MARKER_RE.search(text))


def check_addressed(answer: PreparedText) -> Guard | None:
    """Text aimed at the marker rather than at the question."""
    if addressed_to_marker(answer.text):
        return Guard(
            flag="addressed_to_marker",
            cap=CAP_ADDRESSED,
            reason="parts of the answer speak to the marker; they were ignored",
        )
    return None
