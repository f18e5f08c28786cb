"""Answer a question from the notes, with citations, or say honestly that the notes don't say."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clio.errors import InputError
from clio.model.period import Period
from clio.model.topic import Topic
from clio.parse import find_dates, parse_period
from clio.search.binding import (
    says_event,
    says_of_person,
    says_other_object,
    says_scope,
    unit_tokens,
)
from clio.search.extract import Span, extract_span
from clio.search.index import SearchIndex, Unit, UnitKind, build_index
from clio.search.names import NameKind, find_names
from clio.search.qtype import (
    ACTIVE_WHO,
    ROLE_NOUN,
    AnswerType,
    answer_type,
    definition_subject,
    strip_asking,
)
from clio.search.relations import (
    asked_work,
    asks_authorship,
    asks_winner,
    counted_fate,
    counts_other_event,
    fates,
    other_phase,
    says_phase,
    says_winner,
)
from clio.search.retrieve import Hit, Query, coverage, prepare_query, retrieve, sigmoid
from clio.search.text import is_demonym, split_sentences, stem, tokens, words

NOT_IN_NOTES = "The notes don't say."
RERANK = 4
MAX_QUESTION = 500
UNTYPED_CAP = 0.3
_TYPED = frozenset(
    {AnswerType.DATE, AnswerType.NUMBER, AnswerType.PERSON, AnswerType.PLACE, AnswerType.REASON}
)
_BOUND = frozenset({AnswerType.DATE, AnswerType.PLACE})
_SCOPED = frozenset({AnswerType.DATE, AnswerType.NUMBER})
# a name the question gives must be in the answer's passage ("How many people died storming the
# Bastille?" is not answered by the Vendée's dead)
_NAMED = frozenset({AnswerType.PERSON, AnswerType.NUMBER, AnswerType.DATE})


@dataclass(frozen=True, kw_only=True)
class Calibration:
    """Logistic weights turning answer evidence into a confidence, and the refusal threshold."""

    weights: tuple[float, ...]
    bias: float
    threshold: float


# Fitted by `python benchmarks/ask.py --fit` on tests/fixtures/ask/questions.json (see docs/ask.md).
FEATURES = (
    "coverage", "common_coverage", "cosine", "typed", "unknown", "unknown_names", "span",
    "year_mismatch",
)  # fmt: skip
CALIBRATION = Calibration(
    weights=(1.415, 3.017, 2.382, 0.919, -0.853, -2.575, 0.575, -1.465),
    bias=-2.433,
    threshold=0.669,
)


@dataclass(frozen=True, kw_only=True)
class Citation:
    """Where an answer comes from: a point, source or intro id and the sentence quoted."""

    ref_id: str
    kind: UnitKind
    quote: str
    topic_id: str


@dataclass(frozen=True, kw_only=True)
class Answer:
    """An answer from the notes; ``answered`` is False when the notes don't say."""

    question: str
    text: str
    citations: tuple[Citation, ...]
    confidence: float
    answered: bool
    context: str = ""
    answer_type: AnswerType = AnswerType.PHRASE
    nearest: tuple[Citation, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """A retrieved unit with the span extracted from it and its evidence features."""

    hit: Hit
    span: Span
    features: tuple[float, ...]
    off_time: bool = False


def _unknown_share(index: SearchIndex, query: Query) -> float:
    total = sum(query.weights.values())
    if total <= 0:
        return 1.0
    return sum(w for t, w in query.weights.items() if t not in index.df) / total


def _unknown_names(index: SearchIndex, query: Query) -> float:
    """1 when the question names someone or somewhere the notes never mention."""
    return 1.0 if any(t not in index.df for t in query.names) else 0.0


def _year_mismatch(question_years: set[int], unit: Unit) -> float:
    """1 when the question names years and the unit mentions none of them."""
    if not question_years:
        return 0.0
    spans = [m.period for m in find_dates(f"{unit.heading} {unit.text}")]
    if unit.period is not None:
        spans.append(unit.period)
    for period in spans:
        if any(period.start.year <= y <= period.end.year for y in question_years):
            return 0.0
    return 1.0


_EVENT_CLAUSE = re.compile(
    r"^.+?\b(?:when|while|as soon as|at the time)\s+(?P<event>.{4,}?)\s*\??\s*$", re.I
)


def _event_period(index: SearchIndex, question: str) -> Period | None:
    """When the notes date the event a question times itself by ("... when Saigon fell")."""
    match = _EVENT_CLAUSE.match(question)
    if not match:
        return None
    # Words only (no second encoder call): the event must be named in full anyway.
    hits = retrieve(index, prepare_query(index, match.group("event"), embed=False), k=1)
    if not hits or hits[0].coverage < 0.99:
        return None  # only an event the notes plainly name (all its words in one unit)
    return index.units[hits[0].unit].period


def _off_time(event: Period | None, unit: Unit) -> bool:
    """True when the unit is dated and its dates miss the question's event entirely."""
    if event is None:
        return False
    # The unit's own dates; its section heading's span only when it has none.
    spans = [m.period for m in find_dates(unit.text)]
    if unit.period is not None:
        spans.append(unit.period)
    if not spans:
        spans = [m.period for m in find_dates(unit.heading)]
    return bool(spans) and not any(p.overlaps(event) for p in spans)


def _lacks_title(index: SearchIndex, question: str, kind: AnswerType, span: Span) -> bool:
    """A "who was president" answer without the title the notes give presidents ("President X")."""
    role = ROLE_NOUN.search(question) if kind is AnswerType.PERSON else None
    if role is None:
        return False
    title = role.group(0).lower().rstrip("s")
    if title in span.text.lower():
        return False
    pattern = re.compile(rf"\b{re.escape(title.capitalize())}\s+[A-Z]")
    return any(pattern.search(unit.text) for unit in index.units)


def _other_country(index: SearchIndex, question: str, kind: AnswerType, unit: Unit) -> bool:
    """A "Who was the French Prime Minister?" answered from a passage that never mentions
    France or the French: the role is there, but not of that country."""
    role = ROLE_NOUN.search(question) if kind is AnswerType.PERSON else None
    if role is None:
        return False
    asked = {stem(w) for w in words(question[: role.start()])[-2:] if is_demonym(w)}
    return bool(asked) and not asked <= unit_tokens(unit, expand=index.expand)


def candidates(index: SearchIndex, question: str) -> tuple[AnswerType, list[Candidate]]:
    """The question's type and its best candidate answers, best first (for answering and tuning)."""
    text = question.strip()
    if not text:
        raise InputError("the question is empty", field="question")
    if len(text) > MAX_QUESTION:
        raise InputError(f"the question is longer than {MAX_QUESTION} characters", field="question")
    kind = answer_type(text)
    query = prepare_query(index, text)
    unknown = _unknown_share(index, query)
    unknown_names = _unknown_names(index, query)
    years = {y for m in find_dates(text) for y in (m.period.start.year, m.period.end.year)}
    event = _event_period(index, text)
    found = []
    for hit in retrieve(index, query, k=RERANK):
        unit = index.units[hit.unit]
        span = extract_span(unit, text, kind, expand=index.expand)
        features = (
            hit.coverage,
            coverage(index, query, hit.unit, common=True),
            hit.cosine,
            float(span.typed),
            unknown,
            unknown_names,
            span.score,
            _year_mismatch(years, unit),
        )
        found.append(
            Candidate(hit=hit, span=span, features=features, off_time=_off_time(event, unit))
        )
    found.sort(
        key=lambda c: (
            -(
                c.hit.score
                + 0.3 * c.span.score
                + 0.25 * float(c.span.typed)
                - 0.3 * c.features[-1]
                - 0.5 * c.off_time
            )
        )
    )
    return kind, found


_WHY_HEADING = re.compile(r"^\W*(?:why|reasons?|causes?)\b", re.IGNORECASE)


def _section_reasons(index: SearchIndex, question: str, kind: AnswerType, unit: Unit) -> list[Unit]:
    """The points of the "Why ..." section whose question this one asks, or none."""
    if kind is not AnswerType.REASON or unit.kind is not UnitKind.POINT:
        return []
    if not _WHY_HEADING.match(unit.heading):
        return []
    asked = set(tokens(strip_asking(question), expand=index.expand))
    heading = _undated_words(index, _WHY_HEADING.sub("", unit.heading), dated=unit.heading)
    shared = asked & heading
    if not asked or not heading or len(shared) < 0.75 * max(len(asked), len(heading)):
        return []  # a narrower question ("Why did Mao resent ...?") wants the point's own reason
    return _section_points(index, unit)


def _section_described(index: SearchIndex, question: str, found: Sequence[Candidate]) -> list[Unit]:
    """For "What was X?" where X heads a section of its own ("Treaty of Friendship, Dec 1949"):
    the section's points, which together describe X; else none."""
    subject = definition_subject(question)
    wanted = set(tokens(subject, expand=index.expand)) if subject is not None else set()
    if not wanted:
        return []
    for candidate in found:
        unit = index.units[candidate.hit.unit]
        if unit.kind is not UnitKind.POINT:
            continue
        if _undated_words(index, unit.heading, dated=unit.heading) != wanted:
            continue
        points = _section_points(index, unit)
        if points:
            return points
    return []


def _undated_words(index: SearchIndex, text: str, *, dated: str) -> set[str]:
    """The words of ``text`` (a heading or part of it) but those of the dates in ``dated``."""
    said = set(tokens(text, expand=index.expand))
    return said - {t for m in find_dates(dated) for t in tokens(m.text)}


def _section_points(index: SearchIndex, unit: Unit) -> list[Unit]:
    """The points of a unit's section, when there are several and each has a title; else none."""
    points = [
        u
        for u in index.units
        if u.kind is UnitKind.POINT and u.topic_id == unit.topic_id and u.heading == unit.heading
    ]
    return points if len(points) > 1 and all(u.title for u in points) else []


def _section_answer(
    question: str, text: str, points: Sequence[Unit], confidence: float, kind: AnswerType
) -> Answer:
    """An answer made of a section's points, each cited with its explanation."""
    return Answer(
        question=question,
        text=text,
        citations=tuple(
            Citation(ref_id=u.ref_id, kind=u.kind, quote=_explanation(u), topic_id=u.topic_id)
            for u in points
        ),
        confidence=round(confidence, 4),
        answered=True,
        answer_type=kind,
    )


def _explanation(unit: Unit) -> str:
    """The first sentence a point gives after its title (the title itself when it has none)."""
    body = unit.text[len(unit.title) :].lstrip(": ") if unit.text.startswith(unit.title) else ""
    sentences = split_sentences(body)
    return sentences[0] if sentences else unit.title


def _ruled_out(index: SearchIndex, question: str, kind: AnswerType, candidate: Candidate) -> bool:
    """True when a candidate cannot answer, however well it matches the question's words."""
    unit = index.units[candidate.hit.unit]
    return (
        # A "who"/"when" answered by a sentence (or a date) is no answer: no span of the type.
        (kind in _TYPED and not candidate.span.typed)
        # ... nor an answer dated away from the event the question is timed by ("when Saigon
        # fell"), nor a role the notes use as a title ("President X") missing from the answer,
        or candidate.off_time
        or _lacks_title(index, question, kind, candidate.span)
        or _other_country(index, question, kind, unit)
        # ... nor another person's event ("When did Mao die?" from "within a month of his
        # [Stalin's] death").
        or (kind in _BOUND and not says_of_person(unit, question, expand=index.expand))
        or (kind in _BOUND and not says_event(unit, question, expand=index.expand))
        or (kind in _BOUND and says_other_object(unit, question, expand=index.expand))
        # ... nor the date a passage is filed under (its title's or heading's) unless the
        # passage says all of the question's event ("When did the USSR withdraw its experts?"
        # against a point about the experts that never says they were withdrawn)
        or (
            kind is AnswerType.DATE
            and candidate.span.quote in (unit.title, unit.heading)
            and not _dates_event(index, question, unit, candidate.span)
        )
        or (kind is AnswerType.DATE and _outside_bound(question, candidate.span))
        or (
            kind in _SCOPED
            and not says_scope(
                unit, question, expand=index.expand, topic_title=_topic_title(index, unit)
            )
        )
        # ... nor a person from a sentence that never names what the question names ("Who led
        # the Gestapo?" answered from "The SS, led by Heinrich Himmler, ...").
        or (kind in _NAMED and _names_elsewhere(index, question, unit, candidate))
        or _relation_unsaid(question, kind, unit, candidate.span)
    )


_PROVENANCE = re.compile(r"^\W*(?:(?:adapted|taken|extracts?)\s+)?from\b", re.IGNORECASE)


_DESCRIBED_SUBJECT = re.compile(
    r"^\W*(?:who|whom)\s+(?:did|does|do|had|has|have|would|will|could|should)\s+"
    r"(?:the|a|an)\s+(?P<rest>[^?]+)",
    re.IGNORECASE,
)


def _subject_unsaid(question: str, said: str) -> bool:
    """True when a question asks whom someone it describes did something to ("Who did the Dutch
    communist work for?") and the answer's sentence does not speak of that someone: "... a
    communist uprising and persuaded President Hindenburg" is about Hitler."""
    match = _DESCRIBED_SUBJECT.match(question)
    if not match:
        return False
    wanted = set(tokens(match["rest"]))
    return len(wanted - set(tokens(said))) > 1


def _object_unsaid(question: str, said: str) -> bool:
    """True when "Who <verb> <object>?" is answered by a sentence that never names the object:
    "Who discovered penicillin?" is not answered by "James Simpson discovered the anaesthetic
    effects of chloroform" (all of a short object must be there, all but one word of a long
    one, which the notes may word otherwise)."""
    match = ACTIVE_WHO.match(question)
    if not match:
        return False
    wanted = set(tokens(match["rest"]))
    missing = len(wanted - set(tokens(said)))
    return missing > (1 if len(wanted) > 2 else 0)


def _topic_title(index: SearchIndex, unit: Unit) -> str:
    """The title of the sheet a unit comes from ("" when the index does not keep its topics)."""
    return next((t.title for t in index.topics if t.id == unit.topic_id), "")


_BOUND_DATE = re.compile(r"\b(?P<side>before|after)\s+(?P<date>.+?)\s*\??\s*$", re.IGNORECASE)


def _outside_bound(question: str, span: Span) -> bool:
    """True when a date answer breaks the bound the question sets: "When had the
    Estates-General last met before 1789?" is not answered by "May 1789"."""
    bound = _BOUND_DATE.search(question)
    if bound is None:
        return False
    limits = [m.period for m in find_dates(bound["date"]) if m.start == 0]
    answer = parse_period(span.text)
    if not limits or answer is None:
        return False
    if bound["side"].lower() == "before":
        return answer.start.first_day() >= limits[0].start.first_day()
    return answer.end.last_day() <= limits[0].end.last_day()


def _dates_event(index: SearchIndex, question: str, unit: Unit, span: Span) -> bool:
    """True when the date a passage is filed under answers the question: the passage says all
    of its event, and when it asks when the event ended (or began), the passage says it ended
    (or began), or the date is a range ("First Five-Year Plan, 1928-32" ended in 1932)."""
    if not says_event(unit, question, expand=index.expand, every=True):
        return False
    ranged = any(m.period.is_range for m in find_dates(span.quote))
    return ranged or says_phase(question, unit.text)


def _relation_unsaid(question: str, kind: AnswerType, unit: Unit, span: Span) -> bool:
    """True when the answer's sentence lacks what the question asks of it beyond its type: the
    fate a count is of ("How many kulaks died?" against "about 5 million were deported"), a
    winner ("Who won the 1932 election?" against a campaign speech's author), or, for a
    source's provenance, a question about who made the source."""
    said = f"{span.quote} {unit.title}"
    if kind is AnswerType.NUMBER:
        fate = counted_fate(question)
        return (fate is not None and fate not in fates(said)) or counts_other_event(question, said)
    if kind is AnswerType.DATE:
        return other_phase(question, span.quote)
    if kind is not AnswerType.PERSON:
        return False
    # a person named in a title or heading ("Steve Biko") is the one the whole point is about
    # ("Popular Front: ...; it won the general election of February 1936")
    about = unit.text if span.quote in (unit.heading, unit.title) else span.quote
    if asks_winner(question) and not says_winner(about):
        return True
    if _agent_unsaid(question, span.quote):
        return True
    if _subject_unsaid(question, f"{about} {unit.title} {unit.heading}"):
        return True
    if _object_unsaid(question, f"{about} {unit.title} {unit.heading}"):
        return True
    work = asked_work(question)
    if work is not None and unit.kind is UnitKind.SOURCE and work in tokens(unit.heading):
        # "Who drew the cartoon?" of a cartoon: its author, not the people it shows
        return not unit.title or not (span.text in unit.title or unit.title in span.text)
    provenance = unit.kind is UnitKind.SOURCE and (
        span.quote == unit.heading
        or _PROVENANCE.match(span.quote) is not None
        or (bool(unit.title) and span.text in unit.title)
    )
    # A provenance line answers who made the source, and what it says of them ("Sir Edward
    # Grey, the British Foreign Secretary"), nothing else ("Who won the 1932 election?").
    return (
        provenance
        and not asks_authorship(question)
        and not set(tokens(strip_asking(question))) <= set(tokens(span.quote))
    )


_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+ed)\b(?P<rest>[^.;:]*)",
    re.IGNORECASE,
)
_BY = re.compile(r"\bby\b", re.IGNORECASE)


def _agent_unsaid(question: str, said: str) -> bool:
    """True for "Who murdered Rasputin?" against "... until he was murdered in December 1916":
    the sentence has the question's verb only in the passive, with no "by", so it names no
    doer (whoever else it names did something else)."""
    asked = ACTIVE_WHO.match(question)
    if asked is None or not asked["verb"].lower().endswith("ed"):
        return False
    verb = stem(asked["verb"])
    passives = [p for p in _PASSIVE.finditer(said) if stem(p["verb"]) == verb]
    if not passives or any(_BY.search(p["rest"]) for p in passives):
        return False
    uses = sum(stem(w) == verb for w in words(said))
    return uses == len(passives)  # the verb said of no one in the active


def _names_elsewhere(index: SearchIndex, question: str, unit: Unit, candidate: Candidate) -> bool:
    """True when the question names something (not the answer) that the answer's sentence, its
    point's title and heading never name."""
    asked = [
        n.text
        for n in find_names(question)
        if n.kind is not NameKind.PERSON and not is_demonym(n.text) and n.start > 0
    ]
    if not asked:
        return False
    quote = candidate.span.quote
    # a name found in the heading ("Steve Biko" over "Founded the Black Consciousness ...")
    # is about the whole point under it
    said = unit.text if quote in (unit.heading, unit.title) else quote
    title = _topic_title(index, unit)  # "in the Spanish Civil War" on a sheet about it
    around = set(tokens(f"{said} {unit.title} {unit.heading} {title}", expand=index.expand))
    passage = f"{said} {unit.title} {unit.heading} {title}"
    return not any(
        set(tokens(name, expand=index.expand)) <= around or _spelt_out(name, passage)
        for name in asked
    )


def _spelt_out(acronym: str, text: str) -> bool:
    """True when ``text`` gives an acronym in full ("CCP": "Chinese Communist Party")."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return False
    capitals = [w for w in words(text) if w[:1].isupper()]
    initials = "".join(w[0] for w in capitals)
    return acronym in initials


def confidence(features: Sequence[float], calibration: Calibration = CALIBRATION) -> float:
    """The calibrated probability that the best candidate answers the question."""
    z = calibration.bias + sum(w * x for w, x in zip(calibration.weights, features, strict=True))
    return sigmoid(z)


def answer_question(
    notes: SearchIndex | Sequence[Topic],
    question: str,
    *,
    calibration: Calibration = CALIBRATION,
) -> Answer:
    """Answer ``question`` from the notes (an index, or topics indexed on the fly)."""
    index = notes if isinstance(notes, SearchIndex) else build_index(notes)
    kind, found = candidates(index, question)
    text = question.strip()
    if not found:
        return Answer(
            question=text, text=NOT_IN_NOTES, citations=(), confidence=0.0, answered=False,
            answer_type=kind,
        )  # fmt: skip
    best, conf = found[0], confidence(found[0].features, calibration)
    # A candidate that cannot be the answer gives way to the next one that can: a figure, date
    # or name is evidence enough, but a reason from a passage about another event is not.
    for candidate in found if kind is not AnswerType.REASON else found[:1]:
        if not _ruled_out(index, text, kind, candidate):
            best, conf = candidate, confidence(candidate.features, calibration)
            break
    else:
        conf = min(conf, UNTYPED_CAP)
    unit = index.units[best.hit.unit]
    cite = Citation(
        ref_id=unit.ref_id, kind=unit.kind, quote=best.span.quote, topic_id=unit.topic_id
    )
    described = _section_described(index, text, found)
    if described:
        # "What was the Treaty of Friendship?" where the treaty heads a section: its points
        # (loans, experts, students, ports) are what the notes say it was.
        summary = f"{described[0].heading}: " + "; ".join(u.title for u in described)
        return _section_answer(text, summary, described, max(conf, calibration.threshold), kind)
    section = _section_reasons(index, text, kind, unit)
    if section and conf >= calibration.threshold:
        # "Why did China and the USSR split?" asks the question a "Why ..." section answers:
        # every point of that section is a reason, so all of them are the answer.
        return _section_answer(text, "; ".join(u.title for u in section), section, conf, kind)
    if conf < calibration.threshold:
        return Answer(
            question=text, text=NOT_IN_NOTES, citations=(), confidence=round(conf, 4),
            answered=False, answer_type=kind, nearest=(cite,),
        )  # fmt: skip
    return Answer(
        question=text,
        text=best.span.text,
        citations=(cite,),
        confidence=round(conf, 4),
        answered=True,
        context=unit.context,
        answer_type=kind,
    )
