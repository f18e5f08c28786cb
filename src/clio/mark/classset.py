"""Class sets: what the other answers to the same question add to the marking of one answer.

When a teacher marks a class's answers at once (``mark_answers``, ``clio mark --batch``), the
answers to one question (same question text and same scheme) are read together, unlabelled. One
extra feature comes from them, ``class_consensus``: how close the answer is to its classmates'
answers, each classmate weighted by how well it matches the reference on its own (the
zero-training content rule), relative to how close the classmates are to one another. The answer
itself never counts among its peers, and no mark or label of any classmate is used.

The ratio is built from pairwise means (not the cosine to a centroid), so it does not drift with
the size of the class; below :data:`MIN_CLASS_SIZE` answers it is too noisy (measured in
docs/marking.md) and the single-answer scorer is used instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from clio.mark.features import FEATURE_NAMES, AnswerFeatures

if TYPE_CHECKING:
    from clio.mark.scorer import LinearScorer

Matrix = npt.NDArray[np.float64]

CLASS_FEATURE_NAMES = ("class_consensus",)

# Below this many answers marked on content (not empty, not capped to 0), no class-set scoring.
MIN_CLASS_SIZE = 8

_POINT_SCORE = FEATURE_NAMES.index("point_score_mean")
_TOKEN_RECALL_NEW = FEATURE_NAMES.index("token_recall_new")

# Coherence below this is treated as this (answers nearly orthogonal to one another).
_MIN_COHERENCE = 1e-3
# Sums of weights below this are zero (the running sums leave rounding residue).
_TINY = 1e-9


def peer_weights(rows: Matrix) -> Matrix:
    """How much each classmate's answer counts (feature rows in :data:`FEATURE_NAMES` order).

    The zero-training match to the reference: the mean of the point-alignment score and the
    question-aware token recall, never below 0.
    """
    rows = np.asarray(rows, dtype=np.float64).reshape(-1, len(FEATURE_NAMES))
    raw = 0.5 * rows[:, _POINT_SCORE] + 0.5 * rows[:, _TOKEN_RECALL_NEW]
    out: Matrix = np.maximum(raw, 0.0)
    return out


def consensus(vectors: Matrix, weights: Matrix, live: npt.NDArray[np.bool_]) -> Matrix:
    """``class_consensus`` of every answer of one class set against its live peers.

    ``vectors`` are the answers' unit vectors (n, d), ``weights`` their peer weights, ``live``
    which answers count as peers (marked on content). For answer i the peers are the live
    answers other than i: the weighted mean cosine of i to them, divided by the square root of
    their weighted mean pairwise cosine (pairs of two different peers). With no weight among
    the peers they count equally. Fewer than two peers give 0.
    """
    v = np.asarray(vectors, dtype=np.float64)
    n = len(v)
    out = np.zeros(n)
    if n == 0:
        return out
    gram = v @ v.T
    mask = np.asarray(live, dtype=bool)
    uniform = mask.astype(np.float64)
    weighted = np.clip(np.asarray(weights, dtype=np.float64), 0.0, None) * uniform
    first = _ratio(gram, weighted)
    second = _ratio(gram, uniform)
    peers = uniform.sum() - uniform
    has_weight = (weighted.sum() - weighted) > _TINY
    out = np.where(has_weight, first, second)
    out[peers < 2] = 0.0
    return out


def _ratio(gram: Matrix, w: Matrix) -> Matrix:
    """Weighted mean cosine to the peers over sqrt(their weighted mean pairwise cosine)."""
    diag = np.diag(gram)
    row = gram @ w  # sum_j w_j g_ij, including j = i
    total_w = w.sum()
    to_peers = row - diag * w  # drop j = i
    peer_w = total_w - w
    mean_cos = np.divide(to_peers, peer_w, out=np.zeros_like(to_peers), where=peer_w > _TINY)
    # Sum over ordered pairs j != k of w_j w_k g_jk, then without the pairs that involve i.
    pairs = float(w @ gram @ w) - float((w * w * diag).sum())
    pair_w = total_w * total_w - float((w * w).sum())
    peer_pairs = pairs - 2.0 * w * to_peers
    peer_pair_w = pair_w - 2.0 * w * peer_w
    coherence = np.divide(
        peer_pairs, peer_pair_w, out=np.ones_like(peer_pairs), where=peer_pair_w > _TINY
    )
    result: Matrix = mean_cos / np.sqrt(np.maximum(coherence, _MIN_COHERENCE))
    return result


@dataclass(frozen=True, kw_only=True)
class Member:
    """One answer as a class set sees it."""

    key: Hashable  # the class set: same question and same scheme
    text: str  # the answer as marked (orders the set, so the batch's order does not matter)
    vector: npt.NDArray[np.float32]
    features: AnswerFeatures | None  # None for an empty answer
    live: bool  # marked on content: not empty and not capped to 0 by a guard


def may_form_class_set(keys: Sequence[Hashable]) -> bool:
    """Whether any class set could reach :data:`MIN_CLASS_SIZE` (before empty answers drop out)."""
    return max(Counter(keys).values(), default=0) >= MIN_CLASS_SIZE


def class_fractions(
    members: Sequence[Member], scorer: LinearScorer
) -> tuple[dict[int, float], frozenset[int]]:
    """Content scores from the class-set scorer, for the members of class sets big enough.

    Returns the fractions by member index (answers with features only) and the indices of every
    member of a set of at least :data:`MIN_CLASS_SIZE` live answers (empty ones included).
    """
    sets: dict[Hashable, list[int]] = {}
    for index, member in enumerate(members):
        sets.setdefault(member.key, []).append(index)
    fractions: dict[int, float] = {}
    in_sets: set[int] = set()
    for indices in sets.values():
        if sum(members[i].live for i in indices) < MIN_CLASS_SIZE:
            continue
        in_sets.update(indices)
        scored = sorted(
            (i for i in indices if members[i].features is not None), key=lambda i: members[i].text
        )
        feats = [members[i].features for i in scored]
        values = consensus(
            np.vstack([members[i].vector for i in scored]),
            peer_weights(np.asarray([f.values for f in feats if f is not None])),
            np.asarray([members[i].live for i in scored]),
        )
        for i, f, value in zip(scored, feats, values, strict=True):
            if f is not None:
                fractions[i] = scorer.predict(f, (float(value),))
    return fractions, frozenset(in_sets)
