"""What a question asks of its answer beyond its type: what a figure counts, whose fate, who won.

A figure, a name or a date of the right type is not yet an answer: "How many banks failed?" is
not answered by "fifteen major laws" (a count of another thing), "How many kulaks died?" not by
"about 5 million were deported" (another fate), "Who won the 1932 election?" not by the author
of a campaign speech. These predicates say what the answer's passage must say.
"""

from __future__ import annotations

import re

from clio.search.text import STOP_WORDS, stem, words


def _stems(text: str) -> frozenset[str]:
    """The stems of the words of ``text``: a word list as the rules compare it."""
    return frozenset(map(stem, words(text)))


# Fates a count can be of: the dead are not the arrested, the arrested not the deported.
_FATES = {
    "death": "die died dies dying dead death deaths kill killed killing casualties casualty "
    "perish perished massacre massacred slaughter slaughtered shot execute executed starve "
    "starved lose lost losing losses",
    "arrest": "arrest arrested arrests imprison imprisoned jail jailed detain detained "
    "prisoner prisoners captured capture",
    "deport": "deport deported deportation exile exiled expel expelled banish banished",
}
# An execution is a death, but "perhaps 200,000 people died" counts no executions.
_FATES["execution"] = "execute executed executes execution executions guillotine guillotined hang"
_FATES["death"] += " guillotine guillotined hanged"
_FATE_STEMS = {family: frozenset(map(stem, ws.split())) for family, ws in _FATES.items()}
_NARROWER = {"execution": "death"}


def fates(text: str) -> set[str]:
    """The fates (death, execution, arrest, deportation) a text speaks of."""
    found = {stem(w) for w in words(text)}
    return {family for family, stems in _FATE_STEMS.items() if found & stems}


_HOW_MANY = re.compile(r"\bhow many\s+(?P<rest>[^?]*)", re.IGNORECASE)
_AUX = frozenset(words("were was did do does had have has are is would could will be been"))


def counted_fate(question: str) -> str | None:
    """The fate a "how many" question counts ("How many people died ...?" -> death), or None
    when it counts no fate or several."""
    match = _HOW_MANY.search(question)
    if not match:
        return None
    found = fates(match["rest"])
    found -= {_NARROWER[f] for f in found if f in _NARROWER}  # "executed": an execution
    return found.pop() if len(found) == 1 else None


# Other things a count can be of, told apart the same way: banks that failed are not banks
# that were opened, nor refugees who fled soldiers who served. A figure whose sentence says one
# of them does not answer a question about another (one that says none may: "75,000 troops").
_EVENTS = {
    "failure": "fail failed fails failing collapse collapsed bankrupt bankrupted close closed "
    "closing shut",
    "making": "open opened opening reopen reopened build built building construct "
    "constructed create created found founded establish established",
    "flight": "flee fled fleeing escape escaped escaping emigrate emigrated evacuate "
    "evacuated cross crossed refugee refugees",
    "service": "join joined enlist enlisted volunteer volunteered serve served recruit "
    "recruited conscript conscripted",
}
_EVENT_STEMS = {family: frozenset(map(stem, ws.split())) for family, ws in _EVENTS.items()}


def _events(text: str) -> set[str]:
    found = {stem(w) for w in words(text)}
    return {family for family, stems in _EVENT_STEMS.items() if found & stems}


def counts_other_event(question: str, said: str) -> bool:
    """True when "how many" asks of one event (banks reopened) and ``said`` tells only of
    another ("more than 9,000 banks had failed")."""
    match = _HOW_MANY.search(question)
    if not match:
        return False
    asked = _events(match["rest"])
    if len(asked) != 1:
        return False
    told = _events(said)
    return bool(told) and not asked & told


def counted_thing(question: str) -> str | None:
    """The stem of the noun a "how many" question counts, when it names one before its verb
    ("How many Soviet experts were sent" -> expert; "How many were arrested" -> None)."""
    match = _HOW_MANY.search(question)
    if not match:
        return None
    phrase = []
    for word in words(match["rest"]):
        low = word.lower()
        if low == "more":
            continue  # "How many more Chinese soldiers ..."
        if low in _AUX or low == "of" or (low.endswith("ed") and len(low) > 3):
            break  # the verb ("How many banks failed?") or "tonnes of coal"
        phrase.append(word)
        if len(phrase) == 3:
            break
    nouns = [w for w in phrase if w[:1].islower() and w.lower() not in STOP_WORDS]
    plural = [w for w in nouns if w.lower() in _PLURALS or re.search(r"[^s]s$", w)]
    head = (plural or nouns[-1:])[:1]
    return stem(head[0]) if head else None


_PLURALS = frozenset(words("men women children people police cattle"))


# Who won: the sentence must say someone won, not only name someone near the contest.
_WIN = _stems(
    "win won wins winning victory victorious elected elect beat defeat defeated landslide "
    "triumph triumphed"
)
_ASKS_WIN = re.compile(r"^\W*who\s+(?:won|wins|win|beat|defeated|triumphed)\b", re.IGNORECASE)


def asks_winner(question: str) -> bool:
    """True for "Who won the 1932 election?" and the like."""
    return _ASKS_WIN.match(question) is not None


def says_winner(text: str) -> bool:
    """True when ``text`` says someone won, was elected or defeated someone."""
    return bool({stem(w) for w in words(text)} & _WIN)


_WORKS = _stems(
    "cartoon poster painting photograph speech letter book article report diary memoir memoirs "
    "telegram broadcast song poem novel film pamphlet leaflet drawing sketch interview account "
    "source interpretation extract"
)
# Verbs of making a work: a question about its maker uses them ("Who drew the cartoon?")
_MADE = _stems(
    "write wrote written draw drew paint painted publish published author authored produce "
    "produced make made compose composed deliver delivered give gave send sent"
)
_MAKING = _MADE | _stems("drawn create created take took photograph photographed film filmed")
# A source's provenance names its author: it answers who wrote, said or drew it, nothing else.
_AUTHORSHIP = (
    _WORKS | _MADE | _stems("say said speak spoke record recorded passage cartoonist historian")
)
# Doing something to a work is not making it: "Who replied to Khrushchev's letter?"
_ANSWERING = _stems("reply replied respond responded answer answered receive received read")


def asks_authorship(question: str) -> bool:
    """True when a question asks who made, said or wrote something (a source's author)."""
    asked = {stem(w) for w in words(question)}
    return bool(asked & _AUTHORSHIP) and not asked & _ANSWERING


def asked_work(question: str) -> str | None:
    """The work a question asks the maker of ("Who drew the cartoon?" -> cartoon), or None."""
    found = [stem(w) for w in words(question)]
    if not set(found) & _MAKING:
        return None
    return next((w for w in found if w in _WORKS - _MAKING), None)


# When something ended is not when it began ("When did the Bolsheviks abandon War Communism?"
# against "War Communism, introduced in June 1918"), nor the other way round.
_ENDING = _stems(
    "end ended ends abandon abandoned stop stopped repeal repealed abolish abolished "
    "scrap scrapped drop dropped lift lifted cancel cancelled finish finished dissolve "
    "dissolved collapse collapsed fall fell"
)
_STARTING = _stems(
    "begin began begun start started introduce introduced launch launched found "
    "founded create created establish established open opened adopt adopted"
)
# "from 1865" (and no "to ..." after it): when it began
_FROM_DATE = re.compile(
    r"\bfrom\s+(?:[A-Za-z]+\s+){0,2}\d{3,4}\b(?!\s*(?:to|-|–|—|until|till)\b)", re.I
)


PHASE_WORDS = frozenset(
    map(stem, words("begin began begun start started end ended finish finished stop stopped"))
)
"""Words that say only that an event began or ended (a range of dates says both)."""


def _phase(text: str) -> tuple[bool, bool]:
    found = {stem(w) for w in words(text)}
    return bool(found & _STARTING) or _FROM_DATE.search(text) is not None, bool(found & _ENDING)


def other_phase(question: str, clause: str) -> bool:
    """True when a question asks when something ended and the clause says only when it began,
    or asks when it began and the clause says only when it ended."""
    asks_start, asks_end = _phase(question)
    says_start, says_end = _phase(clause)
    if asks_end and not asks_start:
        return says_start and not says_end
    if asks_start and not asks_end:
        return says_end and not says_start
    return False


def says_phase(question: str, text: str) -> bool:
    """False when a question asks only when something began (or ended) and ``text`` never
    says it began (or ended)."""
    asks_start, asks_end = _phase(question)
    says_start, says_end = _phase(text)
    if asks_end and not asks_start:
        return says_end
    if asks_start and not asks_end:
        return says_start
    return True


# Names of events and documents: "the Great Terror" did nothing, so it answers no "who".
_EVENT_NAME_HEADS = frozenset(
    words(
        "terror war wars crisis revolution act treaty pact plan plans conference days amendment "
        "laws fire purge purges massacre election elections campaign crash blockade airlift "
        "policy doctrine speech telegram famine depression deal trial trials uprising rising "
        "rebellion revolt putsch coup strike invasion landings protocol agreement decree"
    )
)


def names_event(name: str) -> bool:
    """True for the name of an event or document ("Great Terror", "Enabling Act")."""
    last = words(name)[-1:] if words(name) else []
    return bool(last) and last[0].lower() in _EVENT_NAME_HEADS
