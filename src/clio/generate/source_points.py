"""Indicative content for source mark schemes: inferences, provenance comments, own knowledge."""

from __future__ import annotations

from clio.generate.essay_text import as_sentence, lower_first, sentences, strip_trailing_date
from clio.generate.mark_schemes import scheme_point
from clio.generate.source_provenance import Provenance, cold_war_note, timing_note
from clio.generate.source_subjects import SourceSubject
from clio.generate.source_views import requote
from clio.generate.themes import classify_theme
from clio.model.marking import SchemePoint
from clio.model.topic import Point, Section, Source, Topic


def inference_for(sentence: str, subject: SourceSubject) -> str | None:
    """What a sentence of the source lets a student infer, by the theme of its words."""
    theme = classify_theme("", sentence)
    holder, target = subject.holder, subject.target
    if holder and not target:
        by_theme = {
            "military": f"{holder} saw the situation as a military threat",
            "ideological": f"{holder} saw the situation in terms of ideas and beliefs",
            "political": f"{holder} was concerned with politics and power",
            "economic": f"{holder} saw economic issues at stake",
        }
        return by_theme.get(theme or "")
    if holder and target and holder != target:
        by_theme = {
            "military": f"{holder} came to see {target} as a military threat",
            "ideological": f"{holder} judged {target} in terms of ideology",
            "political": f"{holder} distrusted the political aims of {target}",
            "economic": f"economic relations shaped {holder}'s view of {target}",
            "personal/diplomatic": f"relations between {holder} and {target} were changing",
        }
        return by_theme.get(theme or "")
    # With nobody whose views the source reports, a theme alone ("blockade" -> military) is too
    # little to infer from: a cartoon of an airlift does not show "a military threat".
    return None


def content_points(source: Source, subject: SourceSubject, *, limit: int = 5) -> list[SchemePoint]:
    """Inferences from the source, each supported by the detail it rests on."""
    found: list[SchemePoint] = []
    for sentence in _key_sentences(source, subject)[:limit]:
        inference = inference_for(sentence, subject)
        said = requote(sentence)
        if inference:
            text = f'The source suggests that {inference}: it says "{said}"'
        else:
            text = f'The source says that "{said}"'
        found.append(scheme_point("content", text, (source.id,)))
    return found


def _key_sentences(source: Source, subject: SourceSubject) -> list[str]:
    views = [c.text for c in subject.dated_views]
    rest = [s for s in sentences(source.text) if s not in views]
    return list(dict.fromkeys(views + rest))


def provenance_points(topic: Topic, source: Source, provenance: Provenance) -> list[SchemePoint]:
    """Specific comments on nature, origin and purpose (never a bare "it is biased")."""
    ids = (source.id,)
    author = provenance.author or "the author"
    found: list[str] = []
    if provenance.nature:
        found.append(
            f"Nature: the source is {provenance.nature}; {provenance.strength}, but "
            f"{provenance.limitation}."
        )
    if provenance.who:
        found.append(f"Origin: {author} was {provenance.who}.")
    elif provenance.author:
        found.append(f"Origin: the source comes from {author}.")
    if provenance.involved:
        point = provenance.involved[0]
        found.append(
            f"Origin: {author} took part in the events; the notes record that "
            f"{lower_first(sentences(point.text)[0].rstrip('.')) if point.text else point.title}."
        )
    elif provenance.kind == "study":
        found.append(
            f"Origin: {author} did not take part in the events, so the source is a "
            "secondary interpretation rather than an eyewitness account."
        )
    timing = timing_note(topic, source, provenance)
    if timing:
        found.append(f"Date: {timing}")
    if provenance.access:
        found.append(
            f"Evidence base: the author worked from {provenance.access}, so the source shows "
            "what was published or chosen for publication, not private discussions or secret "
            "documents."
        )
    if provenance.purpose:
        audience = f", aimed at {provenance.audience}" if provenance.audience else ""
        found.append(f"Purpose: its purpose was {provenance.purpose}{audience}.")
    cold_war = cold_war_note(provenance, source.text)
    if cold_war:
        found.append(f"Context: {cold_war}")
    return [scheme_point("provenance", as_sentence(text), ids) for text in found]


def knowledge_points(pairs: list[tuple[Section, Point]], source: Source) -> list[SchemePoint]:
    """Own knowledge from the notes: the relevant points, each citing the point it comes from."""
    found: list[SchemePoint] = []
    for section, point in pairs:
        dated_title = strip_trailing_date(point.title) != point.title.strip()
        when = f" ({point.period.label()})" if point.period and not dated_title else ""
        text = f"{point.title}{when}: {point.text}" if point.title else point.text
        del section
        found.append(scheme_point("own_knowledge", as_sentence(text), (point.id, source.id)))
    return found
