"""Score `answer_question` on a question set, and fit the refusal calibration on it."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from clio.errors import InputError
from clio.ids import normalise_for_id
from clio.model.topic import Topic
from clio.search.answer import (
    CALIBRATION,
    Answer,
    Calibration,
    Candidate,
    answer_question,
    candidates,
    confidence,
)
from clio.search.index import SearchIndex, build_index
from clio.search.text import words

EXTRA_WORDS = 8  # an "exact" answer may carry this many words beyond the expected one


@dataclass(frozen=True, kw_only=True)
class Case:
    """A question with the answers and citations that count as right (no answers: unanswerable)."""

    topic: str
    question: str
    answers: tuple[str, ...]
    cite: tuple[str, ...] = ()
    kind: str = ""
    tags: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        """False for questions the notes cannot answer."""
        return bool(self.answers)


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """How one question went."""

    case: Case
    answer: Answer
    exact: bool
    cited: bool


@dataclass(frozen=True, kw_only=True)
class Scores:
    """The headline figures for a question set."""

    total: int
    answerable: int
    exact_accuracy: float
    citation_accuracy: float
    refusal_precision: float
    refusal_recall: float
    outcomes: tuple[Outcome, ...] = field(default=(), repr=False)


def load_cases(path: Path, *, root: Path) -> tuple[dict[str, str], list[Case]]:
    """The topic references (name -> ref, relative to ``root``) and cases of a question file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read the question set: {error}", file=str(path)) from None
    refs = {
        name: (ref if "/" not in ref else str(root / ref)) for name, ref in data["topics"].items()
    }
    cases = [
        Case(
            topic=item["topic"],
            question=item["q"],
            answers=tuple(item.get("answers", ())),
            cite=tuple(item.get("cite", ())),
            kind=item.get("type", ""),
            tags=tuple(item.get("tags", ())),
        )
        for item in data["questions"]
    ]
    return refs, cases


def _norm(text: str) -> str:
    return " ".join(normalise_for_id(text).replace("'", "'").split())


def is_exact(answer: Answer, case: Case) -> bool:
    """True when the answer contains an expected answer and little else."""
    if not answer.answered:
        return False
    got = _norm(answer.text)
    return any(
        _norm(want) in got and len(words(answer.text)) <= len(words(want)) + EXTRA_WORDS
        for want in case.answers
    )


def cited_ids(topic: Topic, case: Case) -> set[str]:
    """The ids that count as a right citation for ``case``."""
    wanted = {_norm(c) for c in case.cite if not c.startswith("text:")}
    # "text:words" cites the point whose text holds those words (for points with no title).
    quoted = [_norm(c.removeprefix("text:")) for c in case.cite if c.startswith("text:")]
    ids = {
        p.id
        for _, p in topic.points()
        if _norm(p.title) in wanted or any(q in _norm(p.text) for q in quoted)
    }
    if "source" in wanted:
        ids |= {s.id for s in topic.sources}
    if "intro" in wanted:
        ids.add(f"{topic.id}:intro")
    return ids


def is_cited(answer: Answer, topic: Topic, case: Case) -> bool:
    """True when the answer's first citation is one the case accepts."""
    return (
        answer.answered
        and bool(answer.citations)
        and (answer.citations[0].ref_id in cited_ids(topic, case))
    )


def score(
    cases: Sequence[Case],
    topics: dict[str, Topic],
    indexes: dict[str, SearchIndex],
    *,
    calibration: Calibration = CALIBRATION,
) -> Scores:
    """Answer every case and compute the headline figures."""
    outcomes = []
    for case in cases:
        answer = answer_question(indexes[case.topic], case.question, calibration=calibration)
        topic = topics[case.topic]
        outcomes.append(
            Outcome(
                case=case,
                answer=answer,
                exact=case.answerable and is_exact(answer, case),
                cited=case.answerable and is_cited(answer, topic, case),
            )
        )
    answerable = [o for o in outcomes if o.case.answerable]
    refused = [o for o in outcomes if not o.answer.answered]
    unanswerable = [o for o in outcomes if not o.case.answerable]
    return Scores(
        total=len(outcomes),
        answerable=len(answerable),
        exact_accuracy=_share(sum(o.exact for o in answerable), len(answerable)),
        citation_accuracy=_share(sum(o.cited for o in answerable), len(answerable)),
        refusal_precision=_share(sum(not o.case.answerable for o in refused), len(refused)),
        refusal_recall=_share(sum(not o.answer.answered for o in unanswerable), len(unanswerable)),
        outcomes=tuple(outcomes),
    )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def build_indexes(topics: dict[str, Topic], *, expand: bool = True) -> dict[str, SearchIndex]:
    """One index per topic of the question set."""
    return {name: build_index([topic], expand=expand) for name, topic in topics.items()}


@dataclass(frozen=True, kw_only=True)
class Example:
    """Evidence features of a case's best candidate, and whether answering it would be right."""

    features: tuple[float, ...]
    good: bool


def examples(
    cases: Sequence[Case], topics: dict[str, Topic], indexes: dict[str, SearchIndex]
) -> list[Example]:
    """Training examples for the calibration: good = answerable and the best candidate is cited."""
    out = []
    for case in cases:
        _, found = candidates(indexes[case.topic], case.question)
        if not found:
            continue
        best: Candidate = found[0]
        unit = indexes[case.topic].units[best.hit.unit]
        good = case.answerable and unit.ref_id in cited_ids(topics[case.topic], case)
        out.append(Example(features=best.features, good=good))
    return out


def fit_calibration(data: Sequence[Example], *, ridge: float = 0.3, steps: int = 50) -> Calibration:
    """Ridge logistic regression by Newton's method, then the threshold that decides best."""
    x = np.array([(*e.features, 1.0) for e in data], dtype=np.float64)
    y = np.array([1.0 if e.good else 0.0 for e in data])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * ridge
    penalty[-1, -1] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x.T * (p * (1 - p))) @ x + penalty + np.eye(x.shape[1]) * 1e-9
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    weights = tuple(round(float(v), 3) for v in w[:-1])
    fitted = Calibration(weights=weights, bias=round(float(w[-1]), 3), threshold=0.5)
    probs = [confidence(e.features, fitted) for e in data]
    best_t, best_right = 0.5, -1
    for t in sorted({round(p, 3) for p in probs} | {0.5}):
        right = sum((p >= t) == e.good for p, e in zip(probs, data, strict=True))
        if right > best_right or (right == best_right and abs(t - 0.5) < abs(best_t - 0.5)):
            best_t, best_right = t, right
    return Calibration(weights=fitted.weights, bias=fitted.bias, threshold=round(best_t, 3))


def reliability(data: Sequence[Example], calibration: Calibration, bins: int = 5) -> list[str]:
    """A reliability table: predicted confidence against how often answering was right."""
    rows = []
    for i in range(bins):
        lo, hi = i / bins, (i + 1) / bins
        inside = [
            e
            for e in data
            if lo <= confidence(e.features, calibration) < hi
            or (hi == 1 and confidence(e.features, calibration) == 1)
        ]
        if not inside:
            rows.append(f"  {lo:.1f}-{hi:.1f}: no questions")
            continue
        mean = sum(confidence(e.features, calibration) for e in inside) / len(inside)
        good = sum(e.good for e in inside) / len(inside)
        rows.append(
            f"  {lo:.1f}-{hi:.1f}: n={len(inside):3d} mean confidence {mean:.2f}, right {good:.2f}"
        )
    return rows


def log_loss(data: Sequence[Example], calibration: Calibration) -> float:
    """Mean negative log-likelihood of the calibration on ``data``."""
    total = 0.0
    for e in data:
        p = min(max(confidence(e.features, calibration), 1e-9), 1 - 1e-9)
        total -= math.log(p if e.good else 1 - p)
    return total / max(len(data), 1)
