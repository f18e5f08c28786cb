"""Figures in a sentence ("20,000 experts", "$300m", "95%", "nearly a million") for a question."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from clio.parse import find_dates
from clio.parse.dates import DateMatch
from clio.parse.figures import unit_after
from clio.search.relations import counted_thing
from clio.search.text import STOP_WORDS, stem, words

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "thirteen fourteen sixteen seventeen eighteen nineteen fifty sixty seventy eighty ninety "
    "hundred thousand million billion half dozen"
)
_QUALIFIER = r"(?:(?:nearly|almost|about|around|over|some|roughly|approximately|more than|"
_QUALIFIER += r"less than|fewer than|up to|at least|at most|only)\s+)?"
_FIGURE = re.compile(
    _QUALIFIER
    + r"(?:[$£€¥]\s?\d[\d,.]*\s?(?:m|bn|k|million|billion|thousand)?\b"
    + r"|(?<![\w-])\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent|percent)"
    + r"|(?<![\w-])\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|thousand|hundred))?"
    + r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s(?:hundred|thousand|million)\b"
    + rf"|\b(?:{_NUMBER_WORDS.replace(' ', '|')})\b)",
    re.IGNORECASE,
)

_MONEY_WORDS = {stem(w) for w in ("money", "cost", "pay", "loan", "spend", "price", "worth", "sum")}
_SHARE_WORDS = {stem(w) for w in ("share", "percentage", "proportion", "percent", "fraction")}


def _figure_fit(text: str, q: AbstractSet[str]) -> float:
    """How well a figure's form fits the question: money, a share, or a count."""
    money = text.lstrip("~").strip()[:1] in "$£€¥" or "mark" in text.lower()
    share = "%" in text or "cent" in text.lower()
    if q & _SHARE_WORDS:
        return 0.5 if share else 0.0
    if q & _MONEY_WORDS:
        return 0.5 if money else 0.0
    return 0.0 if money or share else 0.2


_COUNTED = re.compile(r"\bhow many\s+((?:[\w’'-]+\s*){1,3})", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s|\b(?:and|but|while|whereas)\b", re.IGNORECASE)


_WORD_NUMBERS = frozenset(_NUMBER_WORDS.split())
_FROM_TO = re.compile(r"\s+to\s+")
_TO_BEFORE = re.compile(r"\bto\s+$")


# What a count of people may be given in: "How many people died?" - "390,000 men dead"
_PEOPLE = frozenset(
    map(
        stem,
        words(
            "people persons men women children soldiers troops workers members peasants "
            "civilians refugees prisoners victims casualties dead jews americans veterans"
        ),
    )
)
# Units of time and measure: "four days" can never count banks
_MEASURES = frozenset(
    map(
        stem,
        words(
            "seconds minutes hours days weeks months years decades centuries miles kilometres "
            "km metres meters feet tonnes tons kilograms kg acres hectares percent"
        ),
    )
)


def _mismatch(counted: str, unit_words: list[str]) -> float:
    """How far a figure's unit is from what a question counts: 0 for the same kind (people as
    men, troops ...), 2 for another thing, 10 for a measure ("four days" for banks)."""
    stems = {stem(w) for w in unit_words[:2] if w[:1].isalpha()}
    if not stems or counted in stems or (counted in _PEOPLE and stems & _PEOPLE):
        return 0.0
    return 10.0 if stems & _MEASURES and counted not in _MEASURES else 2.0


def _counts_other(thing: str, unit_words: list[str], text: str) -> bool:
    """True when a figure counts another thing than the question does: "fifteen major laws"
    for "How many banks ...", "about 60%" for "How many cars ..." (a share is no count)."""
    stems = {stem(w) for w in unit_words if w[:1].isalpha()}
    if not stems:
        money = text.lstrip("~").strip()[:1] in "$£€¥"
        share = "%" in text or "cent" in text.lower()
        return (money or share) and thing not in _SHARE_WORDS | _MONEY_WORDS
    return not (
        thing in stems
        or (thing in _PEOPLE and bool(stems & _PEOPLE))
        or (thing in _MEASURES and bool(stems & _MEASURES))
    )


def _unit_and_after(unit_words: list[str], after: list[str]) -> list[str]:
    """A figure's unit and the words after it ("42 medium-range missiles": the unit
    "medium-range" qualifies "missiles"); nothing for a figure with no unit of its own."""
    return [*unit_words, *after] if unit_words else []


_HOW_MUCH = re.compile(r"\bhow much\b", re.IGNORECASE)


def _other(thing: str | None, unit_words: list[str], text: str, *, amount: bool = False) -> bool:
    if amount:  # "How much did the USSR spend?": people are counted, never an amount
        return bool({stem(w) for w in unit_words[:2] if w[:1].isalpha()} & _PEOPLE)
    return thing is not None and _counts_other(thing, unit_words, text)


def _date_of(dates: list[DateMatch], start: int, end: int) -> DateMatch | None:
    """The date a figure goes with: the first within 25 characters after it ("52,000 members
    in 1933"), else the last within 25 before it ("by November 1923 a loaf cost ...")."""
    after = [d for d in dates if end <= d.start < end + 25]
    if after:
        return after[0]
    before = [d for d in dates if start - 25 < d.end <= start]
    return before[-1] if before else None


def _starts(sentence: str, match: re.Match[str]) -> bool:
    """True when ``match`` opens its sentence (so its capital says nothing)."""
    return not sentence[: match.start()].strip(" \"'“‘(")


_PARTITIVE = re.compile(r"\s+of\s+(?:its|their|the|his|her|our|these|those)\s+", re.IGNORECASE)
_SUBJECT_VERBS = frozenset(
    words("were was had have has are is died fled remained survived returned")
)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|–|-|—)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


_HYPHENED = re.compile(r"-[a-z]+")  # "two-thirds"
_RATE = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|hour)\b", re.IGNORECASE)


def _unit(sentence: str, end: int) -> tuple[list[str], int]:
    """The words a figure counts and where they end: "3 million members" (not "members, far"),
    "$100 million a year", "two-thirds"."""
    hyphened = _HYPHENED.match(sentence, end)
    if hyphened:
        return [hyphened.group(0)[1:]], hyphened.end()
    unit, unit_end = unit_after(sentence, end)
    rate = _RATE.match(sentence, unit_end)
    if rate:
        return [*words(unit or ""), *words(rate.group(0))], rate.end()
    return (words(unit), unit_end) if unit else ([], end)


def _with_unit(figure: str, unit: list[str]) -> str:
    """The figure's text, followed by a borrowed unit it does not already end with."""
    figure = figure.strip()
    if not unit or figure.endswith(unit[-1]):
        return figure
    return " ".join([figure, *unit])


def counted_noun(question: str) -> str | None:
    """The stem of what a "how many" question counts ("How many communes were ..." -> commune)."""
    match = _COUNTED.search(question)
    if not match:
        return None
    # The counted noun: the first plural after "how many" ("Soviet experts"), else its first word.
    nouns = [w for w in words(match.group(1)) if w[:1].islower() and w.lower() not in STOP_WORDS]
    plural = [w for w in nouns if w.endswith("s") and not w.endswith("ss")]
    head = (plural or nouns)[:1]
    return stem(head[0]) if head else None


def clause_at(sentence: str, position: int, *, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> str:
    """The clause of ``sentence`` around ``position`` ("Germany 17" in "... and Germany 17"),
    clauses ending at ``breaks``."""
    starts = [0] + [m.end() for m in breaks.finditer(sentence) if m.end() <= position]
    ends = [m.start() for m in breaks.finditer(sentence) if m.start() > position]
    return sentence[max(starts) : min(ends, default=len(sentence))]


def _names_in(text: str, names: AbstractSet[str]) -> bool:
    return bool(names) and any(stem(w) in names or w.lower() in names for w in words(text))


def _last_unit(text: str) -> list[str]:
    """What the last figure of ``text`` counts ("people" in "arrested 1.5 million people")."""
    last: list[str] = []
    for match in _FIGURE.finditer(text):
        unit_words, _ = _unit(text, match.end())
        if unit_words:
            last = unit_words[:2]
    return last


def find_figures(
    sentence: str, question: str, q: AbstractSet[str], *, prior: str = ""
) -> list[tuple[str, int, float]]:
    """Each figure not already in the question: its span with unit, start, and fit bonus.

    ``prior`` is the clause before ``sentence`` when a semicolon parts them ("arrested 1.5
    million people; around 680,000 were shot"): a figure with no unit counts what its last
    figure counted."""
    out: list[tuple[str, int, float]] = []
    dates = find_dates(sentence)
    years = [(m.start, m.end) for m in dates]
    asked = {m.text.lower() for m in find_dates(question)}
    anchored = bool(asked) and any(m.text.lower() in asked for m in dates)
    counted = counted_noun(question)
    thing = counted_thing(question)
    amount = _HOW_MUCH.search(question) is not None
    other: list[bool] = []  # per figure found: it counts another thing than the question
    # The question's subject ("did Germany have"): prefer the figure in the clause that names it.
    names: frozenset[str] = getattr(q, "names", frozenset())
    last_unit: list[str] = _last_unit(prior) if prior else []
    prev_end = prev_unit_end = -1
    for match in _FIGURE.finditer(sentence):
        if any(s <= match.start() < e for s, e in years) or match.group(0).strip() in question:
            continue
        text = match.group(0).strip()
        if text.lower() in {"one", "a"}:
            continue
        if text[:1].isupper() and text.lower() in _WORD_NUMBERS and not _starts(sentence, match):
            continue  # "the Hundred Days", "the Five-Year Plan": a name, not a figure
        after = words(sentence[match.end() : match.end() + 40])[:3]
        unit_words, unit_end = _unit(sentence, match.end())
        bonus = 1.5 if any(stem(w) in q for w in after) else 0.0
        bonus += 3 * _figure_fit(" ".join([text, *after[:1]]), q)
        own_date = _date_of(dates, match.start(), match.end()) if anchored else None
        if own_date is not None and own_date.text.lower() in asked:
            bonus += 2.0  # "200,000 million marks by November 1923" when November 1923 is asked
        if unit_words:
            last_unit = unit_words[:2]
        elif last_unit and (
            not after
            or after[0].lower() in _SUBJECT_VERBS
            # "grew from 52,000 members in 1933 to 240,000 by 1939"
            or (prev_end >= 0 and _TO_BEFORE.search(sentence, prev_end, match.start()))
        ):
            # "Britain had 29 dreadnoughts and Germany 17."; "arrested 1.5 million people;
            # around 680,000 were shot": the figure counts what the one before it counted
            unit_words = last_unit
            bonus += 1.5 if any(stem(w) in q for w in unit_words) else 0.0
        if counted is not None and any(stem(w) == counted for w in unit_words[:2]):
            bonus += 3.0  # "How many communes": "26,000 communes", not "700 million peasants"
        elif counted is not None and unit_words:
            bonus -= _mismatch(counted, unit_words)  # "How many banks failed?": not "four days"
        own_unit = unit_end > match.end()  # else none, or borrowed from the figure before
        # (the words after it count too: "42 medium-range missiles" has the unit "medium-range")
        counts_other = _other(thing, _unit_and_after(unit_words, after), text, amount=amount)
        span = _with_unit(sentence[match.start() : unit_end] if own_unit else text, unit_words)
        if out and _FROM_TO.fullmatch(sentence[prev_unit_end : match.start()]):
            # "from 12 hours to 93 minutes": the change is the answer, both ends of it
            _, first_start, first_bonus = out[-1]
            lo = (
                first_start - 5 if sentence[:first_start].lower().endswith("from ") else first_start
            )
            whole = sentence[lo : unit_end if own_unit else match.end()]
            out[-1] = (whole.strip(), lo, max(bonus, first_bonus))
            other[-1] = other[-1] and counts_other
            prev_end = prev_unit_end = match.end()
            continue
        prev_unit_end = unit_end
        if out and _PARTITIVE.fullmatch(sentence[prev_end : match.start()]):
            # "three of its five marshals": one answer, the part and the whole
            _, first_start, first_bonus = out[-1]
            whole = sentence[first_start : unit_end if own_unit else match.end()]
            out[-1] = (whole.strip(), first_start, max(bonus, first_bonus))
            other[-1] = other[-1] and counts_other
            prev_end = match.end()
            continue
        if out and _RANGE_JOIN.fullmatch(sentence[prev_end : match.start()]):
            # "between 20 million and 45 million people", "30 to 40 per cent": one answer.
            first_start = out[-1][1]
            between = _BETWEEN.search(sentence[:first_start])
            if between or not sentence[prev_end : match.start()].strip().startswith("and"):
                lo = between.start() if between else first_start
                whole = sentence[lo : match.end()].strip()
                span = _with_unit(sentence[lo:unit_end] if own_unit else whole, unit_words)
                out[-1] = (span, lo, max(bonus, out[-1][2]))
                other[-1] = other[-1] and counts_other
                prev_end = match.end()
                continue
        prev_end = match.end()
        out.append((span, match.start(), bonus))
        other.append(counts_other)
    out = [found for found, elsewhere in zip(out, other, strict=True) if not elsewhere]
    # Only when the sentence gives figures for several subjects does naming one pick the figure.
    named = [_names_in(clause_at(sentence, start), names) for _, start, _ in out]
    if any(named) and not all(named):
        out = [
            (span, start, bonus + 3.0 * hit)
            for (span, start, bonus), hit in zip(out, named, strict=True)
        ]
    return out
