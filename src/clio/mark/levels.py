"""Levels of response: spot what moves a history answer up a level, and place it in a level.

The features are the ones history mark schemes reward: an inference supported by a detail, own
knowledge beyond the source, provenance comments that give a reason tied to the author's
position, the date, the purpose or the audience (not just "it is biased", nor only the author's
name), both sides of a view, and a judgement reached by weighing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clio.mark.align import PointAlignment
from clio.mark.lexical import words
from clio.mark.prepare import PreparedScheme, PreparedText
from clio.mark.provenance import aspect, gives_reason
from clio.model.marking import Level

INFERENCE_RE = re.compile(
    r"\b(suggests?|shows?|showing|implies|implying|indicates?|reveals?|tells? (us|me)|this means|"
    r"we can (infer|learn|see)|i can (infer|learn|see)|infer|proves?|demonstrates?|so\b|"
    r"therefore|because|which means|evidence (that|of)|meaning that|learn that)\b",
    re.IGNORECASE,
)
PROVENANCE_RE = re.compile(
    r"\b(written|wrote|writing|author|historian|scholar|published|produced|speech|"
    r"purpose|intend(ed|s)?|aim(ed|s)?|audience|readers?|hindsight|eyewitness|contemporary|"
    r"primary|secondary|propaganda|persuade|convince|at the time|access to|viewpoint|"
    r"origin|nature|wrote)\b",
    re.IGNORECASE,
)
GENERIC_PROVENANCE_RE = re.compile(r"\b(biased?|one-sided|unreliable|reliable|opinion)\b", re.I)
JUDGEMENT_RE = re.compile(
    r"\b(overall|on balance|in conclusion|to conclude|to (a|some|a large|a great|a limited|"
    r"what) extent|i (think|believe|would argue)|more (useful|reliable|important|convincing)|"
    r"most (useful|reliable|important)|(very|quite|partly|fairly|highly|largely|limited|partially)"
    r" (useful|reliable|convincing|accurate)|therefore[^.]*\b(useful|reliable|supports?|agree)|"
    r"mostly|largely|partly|partially|ultimately)\b",
    re.IGNORECASE,
)
WEIGHING_RE = re.compile(
    r"\b(however|although|though|but|on the other hand|whereas|yet|despite|while|whilst|"
    r"nevertheless|limit(ed|ation|ations)?|weakness|strength|only)\b",
    re.IGNORECASE,
)
SUPPORT_RE = re.compile(r"\b(supports?|agrees?|confirms?|backs? up|consistent with)\b", re.I)
CHALLENGE_RE = re.compile(
    r"\b(challenges?|disagrees?|contradicts?|does not support|doesn't support|against|"
    r"however|on the other hand|undermines?)\b",
    re.IGNORECASE,
)
CHANGE_RE = re.compile(
    r"\b(chang(e|ed|es|ing)|shift(ed)?|became|become|turn(ed)?|moved?|from .{3,60} to|by \d{4}|"
    r"develop(ed)?|grew|worse|worsened|deteriorat\w*|at first|later|eventually|gradually)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class Features:
    """Which level-raising features an answer shows."""

    relevant: bool
    supported_detail: bool
    supported_inference: bool
    own_knowledge: bool
    provenance: bool
    generic_provenance_only: bool
    both_sides: bool
    change: bool
    judgement: bool
    weighing: bool

    @property
    def provenance_or_knowledge(self) -> bool:
        """Either way of testing a source's reliability: its provenance, or own knowledge."""
        return self.provenance or self.own_knowledge


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def quotes_source(answer: PreparedText, prepared: PreparedScheme, *, n: int = 4) -> bool:
    """True if the answer repeats at least ``n`` consecutive words of the source."""
    if prepared.source is None:
        return False
    return bool(_ngrams(words(answer.text), n) & _ngrams(words(prepared.source.text), n))


def detect(
    answer: PreparedText,
    prepared: PreparedScheme,
    alignment: tuple[PointAlignment, ...],
    *,
    relevant: bool,
) -> Features:
    """Find the level-raising features in ``answer``."""
    kinds = [prepared.points[a.index].kind for a in alignment if a.made]
    text = answer.text
    # Without a source, a point made from the notes is the detail that supports an argument.
    detail_kinds = (
        ("content", "reference") if prepared.source else ("content", "reference", "own_knowledge")
    )
    content_made = any(k in detail_kinds for k in kinds)
    detail = content_made or quotes_source(answer, prepared) or _has_source_fact(answer, prepared)
    inference = bool(INFERENCE_RE.search(text))
    source_facts = prepared.source.facts if prepared.source else None
    # Facts of the source and of its provenance (its author, its year) are not own knowledge.
    given = [
        t.facts
        for p, t in zip(prepared.points, prepared.point_texts, strict=True)
        if p.kind == "provenance"
    ]
    if source_facts:
        given.append(source_facts)
    new_years = {d for d in answer.facts.dates if d[1] == 0} - {d for f in given for d in f.dates}
    known_names = answer.facts.names - {n for f in given for n in f.names}
    own = "own_knowledge" in kinds or (
        prepared.source is not None and bool(new_years) and bool(known_names)
    )
    provenance = prepared.source is not None and _specific_provenance(answer, prepared, alignment)
    generic = bool(GENERIC_PROVENANCE_RE.search(text)) and not provenance
    years = {d for d in answer.facts.dates if d[1] == 0}
    return Features(
        relevant=relevant,
        supported_detail=relevant and detail,
        supported_inference=relevant and inference and detail,
        own_knowledge=relevant and own,
        provenance=relevant and provenance,
        generic_provenance_only=generic,
        both_sides=bool(SUPPORT_RE.search(text)) and bool(CHALLENGE_RE.search(text)),
        change=bool(CHANGE_RE.search(text)) and len(years) >= 2,
        judgement=relevant and bool(JUDGEMENT_RE.search(text)),
        weighing=bool(WEIGHING_RE.search(text)),
    )


# Words that make even a bare answer a comment on the task the style sets (level 1: "it is
# biased", "it is useful", "it supports the view").
_ON_TASK = {
    "reliability": re.compile(
        r"\b(biased?|one-sided|unreliable|reliable|reliability|trust\w*)\b", re.I
    ),
    "usefulness": re.compile(r"\b(useful|useless|usefulness|helpful)\b", re.I),
    "interpretation": re.compile(
        r"\b(supports?|agrees?|challenges?|disagrees?|contradicts?|confirms?)\b", re.I
    ),
}


# Essays and other "how far / how important" questions: a bare judgement is a simple comment.
_JUDGED = re.compile(r"\b(important|significant|main (reason|cause)|key (reason|cause))\b", re.I)


def comments_on_task(text: str, style: str) -> bool:
    """True if ``text`` makes the simple comment a style's level 1 credits ("it is biased")."""
    if style in _ON_TASK:
        return _ON_TASK[style].search(text) is not None
    if style in ("inference", "change"):  # these need something the source says
        return False
    return bool(JUDGEMENT_RE.search(text) or _JUDGED.search(text))


def _has_source_fact(answer: PreparedText, prepared: PreparedScheme) -> bool:
    if prepared.source is None:
        return False
    src = prepared.source.facts
    return bool(answer.facts.dates & src.dates) or bool(answer.facts.numbers & src.numbers)


def _specific_provenance(
    answer: PreparedText, prepared: PreparedScheme, alignment: tuple[PointAlignment, ...]
) -> bool:
    """A provenance comment is specific if it says why who, when, why or for whom matters.

    As the schemes' level 2 asks ("specific features of the provenance (author, date, purpose,
    audience)"): a provenance point made in so many words (its date, purpose, context...), or a
    comment on the provenance with a reason tied to the author's position, the date, the
    purpose or the audience. Naming the author with an assertion ("it is biased because it is
    by Khrushchev") is the simple comment of level 1, and so is naming the kind of source.
    """
    points = tuple(p for p in prepared.points if p.kind == "provenance")
    for a in alignment:
        point = prepared.points[a.index]
        if a.made and point.kind == "provenance" and aspect(point) not in ("origin", "nature"):
            return True
    talks = PROVENANCE_RE.search(answer.text) or GENERIC_PROVENANCE_RE.search(answer.text)
    names = {n for p in points for n in re.findall(r"\b[A-Z][a-z]{3,}\b", p.text)}
    about = talks or any(re.search(rf"\b{n}\b", answer.text) for n in names)
    return bool(about) and gives_reason(answer.text, points)


# What each level asks for, by question style (cumulative: a level needs everything below it).
LADDERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "inference": (("relevant",), ("supported_inference",)),
    "change": (("relevant",), ("supported_detail", "change"), ("own_knowledge",)),
    "usefulness": (("relevant",), ("provenance",), ("own_knowledge", "judgement")),
    # Level 2 of reliability: "specific features of the provenance ... or test the content
    # against own knowledge"; level 3 weighs both.
    "reliability": (
        ("relevant",),
        ("provenance_or_knowledge",),
        ("provenance", "own_knowledge", "judgement", "weighing"),
    ),
    "interpretation": (
        ("relevant",),
        ("supported_detail",),
        ("both_sides", "own_knowledge"),
        ("judgement", "weighing"),
    ),
}
NO_SOURCE_ADVICE = {
    "supported_detail": "support each point with a precise detail from your notes",
    "supported_inference": (
        "explain how each point answers the question and back it with a precise detail (a date, "
        "a figure or a named event)"
    ),
    "own_knowledge": "add precise knowledge from your notes: a named event, date or figure",
}
NEXT_STEP_ADVICE = {
    "relevant": "answer the question directly, using what the source or your notes say",
    "supported_detail": "support what you say with precise details from the source",
    "supported_inference": (
        "make an inference (what the source suggests) and back it with a detail you quote or "
        "paraphrase from the source"
    ),
    "change": "show how things changed, comparing what was true at two or more dates",
    "own_knowledge": (
        "add your own knowledge from your notes that goes beyond the source: a named event, date "
        "or figure"
    ),
    "provenance": (
        "comment on the provenance by naming who wrote it, when, why (purpose) or for whom "
        "(audience), and say how that affects it, rather than just saying it is biased"
    ),
    "provenance_or_knowledge": (
        "comment on the provenance by naming who wrote it, when, why (purpose) or for whom "
        "(audience), and say how that affects it, rather than just saying it is biased; or test "
        "what the source says against your own knowledge"
    ),
    "both_sides": "show how the source both supports and challenges the view",
    "judgement": "finish with a clear judgement that answers the question",
    "weighing": "weigh the evidence: say what limits it as well as what it shows",
}


def _ladder(style: str, prepared: PreparedScheme, n_levels: int) -> tuple[tuple[str, ...], ...]:
    if style in LADDERS:
        return LADDERS[style]
    kinds = {p.kind for p in prepared.points}
    steps: list[tuple[str, ...]] = [("relevant",), ("supported_inference",)]
    if "own_knowledge" in kinds:
        steps.append(("own_knowledge",))
    if "provenance" in kinds:
        steps.append(("provenance",))
    asks_judgement = any("judgement" in lv.descriptor.lower() for lv in prepared.scheme.levels)
    if "judgement" in kinds or asks_judgement:
        steps.append(("judgement", "weighing"))
    if n_levels < len(steps):  # squeeze: later steps share the top level
        steps = [*steps[: n_levels - 1], tuple(s for step in steps[n_levels - 1 :] for s in step)]
    return tuple(steps)


@dataclass(frozen=True, kw_only=True)
class Placement:
    """The level an answer reached, what it would need next, and what its question rewards."""

    level: int
    missing_for_next: tuple[str, ...]
    rewarded: frozenset[str] = frozenset()


def place(
    features: Features, style: str, prepared: PreparedScheme, levels: tuple[Level, ...]
) -> Placement:
    """The highest level (numbered as in ``levels``) whose requirements ``features`` meets."""
    scored = sorted((lv for lv in levels if lv.high > 0), key=lambda lv: lv.level)
    ladder = _ladder(style, prepared, len(scored))
    rewarded = frozenset(req for step in ladder for req in step)
    reached = 0
    missing: tuple[str, ...] = ()
    for step in ladder:
        lacking = tuple(req for req in step if not getattr(features, req))
        if lacking:
            missing = lacking
            break
        reached += 1
    if not scored:
        return Placement(level=0, missing_for_next=missing, rewarded=rewarded)
    if reached == 0:
        floor = 0 if any(lv.high == 0 for lv in levels) else scored[0].level
        return Placement(level=floor, missing_for_next=missing, rewarded=rewarded)
    # Spread the ladder's steps over the scheme's levels without skipping a level upwards.
    index = min(len(scored), max(1, round(reached * len(scored) / len(ladder)))) - 1
    return Placement(level=scored[index].level, missing_for_next=missing, rewarded=rewarded)
