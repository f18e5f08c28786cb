"""Answer-span extraction: the shortest span of a passage that answers the question's type."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta

from clio.model.period import MONTH_NAMES, Period, Precision
from clio.parse import find_dates, parse_period
from clio.parse.dates import DateMatch
from clio.parse.figures import WORD_NUMBERS
from clio.search.binding import last_person, unit_text
from clio.search.figures import clause_at, find_figures
from clio.search.index import Unit, UnitKind
from clio.search.names import Name, NameKind, find_names, has_place_word
from clio.search.qtype import ACTIVE_WHO, ROLE_NOUN, AnswerType, definition_subject
from clio.search.relations import names_event
from clio.search.text import STOP_WORDS, split_sentences, stem, tokens, words


@dataclass(frozen=True, kw_only=True)
class Span:
    """An answer found in a unit: the answer text, the sentence quoted, and how well it fits."""

    text: str
    quote: str
    score: float
    typed: bool


_FEELING = (
    r"(?:furious|angry|worried|afraid|alarmed|concerned|annoyed|upset|shocked|outraged|anxious|"
    r"fearful|horrified|disappointed|delighted|pleased|relieved|jealous|resentful)"
)
_REASON_MARKERS = re.compile(
    r"\b(?:because(?: of)?|since|as a result of|due to|owing to|for fear (?:of|that)|"
    r"in order to|so as to|to try to|as a deterrent|in protest at|in response to|after|when|"
    r"for \w+ing|by \w+ing|could not|did not|refused|"
    # a purpose: "declared war on Germany to defend the Treaty of London" (not "to the", "to China")
    r"to (?!(?:the|a|an|his|her|its|their|be|have|do|war|power|office)\b)(?-i:[a-z]+)|"
    # a feeling's cause: "Eisenhower was furious that he had not been told"
    rf"{_FEELING} (?:that|of)|fearing|hoping to)\b",
    re.IGNORECASE,
)
_CALL_WORDS = {stem(w) for w in ("call", "name", "describe", "term", "nickname", "label", "dub")}
_QUOTED = re.compile(r"(?<![\w])[‘'\"“]([^‘’\"“”]{2,60}?)[’'\"”](?![\w])")
_CLAUSE = re.compile(r"\s*(?:[,;:()]|\s[–—-]\s|\bbut\b|\bthough\b|\bwhich\b)\s*")


Finder = Callable[[str, str, AbstractSet[str], bool], list[tuple[str, float]]]


class QWords(frozenset[str]):
    """The question's tokens, knowing which of them come from names, and the last word of its
    main clause (its verb, mostly: "Where was the royal family caught when they ...?")."""

    names: frozenset[str] = frozenset()
    last: frozenset[str] = frozenset()


_TIMING_CLAUSE = re.compile(r"\s(?:when|while|after|before|as soon as)\s", re.I)


def _qset(question: str, expand: bool) -> QWords:
    q = QWords(tokens(question, expand=expand))
    q.names = frozenset(
        t for word in words(question)[1:] if word[:1].isupper() for t in tokens(word, expand=expand)
    )
    timing = _TIMING_CLAUSE.search(question)  # "... when they tried to escape" only times it
    main = question[: timing.start()] if timing is not None else question
    last = words(main)[-1:]
    if last and last[0].islower():
        q.last = frozenset(tokens(last[0], expand=expand))
    return q


def _overlap(text: str, qtokens: AbstractSet[str], expand: bool) -> float:
    found = set(tokens(text, expand=expand))
    return len(found & qtokens) / (len(qtokens) or 1)


def _in_question(candidate: str, question: str) -> bool:
    cand = {stem(w) for w in words(candidate) if w.lower() not in STOP_WORDS and w[:1].isalpha()}
    qwords = {stem(w) for w in words(question)}
    return bool(cand) and cand <= qwords


def _proximity(sentence: str, start: int, qtokens: AbstractSet[str], expand: bool) -> float:
    """Closeness of a span to the question's words in the sentence (1 = adjacent to all)."""
    nearest: dict[str, int] = {}
    for match in re.finditer(r"\S+", sentence):
        for token in set(tokens(match.group(0), expand=expand)) & qtokens:
            gap = start - match.end() if match.end() <= start else match.start() - start
            nearest[token] = min(nearest.get(token, len(sentence)), abs(gap))
    if not nearest:
        return 1.0 / (1.0 + len(sentence) / 40.0)
    # The question's ordinary words (the event) place an answer better than its names (the actors).
    names: frozenset[str] = getattr(qtokens, "names", frozenset())
    weights = {t: (1.0 if t in names else 3.0) for t in nearest}
    total = sum(weights.values())
    return sum(weights[t] / (1.0 + gap / 30.0) for t, gap in nearest.items()) / total


def _sentences(unit: Unit, kind: AnswerType) -> list[str]:
    # Headings carry dates ("Treaty of Friendship, Dec 1949") and authors (a source's citation).
    tail = [unit.heading] if kind in (AnswerType.DATE, AnswerType.PERSON) else []
    if unit.kind is UnitKind.POINT and unit.title and unit.text.startswith(unit.title):
        body = unit.text[len(unit.title) :].lstrip(": ")
        said = split_sentences(body)
        if said and _only_a_date(unit.title):
            # "5 May 1789 – Estates-General meets": the date and what happened are one saying
            return [f"{unit.title}: {said[0]}", *said[1:], *tail]
        return [unit.title, *said, *tail]
    return [*split_sentences(unit.text), *tail]


def _only_a_date(title: str) -> bool:
    """Whether a title is a date and nothing more ("5 May 1789", "1924")."""
    bare = title.strip(" ()[],:;–—-")
    found = find_dates(bare)
    return len(found) == 1 and found[0].text == bare


def _event_share(clause: str, q: AbstractSet[str], ex: bool) -> float:
    """The share of the question's event words (not its names) that ``clause`` contains."""
    events = set(q) - set(getattr(q, "names", frozenset()))
    if not events:
        return 0.0
    return len(events & set(tokens(clause, expand=ex))) / len(events)


def _most_precise(unit: Unit, span: Span) -> Span:
    """A date answer made as precise as the unit allows ("Sep 1976" -> "9 September 1976")."""
    period = parse_period(span.text)
    if period is None or period.precision is Precision.DAY or period.is_range:
        return span
    year = period.start.year
    finer = [
        (m, sentence)
        for sentence in _sentences(unit, AnswerType.DATE)
        for m in find_dates(sentence, year=year)
        if not m.period.is_range
        and m.period.precision is not period.precision
        and period.contains(m.period)
    ]
    if len({m.period.start for m, _ in finer}) != 1:
        return span  # none, or several dates inside it: keep what the answer said
    match, sentence = finer[0]
    return Span(text=match.text, quote=sentence, score=span.score, typed=True)


_PART_BREAK = re.compile(r"[,;]|\b(?:and|but|while|whereas)\b", re.IGNORECASE)


def _names_in_part(sentence: str, position: int, q: AbstractSet[str]) -> int:
    """How many of the question's name words the part of the sentence around ``position``
    (between commas, semicolons and "and", brackets included) has."""
    names: frozenset[str] = getattr(q, "names", frozenset())
    part = clause_at(sentence, position, breaks=_PART_BREAK)
    return len(set(tokens(part)) & names)


_ASKS_END = re.compile(r"\b(?:end|ended|finish|finished|stop|stopped|over)\s*\??\s*$", re.I)
_ASKS_START = re.compile(r"\b(?:begin|began|start|started)\b", re.I)


def _range_end(match: DateMatch, question: str) -> str:
    """ "When did the famine end?" from "from 1959 to 1961": 1961 (and "begin": 1959)."""
    period = match.period
    if not period.is_range or period.approximate:
        return match.text
    if _ASKS_END.search(question):
        return period.end.label()
    if _ASKS_START.search(question):
        return period.start.label()
    return match.text


def _dates_of(unit: Unit) -> Callable[[str, str, AbstractSet[str], bool], list[tuple[str, float]]]:
    # Dates without a year ("on 23 July") take the year the point is filed under, if only one.
    period = unit.period
    single = period is not None and period.start.year == period.end.year
    year = period.start.year if period is not None and single else None

    def find(
        sentence: str, question: str, q: AbstractSet[str], ex: bool
    ) -> list[tuple[str, float]]:
        out = []
        found = [m for m in find_dates(sentence, year=year) if m.text not in question]
        # "West Germany was created in May 1949 and East Germany in October 1949": when the
        # dates belong to different subjects, the one asked about picks its date.
        named = [_names_in_part(sentence, m.start, q) for m in found]
        best = max(named, default=0)
        for match, names_it in zip(found, named, strict=True):
            closeness = _proximity(sentence, match.start, q, ex)
            # The date a point is filed under ("Kim Il Sung, Jun 1950") is its main event's.
            if unit.period is not None and match.period.overlaps(unit.period):
                closeness += 1.0 if match.period.start.month == unit.period.start.month else 0.3
            # The date in the clause that names the question's event ("... and declared war on
            # 28 July"), not the one beside its actors ("sent Serbia an ultimatum on 23 July").
            share = _event_share(clause_at(sentence, match.start), q, ex)
            joined = _JOINED_CLAUSE.search(sentence[: match.start])
            if share == 0 and joined and _event_share(sentence[: joined.start()], q, ex) >= 0.5:
                # "The army swore an oath ..., and 90% voted ... on 19 August 1934": the date
                # belongs to another clause's event, not the one asked about.
                continue
            # (each date with a subject of its own: in "sent Serbia an ultimatum on 23 July and
            # declared war on 28 July" the second has none, and the event words decide)
            if names_it < best and min(named) > 0:
                continue  # another subject's date
            closeness += share
            out.append((_range_end(match, question), closeness))
        # "... two days later" counts from the point's date, unless the point's title is the
        # event asked about ("Nationalisation (26 July 1956)": "A week later Nasser ...")
        titled = _event_share(unit.title, q, ex) > 0 if unit.title else False
        later = None if titled else _later_date(sentence, unit.period)
        if later is not None:
            text, start = later
            share = _event_share(clause_at(sentence, start), q, ex)
            out.append((text, _proximity(sentence, start, q, ex) + share + 1.0))
        return out

    return find


_LATER = re.compile(
    r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>day|week|month|year)s?\s+(?:later|afterwards)\b",
    re.IGNORECASE,
)


def _later_date(sentence: str, period: Period | None) -> tuple[str, int] | None:
    """ "Britain declared war two days later" under "Invasion of Poland (1 September 1939)":
    the date it gives, worked out from the point's own date (at no finer a precision)."""
    match = _LATER.search(sentence)
    if match is None or period is None or period.is_range or period.approximate:
        return None
    word = match["n"].lower()
    count = int(WORD_NUMBERS[word]) if word in WORD_NUMBERS else int(word)
    unit = match["unit"].lower()
    start = period.start
    if unit in ("day", "week"):
        if start.day is None or start.month is None:
            return None
        day = date(start.year, start.month, start.day) + timedelta(
            days=count * (7 if unit == "week" else 1)
        )
        return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}", match.start()
    if unit == "month":
        if start.month is None:
            return None
        months = start.year * 12 + start.month - 1 + count
        return f"{MONTH_NAMES[months % 12]} {months // 12}", match.start()
    return str(start.year + count), match.start()


_JOINED_CLAUSE = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s+[^,;]*$", re.IGNORECASE)


def _figures_of(unit: Unit) -> Finder:
    def find(
        sentence: str, question: str, q: AbstractSet[str], ex: bool
    ) -> list[tuple[str, float]]:
        # the clause before a semicolon, for a figure whose unit it gives
        at = unit.text.find(sentence)
        before = unit.text[max(0, at - 300) : at].rstrip()
        prior = before.rsplit(".", 1)[-1] if at > 0 and before.endswith(";") else ""
        return [
            (span, _proximity(sentence, start, q, ex) + bonus)
            for span, start, bonus in find_figures(sentence, question, q, prior=prior)
        ]

    return find


def _names_of(
    kind: NameKind, unit: Unit
) -> Callable[[str, str, AbstractSet[str], bool], list[tuple[str, float]]]:
    def find(
        sentence: str, question: str, q: AbstractSet[str], ex: bool
    ) -> list[tuple[str, float]]:
        names = [
            n
            for n in find_names(sentence, unit.entities)
            if not _in_question(n.text, question)
            # "Who replaced Yezhov?": not Nikolai Yezhov, the one the question names
            and not (n.kind is NameKind.PERSON and _in_question(n.text.split()[-1], question))
            # "Who did the Dutch communist work for?": not "A Dutch communist, Marinus van der
            # Lubbe", the one the question is about
            and not (kind is NameKind.PERSON and _described(sentence, n, question))
        ]
        wanted = [n for n in names if n.kind is kind]
        # "Which river ...": rivers and seas are "the Nile", towns are "at Aswan".
        waters = kind is NameKind.PLACE and _WATER_ASKED.search(question) is not None
        if waters:
            wanted = sorted(
                {
                    *wanted,
                    *(n for n in names if n.kind is NameKind.OTHER and _after_the(sentence, n)),
                },
                key=lambda n: n.start,
            )
        penalty = 0.0
        if not wanted and kind is NameKind.PLACE:  # "Michigan University"
            wanted = [n for n in names if n.kind is NameKind.OTHER and has_place_word(n.text)]
            penalty = 0.2
        role = ROLE_NOUN.search(question)
        if not wanted and kind is NameKind.PERSON and role is None:  # "only the USSR"
            # ... but an event or a document did nothing ("the Great Terror")
            wanted = [n for n in names if n.kind is not NameKind.PERSON and not names_event(n.text)]
            penalty = 0.5
        focus = _focus_positions(sentence, question, ex)
        asked = {stem(w) for w in words(question) if w.lower() not in STOP_WORDS}
        voice = _PASSIVE_QUESTION.match(question) if kind is NameKind.PERSON else None
        passive = stem(voice["verb"]) if voice else None
        events = set(q) - set(getattr(q, "names", frozenset()))
        out = []
        if passive is not None:
            out.extend(_pronoun_patient(sentence, passive, unit))
        # "Who killed Röhm?": the doer comes before Röhm, not after ("... Röhm and other SA
        # leaders" are the ones it was done to).
        done_to = _object_position(sentence, question, q) if kind is NameKind.PERSON else None
        i = 0
        while i < len(wanted):
            first = last = wanted[i]
            while i + 1 < len(wanted) and _JOIN.fullmatch(sentence[last.end : wanted[i + 1].start]):
                i += 1
                last = wanted[i]  # "Dalian and Lushun", "Stalin and Mao"
            text = sentence[first.start : last.end]
            closeness = max(_proximity(sentence, n.start, q, ex) for n in (first, last))
            after_focus = any(0 <= first.start - f <= 12 for f in focus)
            # "Who armed the Red Guards?": the subject right before the question's verb.
            rest = _APPOSITION_AFTER.sub("", sentence[last.end :], count=1)
            follows = words(rest[:25])[:1]  # "Princip, a member of the Black Hand, shot"
            subject = bool(follows) and bool(set(tokens(follows[0], expand=ex)) & events)
            # "Bolsheviks' Red Guards" repeats the question; "President Johnson" fills its role.
            own = {stem(w) for w in words(text) if not ROLE_NOUN.fullmatch(w)}
            shared = bool(own & asked)
            if passive is not None:
                # "Who was dismissed?": the one it was done to, not the one who did it.
                subject = False
                done_to = _PASSIVE_OF.match(rest) and stem(words(rest)[1]) == passive
                after_verb = any(stem(w) == passive for w in words(sentence[: first.start])[-2:])
                bonus_passive = 1.0 if done_to or after_verb else -0.5
            else:
                bonus_passive = 0.0
            bonus = (0.6 if after_focus else 0.0) + (0.5 if subject else 0.0) + bonus_passive
            if waters and _after_the(sentence, first):
                bonus += 1.0
            if kind is NameKind.PLACE and _event_before(sentence, first.start, q, ex):
                bonus += 0.5  # "arrested at Varennes" for "Where was he caught?"
            if done_to is not None:
                bonus += 0.4 if last.end <= done_to else -0.8
            if role is not None and role.group(0).lower().rstrip("s") in text.lower():
                bonus += 1.0  # "Who was president ...": "President Johnson"
            out.append((text, closeness + bonus - penalty - (0.5 if shared else 0.0)))
            i += 1
        return out

    return find


def _event_before(sentence: str, start: int, q: AbstractSet[str], ex: bool) -> bool:
    """True when the last word of the question's main clause (its verb: "Where was the royal
    family caught ...?") comes just before ``start``: "arrested at" before "Varennes"."""
    last: frozenset[str] = getattr(q, "last", frozenset())
    before = words(sentence[max(0, start - 20) : start])[-3:]
    return bool(last) and bool(set(tokens(" ".join(before), expand=ex)) & last)


_OBJECT_QUESTION = re.compile(
    r"^\W*(?:who|whom)\s+(?:did|does|do|had|has|have|would|will|could|should)\b", re.I
)
_DESCRIPTION = r"(?:(?:a|an|the)\s+)?(?P<d>[\w’'-]+(?:\s+[\w’'-]+){0,3})"
_DESCRIPTION_BEFORE = re.compile(rf"(?:^|[,;:(]\s*){_DESCRIPTION},\s*$")
_DESCRIPTION_AFTER = re.compile(rf"^\s*,\s*{_DESCRIPTION}\s*[,;)]")


def _described(sentence: str, name: Name, question: str) -> bool:
    """True when ``name`` is in apposition to a description made of the words of a question
    that asks for someone else ("Who did the Dutch communist work for?" against "A Dutch
    communist, Marinus van der Lubbe, was arrested"): the question's subject, not its answer."""
    if not _OBJECT_QUESTION.match(question):
        return False
    asked = {stem(w) for w in words(question)}
    for found in (
        _DESCRIPTION_BEFORE.search(sentence[: name.start]),
        _DESCRIPTION_AFTER.match(sentence[name.end :]),
    ):
        if found is None:
            continue
        described = {stem(w) for w in words(found["d"]) if w.lower() not in STOP_WORDS}
        if described and described <= asked:
            return True
    return False


_WATER_ASKED = re.compile(r"\b(?:river|sea|ocean|lake|canal|strait|gulf)s?\b", re.I)


def _after_the(sentence: str, name: Name) -> bool:
    return re.search(r"\bthe\s+$", sentence[: name.start], re.I) is not None


def _object_position(sentence: str, question: str, q: AbstractSet[str]) -> int | None:
    """Where the person or thing an active "who" question names first appears in the sentence
    ("Who killed Röhm?" -> the position of "Röhm"), or None."""
    names: frozenset[str] = getattr(q, "names", frozenset())
    if not names or not ACTIVE_WHO.match(question):
        return None
    for word in re.finditer(r"[\w’'-]+", sentence):
        if set(tokens(word.group(0))) & names:
            return word.start()
    return None


_AGENT_WORDS = r"(?:\s+(?:mainly|mostly|largely|partly|jointly|chiefly|directly))?\s+by\s+"
_AGENT_END = re.compile(r"[,;:.()]|\s[–—-]\s|\s(?:which|who|that|in|on|at|after|before|to)\s")


def _agent(sentence: str, question: str, q: AbstractSet[str], ex: bool) -> list[tuple[str, float]]:
    """ "Who owned the company?" from "... which was owned mainly by British and French
    shareholders": the doer named after "by" when the sentence puts the question's verb in the
    passive."""
    match = ACTIVE_WHO.match(question)
    if not match:
        return []
    verb = stem(match["verb"])
    # ... or a work and its maker: "Who drew the cartoon?" from "A cartoon by David Low".
    works = {stem(w) for w in words(match["rest"])} & _WORKS
    out = []
    for word in re.finditer(r"[a-z]+", sentence):
        found = stem(word.group(0))
        if found != verb and found not in works:
            continue
        by = re.compile(_AGENT_WORDS, re.I).match(sentence, word.end())
        if not by:
            continue
        rest = sentence[by.end() :]
        stop = _AGENT_END.search(rest)
        agent = rest[: stop.start() if stop else len(rest)].strip()
        if agent and len(words(agent)) <= 6 and not _in_question(agent, question):
            out.append((agent, 3.0 if found == verb else 2.0))
    return out


_GROUP_BEFORE = re.compile(
    r"\b(?P<np>(?i:the|an?|many|some|most)\s+(?:[\w’'-]+\s+){0,2}?[a-z][\w’'-]*)\s+"
    r"(?:(?:who|that)\s+)?(?:(?:had|have|has|also|then|\w+ly)\s+)?$"
)


def _doer_group(
    sentence: str, question: str, q: AbstractSet[str], ex: bool
) -> list[tuple[str, float]]:
    """ "Who stormed the Tuileries?" from "the sans-culottes stormed the Tuileries Palace";
    "Who signed the armistice?" from "... blamed the politicians who signed the armistice":
    the people (no name, a group) right before the question's verb."""
    match = ACTIVE_WHO.match(question)
    if not match:
        return []
    verb = set(tokens(match["verb"], expand=ex))
    out = []
    for word in re.finditer(r"[a-z]+", sentence):
        if not verb or not set(tokens(word.group(0), expand=ex)) & verb:
            continue
        group = _GROUP_BEFORE.search(sentence[: word.start()])
        if group is None:
            continue
        phrase = group["np"]
        head = words(phrase)[-1].lower()
        if head in STOP_WORDS or _in_question(phrase, question):
            continue
        out.append((phrase, 2.0))
    return out


_WORKS = frozenset(
    stem(w)
    for w in [
        "cartoon", "poster", "painting", "photograph", "speech", "letter", "book", "article",
        "report", "diary", "memoir", "memoirs", "telegram", "broadcast", "song", "poem", "novel",
        "film", "pamphlet", "leaflet", "drawing", "sketch", "interview", "account",
    ]
)  # fmt: skip


_PASSIVE_ASKED = re.compile(
    r"^\W*(?:which|what)\s+(?:(?P<noun>[\w’'-]+(?:\s+[\w’'-]+){0,2}?)\s+)?"
    r"(?:was|were|had been|has been)"
    r"\s+(?P<verb>[a-z]+(?:ed|en|wn|t))\b",
    re.I,
)
_PASSIVE_AUX = re.compile(
    r"\s+(?:(?:had|has|have)\s+)?(?:(?:already|also|then|soon|later|finally|\w+ly)\s+)?"
    r"(?:been|was|were|is|are)\s+(?:(?:already|also|then|soon|later|finally|\w+ly)\s+)?"
    r"(?P<verb>[a-z]+)\b",
    re.I,
)


_HAPPENED_TO = re.compile(r"^\W*what\s+happened\s+to\s+(?P<subject>[^?]+?)\s*\??\s*$", re.I)
_TO_DO = re.compile(
    r"^\W*what\s+(?:did|does|do|would|will|could)\s+(?P<middle>.+?)\s+to\s+do\b", re.I
)
_PREDICATE_END = re.compile(
    r"[;:.()]|,\s*(?:and|but|while|which)\b|\s(?:and|but)\s+(?:the|a|an|[A-Z])"
)


_SAID_OF = re.compile(
    r"\s*(?:,|\s)\s*(?:(?:was|were|had|has|have|is|are|been|also|then|soon|later)\b|[a-z]+ed\b)",
    re.I,
)


def _predicate(
    sentence: str, question: str, q: AbstractSet[str], ex: bool
) -> list[tuple[str, float]]:
    """ "What happened to the Communist deputies?" -> "had been arrested" (what the sentence
    says of them); "What did the act allow Hitler to do?" -> "make laws without the Reichstag"."""
    happened = _HAPPENED_TO.match(question)
    to_do = _TO_DO.match(question)
    if happened:
        subject = [stem(w) for w in words(happened["subject"]) if w.lower() not in STOP_WORDS]
        starts = [m for m in re.finditer(r"[\w’'-]+", sentence) if stem(m.group(0)) == subject[-1]]
        start = starts[0].end() if starts and subject else -1
    elif to_do:
        verbs = {stem(w) for w in words(to_do["middle"]) if w.islower() and w not in STOP_WORDS}
        start = -1
        for m in re.finditer(r"[a-z]+", sentence):
            after = re.compile(r"\s+(?:[\w’'-]+\s+){1,4}?to\s+").match(sentence, m.end())
            if stem(m.group(0)) in verbs and after:
                start = after.end()
                break
    else:
        return []
    if start < 0:
        return []
    rest = sentence[start:]
    if happened and not _SAID_OF.match(rest):
        return []  # "shot Röhm and other SA leaders": Röhm is not the one doing anything here
    stop = _PREDICATE_END.search(rest)
    text = rest[: stop.start() if stop else len(rest)].strip(" ,")
    for found in find_dates(text):
        if not text[found.end :].strip(" .)"):
            text = text[: found.start].rstrip(" ,(")  # "banned, May 1933" (a title's date)
    return [(text, 2.5)] if 0 < len(words(text)) <= 12 else []


_FINAL_VERB = re.compile(
    r"^\W*what\s+(?:did|does|do|were|was|had|have|would|could)\s+.+?\s(?P<before>\w+)\s+"
    r"(?P<verb>[a-z]+)\s*\??\s*$",
    re.I,
)
_ACTIVE_WHAT = re.compile(
    r"^\W*what\s+(?:did|does|do)\s+(?:the\s+)?(?-i:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+"
    r"(?P<verb>(?-i:[a-z]+))(?:\s+(?:on|in|at|during|after|before|by)\b[^?]*)?\s*\??\s*$",
    re.I,
)
_OBJECT_END = re.compile(
    r"[,;:.()]|\s[–—-]\s|\s(?:but|while|whereas|which|who)\s|\sand\s+(?=[A-Z])"
)


def _object_of(
    sentence: str, question: str, q: AbstractSet[str], ex: bool
) -> list[tuple[str, float]]:
    """ "What were people ordered to make?" -> "steel in backyard furnaces": what follows the
    question's last verb in the sentence, up to the end of its clause."""
    asked = _FINAL_VERB.match(question)
    if asked and asked["before"].lower() == "to":
        verb = set(tokens(asked["verb"], expand=ex))
    else:  # only "... to make?": "What was abolished?" is passive, "gold reserves" a noun
        active = _ACTIVE_WHAT.match(question)  # ... or "What did the Red Guards capture?"
        if active is None or active["verb"].lower() in STOP_WORDS:
            return []
        verb = set(tokens(active["verb"], expand=ex))
    for word in re.finditer(r"[a-z]+", sentence):
        if not verb or not set(tokens(word.group(0), expand=ex)) & verb:
            continue
        rest = sentence[word.end() :]
        stop = _OBJECT_END.search(rest)
        text = rest[: stop.start() if stop else len(rest)].strip()
        if 0 < len(words(text)) <= 8 and not _in_question(text, question):
            return [(text, 2.0)]
    return []


def _passive_subject(
    sentence: str, question: str, q: AbstractSet[str], ex: bool
) -> list[tuple[str, float]]:
    """ "Which party was banned in June?" from "The SPD had already been banned in June": the
    name the sentence says the question's verb was done to."""
    asked = _PASSIVE_ASKED.match(question)
    if not asked:
        return []
    verb = stem(asked["verb"])
    out = []
    names = find_names(sentence)
    for aux in _PASSIVE_AUX.finditer(sentence):
        if stem(aux["verb"]) != verb:
            continue
        before = [
            n for n in names if n.end <= aux.start() and not sentence[n.end : aux.start()].strip()
        ]
        if before and not _in_question(before[-1].text, question):
            start = before[-1].start
            lead = sentence[max(0, start - 4) : start]
            text = ("the " if lead.lower() == "the " else "") + before[-1].text
            out.append((text, 3.0))
        elif not before:
            # no name: the clause's own subject ("Private plots were abolished")
            opening = _CLAUSE_START.split(sentence[: aux.start()])[-1].strip()
            if 0 < len(words(opening)) <= 5 and not _in_question(opening, question):
                out.append((opening, 2.5))
    return out


_CLAUSE_START = re.compile(r"[,;:()]|\s[–—-]\s|\b(?:and|but|while|whereas|which|that)\b", re.I)


_PASSIVE_QUESTION = re.compile(
    r"^\W*(?:who|whom)\s+(?:was|were|had\s+been|got)\s+(?P<verb>[a-z]+(?:ed|en|wn|t))\b", re.I
)
_PASSIVE_OF = re.compile(r"^\s+(?:was|were|had been)\s+\w+", re.I)
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b", re.I)


def _pronoun_patient(sentence: str, verb: str, unit: Unit) -> list[tuple[str, float]]:
    """ "Mao had him dismissed": the person "him" stands for, when the question is passive."""
    out: list[tuple[str, float]] = []
    patient: Name | None = None
    for match in _OBJECT_PRONOUN.finditer(sentence):
        near = words(sentence[match.end() : match.end() + 30])[:2]
        near += words(sentence[max(0, match.start() - 20) : match.start()])[-1:]
        if not any(stem(w) == verb for w in near):
            continue
        if patient is None:
            # The person named before this clause ("him" is not the clause's own subject, Mao).
            text = unit_text(unit)
            patient = last_person(unit, text[: max(text.find(sentence), 0)], titles=False)
            if patient is None:
                break
        out.append((patient.text, 1.5))
    return out


_APPOSITION_AFTER = re.compile(r"^\s*,[^,;]{1,60},")
_JOIN = re.compile(r"\s*(?:and|,|, and|&)\s*")
_FOCUS = re.compile(
    r"\b(?:which|what)\s+((?:[\w’'-]+\s+){0,3}?[\w’'-]+?)\s+(?:were|was|did|do|does|had|has|is|are|could|would|\w+ed)\b",
    re.IGNORECASE,
)


def _focus_positions(sentence: str, question: str, ex: bool) -> list[int]:
    """Ends of the question's focus noun in the sentence ("which harbours" -> after "ports")."""
    match = _FOCUS.search(question)
    if not match:
        return []
    focus = set(tokens(match.group(1), expand=ex))
    ends = []
    for word in re.finditer(r"[\w’'-]+", sentence):
        if set(tokens(word.group(0), expand=ex)) & focus:
            ends.append(word.end())
    return ends


_MARKER_WEIGHT = {
    "after": 0.5, "when": 0.5, "in": 0.5, "so": 0.5, "to": 0.5, "for": 0.8, "by": 0.45,
    "could": 0.8, "did": 0.8, "refused": 0.8,
}  # fmt: skip


_NOT_PURPOSE = re.compile(
    r"\b(?:too\s+\w+|enough|able|unable|likely|allowed|ready|going|used|had|has|have)\s+$", re.I
)


_SINCE_WHEN = re.compile(
    r"\s+(?:(?:early|mid|late|the)\s+)?(?:\d|then\b|(?-i:[A-Z])[a-z]+\s+\d)", re.IGNORECASE
)


def _reason(sentence: str, question: str, q: AbstractSet[str], ex: bool) -> list[tuple[str, float]]:
    """Clauses giving a cause: after "because", "since", "for ...ing", or before ", so"."""
    out = []
    so = re.search(r",?\s+so\s+", sentence)
    if so:
        before, after = sentence[: so.start()], sentence[so.end() :]
        if _overlap(after, q, ex) >= _overlap(before, q, ex):
            out.append((before.strip(), 1.0))
    for match in _REASON_MARKERS.finditer(sentence):
        rest = sentence[match.start() :]
        marker = match.group(0).lower()
        if re.match(_FEELING, marker) and marker.endswith(" that"):
            # "furious that he had not been told": from "that"
            rest, marker = rest[rest.lower().index(" that") + 1 :], "that"
        if marker.startswith("to ") and _NOT_PURPOSE.search(sentence[: match.start()]):
            continue  # "too little to eat", "enough to", "able to": not a purpose
        if marker == "since" and _SINCE_WHEN.match(sentence, match.end()):
            continue  # "for the first time since 1614": a time, not a cause
        clause = rest if marker == "as a deterrent" else _CLAUSE.split(rest, maxsplit=1)[0]
        clause = clause.strip(" ,;()")
        # A reason adds something the question does not already say.
        novelty = 1.0 - 0.8 * _overlap(clause, q, ex)
        weight = _MARKER_WEIGHT.get(marker.split()[0], 0.9)
        if marker.startswith("by ") and any(c.endswith(clause) and c != clause for c, _ in out):
            continue  # the means inside a purpose ("to force the West out by cutting it off")
        out.append((clause, weight * novelty))
    return out


_CALLED = re.compile(
    r"\b(?:called|named|nicknamed|dubbed|known\s+as)\s+(?:the\s+)?[‘'\"“]?"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)"
)


def _called(sentence: str, question: str, q: AbstractSet[str], ex: bool) -> list[tuple[str, float]]:
    """ "What were the shanty towns called?" from "shanty towns called Hoovervilles": the name
    after "called", "named" or "known as" (quoted or not)."""
    if not q & _CALL_WORDS:
        return []
    return [
        (m["name"], 2.5 + _proximity(sentence, m.start(), q, ex))
        for m in _CALLED.finditer(sentence)
        if not _in_question(m["name"], question)
    ]


_WHICH_NOUN = re.compile(r"^\W*(?:which|what)\s+(?P<noun>[a-z]{3,})\b", re.IGNORECASE)


def _named_focus(
    sentence: str, question: str, q: AbstractSet[str], ex: bool
) -> list[tuple[str, float]]:
    """ "Which article let the President rule by decree?" from "Article 48 – ...": a name the
    question's noun is part of ("Article 48", "the Enabling Act" for "Which act ...")."""
    asked = _WHICH_NOUN.match(question)
    if asked is None or asked["noun"].lower() in STOP_WORDS:
        return []
    noun = re.escape(asked["noun"].lower().capitalize())
    name = re.compile(
        rf"\b(?:{noun}s?\s+(?:\d+\w*|(?:of\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
        rf"|(?:[A-Z][\w’'-]*\s+)+{noun}s?\b)"
    )
    out = []
    for m in name.finditer(sentence):
        rest = [w for w in words(m.group(0)) if stem(w) != stem(asked["noun"])]
        if rest and not set(map(stem, rest)) <= {stem(w) for w in words(question)}:
            out.append((m.group(0), 2.0 + _proximity(sentence, m.start(), q, ex)))
    return out


def _quotes(sentence: str, question: str, q: AbstractSet[str], ex: bool) -> list[tuple[str, float]]:
    bonus = 3.0 if q & _CALL_WORDS else 0.5
    return [
        (m.group(1), bonus + _proximity(sentence, m.start(), q, ex))
        for m in _QUOTED.finditer(sentence)
        if not _in_question(m.group(1), question)
    ]


_APPOSITION = re.compile(r"^\s*(?:,|:|–|—|-|\()?\s*(?:of\s+|the\s+|called\s+)*")


def _apposition(
    sentence: str, question: str, q: AbstractSet[str], ex: bool
) -> list[tuple[str, float]]:
    """What follows the question's focus noun: "a new currency, the Rentenmark"."""
    out = []
    for end in _focus_positions(sentence, question, ex):
        rest = sentence[end:]
        lead = _APPOSITION.match(rest)
        start = lead.end() if lead else 0
        if start == 0:
            continue
        phrase = _CLAUSE.split(rest[start:], maxsplit=1)[0].strip(" .;:)")
        if not phrase or len(words(phrase)) > 5 or _in_question(phrase, question):
            continue
        out.append((_widen_to_name(rest[start:], phrase), 2.0))
    return out


def _residual(
    sentence: str, question: str, q: AbstractSet[str], ex: bool
) -> list[tuple[str, float]]:
    """The words of the best clause that the question does not already say."""
    clauses = [c for c in _CLAUSE.split(sentence) if c and c.strip()]
    for clause in sorted(clauses, key=lambda c: -_overlap(c, q, ex)):
        found = _residual_of(clause, question, q, ex)
        if found:
            return [(found, 0.5 + _overlap(clause, q, ex))]
    return []


def _residual_of(best: str, question: str, q: AbstractSet[str], ex: bool) -> str:
    raw = {stem(w) for w in words(question) if w.lower() not in STOP_WORDS}
    focus = _focus_positions(best, question, ex)
    runs: list[list[tuple[str, int]]] = [[]]
    for match in re.finditer(r"[^\s]+", best):
        word = match.group(0)
        if set(tokens(word, expand=ex)) & q or {stem(w) for w in words(word)} & raw:
            runs.append([])
        else:
            runs[-1].append((word, match.start()))
    scored = []
    for position, run in enumerate(runs):
        while run and run[0][0].lower().strip(",.") in STOP_WORDS:
            run = run[1:]
        while run and run[-1][0].lower().strip(",.") in STOP_WORDS:
            run = run[:-1]
        if not run:
            continue
        lo, hi = run[0][1], run[-1][1] + len(run[-1][0])
        text = best[lo:hi].strip(" ,.;:()")
        content = sum(w.lower() not in STOP_WORDS and len(w.strip(".,()")) > 3 for w, _ in run)
        if not content or sum(len(d.text) for d in find_dates(text)) >= len(text) - 2:
            continue  # nothing, or only a date: not what a "what" question asks
        # Apposition to the question's focus: "which policy" -> "policy of peaceful coexistence";
        # and answers fill the slot after the question's words ("gave [fighter-planes]").
        near_focus = any(0 <= lo - f <= 5 for f in focus)
        scored.append((content + (3 if near_focus else 0) + (1.5 if position else 0), text))
    if not scored:
        return ""
    _, text = max(scored, key=lambda t: t[0])
    return _widen_to_name(best, text)


def _widen_to_name(clause: str, span: str) -> str:
    """Grow a span to the whole proper name it touches ("Friendship" -> "Treaty of Friendship")."""
    start = clause.find(span)
    for name in find_names(clause):
        if name.start < start < name.end or name.start < start + len(span) <= name.end:
            lo, hi = min(name.start, start), max(name.end, start + len(span))
            return clause[lo:hi]
    return span


def extract_span(unit: Unit, question: str, kind: AnswerType, *, expand: bool = True) -> Span:
    """The best answer span of ``kind`` in ``unit``; falls back to the best sentence, untyped."""
    q = _qset(question, expand)
    subject = definition_subject(question)
    if subject is not None:
        return _describe(unit, subject, q, expand)
    sentences = _sentences(unit, kind)
    scored = sorted(
        ((_overlap(s, q, expand), i, s) for i, s in enumerate(sentences)),
        key=lambda t: (-t[0], t[1]),
    )
    table: dict[AnswerType, list[Finder]] = {
        AnswerType.DATE: [_dates_of(unit)],
        AnswerType.NUMBER: [_figures_of(unit)],
        AnswerType.PERSON: [_names_of(NameKind.PERSON, unit), _agent, _doer_group],
        AnswerType.PLACE: [_names_of(NameKind.PLACE, unit)],
        AnswerType.REASON: [_reason],
        AnswerType.PHRASE: [
            _called,
            _named_focus,
            _passive_subject,
            _predicate,
            _object_of,
            _quotes,
            _apposition,
            _residual,
        ],
    }
    finders = table[kind]
    best: Span | None = None
    for rank, (overlap, _, sentence) in enumerate(scored):
        for finder in finders:
            for text, closeness in finder(sentence, question, q, expand):
                if not text:
                    continue
                score = overlap + 0.3 * closeness - 0.1 * rank
                if best is None or score > best.score:
                    best = Span(text=text, quote=sentence, score=score, typed=True)
    fallback = _typed_fallback(unit, question, kind, scored)
    if fallback is not None and (best is None or fallback.score > best.score):
        best = fallback
    if best is not None:
        return _most_precise(unit, best) if kind is AnswerType.DATE else best
    top = scored[0][2] if scored else unit.text
    return Span(text=top, quote=top, score=scored[0][0] if scored else 0.0, typed=False)


def _describe(unit: Unit, subject: str, q: AbstractSet[str], expand: bool) -> Span:
    """For "What was X?": the sentence of the unit that says most about X (not its bare title)."""
    body = [s for s in _sentences(unit, AnswerType.PHRASE) if s != unit.title] or [unit.text]
    wanted = set(tokens(subject, expand=expand))
    best = max(body, key=lambda s: (len(set(tokens(s, expand=expand)) & wanted), -body.index(s)))
    overlap = len(set(tokens(best, expand=expand)) & wanted) / (len(wanted) or 1)
    if overlap == 0 and unit.title and set(tokens(unit.title, expand=expand)) >= wanted:
        best, overlap = body[0], 1.0  # the point is about X: its explanation describes X
    return Span(text=best, quote=best, score=overlap + 0.5, typed=overlap > 0)


def _typed_fallback(
    unit: Unit, question: str, kind: AnswerType, scored: list[tuple[float, int, str]]
) -> Span | None:
    """Answers the passage implies rather than states: its date, or its title as the reason."""
    quote = scored[0][2] if scored else unit.text
    if kind is AnswerType.DATE and unit.period is not None and unit.period.text not in question:
        label = unit.period.text or unit.period.label()
        return Span(text=label, quote=unit.title or unit.heading, score=0.2, typed=True)
    if kind is AnswerType.REASON and unit.kind is UnitKind.POINT and unit.title:
        heading = unit.heading.lower()
        asked = set(tokens(question))
        # The title is a reason for the section's question ("Why did China break with the
        # USSR?"), so only for a question about the same event, not one about the point's own.
        same_event = len(asked & set(tokens(unit.heading))) * 2 >= len(asked)
        if (
            heading.startswith(("why", "reason", "cause"))
            and same_event
            and not _in_question(unit.title, question)
        ):
            return Span(text=unit.title, quote=unit.title, score=0.6, typed=True)
        return Span(text=quote, quote=quote, score=0.1, typed=False)
    return None
