"""Mark a free-text answer against a mark scheme: score, level, points made and missed, feedback."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from clio.mark import guards as g
from clio.mark.align import evidence
from clio.mark.classset import Member, class_fractions, may_form_class_set
from clio.mark.features import AnswerFeatures, answer_features
from clio.mark.feedback import write_feedback
from clio.mark.levels import Features, comments_on_task, detect, place
from clio.mark.prepare import (
    PreparedScheme,
    PreparedText,
    prepare_with_schemes,
    split_sentences,
)
from clio.mark.provenance import provenance_evidence
from clio.mark.schemes import default_levels, is_levels_of_response
from clio.mark.scorer import (
    LinearScorer,
    content_fraction,
    load_class_scorer,
    load_scorer,
    zero_training_fraction,
)
from clio.mark.threads import one_blas_thread
from clio.model.marking import Level, Mark, MarkScheme, PointMatch, SchemePoint

_USE_SHIPPED = object()
# An answer this close to a scheme point (cosine) is about the question even unmade ("He
# thought the Russians might invade" for "he hinted at concern about a Soviet armed attack").
NEAR_POINT = 0.42


def round_half_up(value: float) -> int:
    """Whole marks, halves rounded up (marked positively)."""
    return math.floor(value + 0.5)


@dataclass(frozen=True, kw_only=True)
class Assessment:
    """Everything the marker found, before it becomes a :class:`Mark`."""

    mark: Mark
    fraction: float  # content score before levels and caps, 0..1
    capped: float  # the content score in marks after the guards' caps, before rounding
    cap: float  # the lowest cap of the guards that fired, as a fraction of the marks (1 = none)
    features: AnswerFeatures | None


def _strip_marker_talk(answer: str) -> str:
    kept = [s for s in split_sentences(answer) if not g.addressed_to_marker(s)]
    return " ".join(kept)


def _run_guards(
    answer: PreparedText, prepared: PreparedScheme, feats: AnswerFeatures
) -> tuple[g.Guard, ...]:
    best_point = max((a.semantic for a in feats.alignment), default=0.0)
    checks = (
        g.check_short(answer, prepared),
        g.check_gibberish(answer, prepared),
        g.check_repeats_question(answer, prepared),
        g.check_copied(answer, prepared),
        g.check_off_topic(answer, prepared, best_point),
        g.check_keyword_list(answer),
        g.check_scheme_pasted(answer, prepared),
        g.check_no_point(answer, prepared, feats.alignment),
    )
    return tuple(c for c in checks if c is not None)


def _made_points(
    answer: PreparedText, prepared: PreparedScheme, feats: AnswerFeatures, levels: Features | None
) -> tuple[tuple[PointMatch, ...], tuple[SchemePoint, ...]]:
    made: list[PointMatch] = []
    missed: list[SchemePoint] = []
    for alignment in feats.alignment:
        point = prepared.points[alignment.index]
        if point.kind == "judgement":
            ok = levels is not None and (
                (levels.judgement and levels.weighing)
                or (levels.supported_inference and "support" in point.text.lower())
            )
            if ok:
                made.append(
                    PointMatch(
                        point_id=point.id,
                        point_text=point.text,
                        evidence=_judgement_sentence(answer),
                        similarity=round(alignment.score, 3),
                    )
                )
            else:
                missed.append(point)
            continue
        if alignment.made:
            said = evidence(answer, alignment)
        elif point.kind == "provenance":
            # "a speech in 1956, 18 years later": the date's aspect, in the answer's own words
            said = provenance_evidence(answer.sentences, point)
        else:
            said = ""
        if alignment.made or said:
            made.append(
                PointMatch(
                    point_id=point.id,
                    point_text=point.text,
                    evidence=said,
                    similarity=round(alignment.score, 3),
                )
            )
        else:
            missed.append(point)
    return tuple(made), tuple(missed)


def _judgement_sentence(answer: PreparedText) -> str:
    from clio.mark.levels import JUDGEMENT_RE

    for sentence in reversed(answer.sentences):
        if JUDGEMENT_RE.search(sentence):
            return sentence
    return answer.sentences[-1] if answer.sentences else answer.text


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """An answer's features and the guards that fired, before its content score."""

    features: AnswerFeatures | None  # None for an empty answer
    fired: tuple[g.Guard, ...]

    @property
    def cap(self) -> float:
        """The lowest cap of the guards that fired (1 = none)."""
        return min((x.cap for x in self.fired), default=1.0)


def _analyse(
    prepared: PreparedScheme, answer: PreparedText, extra: tuple[g.Guard, ...]
) -> Analysis:
    empty = g.check_empty(answer)
    if empty is not None:
        return Analysis(features=None, fired=(empty, *extra))
    feats = answer_features(answer, prepared)
    return Analysis(features=feats, fired=(*extra, *_run_guards(answer, prepared, feats)))


def _assess(
    question: str,
    prepared: PreparedScheme,
    answer: PreparedText,
    scorer: LinearScorer | None,
    extra: tuple[g.Guard, ...] = (),
    *,
    analysis: Analysis | None = None,
    fraction: float | None = None,
    scored_by: str = "",
) -> Assessment:
    scheme = prepared.scheme
    levels = scheme.levels or default_levels(scheme.max_marks)
    found = analysis if analysis is not None else _analyse(prepared, answer, extra)
    label = scored_by or ("single" if scorer is not None else "rule")
    if found.features is None:
        feedback = write_feedback(
            question=question,
            made=(),
            missed=(),
            features=None,
            missing_for_next=(),
            next_level=None,
            guards=found.fired,
            score=0,
            max_marks=scheme.max_marks,
        )
        mark = Mark(
            score=0,
            max_marks=scheme.max_marks,
            level=_level_for(levels, 0),
            missed=tuple(prepared.points),
            feedback=feedback,
            flags=tuple(x.flag for x in found.fired),
            scorer=label,
        )
        return Assessment(mark=mark, fraction=0.0, capped=0.0, cap=0.0, features=None)
    feats = found.features
    if fraction is None:
        fraction = content_fraction(feats, scorer)
    fired = found.fired
    on_question = float(answer.vector @ prepared.question.vector) >= 0.4
    # Relevance rests on the zero-training match, not on the learned score: the learned scorer
    # follows generous graders and gives any answer a floor of about a third of the marks.
    relevant = (
        zero_training_fraction(feats) >= 0.1
        or on_question
        or any(a.made or a.semantic >= NEAR_POINT for a in feats.alignment)
        or comments_on_task(answer.text, scheme.style)
    )
    relevant = relevant and not any(x.flag == "off_topic" for x in fired)
    level_feats: Features | None = None
    missing_next: tuple[str, ...] = ()
    rewarded: frozenset[str] = frozenset()
    if is_levels_of_response(scheme):
        level_feats = detect(answer, prepared, feats.alignment, relevant=relevant)
        placement = place(level_feats, scheme.style, prepared, levels)
        band = next((lv for lv in levels if lv.level == placement.level), None)
        made_count = sum(1 for a in feats.alignment if a.made)
        quality = min(1.0, 0.6 * fraction + 0.4 * min(1.0, made_count / 3))
        score = 0 if band is None else band.low + round_half_up((band.high - band.low) * quality)
        missing_next = placement.missing_for_next
        rewarded = placement.rewarded
    else:
        if feats.alignment and (scheme.style == "points" or g.lists_points(prepared)):
            made_share = sum(1 for a in feats.alignment if a.made) / len(feats.alignment)
            # One mark per point, or an equal share of the marks when there are fewer points.
            share = len(feats.alignment) / min(len(feats.alignment), scheme.max_marks)
            per_point = min(1.0, made_share * share)
            fraction = 0.5 * fraction + 0.5 * per_point
        score = round_half_up(fraction * scheme.max_marks)
    cap = min((x.cap for x in fired), default=1.0)
    score = apply_cap(score, cap, scheme.max_marks)
    level = _level_for(levels, score)
    made, missed = _made_points(answer, prepared, feats, level_feats)
    if any(x.cap == 0.0 for x in fired) or (level_feats is not None and not relevant):
        made = ()
    above = sorted(lv.level for lv in levels if lv.level > level)
    next_level = above[0] if above else None
    if not level_feats:
        missing_next = ()
    feedback = write_feedback(
        question=question,
        made=made,
        missed=missed,
        features=level_feats,
        rewarded=rewarded,
        missing_for_next=missing_next,
        next_level=next_level,
        guards=fired,
        score=score,
        max_marks=scheme.max_marks,
        has_source=prepared.source is not None,
    )
    mark = Mark(
        score=score,
        max_marks=scheme.max_marks,
        level=level,
        made=made,
        missed=missed,
        feedback=feedback,
        flags=tuple(x.flag for x in fired),
        scorer=label,
    )
    capped = min(fraction, cap) * scheme.max_marks
    return Assessment(mark=mark, fraction=fraction, capped=capped, cap=cap, features=feats)


def apply_cap(score: int, cap: float, max_marks: int) -> int:
    """Whole marks after a guard's cap (a fraction of the maximum), never below 0."""
    return max(0, min(score, math.floor(cap * max_marks + 1e-9), max_marks))


def _level_for(levels: Sequence[Level], score: int) -> int:
    chosen = 0
    for lv in sorted(levels, key=lambda lv: lv.low):
        if score >= lv.low:
            chosen = lv.level
    return chosen


def _scorer(scorer: object) -> LinearScorer | None:
    if scorer is _USE_SHIPPED:
        return load_scorer()
    return scorer  # type: ignore[return-value]


def _clean(answer: str) -> tuple[str, tuple[g.Guard, ...]]:
    if g.addressed_to_marker(answer):
        guard = g.Guard(
            flag="addressed_to_marker",
            cap=g.CAP_ADDRESSED,
            reason="parts of the answer speak to the marker; they were ignored",
        )
        return _strip_marker_talk(answer), (guard,)
    return answer, ()


@dataclass(frozen=True, kw_only=True)
class PreparedItem:
    """One answer ready to assess: embeddings done, marker talk removed."""

    question: str
    prepared: PreparedScheme
    answer: PreparedText
    extra: tuple[g.Guard, ...]


def prepare_items(items: Sequence[tuple[str, MarkScheme, str]]) -> list[PreparedItem]:
    """Embed many (question, scheme, answer) triples at once; the slow step of marking."""
    cleaned = [_clean(a) for _, _, a in items]
    prepared, answers = prepare_with_schemes(
        [(q, s, text) for (q, s, _), (text, _) in zip(items, cleaned, strict=True)]
    )
    return [
        PreparedItem(question=q, prepared=p, answer=a, extra=extra)
        for (q, _, _), p, a, (_, extra) in zip(items, prepared, answers, cleaned, strict=True)
    ]


def assess_prepared(item: PreparedItem, *, scorer: object = _USE_SHIPPED) -> Assessment:
    """Assess one prepared answer (no embedding work; cheap)."""
    return _assess(item.question, item.prepared, item.answer, _scorer(scorer), item.extra)


# Above this many answers, the next chunk is embedded while the previous one is assessed.
PIPELINE_CHUNK = 128

T = TypeVar("T")


def _pipelined(
    items: Sequence[tuple[str, MarkScheme, str]], work: Callable[[PreparedItem], T]
) -> list[T]:
    """Prepare the items and apply ``work`` to each, embedding chunk k+1 during chunk k's work."""
    if len(items) <= PIPELINE_CHUNK:
        return [work(item) for item in prepare_items(items)]
    chunks = [items[i : i + PIPELINE_CHUNK] for i in range(0, len(items), PIPELINE_CHUNK)]
    out: list[T] = []
    with ThreadPoolExecutor(1, thread_name_prefix="clio-mark") as feeder:
        pending = feeder.submit(prepare_items, chunks[0])
        for following in [*chunks[1:], None]:
            ready = pending.result()
            if following is not None:
                pending = feeder.submit(prepare_items, following)
            out += [work(item) for item in ready]
    return out


def _assess_class_sets(
    items: Sequence[tuple[str, MarkScheme, str]],
    scorer: LinearScorer | None,
    class_scorer: LinearScorer,
) -> list[Assessment]:
    """Assess with the class-set scorer for every class set of at least MIN_CLASS_SIZE."""
    analysed = _pipelined(items, lambda it: (it, _analyse(it.prepared, it.answer, it.extra)))
    members = [
        Member(
            key=(item.question, item.prepared.scheme),
            text=item.answer.text,
            vector=item.answer.vector,
            features=found.features,
            live=found.features is not None and found.cap > 0.0,
        )
        for item, found in analysed
    ]
    fractions, in_sets = class_fractions(members, class_scorer)
    return [
        _assess(
            item.question,
            item.prepared,
            item.answer,
            scorer,
            item.extra,
            analysis=found,
            fraction=fractions.get(index),
            scored_by="class_set" if index in in_sets else "",
        )
        for index, (item, found) in enumerate(analysed)
    ]


def assess_many(
    items: Sequence[tuple[str, MarkScheme, str]],
    *,
    scorer: object = _USE_SHIPPED,
    class_sets: bool = True,
) -> list[Assessment]:
    """Assess many (question, scheme, answer) triples, embedding many answers per call.

    Large inputs go in chunks: a helper thread embeds chunk k+1 (the model runs without the
    GIL, on the embedder's worker threads) while this thread assesses chunk k, so the
    assessment's Python work overlaps the model instead of waiting for it. With the shipped
    scorer and ``class_sets``, the answers to one question (same question and scheme) form a
    class set, and sets of at least ``MIN_CLASS_SIZE`` answers are scored by the class-set
    scorer (see :mod:`clio.mark.classset`).
    """
    chosen = _scorer(scorer)
    class_scorer = load_class_scorer() if class_sets and scorer is _USE_SHIPPED else None
    with one_blas_thread():
        if class_scorer is not None and may_form_class_set([(q, s) for q, s, _ in items]):
            return _assess_class_sets(items, chosen, class_scorer)
        return _pipelined(items, lambda item: assess_prepared(item, scorer=chosen))


def mark_answer(
    question: str, scheme: MarkScheme, answer: str, *, scorer: object = _USE_SHIPPED
) -> Mark:
    """Mark one answer: whole marks, a level, the points made (with evidence) and missed, feedback.

    ``scorer`` defaults to the shipped learned weights; pass None to use the zero-training rule.
    """
    return assess_many([(question, scheme, answer)], scorer=scorer, class_sets=False)[0].mark


def mark_answers(
    items: Sequence[tuple[str, MarkScheme, str]],
    *,
    scorer: object = _USE_SHIPPED,
    class_sets: bool = True,
) -> list[Mark]:
    """Mark many answers at once (faster than one by one).

    The answers to one question with one scheme form a class set; with the shipped scorer, sets
    of at least ``MIN_CLASS_SIZE`` answers are marked with the class-set scorer (each mark's
    ``scorer`` says which marked it). ``class_sets=False`` marks every answer on its own.
    """
    return [a.mark for a in assess_many(items, scorer=scorer, class_sets=class_sets)]
