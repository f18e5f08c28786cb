"""The numeric features of an answer against a scheme, shared by the marker and the benchmarks."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from clio.mark.align import PointAlignment, align, fact_recall
from clio.mark.lexical import has_negation, overlap
from clio.mark.prepare import PreparedScheme, PreparedText, reference_weights

FEATURE_NAMES = (
    "cos_reference",
    "cos_question",
    "reference_coverage",
    "point_score_mean",
    "points_made",
    "lex_recall",
    "lex_precision",
    "lex_f1",
    "fact_recall",
    "log_words",
    "length_ratio",
    "negation_mismatch",
    "token_recall",
    "token_precision",
    "token_f1",
    "token_recall_new",
)


@dataclass(frozen=True, kw_only=True)
class AnswerFeatures:
    """An answer's features, with the point alignment they came from."""

    values: tuple[float, ...]
    alignment: tuple[PointAlignment, ...]

    def as_dict(self) -> dict[str, float]:
        """Feature name -> value."""
        return dict(zip(FEATURE_NAMES, self.values, strict=True))

    def __getitem__(self, name: str) -> float:
        return self.values[FEATURE_NAMES.index(name)]


def answer_features(answer: PreparedText, prepared: PreparedScheme) -> AnswerFeatures:
    """Compute every feature in :data:`FEATURE_NAMES` for one answer."""
    ref = prepared.reference
    alignment = align(answer, prepared)
    cos_ref = float(answer.vector @ ref.vector)
    cos_q = float(answer.vector @ prepared.question.vector)
    # How much of each reference sentence some answer sentence covers.
    sent_sims = ref.sentence_vectors @ np.vstack([answer.sentence_vectors, answer.vector]).T
    coverage = float(sent_sims.max(axis=1).mean()) if sent_sims.size else 0.0
    scores = [a.score for a in alignment]
    made = [a.made for a in alignment]
    lex = overlap(answer.stems, ref.stems, demote=prepared.question_stems)
    facts = fact_recall(ref.facts, answer.facts)
    ratio = answer.n_words / max(ref.n_words, 1)
    negation = float(has_negation(answer.text) != has_negation(ref.text))
    values = (
        cos_ref,
        cos_q,
        coverage,
        float(np.mean(scores)) if scores else cos_ref,
        float(np.mean(made)) if made else float(cos_ref > 0.6),
        lex.recall,
        lex.precision,
        lex.f1,
        0.5 if facts is None else facts,
        math.log1p(answer.n_words),
        min(ratio, 3.0),
        negation,
    )
    return AnswerFeatures(values=values + token_alignment(answer, prepared), alignment=alignment)


def token_alignment(answer: PreparedText, prepared: PreparedScheme) -> tuple[float, ...]:
    """Greedy contextual-token matching against the reference (BERTScore-like).

    ``token_recall_new`` weights each reference token by how far it is from the question's
    tokens, so repeating the question's words earns little.
    """
    ref, ans, question = prepared.reference.tokens, answer.tokens, prepared.question.tokens
    if len(ref) == 0 or len(ans) == 0:
        return (0.0, 0.0, 0.0, 0.0)
    sims = ref @ ans.T
    recall = float(sims.max(axis=1).mean())
    precision = float(sims.max(axis=0).mean())
    f1 = 0.0 if recall + precision <= 0 else 2 * recall * precision / (recall + precision)
    weights = prepared.reference_weights
    if len(weights) != len(ref):  # a PreparedScheme built by hand, without the cached weights
        weights = reference_weights(ref, question)
    recall_new = float((sims.max(axis=1) * weights).sum() / weights.sum())
    return (recall, precision, f1, recall_new)
