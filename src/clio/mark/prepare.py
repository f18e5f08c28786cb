"""Prepared texts: sentences, stems, facts and embeddings, computed once and cached.

The reference side (question, scheme points, reference answer, source) is prepared once per
scheme and kept in a small cache, so marking many answers to one question embeds it only once.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from clio.embed import get_embedder
from clio.mark.lexical import STOPWORDS, answer_stems, content_stems, content_words, stem, words
from clio.mark.normalise import find_dates, find_numbers
from clio.model.marking import MarkScheme, SchemePoint

Vectors = npt.NDArray[np.float32]

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[•·▪-]\s+|^\s*[•·▪*-]\s+", re.MULTILINE)
_NAME_RE = re.compile(r"\b[A-Z][a-zA-Z'’-]{3,}\b")


_CLAUSE_BREAK = re.compile(r"\s*[,;:]\s+|\s+(?:and|but|while|whereas)\s+", re.IGNORECASE)


def split_clauses(sentence: str) -> list[str]:
    """Clauses of one sentence (split at commas, semicolons, "and", "but"), each of 2+ words.

    A piece of one word is joined to the clause before it. One clause means no split.
    """
    pieces = [p.strip() for p in _CLAUSE_BREAK.split(sentence) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        if out and len(piece.split()) < 2:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out if len(out) > 1 else [sentence]


def _clause_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(sentence, start, end) of each clause and adjacent clause pair of multi-clause sentences."""
    units: list[tuple[int, int, int]] = []
    for i, (start, end) in enumerate(sentences):
        clauses = split_clauses(text[start:end])
        if len(clauses) < 2:
            continue
        spans = [(start + a, start + b) for a, b in _spans(text[start:end], clauses)]
        units += [(i, a, b) for a, b in spans]
        if len(clauses) > 2:
            units += [(i, a[0], b[1]) for a, b in itertools.pairwise(spans)]
    return units


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences or bullet items (at least one, possibly empty)."""
    parts = [p.strip(" \t-•*") for p in _SENTENCE_END.split(text)]
    parts = [p for p in parts if p and re.search(r"\w", p)]
    return parts or [text.strip()]


@dataclass(frozen=True, kw_only=True)
class Facts:
    """Dates, figures and names a text mentions, normalised for comparison."""

    dates: frozenset[tuple[int, int]]
    numbers: frozenset[float]
    names: frozenset[str]

    @property
    def empty(self) -> bool:
        """True if there is nothing to check."""
        return not (self.dates or self.numbers or self.names)


def facts_of(text: str) -> Facts:
    """The dates, figures and capitalised names in ``text``."""
    names = {m.group(0).lower() for m in _NAME_RE.finditer(text)}
    first = re.match(r"\s*([A-Z][a-z]+)", text)
    if first and first.group(1).lower() in {"the", "this", "that", "there", "when", "then"}:
        names.discard(first.group(1).lower())
    return Facts(
        dates=frozenset(find_dates(text)),
        numbers=frozenset(find_numbers(text)),
        names=frozenset(names),
    )


@dataclass(frozen=True, kw_only=True)
class PreparedText:
    """One text with its sentences and everything the marker compares."""

    text: str
    sentences: tuple[str, ...]
    vector: Vectors  # (384,)
    tokens: Vectors  # (tokens, 384) contextual token vectors, unit length
    sentence_vectors: Vectors  # (n, 384)
    stems: frozenset[str]
    sentence_stems: tuple[frozenset[str], ...]
    facts: Facts
    n_words: int
    # Clauses (and adjacent clause pairs) of multi-clause sentences, for finer point alignment.
    clauses: tuple[str, ...] = ()
    clause_sentence: tuple[int, ...] = ()  # the sentence each clause comes from
    clause_vectors: Vectors = field(default_factory=lambda: np.zeros((0, 384), np.float32))
    clause_stems: tuple[frozenset[str], ...] = ()


def _spans(text: str, parts: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``parts`` (in order) inside ``text``."""
    out, cursor = [], 0
    for part in parts:
        at = text.find(part, cursor)
        if at < 0:
            at = cursor
        out.append((at, at + len(part)))
        cursor = at + len(part)
    return out


def _stems(text: str, corrector: frozenset[str] | None) -> frozenset[str]:
    if corrector is None:
        return frozenset(content_stems(text))
    return frozenset(answer_stems(text, corrector))


def prepare_texts(
    texts: list[str],
    *,
    correctors: list[frozenset[str] | None] | None = None,
    with_clauses: bool | list[bool] = False,
) -> list[PreparedText]:
    """Prepare several texts with one embedding call (whole texts and their sentences).

    ``correctors`` gives, per text, the vocabulary to correct its spelling against (or None);
    ``with_clauses`` (for all texts, or per text) also pools a vector per clause of each
    multi-clause sentence (answers).
    """
    fixes = correctors if correctors is not None else [None] * len(texts)
    clauses_of = with_clauses if isinstance(with_clauses, list) else [with_clauses] * len(texts)

    split = [split_sentences(t) for t in texts]
    # Sentences are pooled from their text's token states (one model run per text); only a
    # sentence past the 256-token limit is embedded on its own.
    spans = [_spans(t, parts) for t, parts in zip(texts, split, strict=True)]
    units = [
        _clause_spans(t, sp) if wanted else []
        for t, sp, wanted in zip(texts, spans, clauses_of, strict=True)
    ]
    embedder = get_embedder()
    all_spans = [sp + [(a, b) for _, a, b in u] for sp, u in zip(spans, units, strict=True)]
    vectors, tokens, pooled = embedder.encode_with_spans(list(texts), all_spans)
    span_vectors = [p[: len(sp)] for p, sp in zip(pooled, spans, strict=True)]
    unit_vectors = [p[len(sp) :] for p, sp in zip(pooled, spans, strict=True)]
    missing = [
        (i, k)
        for i, vecs in enumerate(span_vectors)
        for k in range(len(vecs))
        if len(split[i]) > 1 and not vecs[k].any()
    ]
    if missing:
        extra = embedder.encode([split[i][k] for i, k in missing])
        for (i, k), vec in zip(missing, extra, strict=True):
            span_vectors[i][k] = vec
    out: list[PreparedText] = []
    for n, (text, parts, fix) in enumerate(zip(texts, split, fixes, strict=True)):
        clauses = tuple(text[a:b] for _, a, b in units[n])
        sentence_vectors = (
            vectors[n : n + 1] if len(parts) == 1 else span_vectors[n].astype(np.float32)
        )
        out.append(
            PreparedText(
                text=text,
                sentences=tuple(parts),
                vector=vectors[n],
                tokens=tokens[n],
                sentence_vectors=sentence_vectors,
                stems=_stems(text, fix),
                sentence_stems=tuple(_stems(p, fix) for p in parts),
                facts=facts_of(text),
                n_words=len(content_words(text)),
                clauses=clauses,
                clause_sentence=tuple(i for i, _, _ in units[n]),
                clause_vectors=unit_vectors[n].astype(np.float32).reshape(-1, 384),
                clause_stems=tuple(_stems(c, fix) for c in clauses),
            )
        )
    return out


def _unembedded(text: str) -> PreparedText:
    """A text prepared for its words and facts only (zero vectors)."""
    parts = split_sentences(text)
    return PreparedText(
        text=text,
        sentences=tuple(parts),
        vector=np.zeros(384, np.float32),
        tokens=np.zeros((0, 384), np.float32),
        sentence_vectors=np.zeros((len(parts), 384), np.float32),
        stems=frozenset(content_stems(text)),
        sentence_stems=tuple(frozenset(content_stems(p)) for p in parts),
        facts=facts_of(text),
        n_words=len(content_words(text)),
    )


@dataclass(frozen=True, kw_only=True)
class PreparedScheme:
    """The reference side of one question, ready to compare answers against."""

    question: PreparedText
    scheme: MarkScheme
    points: tuple[SchemePoint, ...]
    point_texts: tuple[PreparedText, ...]
    reference: PreparedText
    source: PreparedText | None
    vocabulary: frozenset[str]  # words of the reference side, to correct answers' spelling
    question_stems: frozenset[str]
    # Computed once per scheme for the per-answer steps (features, guards).
    question_words: frozenset[str] = frozenset()  # all the question's words, stop words kept
    known_words: frozenset[str] = frozenset()  # vocabulary, question words and stop words
    # Weight of each reference token in ``token_recall_new``: far from the question's tokens.
    reference_weights: Vectors = field(default_factory=lambda: np.zeros(0, np.float32))


def _scheme_points(scheme: MarkScheme) -> tuple[SchemePoint, ...]:
    if scheme.points:
        return scheme.points
    if scheme.reference.strip():
        return tuple(
            SchemePoint(id=f"r{i + 1}", text=s, kind="reference")
            for i, s in enumerate(split_sentences(scheme.reference))
        )
    return ()


_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{0,30}):\s+")
_BOILERPLATE_RE = re.compile(r"\b(the source|it) (says|states|suggests|shows)( that)?:?\s*", re.I)


# Point kinds whose "Label: text" labels are categories ("Origin:", "Purpose:"), not content.
_CATEGORY_KINDS = frozenset({"provenance", "own_knowledge", "judgement"})


# Labels that sort a point rather than name its content ("Supports the view: the source says").
_CATEGORY_LABELS = frozenset({"supports the view", "challenges the view"})


def point_label(text: str) -> str:
    """The short "Label:" that opens a point ("Diktat" in "Diktat: not allowed..."), or ""."""
    label = _LABEL_RE.match(text)
    if not label or len(label.group(1).split()) > 3:
        return ""
    found = label.group(1).strip()
    return "" if found.lower() in _CATEGORY_LABELS else found


def matchable(text: str, *, keep_label: bool = False) -> str:
    """A point's text without labels and boilerplate ("Origin:", "the source says that").

    ``keep_label`` keeps a content label ("Diktat: not allowed to take part in talks").
    """
    label = _LABEL_RE.match(text)
    if label and len(label.group(1).split()) <= 3 and not (keep_label and point_label(text)):
        text = text[label.end() :]
    cleaned = _BOILERPLATE_RE.sub("", text).strip()
    return cleaned or text


def _reference_text(scheme: MarkScheme) -> str:
    if scheme.reference.strip():
        return scheme.reference
    return " ".join(p.text.rstrip(".") + "." for p in scheme.points)


def _scheme_texts(question: str, scheme: MarkScheme) -> list[str]:
    """The texts of a scheme that are embedded: question, reference, then each point."""
    return [
        question,
        _reference_text(scheme),
        *[
            matchable(p.text, keep_label=p.kind not in _CATEGORY_KINDS)
            for p in _scheme_points(scheme)
        ],
    ]


def _vocabulary(scheme: MarkScheme) -> frozenset[str]:
    """Words of the reference side, to correct answers' spelling against (no model needed)."""
    points = [p.text for p in _scheme_points(scheme)]
    vocab_source = " ".join([_reference_text(scheme), scheme.source_text, *points])
    return frozenset(content_words(vocab_source))


def _assemble(question: str, scheme: MarkScheme, prepared: list[PreparedText]) -> PreparedScheme:
    """The scheme from its embedded texts (in the order of :func:`_scheme_texts`)."""
    points = _scheme_points(scheme)
    # The source is only read for its words and facts (quotes, copying), so it is not embedded.
    source = _unembedded(scheme.source_text) if scheme.source_text.strip() else None
    vocabulary = _vocabulary(scheme)
    question_words = frozenset(words(question))
    return PreparedScheme(
        question=prepared[0],
        scheme=scheme,
        points=points,
        point_texts=tuple(prepared[2 : 2 + len(points)]),
        reference=prepared[1],
        source=source,
        vocabulary=vocabulary,
        question_stems=frozenset(stem(w) for w in content_words(question)),
        question_words=question_words,
        known_words=vocabulary | question_words | STOPWORDS,
        reference_weights=reference_weights(prepared[1].tokens, prepared[0].tokens),
    )


def _build(question: str, scheme: MarkScheme) -> PreparedScheme:
    return _assemble(question, scheme, prepare_texts(_scheme_texts(question, scheme)))


def reference_weights(reference: Vectors, question: Vectors) -> Vectors:
    """Each reference token's weight: 1 minus its best cosine to a question token (1 if none)."""
    if len(question) and len(reference):
        out: Vectors = 1.0 - np.clip((reference @ question.T).max(axis=1), 0.0, 1.0) + 1e-3
        return out
    return np.ones(len(reference), dtype=np.float32)


_CACHE: OrderedDict[tuple[str, MarkScheme], PreparedScheme] = OrderedDict()
_CACHE_SIZE = 512
_CACHE_LOCK = threading.Lock()


def _cached(key: tuple[str, MarkScheme]) -> PreparedScheme | None:
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
        return hit


def _store(key: tuple[str, MarkScheme], built: PreparedScheme) -> None:
    with _CACHE_LOCK:
        _CACHE[key] = built
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


def prepare_scheme(question: str, scheme: MarkScheme) -> PreparedScheme:
    """The prepared reference side of ``question`` and ``scheme``, from the cache when possible."""
    key = (question, scheme)
    hit = _cached(key)
    if hit is not None:
        return hit
    built = _build(question, scheme)
    _store(key, built)
    return built


def prepare_answer(answer: str, prepared: PreparedScheme) -> PreparedText:
    """Prepare one answer, correcting its spelling against the scheme's vocabulary."""
    return prepare_texts([answer], correctors=[prepared.vocabulary], with_clauses=True)[0]


def prepare_answers(pairs: list[tuple[str, PreparedScheme]]) -> list[PreparedText]:
    """Prepare many answers (each with its own scheme) with one embedding call."""
    return prepare_texts(
        [a for a, _ in pairs], correctors=[p.vocabulary for _, p in pairs], with_clauses=True
    )


def prepare_with_schemes(
    items: list[tuple[str, MarkScheme, str]],
) -> tuple[list[PreparedScheme], list[PreparedText]]:
    """Prepare (question, scheme, answer) triples: schemes not cached yet and all the answers
    are embedded in one call, so a first answer to a question costs one model run, not two.
    """
    keys = [(q, s) for q, s, _ in items]
    found: dict[tuple[str, MarkScheme], PreparedScheme] = {}
    missing: dict[tuple[str, MarkScheme], list[str]] = {}
    for key in keys:
        if key in found or key in missing:
            continue
        hit = _cached(key)
        if hit is not None:
            found[key] = hit
        else:
            missing[key] = _scheme_texts(*key)
    vocab = {key: found[key].vocabulary if key in found else _vocabulary(key[1]) for key in keys}
    scheme_texts = [t for texts in missing.values() for t in texts]
    answers = [a for _, _, a in items]
    prepared = prepare_texts(
        [*scheme_texts, *answers],
        correctors=[*[None] * len(scheme_texts), *[vocab[k] for k in keys]],
        with_clauses=[*[False] * len(scheme_texts), *[True] * len(answers)],
    )
    at = 0
    for key, texts in missing.items():
        found[key] = _assemble(*key, prepared[at : at + len(texts)])
        _store(key, found[key])
        at += len(texts)
    return [found[k] for k in keys], prepared[at:]
