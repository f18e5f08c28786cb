"""Words and phrases for essay plans and source questions: tokens, clauses, noun phrases."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

import snowballstemmer

from clio.parse.dates import find_dates

_STEMMER = snowballstemmer.stemmer("english")

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_TRAILING_DATE = re.compile(r"(?:,\s*|\s*\()[^,()]*\d{4}[^,()]*\)?\s*$")
# not after an initial ("Franklin D. Roosevelt") or "e.g." / "c." / "Dr."
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bc\.)(?<!\bDr\.)(?<!\bMr\.)"
    r"(?<!\bSt\.)\s+(?=[A-Z“‘\"'])"
)

_STOP_TEXT = """a about above after again against all also although am an and any are as at be
    because been before being below between both but by can could did do does doing down during each
    even few for from further had has have having he her here hers him his how i if in into is
    it its itself just may me more most much must my no nor not now of off on once only or other
    our out over own same she should so some such than that the their them then there these they
    this those though through to too under until up upon very was we were what when where which
    while who whom why will with would you your explain reason reasons cause causes caused factor
    factors main important importance far extent agree view question how did do does was were
    essay discuss assess evaluate consider describe account significant significance key chief
    primary principal biggest greatest most best role part responsible led lead result results
    one two three first second third"""
STOPWORDS = frozenset(_STOP_TEXT.split())

# Words that name the same thing in history notes; each maps to one canonical token.
ALIASES: dict[str, str] = {
    "ussr": "ussr", "soviet": "ussr", "soviets": "ussr", "russia": "ussr", "russian": "ussr",
    "russians": "ussr", "moscow": "ussr",
    "usa": "usa", "us": "usa", "america": "usa", "american": "usa", "americans": "usa",
    "washington": "usa",
    "britain": "uk", "british": "uk", "uk": "uk", "england": "uk", "english": "uk",
    "china": "china", "chinese": "china", "prc": "china", "beijing": "china", "peking": "china",
    "germany": "germany", "german": "germany", "germans": "germany",
    "france": "france", "french": "france",
    "japan": "japan", "japanese": "japan",
    "korea": "korea", "korean": "korea", "koreans": "korea",
    "cuba": "cuba", "cuban": "cuba", "cubans": "cuba",
    "split": "split", "break": "split", "broke": "split", "broken": "split", "breakdown": "split",
    "rift": "split", "schism": "split", "collapse": "split", "strained": "split",
    "deteriorate": "split", "deteriorated": "split", "worsen": "split", "worsened": "split",
    "worse": "split", "tension": "split", "tensions": "split", "hostility": "split",
    "hostile": "split", "decline": "split", "declined": "split", "breakup": "split",
    "war": "war", "wars": "war", "warfare": "war", "fighting": "war",
    "alliance": "ally", "allies": "ally", "ally": "ally", "allied": "ally", "friendship": "ally",
    "close": "ally", "forged": "ally", "forge": "ally",
    "economic": "econom", "economy": "econom", "economics": "econom",
}  # fmt: skip

_IRREGULAR_PAST = {
    "be": "was", "become": "became", "begin": "began", "break": "broke", "bring": "brought",
    "build": "built", "buy": "bought", "choose": "chose", "come": "came", "do": "did",
    "fall": "fell", "feel": "felt", "fight": "fought", "find": "found", "forbid": "forbade",
    "get": "got", "give": "gave", "go": "went", "grow": "grew", "have": "had", "hold": "held",
    "keep": "kept", "know": "knew", "lead": "led", "leave": "left", "lose": "lost",
    "make": "made", "mean": "meant", "meet": "met", "pay": "paid", "put": "put", "rise": "rose",
    "run": "ran", "say": "said", "see": "saw", "seek": "sought", "sell": "sold", "send": "sent",
    "set": "set", "shut": "shut", "sign": "signed", "split": "split", "spend": "spent",
    "stand": "stood", "take": "took", "tell": "told", "think": "thought", "win": "won",
    "withdraw": "withdrew", "write": "wrote",
}  # fmt: skip
_PRESENT = {
    past: verb
    for verb, past in _IRREGULAR_PAST.items()
    if past not in {"put", "set", "shut", "split"}
}

# Common nouns that often start a point title; lower-cased inside a sentence.
_EVENT_TEXT = (
    "war treaty conference crisis revolution pact agreement plan leap blockade act truce "
    "confrontation invasion summit uprising rebellion putsch coup purge campaign movement "
    "depression election strike march offensive battle siege airlift bay fire massacre riots "
    "famine plot affair incident rising landings raid bombing trial trials protocol doctrine "
    "telegram"
)
_EVENT_NOUNS = frozenset(_EVENT_TEXT.split())
# First words of proper names made with "of" ("Gulf of Tonkin", "Bay of Pigs")
_PLACE_HEADS = frozenset(
    {"gulf", "bay", "strait", "straits", "cape", "lake", "mount", "river", "sea", "isle",
     "port", "canal", "battle", "siege", "treaty", "congress", "council", "league", "peace",
     "edict", "act", "bill", "declaration", "statute", "union", "kingdom", "republic"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: lower case, aliases folded, common suffixes removed."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    low = low.strip("'-")
    if low in ALIASES:
        return ALIASES[low]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")):
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            return low[: -len(suffix)] + keep
    return low


@lru_cache(maxsize=65536)
def match_stem(word: str) -> str:
    """A full stem for matching a question to the notes: aliases folded, irregular pasts made
    present ("won" -> "win"), then Porter 2 ("Reds" and "Red" share "red")."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    low = _PRESENT.get(low.strip("'-"), low.strip("'-"))
    if low in ALIASES:
        return ALIASES[low]
    if low[:1].isdigit():
        return stem(low)
    return str(_STEMMER.stemWord(low))


@lru_cache(maxsize=16384)
def match_tokens(text: str) -> frozenset[str]:
    """Content words of ``text`` under ``match_stem`` (stopwords dropped)."""
    return frozenset(
        match_stem(w)
        for w in words(text)
        if (w.lower() not in STOPWORDS and len(w) > 1) or w.isdigit()
    )


def words(text: str) -> list[str]:
    """The words of ``text`` in order (numbers kept as written)."""
    return list(_words(text))


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=16384)
def content_tokens(text: str) -> frozenset[str]:
    """Stemmed content words of ``text`` (stopwords dropped)."""
    return frozenset(
        stem(w) for w in words(text) if (w.lower() not in STOPWORDS and len(w) > 1) or w.isdigit()
    )


def overlap(query: Iterable[str], tokens: Iterable[str]) -> float:
    """Share of the query's tokens found in ``tokens`` (0 when the query is empty)."""
    query_set = set(query)
    if not query_set:
        return 0.0
    return len(query_set & set(tokens)) / len(query_set)


@lru_cache(maxsize=8192)
def strip_trailing_date(title: str) -> str:
    """``"Korean War, 1950-53"`` -> ``"Korean War"``; leaves titles without a date alone."""
    stripped = _TRAILING_DATE.sub("", title).strip(" ,")
    if stripped and find_dates(title) and not find_dates(stripped) and stripped != title:
        return stripped
    return title.strip()


def sentences(text: str) -> list[str]:
    """Split a passage into sentences (and bullet lines), verbatim but for the quotation marks
    around a whole quoted passage ("“What the imperialists ... States.”")."""
    return list(_sentences(text))


@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip().lstrip("•◦*– ").strip()
        if paragraph:
            found.extend(_unwrapped(s.strip()) for s in _SENTENCE_END.split(paragraph) if s.strip())
    return tuple(s for s in found if s)


_OPENING, _CLOSING = '“‘"', '”’"'


def _unwrapped(sentence: str) -> str:
    """A sentence without a quotation mark that opens or closes a quotation beyond it: the
    first and last sentences of a quoted passage, or a sentence quoted whole. Quotations
    inside a sentence are kept."""
    pair = {"“": "”", "‘": "’", '"': '"'}.get(sentence[:1])
    inner = sentence[1:-1].replace("’s", "").replace("n’t", "")
    if pair and len(sentence) > 2 and sentence[-1] == pair and pair not in inner:
        return sentence[1:-1].strip()
    if sentence[:1] in _OPENING and not _closes(sentence[1:], sentence[0]):
        sentence = sentence[1:].lstrip()
    if sentence[-1:] in _CLOSING and not _opens(sentence[:-1], sentence[-1]):
        sentence = sentence[:-1].rstrip()
    return sentence


def _closes(rest: str, opening: str) -> bool:
    if opening == '"':
        return rest.count('"') % 2 == 1
    return ("”" if opening == "“" else "’") in rest.replace("’s", "").replace("n’t", "")


def _opens(rest: str, closing: str) -> bool:
    if closing == '"':
        return rest.count('"') % 2 == 1
    return ("“" if closing == "”" else "‘") in rest


def clauses(text: str) -> list[str]:
    """Verbatim clauses of a point's explanation, split at semicolons and full stops."""
    parts: list[str] = []
    for sentence in sentences(text):
        parts.extend(p.strip() for p in re.split(r";\s+|\s+…\s+", sentence) if p.strip())
    return [p.rstrip(".") for p in parts]


def lower_first(text: str) -> str:
    """Lower-case the first letter when the first word is a common word, not a name."""
    first = text.split(" ", 1)[0]
    if first.lower() in STOPWORDS or first.lower() in {"during", "thus", "especially"}:
        return text[:1].lower() + text[1:]
    return text


def as_sentence(clause: str) -> str:
    """Capitalise the first letter (after any opening quote) and end with a full stop."""
    clause = clause.strip()
    if not clause:
        return ""
    lead = len(clause) - len(clause.lstrip("\"'“‘"))
    clause = clause[:lead] + clause[lead : lead + 1].upper() + clause[lead + 1 :]
    return clause if clause[-1] in ".!?" else clause + "."


@lru_cache(maxsize=16384)
def has_detail(text: str) -> bool:
    """True when ``text`` carries a date, a figure or a proper name after its first word."""
    if any(ch.isdigit() for ch in text):
        return True
    return any(w[:1].isupper() for w in words(text)[1:])


# Words English always capitalises, even when the notes only use them at a sentence start.
_ALWAYS_CAPITAL_TEXT = """
    soviet american british english french german chinese japanese russian italian european
    african asian korean vietnamese indian polish spanish cuban israeli arab irish scottish welsh
    austrian hungarian czech greek turkish egyptian mexican canadian australian dutch belgian
    christian catholic protestant jewish muslim islamic nazi nazis bolshevik bolsheviks marxist
    leninist stalinist maoist allied allies tsarist confederate union
"""
ALWAYS_CAPITAL = frozenset(_ALWAYS_CAPITAL_TEXT.split())
"""Proper adjectives and group names English always writes with a capital."""


@lru_cache(maxsize=64)
def proper_words(corpus: str) -> frozenset[str]:
    """Words written with a capital inside sentences of ``corpus`` (names, not sentence starts)."""
    found: set[str] = set(ALWAYS_CAPITAL)
    for sentence in sentences(corpus):
        for word in words(sentence)[1:]:
            if word[:1].isupper():
                found.add(word.lower())
    return frozenset(found)


def is_clause(title: str) -> bool:
    """True when a title reads as a clause ("China needed Soviet aid") rather than a noun."""
    tokens = words(title)
    return any(
        w.islower() and ((w.endswith("ed") and len(w) > 4) or w in {"was", "were", "had", "did"})
        for w in tokens[1:]
    )


# Verbs whose participle after a subject, with no object, can only be a headline's passive
# ("The Right defeated", "Trotsky expelled"); intransitive ones ("Inflation soared") are left.
_TRANSITIVE_PARTICIPLES = frozenset(
    words(
        "abolished annexed appointed arrested assassinated banned captured crushed defeated "
        "deported deposed dismissed elected executed exiled expelled imprisoned introduced "
        "invaded killed liquidated murdered nationalised nationalized occupied ousted outlawed "
        "overthrown partitioned persecuted purged ratified rejected removed repealed sacked "
        "shot signed hanged sentenced isolated humiliated recognised recognized founded "
        "established passed lifted destroyed sunk released"
    )
)
_AUXILIARIES = frozenset(["was", "were", "is", "are", "be", "been", "being", "has", "have", "had"])


def headline_passive(title: str) -> str:
    """A headline's passive as a full clause: "The Right defeated" -> "The Right was defeated"."""
    tokens = title.split()
    if len(tokens) < 2 or tokens[-1].lower() not in _TRANSITIVE_PARTICIPLES:
        return title
    if any(t.lower() in _AUXILIARIES for t in tokens):
        return title
    subject = tokens[-2].lower()
    plural = subject.endswith("s") and not subject.endswith(("ss", "us", "is"))
    return " ".join([*tokens[:-1], "were" if plural else "was", tokens[-1]])


_COMMON_ENDINGS = ("ation", "ition", "ism", "ment", "ity", "ness", "ing", "ance", "ence", "ship")


def looks_coined(word: str) -> bool:
    """True for a capitalised word that is no ordinary English word ("Bizonia", "Lebensraum"):
    not in the encoder's 30,000-word vocabulary and without a common noun's ending."""
    low = word.lower()
    return (
        word[:1].isupper()
        and low.isalpha()
        and not low.endswith(_COMMON_ENDINGS)
        and low not in vocabulary()
    )


@cache
def vocabulary() -> frozenset[str]:
    """The whole-word entries of the bundled tokenizer's vocabulary (lower case)."""
    path = resources.files("clio") / "data" / "model" / "tokenizer.json"
    try:
        vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, ValueError, KeyError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha())


# parties, faiths and peoples: capitalised wherever they stand
_PARTY_WORDS = frozenset(
    words(
        "republican republicans democratic democrat democrats labour conservative conservatives "
        "liberal liberals communist communists nationalist nationalists nazi nazis soviet "
        "bolshevik bolsheviks marxist catholic catholics protestant protestants christian "
        "jewish muslim hindu sikh tory tories whig whigs confederate unionist fascist fascists"
    )
)


def noun_phrase(title: str, *, proper: frozenset[str], corpus: str) -> str:
    """A point title as a noun phrase for use mid-sentence ("the Korean War", "fear of the USA")."""
    name = strip_trailing_date(title)
    first, _, rest = name.partition(" ")
    if first.lower() == "the":
        return "the " + rest
    named_place = first.lower() in _PLACE_HEADS and rest.lower().startswith("of ")
    # "Vienna Summit", "Human Wave tactics": a capitalised second word marks a name
    named_place = named_place or rest[:1].isupper()
    # "Public health": "Public" is a name's word elsewhere ("the Public Health Act"), but this
    # title is only in sentence case unless the notes write it so mid-sentence
    sentence_case = (
        bool(rest)
        and rest[:1].islower()
        and re.search(r"[a-z,;]\s+" + re.escape(name) + r"\b", corpus) is None
    )
    if (
        first.isupper()
        or first.lower() in _PARTY_WORDS  # "Republican policies", "Nazi propaganda"
        or (first.lower() in proper and not sentence_case)
        or "'" in first
        or "’" in first
        or named_place
        or (not rest and looks_coined(first))  # "Bizonia", "Anschluss": a name, not a noun
        or _always_a_name(first)  # "March election", "Yalta and Potsdam"
    ):
        head = name
    else:
        head = first.lower() + (" " + rest if rest else "")
    if head[:1].islower() and " of " in head:
        return "the " + head
    needs_article = (
        head[:1].isupper()
        and "'" not in first
        and "’" not in first
        and (
            re.search(r"\bthe\s+" + re.escape(name) + r"\b", corpus, re.I) is not None
            or words(name)[-1].lower() in _EVENT_NOUNS
            or " of " in name
        )
    )
    return ("the " + head) if needs_article else head


_MONTHS_TEXT = (
    "january february march april may june july august september october november december"
)
_MONTHS = frozenset(_MONTHS_TEXT.split())


def _always_a_name(word: str) -> bool:
    """A month, or a person, place or organisation Clio's lexicon knows ("Yalta", "Stalin")."""
    from clio.generate.lexicon import load_lexicon  # essay_text is imported by the lexicon's users

    if word.lower() in _MONTHS:
        return True
    known = load_lexicon().lookup(word)
    return known is not None and known.kind in ("person", "place", "organisation")


def past_tense(verb: str) -> str:
    """The simple past of an English verb ("break" -> "broke", "ally" -> "allied")."""
    low = verb.lower()
    if low in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return low[:-1] + "ied"
    if (
        len(low) <= 4
        and len(low) >= 3
        and low[-1] not in "aeiouwxy"
        and low[-2] in "aeiou"
        and low[-3] not in "aeiou"
    ):
        return low + low[-1] + "ed"
    if low.endswith(_STRESSED_ENDINGS):
        return low + low[-1] + "ed"  # "control" -> "controlled", "expel" -> "expelled"
    return low + "ed"


# endings of longer verbs stressed on their last syllable, whose last consonant doubles
_STRESSED_ENDINGS = ("trol", "pel", "bel", "cel", "fer", "cur", "mit", "gret", "bar", "stir")


def join_names(items: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def article(word: str) -> str:
    """``"a"`` or ``"an"`` for the word that follows."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def number_word(count: int) -> str:
    """Small numbers as words, as a teacher would write them."""
    names = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return names[count] if 0 <= count < len(names) else str(count)
