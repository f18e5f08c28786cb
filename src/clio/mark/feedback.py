"""Feedback in plain words: what went well, hints for what is missing, how to go up a level."""

from __future__ import annotations

import re

from clio.mark.guards import Guard
from clio.mark.hints import hints_for
from clio.mark.levels import NEXT_STEP_ADVICE, NO_SOURCE_ADVICE, Features
from clio.model.marking import PointMatch, SchemePoint

_PRAISE = {
    "supported_detail": "you supported your points with details from the source",
    "supported_inference": "you made an inference and supported it with a detail",
    "own_knowledge": "you used your own knowledge beyond the source",
    "provenance": "you commented on the provenance specifically (who, when, why or for whom)",
    "both_sides": "you looked at both sides",
    "change": "you showed how things changed over time",
    "judgement": "you reached a judgement",
}
_NO_SOURCE_PRAISE = {
    "supported_inference": "you explained your points and backed them with detail",
    "own_knowledge": "you used precise knowledge from your notes",
}


def _short(text: str, limit: int = 90) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def write_feedback(
    *,
    question: str,
    made: tuple[PointMatch, ...],
    missed: tuple[SchemePoint, ...],
    features: Features | None,
    rewarded: frozenset[str] = frozenset(),
    missing_for_next: tuple[str, ...],
    next_level: int | None,
    guards: tuple[Guard, ...],
    score: int,
    max_marks: int,
    has_source: bool = True,
) -> str:
    """The feedback for one answer, a few short plain sentences."""
    lines: list[str] = []
    blocking = [g for g in guards if g.cap == 0.0]
    if blocking:
        lines.append(f"No marks: {blocking[0].reason}.")
    for guard in guards:
        if guard.cap > 0.0:
            lines.append(f"Marks were limited because {guard.reason}.")
    good: list[str] = []
    if made:
        examples = list(dict.fromkeys(_short(m.evidence, 70) for m in made))[:2]
        shown = "; ".join(f'"{e}"' for e in examples)
        good.append(
            f"you made {len(made)} creditworthy point{'s' * (len(made) != 1)} (e.g. {shown})"
        )
    if features is not None and not any(x.cap < 1.0 for x in guards):
        praise = _PRAISE if has_source else {**_PRAISE, **_NO_SOURCE_PRAISE}
        good += [text for key, text in praise.items() if key in rewarded and getattr(features, key)]
    if good and not blocking:
        lines.append("Well done: " + "; ".join(good) + ".")
    if features is not None and features.generic_provenance_only:
        lines.append(
            "Saying a source is biased or reliable is not enough: say who wrote it, when, why or "
            "for whom, and how that affects it."
        )
    # An answer that made none of the points still gets hints at them (its fault is what it
    # left out); other blocking guards (gibberish, copying the question...) get none.
    hinted = not blocking or all(g.flag == "no_point" for g in blocking)
    if missed and hinted and score < max_marks:
        lines.append("To improve: " + " ".join(hints_for(missed, question)))
    if missing_for_next and next_level is not None and not blocking:
        table = NEXT_STEP_ADVICE if has_source else {**NEXT_STEP_ADVICE, **NO_SOURCE_ADVICE}
        advice = "; ".join(table[m] for m in missing_for_next if m in table)
        lines.append(f"To reach Level {next_level}: {advice}.")
    elif score >= max_marks and not guards:
        lines.append("This is a full-mark answer.")
    return " ".join(lines)
