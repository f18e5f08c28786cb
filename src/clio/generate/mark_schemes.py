"""Levels-of-response mark schemes in the style of UK GCSE/IGCSE history papers."""

from __future__ import annotations

from collections.abc import Sequence

from clio.ids import content_id
from clio.model.marking import Level, MarkScheme, SchemePoint

NO_CREDIT = "No rewardable material."

# Descriptors by question style, lowest level first (level 0 is added for every scheme).
DESCRIPTORS: dict[str, tuple[str, ...]] = {
    "inference": (
        "Simple inference(s) or description of the source's content, with little or no support "
        "from the source.",
        "Developed inference(s) about the enquiry, each supported by a detail selected from the "
        "source.",
    ),
    "change": (
        "Describes the view in the source at one date, or lists what the source says without "
        "showing change.",
        "Identifies how the view changed between the dates, supported by dated details from the "
        "source.",
        "Explains the change over the whole period with precise dated support from the source and "
        "own knowledge of what happened between the dates.",
    ),
    "usefulness": (
        "Simple judgement on usefulness based on the content of the source or on its "
        "provenance, with basic or general comments.",
        "Judgement on usefulness for the enquiry based on the content and the provenance of the "
        "source, with some relevant own knowledge.",
        "Reasoned judgement on usefulness for the specified enquiry, using the content, the "
        "nature, origin and purpose of the source, and contextual knowledge from the notes.",
    ),
    "reliability": (
        "Simple or general comments on reliability (e.g. 'it is biased') with little support.",
        "Comments on reliability that use specific features of the provenance (author, date, "
        "purpose, audience) or test the content against own knowledge.",
        "Reasoned judgement on reliability that weighs specific provenance against the content "
        "and own knowledge from the notes.",
    ),
    "interpretation": (
        "Simple comments that the source agrees or disagrees with the view, with little support.",
        "Shows how the source supports or challenges the view, with details from the source.",
        "Explains how the source both supports and challenges the view, using details from the "
        "source and some own knowledge.",
        "Sustained argument weighing how far the source supports the view, with precise details "
        "from the source, own knowledge from the notes and a substantiated judgement.",
    ),
    "notes": (
        "Simple or general answer with little relevant detail.",
        "Answer with some relevant detail from the source or the notes, partly explained.",
        "Developed answer, well supported by relevant detail and explanation.",
        "Sustained, well-organised answer with precise supporting detail and a reasoned "
        "judgement where one is asked for.",
    ),
}


def split_levels(max_marks: int, descriptors: Sequence[str]) -> tuple[Level, ...]:
    """Contiguous levels covering 0..max_marks: level 0 for 0, then the bands in order.

    Marks are shared as evenly as possible; any extra mark goes to the higher levels
    (8 marks in 3 levels -> 1-2, 3-5, 6-8, as exam boards band them).
    """
    if max_marks < 1:
        raise ValueError("a mark scheme needs at least one mark")
    count = max(1, min(len(descriptors), max_marks))
    chosen = list(descriptors[-count:]) if count < len(descriptors) else list(descriptors)
    base, extra = divmod(max_marks, count)
    sizes = [base + (1 if index >= count - extra else 0) for index in range(count)]
    levels = [Level(level=0, low=0, high=0, descriptor=NO_CREDIT)]
    low = 1
    for index, (size, descriptor) in enumerate(zip(sizes, chosen, strict=True), start=1):
        levels.append(Level(level=index, low=low, high=low + size - 1, descriptor=descriptor))
        low += size
    return tuple(levels)


def levels_for(style: str, max_marks: int) -> tuple[Level, ...]:
    """The levels of a scheme of this style and tariff."""
    descriptors = DESCRIPTORS.get(style, DESCRIPTORS["notes"])
    if style == "notes":
        wanted = 2 if max_marks <= 4 else 3 if max_marks <= 8 else 4
        descriptors = descriptors[:1] + descriptors[-(wanted - 1) :] if wanted > 1 else descriptors
    return split_levels(max_marks, descriptors)


def scheme_point(kind: str, text: str, source_ids: Sequence[str] = ()) -> SchemePoint:
    """A scheme point with an id derived from its kind and text."""
    return SchemePoint(
        id=content_id("sp", kind, text), text=text, kind=kind, source_ids=tuple(source_ids)
    )


def build_scheme(
    *,
    style: str,
    max_marks: int,
    points: Sequence[SchemePoint],
    reference: str,
    source_text: str = "",
) -> MarkScheme:
    """A complete levels-of-response scheme; points are deduplicated by id."""
    unique = tuple({p.id: p for p in points}.values())
    return MarkScheme(
        max_marks=max_marks,
        levels=levels_for(style, max_marks),
        points=unique,
        reference=reference,
        style=style,
        source_text=source_text,
    )
