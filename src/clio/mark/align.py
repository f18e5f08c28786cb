"""Align each answer sentence to the scheme points it makes (embeddings + stems + facts)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from clio.mark.normalise import names_match
from clio.mark.prepare import Facts, PreparedScheme, PreparedText

# Weights of the three kinds of evidence in a sentence-to-point match, and the score from which a
# point counts as made. Chosen once on hand-written history answers, then left alone; the learned
# scorer (clio.mark.scorer) does not depend on them.
SEMANTIC_WEIGHT = 0.65
LEXICAL_WEIGHT = 0.35
FACT_BONUS = 0.12
MADE_THRESHOLD = 0.52


def fact_recall(point: Facts, answer: Facts) -> float | None:
    """Share of the point's dates, figures and names the answer mentions; None if it has none."""
    total = len(point.dates) + len(point.numbers) + len(point.names)
    if total == 0:
        return None
    found = len(point.dates & answer.dates)
    found += sum(
        1 for n in point.numbers if any(abs(n - m) <= 1e-6 * max(1, n) for m in answer.numbers)
    )
    found += sum(1 for name in point.names if any(names_match(name, a) for a in answer.names))
    return found / total


def lexical_recall(
    point: frozenset[str], sentence: frozenset[str], demote: frozenset[str]
) -> float:
    """Share of the point's content stems (question words aside) found in the sentence."""
    wanted = point - demote or point
    if not wanted:
        return 0.0
    return len(wanted & sentence) / len(wanted)


@dataclass(frozen=True, kw_only=True)
class PointAlignment:
    """How well the answer makes one scheme point, and where."""

    index: int
    score: float
    semantic: float
    lexical: float
    sentence: int  # index into the answer's sentences, -1 for the whole answer
    made: bool


def match_score(semantic: float, lexical: float, facts: float | None) -> float:
    """Combine the three kinds of evidence into one 0..1-ish match score."""
    score = SEMANTIC_WEIGHT * semantic + LEXICAL_WEIGHT * lexical
    if facts is not None:
        score += FACT_BONUS * (facts - 0.5)
    return score


def align(answer: PreparedText, prepared: PreparedScheme) -> tuple[PointAlignment, ...]:
    """For every scheme point, its best-matching answer sentence (or the whole answer)."""
    if not prepared.point_texts:
        return ()
    candidates = np.vstack([answer.sentence_vectors, answer.vector[None, :]])
    cand_stems = [*answer.sentence_stems, answer.stems]
    points = np.vstack([p.vector for p in prepared.point_texts])
    sims = points @ candidates.T  # (points, sentences + 1)
    out = []
    for i, point in enumerate(prepared.point_texts):
        facts = fact_recall(point.facts, answer.facts)
        best: PointAlignment | None = None
        for j, stems in enumerate(cand_stems):
            lex = lexical_recall(point.stems, stems, prepared.question_stems)
            sem = float(sims[i, j])
            score = match_score(sem, lex, facts)
            if best is None or score > best.score:
                sentence = j if j < len(answer.sentences) else -1
                best = PointAlignment(
                    index=i, score=score, semantic=sem, lexical=lex, sentence=sentence, made=False
                )
        assert best is not None
        out.append(
            PointAlignment(
                index=best.index,
                score=best.score,
                semantic=best.semantic,
                lexical=best.lexical,
                sentence=best.sentence,
                made=best.score >= MADE_THRESHOLD,
            )
        )
    return tuple(out)


def evidence(answer: PreparedText, alignment: PointAlignment) -> str:
    """The answer words that made the point (its best sentence, or the whole answer)."""
    if 0 <= alignment.sentence < len(answer.sentences):
        return answer.sentences[alignment.sentence]
    return answer.text.strip()
