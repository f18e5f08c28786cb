"""Exam-style questions on each source (inference, change, usefulness, reliability,
interpretation) and on the questions the notes set, each with a levels-of-response scheme."""

from __future__ import annotations

import re
from dataclasses import replace

from clio.errors import InputError
from clio.generate.essay_text import (
    as_sentence,
    content_tokens,
    lower_first,
    sentences,
    strip_trailing_date,
)
from clio.generate.essays import ESSAY_QUESTION, plan_essay
from clio.generate.mark_schemes import build_scheme, scheme_point
from clio.generate.source_points import (
    content_points,
    inference_for,
    knowledge_points,
    provenance_points,
)
from clio.generate.source_provenance import read_provenance
from clio.generate.source_subjects import (
    SourceSubject,
    common_tokens,
    find_subject,
    relevant_points,
    source_span,
    view_subject,
)
from clio.generate.source_views import interpretation_view, quote
from clio.generate.text import significant_words
from clio.ids import content_id
from clio.model.items import SourceQuestion
from clio.model.marking import SchemePoint
from clio.model.topic import Point, Question, Section, Source, Topic

TARIFFS = {"inference": 4, "change": 6, "usefulness": 8, "reliability": 8, "interpretation": 12}


def make_source_questions(topic: Topic, *, seed: int) -> tuple[SourceQuestion, ...]:
    """Every source's exam questions, then the questions the notes carry, with mark schemes."""
    del seed  # the questions and schemes follow from the notes; nothing here is random
    found: list[SourceQuestion] = []
    for source in topic.sources:
        if source.text.strip():
            found.extend(_for_source(topic, source))
    for asked in topic.questions:
        question = _notes_question(topic, asked, found)
        if question is not None:
            found.append(question)
    unique = {q.id: q for q in found}
    return tuple(unique.values())


def source_name(topic: Topic, source: Source) -> str:
    """How questions refer to the source: "Source A", or "the source" when it has no letter."""
    labelled = r"(?:Source|Interpretation|Extract|Document)\s+\S+"
    if re.fullmatch(labelled, source.label.strip(), re.I) and len(topic.sources) >= 1:
        return source.label.strip()
    return "the source"


def _question(
    *,
    style: str,
    text: str,
    source: Source,
    points: list[SchemePoint],
    reference: str,
    marks: int | None = None,
) -> SourceQuestion:
    tariff = marks if marks is not None else TARIFFS[style]
    scheme = build_scheme(
        style=style,
        max_marks=tariff,
        points=points,
        reference=reference,
        source_text=source.text,
    )
    cited = tuple(dict.fromkeys(sid for p in scheme.points for sid in p.source_ids))
    return SourceQuestion(
        id=content_id("sq", style, text, source.id),
        source_id=source.id,
        style=style,
        text=text,
        marks=tariff,
        mark_scheme=scheme,
        source_ids=cited or (source.id,),
    )


def _for_source(topic: Topic, source: Source) -> list[SourceQuestion]:
    name = source_name(topic, source)
    subject = find_subject(topic, source)
    provenance = read_provenance(topic, source)
    common = common_tokens(topic, subject)
    pairs = relevant_points(topic, source, common=common)
    knowledge = knowledge_points(pairs, source)
    content = content_points(source, subject)
    view = view_subject(subject)
    about = view or subject.enquiry
    questions = [_inference(name, source, subject, about, content)]
    change = _change(topic, name, source, subject, view)
    if change is not None:
        questions.append(change)
    provenance_found = provenance_points(topic, source, provenance)
    questions.append(
        _usefulness(name, source, subject, content, provenance_found, knowledge, pairs)
    )
    questions.append(_reliability(name, source, about, provenance_found, knowledge, pairs, common))
    interpretation = _interpretation(topic, name, source, subject, pairs)
    if interpretation is not None:
        questions.append(interpretation)
    return questions


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _inference(
    name: str, source: Source, subject: SourceSubject, about: str, content: list[SchemePoint]
) -> SourceQuestion:
    text = f"What can you learn from {name} about {about}?"
    lines: list[str] = []
    seen: set[str] = set()
    for sentence in sentences(source.text)[:4]:
        inference = inference_for(sentence, subject)
        if inference and inference not in seen:
            seen.add(inference)
            lines.append(f"I can learn that {inference}, because {name} says {quote(sentence)}")
    for sentence in sentences(source.text)[:3]:
        if len(lines) >= 2:
            break
        if not any(quote(sentence) in line for line in lines):
            lines.append(
                f"{_cap(name)} also says {quote(sentence)}"
                if lines
                else f"{_cap(name)} says {quote(sentence)}"
            )
    reference = " ".join(as_sentence(line) for line in lines[:3])
    judgement = scheme_point(
        "judgement",
        "Each inference is supported by a detail quoted or paraphrased from the source.",
        (source.id,),
    )
    return _question(
        style="inference",
        text=text,
        source=source,
        points=[*content, judgement],
        reference=reference,
    )


def _change(
    topic: Topic, name: str, source: Source, subject: SourceSubject, view: str | None
) -> SourceQuestion | None:
    claims = sorted(subject.dated_views or source.claims, key=lambda c: c.period.sort_key())
    years = sorted({c.period.start.year for c in claims} | {c.period.end.year for c in claims})
    if len(claims) < 2 or len(years) < 2:
        return None
    first, last = years[0], years[-1]
    what = view or f"the situation described in {name}"
    text = f"How did {what} change between {first} and {last}? Use {name} to support your answer."
    singles = [c for c in claims if not c.period.is_range] or claims
    points = [
        scheme_point("content", f"{c.period.label()}: {c.text}", (source.id,)) for c in singles
    ]
    between: list[tuple[Section, Point]] = [
        (s, p)
        for s, p in topic.points()
        if p.period is not None and first <= p.period.start.year <= last
    ][:5]
    points.extend(knowledge_points(between, source))
    points.append(
        scheme_point(
            "judgement",
            f"Explains the overall direction of the change between {first} and {last} "
            "and when it was fastest.",
            (source.id,),
        )
    )
    middle = " ".join(as_sentence(c.text) for c in singles[1:-1])
    reference = (
        f"{_cap(name)} shows that {what} changed between {first} and {last}. "
        f"At the start, {lower_first(singles[0].text)} "
        f"{middle} Finally, {lower_first(singles[-1].text)}"
    )
    if between:
        reference += " " + as_sentence(
            "This fits what the notes record between these dates: "
            + "; ".join(_dated_title(p) for _, p in between[:3])
        )
    return _question(
        style="change", text=text, source=source, points=points, reference=_tidy(reference)
    )


def _usefulness(
    name: str,
    source: Source,
    subject: SourceSubject,
    content: list[SchemePoint],
    provenance: list[SchemePoint],
    knowledge: list[SchemePoint],
    pairs: list[tuple[Section, Point]],
) -> SourceQuestion:
    text = (
        f"How useful is {name} for an enquiry into {subject.enquiry}? Explain your answer, "
        f"using {name} and your knowledge of the historical context."
    )
    judgement = scheme_point(
        "judgement",
        f"Reaches a judgement on how useful {name} is for an enquiry into {subject.enquiry}, "
        "based on both its content and its provenance.",
        (source.id,),
    )
    first = sentences(source.text)[0] if source.text else ""
    nature = next((p.text for p in provenance if p.text.startswith("Nature")), "")
    origin = next((p.text for p in provenance if p.text.startswith("Origin")), "")
    date = next((p.text for p in provenance if p.text.startswith("Date")), "")
    span = source_span(source)
    inside = [p for _, p in pairs if span and p.period and span.overlaps(p.period)]
    context = inside[0] if inside else (pairs[0][1] if pairs else None)
    parts = [
        f"{_cap(name)} is useful for an enquiry into {subject.enquiry} because its content is "
        f"relevant: it says {quote(first)}",
        nature.replace("Nature: the source", f"Its usefulness depends on its nature: {name}"),
        origin.replace("Origin: ", ""),
        date.replace("Date: ", ""),
    ]
    if context is not None:
        parts.append(
            "The notes add context the source does not give. "
            + as_sentence(context.text or context.title)
        )
    parts.append(
        f"Overall {name} is useful for what it shows about {subject.enquiry}, but it must be "
        "used with other evidence because of its provenance"
    )
    return _question(
        style="usefulness",
        text=text,
        source=source,
        points=[*content[:3], *provenance, *knowledge, judgement],
        reference=_tidy(" ".join(as_sentence(p) for p in parts if p)),
    )


def _reliability(
    name: str,
    source: Source,
    about: str,
    provenance: list[SchemePoint],
    knowledge: list[SchemePoint],
    pairs: list[tuple[Section, Point]],
    common: frozenset[str],
) -> SourceQuestion:
    text = (
        f"How reliable is {name} as evidence of {about}? Explain your answer, using {name} "
        "and your own knowledge."
    )
    checks = _cross_checks(source, pairs, common)
    judgement = scheme_point(
        "judgement",
        f"Weighs the provenance of {name} against how far the notes confirm its content, and "
        "reaches a judgement on its reliability.",
        (source.id,),
    )
    parts = [p.text.split(": ", 1)[-1] for p in provenance[:4]]
    parts.extend(c.text for c in checks[:2])
    if checks:
        parts.append(
            f"So {name} is reliable where the notes bear it out, but its provenance means it "
            "should be checked against other evidence"
        )
    else:
        parts.append(
            f"So the reliability of {name} rests mainly on its provenance, and it should be "
            "checked against other evidence"
        )
    return _question(
        style="reliability",
        text=text,
        source=source,
        points=[*provenance, *checks, *knowledge[:3], judgement],
        reference=_tidy(" ".join(as_sentence(p) for p in parts)),
    )


def _cross_checks(
    source: Source, pairs: list[tuple[Section, Point]], common: frozenset[str]
) -> list[SchemePoint]:
    """Claims of the source that the notes bear out (same period, shared distinctive words)."""
    found: list[SchemePoint] = []
    for claim in source.claims:
        claim_tokens = content_tokens(claim.text) - common
        for _, point in pairs:
            if point.period is None or not point.period.overlaps(claim.period):
                continue
            if len(claim_tokens & content_tokens(point.full_text)) >= 2:
                found.append(
                    scheme_point(
                        "own_knowledge",
                        f"The notes bear out the claim {quote(claim.text)}: "
                        f"{point.title} - {point.text}",
                        (source.id, point.id),
                    )
                )
                break
    return found


def _interpretation(
    topic: Topic,
    name: str,
    source: Source,
    subject: SourceSubject,
    pairs: list[tuple[Section, Point]],
) -> SourceQuestion | None:
    view = interpretation_view(topic, source, subject)
    if view is None:
        return None
    text = (
        f"How far does {name} support the view that {view.statement}? Use {name} and your own "
        "knowledge to explain your answer."
    )
    points = [
        scheme_point("content", f'Supports the view: the source says "{s}"', (source.id,))
        for s in view.supporting
    ]
    points += [
        scheme_point("content", f'Challenges the view: the source says "{s}"', (source.id,))
        for s in view.challenging
    ]
    points += [
        scheme_point("own_knowledge", f"{label}: {p.title} - {p.text}", (p.id, source.id))
        for label, p in view.knowledge
    ]
    points.append(
        scheme_point(
            "judgement",
            f"Reaches a substantiated judgement on how far {name} supports the view, weighing "
            "the evidence on both sides.",
            (source.id,),
        )
    )
    del pairs
    return _question(
        style="interpretation",
        text=text,
        source=source,
        points=points,
        reference=_tidy(view.reference(name)),
    )


_STYLE_WORDS = (
    ("usefulness", re.compile(r"\buseful", re.I)),
    ("reliability", re.compile(r"\breliab|\btrust", re.I)),
    ("interpretation", re.compile(r"\bsupport\s+the\s+view|\bhow\s+far|to\s+what\s+extent", re.I)),
    ("change", re.compile(r"\bchange", re.I)),
    ("inference", re.compile(r"\blearn\b|\binfer|\bsuggest", re.I)),
)


def _style_of(text: str) -> str | None:
    return next((style for style, pattern in _STYLE_WORDS if pattern.search(text)), None)


_GENERIC = frozenset(
    "describe explain give identify outline two three one reasons reason ways marks".split()  # noqa: SIM905
)


def _points_about(topic: Topic, text: str, limit: int = 3) -> list[Point]:
    """The points of the notes that share the most distinctive words with a short question
    (a word found in few points, such as a name, counts for more than a common one)."""
    wanted = {w for w in significant_words(text) if w not in _GENERIC}
    bags = [(point, set(significant_words(point.full_text))) for _, point in topic.points()]
    spread = {w: sum(1 for _, bag in bags if w in bag) for w in wanted}
    scored: list[tuple[float, int, Point]] = []
    for index, (point, bag) in enumerate(bags):
        score = sum(1 / spread[w] for w in wanted & bag)
        if score:
            scored.append((-score, index, point))
    scored.sort(key=lambda item: item[:2])
    if not scored:
        return []
    best = -scored[0][0]
    return [point for score, _, point in scored[:limit] if -score >= 0.75 * best]


def _notes_question(
    topic: Topic, asked: Question, generated: list[SourceQuestion]
) -> SourceQuestion | None:
    """A question the notes set, with a generic levels scheme from its source and the notes."""
    named = [] if is_essay_question(asked.text) else _named_sources(topic, asked)
    marks = asked.marks or _guess_marks(asked.text)
    points: list[SchemePoint] = []
    reference = ""
    for source in named:
        subject = find_subject(topic, source)
        points += content_points(source, subject, limit=3)
        if re.search(r"\b(?:useful|reliab|trust|provenance|purpose)", asked.text, re.I):
            points += provenance_points(topic, source, read_provenance(topic, source))
        points += knowledge_points(relevant_points(topic, source, limit=3), source)
    if not named:
        try:
            plan = plan_essay(topic, asked.text)
        except InputError:
            # "Describe two aims of Clemenceau (4 marks)" is no essay: credit the points it is about
            matches = _points_about(topic, asked.text)
            points = [
                scheme_point("own_knowledge", as_sentence(p.full_text), (p.id,)) for p in matches
            ]
            reference = " ".join(as_sentence(p.full_text) for p in matches)
        else:
            for pid in plan.source_ids[:8]:
                point = topic.find_point(pid)
                if point is not None:
                    points.append(
                        scheme_point("own_knowledge", as_sentence(point.full_text), (pid,))
                    )
            reference = " ".join(p.text for p in plan.paragraphs if p.role != "link")
    else:
        style = _style_of(asked.text)
        enquiry = _ENQUIRY.search(asked.text)
        exam = _exam_styled(topic, asked, named, generated, marks, style, enquiry)
        if exam is not None:
            return exam
        if style == "usefulness" and enquiry:
            matching = [
                _usefulness_for(
                    topic, source, enquiry.group("what") or enquiry.group("what2")
                ).mark_scheme.reference
                for source in named
            ]
        else:
            matching = [
                q.mark_scheme.reference
                for source in named
                for q in generated
                if q.source_id == source.id and q.style == style
            ]
        reference = " ".join(matching) or " ".join(p.text for p in points[:4])
    if not points:
        return None
    scheme = build_scheme(
        style="notes",
        max_marks=marks,
        points=points,
        reference=_tidy(reference),
        source_text="\n\n".join(s.text for s in named),
    )
    ids = tuple(dict.fromkeys(sid for p in scheme.points for sid in p.source_ids))
    return SourceQuestion(
        id=content_id("sq", "notes", asked.text),
        source_id=named[0].id if named else None,
        style="notes",
        text=asked.text,
        marks=marks,
        mark_scheme=scheme,
        source_ids=ids,
    )


def _exam_styled(
    topic: Topic,
    asked: Question,
    named: list[Source],
    generated: list[SourceQuestion],
    marks: int,
    style: str | None,
    enquiry: re.Match[str] | None,
) -> SourceQuestion | None:
    """A notes' question on one source in an exam style ("How far do you agree with
    Interpretation 1 ...?"): the scheme of Clio's own question of that style on that source,
    with the notes' wording and tariff."""
    if style is None or len(named) != 1:
        return None
    source = named[0]
    if style == "usefulness" and enquiry:
        base: SourceQuestion | None = _usefulness_for(
            topic, source, enquiry.group("what") or enquiry.group("what2")
        )
    else:
        base = next((q for q in generated if q.source_id == source.id and q.style == style), None)
    if base is None:
        return None
    scheme = build_scheme(
        style=style,
        max_marks=marks,
        points=list(base.mark_scheme.points),
        reference=base.mark_scheme.reference,
        source_text=source.text,
    )
    cited = tuple(dict.fromkeys(sid for p in scheme.points for sid in p.source_ids))
    return SourceQuestion(
        id=content_id("sq", "notes", asked.text),
        source_id=source.id,
        style=style,
        text=asked.text,
        marks=marks,
        mark_scheme=scheme,
        source_ids=cited or (source.id,),
    )


_ENQUIRY = re.compile(
    r"\b(?:enquiry|inquiry|investigation)\s+into\s+(?P<what>.+?)\s*[?.]|"
    r"\bhistorian\s+(?:studying|investigating)\s+(?P<what2>.+?)\s*[?.]",
    re.I,
)


def _usefulness_for(topic: Topic, source: Source, enquiry: str) -> SourceQuestion:
    """The usefulness question on ``source`` for an enquiry the notes' own question names."""
    subject = replace(find_subject(topic, source), enquiry=enquiry)
    provenance = read_provenance(topic, source)
    common = common_tokens(topic, subject)
    pairs = relevant_points(topic, source, common=common)
    return _usefulness(
        source_name(topic, source),
        source,
        subject,
        content_points(source, subject),
        provenance_points(topic, source, provenance),
        knowledge_points(pairs, source),
        pairs,
    )


_SOURCE_WORDS = re.compile(
    r"\b(?:sources?|passage|extract|cartoon|interpretation|document)\b", re.I
)


def is_essay_question(text: str) -> bool:
    """True for a set question that is an essay (why / how far) rather than a source question."""
    return ESSAY_QUESTION.match(text.strip()) is not None and not _SOURCE_WORDS.search(text)


def _named_sources(topic: Topic, asked: Question) -> list[Source]:
    found = [s for s in topic.sources if s.id == asked.source_id]
    letters = re.findall(r"\bSources?\s+([A-Z])(?:\s*(?:,|and|&)\s*([A-Z]))?", asked.text)
    wanted = {f"Source {x}" for pair in letters for x in pair if x}
    found += [s for s in topic.sources if s.label in wanted and s not in found]
    if not found and re.search(r"\bthe\s+(?:source|passage|extract)\b", asked.text, re.I):
        found = list(topic.sources[:1])
    return found


def _guess_marks(text: str) -> int:
    low = text.lower()
    if "how far" in low or "to what extent" in low:
        return 16
    if "explain why" in low or low.startswith("why"):
        return 12
    if "useful" in low or "reliab" in low:
        return 8
    return 4


def _dated_title(point: Point) -> str:
    name = strip_trailing_date(point.title) if point.title else point.text
    return f"{name} ({point.period.label()})" if point.period else name


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\.\.+", ".", text)
