"""Align each answer sentence to the scheme points it makes (embeddings + stems + facts)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from clio.mark.lexical import content_words, stem
from clio.mark.normalise import names_match
from clio.mark.prepare import Facts, PreparedScheme, PreparedText, facts_of, point_label

# Weights of the three kinds of evidence in a sentence-to-point match, and the score from which a
# point counts as made. Chosen once on hand-written history answers, then left alone; the learned
# scorer (clio.mark.scorer) does not depend on them.
SEMANTIC_WEIGHT = 0.65
LEXICAL_WEIGHT = 0.35
FACT_BONUS = 0.12
MADE_THRESHOLD = 0.52
# Short points ("Army limited to 100,000") have few words to recall, so one synonym ("cut" for
# "limited") costs them a third of their lexical score: they count as made from a lower score.
SHORT_POINT_WORDS = 6
SHORT_THRESHOLD = 0.47


def _numbers_found(point: frozenset[float], answer: frozenset[float]) -> int:
    return sum(1 for n in point if any(abs(n - m) <= 1e-6 * max(1, n) for m in answer))


def fact_recall(
    point: Facts, answer: Facts, answer_stems: frozenset[str] = frozenset()
) -> float | None:
    """Share of the point's dates, figures and names the answer mentions; None if it has none.

    A capitalised word of the point also counts as found when the answer uses it in lower case
    (a point's first word is capitalised without being a name: "Army limited to 100,000").
    """
    total = len(point.dates) + len(point.numbers) + len(point.names)
    if total == 0:
        return None
    found = len(point.dates & answer.dates)
    found += _numbers_found(point.numbers, answer.numbers)
    found += sum(
        1
        for name in point.names
        if any(names_match(name, a) for a in answer.names) or stem(name) in answer_stems
    )
    return found / total


def key_terms_found(point: PreparedText, sentence: str, stems: frozenset[str]) -> bool:
    """True if the sentence gives the point's key terms: its figures and its head noun or label.

    The head noun is the point's first content word that is not a figure ("army" in "Army
    limited to 100,000"); a content label ("Diktat" in "Diktat: not allowed to take part in
    talks") stands for the whole point. A sentence with "100,000" and "army" makes the first
    point, one that calls the treaty a Diktat the second.
    """
    numbers = point.facts.numbers
    if numbers and _numbers_found(numbers, facts_of(sentence).numbers) < len(numbers):
        return False
    label = {stem(w) for w in content_words(point_label(point.text))}
    if label:
        return label <= stems
    if not numbers:
        return False
    head = next((w for w in content_words(point.text) if not w[0].isdigit()), None)
    return head is not None and stem(head) in stems


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
    """For every scheme point, its best-matching answer sentence, clause or the whole answer."""
    if not prepared.point_texts:
        return ()
    n_sent = len(answer.sentences)
    candidates = np.vstack(
        [answer.sentence_vectors, answer.vector[None, :], answer.clause_vectors.reshape(-1, 384)]
    )
    cand_stems = [*answer.sentence_stems, answer.stems, *answer.clause_stems]
    cand_texts = [*answer.sentences, answer.text, *answer.clauses]
    # The answer sentence each candidate points back to (-1: the whole answer).
    cand_sentence = [*range(n_sent), -1, *answer.clause_sentence]
    points = np.vstack([p.vector for p in prepared.point_texts])
    sims = points @ candidates.T  # (points, candidates)
    out = []
    for i, point in enumerate(prepared.point_texts):
        facts = fact_recall(point.facts, answer.facts, answer.stems)
        best: PointAlignment | None = None
        for j, stems in enumerate(cand_stems):
            lex = lexical_recall(point.stems, stems, prepared.question_stems)
            sem = float(sims[i, j])
            score = match_score(sem, lex, facts)
            if best is None or score > best.score:
                best = PointAlignment(
                    index=i,
                    score=score,
                    semantic=sem,
                    lexical=lex,
                    sentence=cand_sentence[j],
                    made=False,
                )
        assert best is not None
        short = len(point.stems) <= SHORT_POINT_WORDS
        made = best.score >= (SHORT_THRESHOLD if short else MADE_THRESHOLD)
        if not made:
            hit = next(
                (
                    j
                    for j in range(len(cand_texts))
                    if key_terms_found(point, cand_texts[j], cand_stems[j])
                ),
                None,
            )
            if hit is not None:
                made = True
                best = replace(best, sentence=cand_sentence[hit])
        out.append(replace(best, made=made))
    return tuple(out)


def evidence(answer: PreparedText, alignment: PointAlignment) -> str:
    """The answer words that made the point (its best sentence, or the whole answer)."""
    if 0 <= alignment.sentence < len(answer.sentences):
        return answer.sentences[alignment.sentence]
    return answer.text.strip()
