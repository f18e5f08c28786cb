"""Guards: answers that must not score on similarity alone, each with its cap on the marks.

Each guard returns a :class:`Guard` (a flag, the highest fraction of the marks the answer may
get, and a reason in plain words) or None. The marker applies the lowest cap that fires.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

import numpy as np

from clio.mark.align import PointAlignment
from clio.mark.lexical import STOPWORDS, content_words, stem, words
from clio.mark.normalise import name_similarity
from clio.mark.prepare import PreparedScheme, PreparedText
from clio.mark.schemes import HISTORY_STYLES, is_levels_of_response


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
CAP_NO_POINT = 0.0

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


_NON_ANSWER_RE = re.compile(
    r"^\W*(not answered|no answer|(i )?(do not|don't|dont) know|idk|n/?a|none|no idea|pass|"
    r"skip(ped)?|nothing|blank|\?+)\W*$",
    re.IGNORECASE,
)


def check_empty(answer: PreparedText) -> Guard | None:
    """No words or figures at all, or a non-answer ("not answered", "I don't know")."""
    if not re.search(r"[^\W_]", answer.text) or _NON_ANSWER_RE.match(answer.text):
        return Guard(flag="empty", cap=CAP_EMPTY, reason="there is no answer to mark")
    return None


LONG_REFERENCE = 20  # content words: below this the question wants a short answer


def check_short(answer: PreparedText, prepared: PreparedScheme) -> Guard | None:
    """Far too short for an extended answer (a quarter of the reference's length or less)."""
    if prepared.reference.n_words < LONG_REFERENCE:
        return None  # short-answer questions: a one-word answer may be exactly right
    if answer.n_words < round(0.25 * min(prepared.reference.n_words, 40)):
        return Guard(
            flag="too_short", cap=CAP_SHORT, reason="the answer is too short to develop a point"
        )
    return None


def _split_identifiers(text: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)


_CUTOFF = 0.75  # difflib similarity from which a string is close to a word


@lru_cache(maxsize=4096)
def _near_word(token: str) -> bool:
    known = english_words()
    if token in known or token.rstrip("s") in known:
        return True
    return close_to_a_word(token)


def close_to_a_word(token: str) -> bool:
    """True if a known word of the same initial (length within 2) is difflib-close to ``token``.

    The same answer as ``difflib.get_close_matches(token, pool, n=1, cutoff=0.75)``, but the
    pool is first cut to the words whose letter counts allow that similarity (difflib's
    ``quick_ratio``, an upper bound of its ratio, computed for all words at once).
    """
    if not token:
        return False
    pool = _words_by_initial().get(token[0])
    if pool is None:
        return False
    words_, lengths, counts = pool
    size = len(token)
    mine = np.bincount(np.frombuffer(token.encode("latin-1", "replace"), np.uint8), minlength=256)
    shared = np.minimum(counts, mine[_LETTERS]).sum(axis=1)
    total = lengths + size
    possible = (np.abs(lengths - size) <= 2) & (2.0 * np.minimum(lengths, size) / total >= _CUTOFF)
    if token.isascii() and token.isalpha() and token.islower():  # else a-z counts are not all
        possible &= 2.0 * shared / total >= _CUTOFF
    matcher = SequenceMatcher()
    matcher.set_seq2(token)
    for k in np.flatnonzero(possible):
        matcher.set_seq1(words_[k])
        if (
            matcher.real_quick_ratio() >= _CUTOFF
            and matcher.quick_ratio() >= _CUTOFF
            and matcher.ratio() >= _CUTOFF
        ):
            return True
    return False


_LETTERS = np.frombuffer(b"abcdefghijklmnopqrstuvwxyz", np.uint8)


@lru_cache(maxsize=1)
def _words_by_initial() -> dict[str, tuple[tuple[str, ...], np.ndarray, np.ndarray]]:
    """Known words by first letter, with their lengths and a-z letter counts."""
    index: dict[str, list[str]] = {}
    for word in sorted(english_words()):
        index.setdefault(word[0], []).append(word)
    out = {}
    for initial, group in index.items():
        lengths = np.array([len(w) for w in group], dtype=np.int64)
        width = int(lengths.max())
        padded = np.frombuffer("".join(w.ljust(width) for w in group).encode("latin-1"), np.uint8)
        letters = padded.reshape(len(group), width)
        counts = (letters[:, :, None] == _LETTERS[None, None, :]).sum(axis=1, dtype=np.int64)
        out[initial] = (tuple(group), lengths, counts)
    return out


def lists_points(prepared: PreparedScheme) -> bool:
    """True for a scheme without levels that lists what to credit, point by point.

    A list of points, or a model answer worth two or more marks, of two or more sentences, long
    enough to be an extended answer (LONG_REFERENCE content words): each of its sentences is a
    point a teacher credits. A short model answer (a short-answer test), or one worth a single
    mark (an explanation judged right or wrong as a whole), is a whole to compare with.
    """
    scheme = prepared.scheme
    if is_levels_of_response(scheme) or len(prepared.points) < 2:
        return False
    if scheme.style == "points":
        return True
    return scheme.max_marks >= 2 and prepared.reference.n_words >= LONG_REFERENCE


# A point is "near" an answer from this embedding similarity (the made thresholds combine it
# with word overlap: 0.47/0.52), or when the answer shares an informative word with it.
NEAR_SEMANTIC = 0.5
# Verbs that any sentence may share with a point without saying the same thing ("Hitler wanted
# power" and "Mao wanted Soviet protection").
_GENERIC_VERB_TEXT = """
    want need make get give take go come see know think say tell become cause happen start use
    try seem put keep let feel mean show lead
"""
_GENERIC_VERBS = frozenset(stem(w) for w in _GENERIC_VERB_TEXT.split())


def check_no_point(
    answer: PreparedText, prepared: PreparedScheme, alignment: tuple[PointAlignment, ...]
) -> Guard | None:
    """A short answer that makes none of a listed scheme's points, nor comes near one.

    Only for schemes that list what to credit (:func:`lists_points`): there an answer shorter
    than the model answer that touches none of its points has said nothing creditworthy ("The
    Nazis caused it because Hitler wanted power." to a question about the Treaty of
    Friendship). It comes near a point by meaning (NEAR_SEMANTIC) or by sharing an informative
    word with it (a name or a noun beyond the question's words: "Khrushchev pulled out the
    advisers" for "Khrushchev's policy..."). Short references are left to the content score: a
    right answer in other words (as often in short-answer tests) can look unlike them.
    """
    if len(alignment) < 2 or not lists_points(prepared):
        return None
    if answer.n_words >= prepared.reference.n_words:
        return None
    mine = answer.stems - prepared.question_stems - _GENERIC_VERBS
    for a in alignment:
        if a.made or a.semantic >= NEAR_SEMANTIC or mine & prepared.point_texts[a.index].stems:
            return None
    return Guard(
        flag="no_point",
        cap=CAP_NO_POINT,
        reason="the answer makes none of the points the question is looking for",
    )


def check_gibberish(answer: PreparedText, prepared: PreparedScheme) -> Guard | None:
    """Mostly strings that are not words, nor close to words (keyboard mashing, random letters)."""
    tokens = [
        w for w in re.findall(r"[a-z]+", _split_identifiers(answer.text).lower()) if len(w) >= 3
    ]
    if len(tokens) < 3:
        return None
    local = prepared.known_words or (
        prepared.vocabulary | set(words(prepared.question.text)) | STOPWORDS
    )
    odd = [w for w in tokens if w not in local and not _near_word(w)]
    mashed = [w for w in tokens if re.search(r"(.)\1{3,}|[^aeiouy]{5,}", w)]
    if len(set(odd) | set(mashed)) / len(set(tokens)) > 0.6:
        return Guard(flag="gibberish", cap=CAP_GIBBERISH, reason="most of the answer is not words")
    return None


_GLUE = frozenset({"the", "a", "an", "is", "are", "was", "were", "about", "and", "it", "this"})


def _same_word(a: str, b: str) -> bool:
    """Same word up to inflection, irregular forms included ("lost" ~ "lose")."""
    if a == b or stem(a) == stem(b):
        return True
    return len(a) >= 4 and len(b) >= 4 and a[:3] == b[:3] and name_similarity(a, b) >= 0.7


@lru_cache(maxsize=1024)
def _asked_index(asked: frozenset[str]) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """The stems of the question's words, and its words of 4+ letters by their first three."""
    prefixes: dict[str, list[str]] = {}
    for a in asked:
        if len(a) >= 4:
            prefixes.setdefault(a[:3], []).append(a)
    return frozenset(stem(a) for a in asked), {k: tuple(v) for k, v in prefixes.items()}


def _asked(word: str, asked: frozenset[str]) -> bool:
    """True if ``word`` is one of the question's words (as :func:`_same_word` sees it)."""
    if word in asked:
        return True
    stems, prefixes = _asked_index(asked)
    if stem(word) in stems:
        return True
    if len(word) < 4:
        return False
    return any(name_similarity(word, a) >= 0.7 for a in prefixes.get(word[:3], ()))


def check_repeats_question(answer: PreparedText, prepared: PreparedScheme) -> Guard | None:
    """Says nothing the question did not already say."""
    mine = set(words(answer.text)) - _GLUE
    if not mine:
        return None
    asked = prepared.question_words or frozenset(words(prepared.question.text))
    new = {w for w in mine if not _asked(w, asked)}
    similar = float(answer.vector @ prepared.question.vector)
    if not new and similar > 0.6:
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
    # Only where Clio shows the model answer with the exercise (source questions): in plain
    # short-answer marking an answer that matches the reference is simply right.
    shown = prepared.source is not None or prepared.scheme.style in HISTORY_STYLES
    reference = prepared.scheme.reference
    if shown and reference and copied_share(answer.text, reference) >= 0.7:
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
    if answer.n_words >= 3 and similar < 0.12 and not shared:
        return Guard(
            flag="off_topic", cap=CAP_OFF_TOPIC, reason="the answer is not about the question"
        )
    return None


# Programming or formula notation: braces, statement ends, arrows, comparisons, calls.
_CODE_RE = re.compile(r"[{};]|->|=>|[=!<>]=|::|\+\+|\b\w+\([^()]*\)|[<>]")


def looks_like_code(text: str) -> bool:
    """True if ``text`` is written as code or a formula (three or more pieces of notation).

    Semicolons alone are a list's separators ("treaty; aid; loans"), not code.
    """
    found = _CODE_RE.findall(text)
    return len(found) >= 3 and any(f != ";" for f in found)


# Words that give a string of words clause structure: a verb form that cannot be a noun
# (auxiliaries, irregular pasts, regular pasts in -ed). Present-tense verbs look like plural
# nouns ("loans", "equals"), so a terse sentence with only those and no function word can still
# read as a list: such an answer is flagged only from six words (see check_keyword_list).
_VERB_WORDS = frozenset(
    """
    am is are was were be been being had has have did does do would could should must might may
    will can shall lost took gave made became said saw sent won began led paid left fell rose
    broke brought bought built came chose drew drove felt fought found got grew held kept knew
    lay meant met ran sold set shot spoke spent stood struck swore taught thought threw told
    understood wrote sought lent overthrew withdrew sank went
    """.split()  # noqa: SIM905
)
_NOT_PAST = frozenset("speed greed breed creed steed hundred sacred naked wicked seed need".split())  # noqa: SIM905
_LIST_GLUE = frozenset({"and", "or"})  # the words a list may have between its items


def _verb_like(word: str) -> bool:
    """True for a word that can only be a verb form ("was", "gave", "signed")."""
    return word in _VERB_WORDS or (len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST)


def no_clause(tokens: list[str]) -> bool:
    """True if the words have no clause structure: no verb form and no function word but
    "and" / "or" (these only join a list's items, and at most one word in five)."""
    glue = sum(1 for t in tokens if t in _LIST_GLUE)
    if any(t in STOPWORDS and t not in _LIST_GLUE for t in tokens):
        return False
    return not any(_verb_like(t) for t in tokens) and glue < 0.2 * len(tokens)


def check_keyword_list(answer: PreparedText) -> Guard | None:
    """A bare list of key words with no sentences to connect them (code is not such a list).

    Three shapes: 6+ short items (separated by commas, semicolons, new lines...) with few
    function words; 8+ words with under 10% function words and at most one verb form in eight
    ("biased" in a list of names); or, with no clause structure at all (no verb form, no
    function word), 6+ words run together ("treaty aid experts loans Korea Mao") or 5+
    separated items.
    """
    tokens = words(answer.text)
    if len(tokens) < 5 or looks_like_code(answer.text):
        return None
    function_share = sum(1 for t in tokens if t in STOPWORDS) / len(tokens)
    verb_share = sum(1 for t in tokens if _verb_like(t)) / len(tokens)
    pieces = [p for p in re.split(r"[,;\n/|]+", answer.text) if p.strip()]
    short_items = max(len(p.split()) for p in pieces) <= 3
    listy = len(pieces) >= 6 and short_items
    # Items: a run of 6+ words with no separator at all, or 5+ short separated items.
    named = [t for t in tokens if len(t) > 1 and t.isalpha()]
    many = (len(pieces) == 1 and len(named) >= 6) or (len(pieces) >= 5 and short_items)
    bare = many and no_clause(tokens)
    phrases = (
        len(pieces) >= 2 and min(len(p.split()) for p in pieces) >= 3
    )  # "short string high pitch, ..."
    if (
        (len(tokens) >= 8 and function_share < 0.1 and verb_share <= 0.125 and not phrases)
        or (listy and function_share < 0.2)
        or bare
    ):
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
