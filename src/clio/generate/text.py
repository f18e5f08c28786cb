"""Small text tools for building prompts: clauses, titles without dates, giveaway checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from clio.model.period import Period
from clio.model.topic import bare_heading
from clio.parse.dates import DateMatch
from clio.parse.dates import find_dates as _find_dates


@lru_cache(maxsize=16384)
def _dates_cached(text: str) -> tuple[DateMatch, ...]:
    return tuple(_find_dates(text))


def find_dates(text: str) -> list[DateMatch]:
    """The parser's date finder, remembered per text (generators ask about a clause often)."""
    return list(_dates_cached(text))


STOPWORDS = frozenset(
    """
    a an the and or but of in on at to for from by with as into onto over under about
    after before during between within without than then that this these those there
    their its it his her he she they them was were is are be been being had has have did
    do does not no so such very more most much many some any all each which who whom
    whose what when where why how only also even still yet both either neither nor up
    down out off
    """.split()  # noqa: SIM905
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_CLAUSE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“'\"(])|\s*;\s*|\s*…\s*")
_ABBREVIATION_END = re.compile(r"(?:\be\.g|\bi\.e|\bc|\bDr|\bMr|\bMrs|\bSt|\bvs|\betc)\.$", re.I)
_INITIAL_END = re.compile(r"(?<![\w.’'])[A-Z]\.$")  # "D. F. Malan": an initial, not a full stop
_PRONOUN_START = re.compile(
    r"^(?:he|she|it|they|this|these|those|his|her|its|their|him|them|then|also|but|and|so|or|"
    r"thus|therefore|hence|consequently)\b",  # ("Thus he recognized ...": the clause before)
    re.I,
)
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(n: int) -> str:
    """``5`` -> ``"five"`` (digits above ten)."""
    return _NUMBER_WORDS[n - 1] if 1 <= n <= len(_NUMBER_WORDS) else str(n)


def clean(text: str) -> str:
    """Collapse whitespace and strip trailing punctuation that a fragment should not carry."""
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" ,;:–—-").rstrip(".").strip()


def capitalise(text: str) -> str:
    """Upper-case the first letter when the text starts with a word (after quotes)."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
        if char not in "‘“'\"(":
            return text
    return text


def sentence(text: str) -> str:
    """A capitalised fragment ending with a full stop."""
    text = capitalise(clean(text))
    return text if text.endswith(("?", "!", ".", "…")) else text + "."


def split_clauses(text: str) -> list[str]:
    """Sentences and semicolon clauses of a passage, cleaned."""
    return list(_clauses(text))


@lru_cache(maxsize=8192)
def _clauses(text: str) -> tuple[str, ...]:
    parts: list[str] = []
    for paragraph in text.split("\n"):
        pieces: list[str] = []
        for piece in _CLAUSE_SPLIT.split(paragraph):
            if (
                pieces
                and (_ABBREVIATION_END.search(pieces[-1]) or _INITIAL_END.search(pieces[-1]))
                and piece[:1].isupper()
            ):
                pieces[-1] = f"{pieces[-1]} {piece}"  # "(e.g. Lysenkoism)" is one clause
            else:
                pieces.append(piece)
        parts.extend(c for c in (clean(p) for p in pieces) if c)
    return tuple(parts)


_IRREGULAR_PAST = frozenset(
    """
    led became won lost made took gave sent left fled fought wrote set met ran began held saw
    was were had rose built broke came went spent kept brought sought told said thought taught
    stood struck became bought drove flew fell grew knew paid put read rode sold shot spoke
    stole swore threw understood withdrew overthrew
    """.split()  # noqa: SIM905
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'-]+|[A-Z]\.|de|van|von|der|al|el|la|le|da|du|bin)$")


def looks_like_name(text: str) -> bool:
    """True for a heading that is a person's name ("Nelson Mandela", "F. W. de Klerk")."""
    parts = text.strip().rstrip(":").split()
    if not 2 <= len(parts) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if parts[0].lower() in ("the", "a", "an"):
        return False  # "The Brezhnev Doctrine" is no one's name
    if not parts[0][:1].isupper() or not parts[-1][:1].isupper() or parts[-1].endswith("."):
        return False
    return all(_NAME_WORD.match(p) for p in parts) and parts[-1].lower() not in STOPWORDS


def starts_with_verb(text: str) -> bool:
    """True for a clause with no subject ("Died in police custody in 1977")."""
    first = _WORD.match(text.strip(" ‘’'\"("))
    if first is None:
        return False
    word = first.group(0).lower()
    return word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 3)


_PASSIVE = frozenset(
    """
    sentenced released elected arrested imprisoned executed exiled born appointed assassinated
    murdered deported jailed expelled dismissed purged deposed overthrown crowned awarded
    captured tried banned injured wounded named nominated re-elected interned
    """.split()  # noqa: SIM905
)


def with_subject(clause: str, subject: str | None, *, passive: bool = False) -> str:
    """A subjectless clause under a person's name, given that person as its subject."""
    if subject is None or not starts_with_verb(clause) or subject.lower() in clause.lower():
        return clause
    first, _, rest = clause.partition(" ")
    # "Sentenced to life..." / "Weakened by the Kornilov Affair" -> "... was sentenced"
    passive = passive or first.lower() in _PASSIVE or rest.startswith("by ")
    was = "was " if passive else ""
    joined = f"{subject} {was}{clause[:1].lower()}{clause[1:]}"
    # "X passed in 1933, it closed all banks": the pronoun is X again, so no comma splice
    return _SPLICE.sub(" and ", joined, count=1)


_SPLICE = re.compile(r",\s+(?:it|they|he|she)\s+(?=[a-z])")


def point_clauses(heading: str, title: str, text: str) -> list[str]:
    """The clauses of a point, each able to stand alone: a person heading supplies the subject
    of a bullet that has none ("Steve Biko" + "Died in police custody" -> "Steve Biko died...")."""
    bare = [re.sub(r"\s*\([^)]*\)\s*$", "", s).strip().rstrip(":") for s in (title, heading)]
    subject = next((s for s in bare if looks_like_name(s) or _known_person(s)), None)
    thing = bare[0] if subject is None and _THING.match(bare[0]) else None
    found: list[str] = []
    if title and text[:1].islower() and _TITLE_SENTENCE.search(title):
        # "In 1948 two states were set up: the Republic of Korea ...": the title is the first
        # half of the sentence its text ends
        text = f"{title.rstrip(' :')}: {text}"
    for clause in split_clauses(text):
        # a sub-heading the layout ran into its text: "Events On 23 October 1956 students ..."
        clause = _GLUED_LABEL.sub("", clause)
        if _GLUED_QUESTION.match(clause):
            continue  # "Why the West did not help Britain and France were busy ...": no sentence
        if found and _needs_antecedent(clause):
            found[-1] = f"{found[-1]}; {clause}"  # "...; Mao had him dismissed": keep who "him" is
        elif thing is not None:
            # "The Brezhnev Doctrine" + "Announced in November 1968" -> "... was announced ..."
            passive = _THING_PASSIVE.match(clause) is not None
            found.append(with_subject(clause, thing, passive=passive))
        else:
            found.append(with_subject(clause, subject))
    return found


_TITLE_SENTENCE = re.compile(r"\s(?:was|were|is|are|had|has|have)\s")
_GLUED_LABEL = re.compile(
    r"^(?:Background|Events|Causes|Consequences|Results|Effects|Aftermath|Outcomes?|Summary|"
    r"Overview|Significance|Impact|Context|Reasons)\s+(?=[A-Z])"
)
_GLUED_QUESTION = re.compile(r"^(?:Why|How)\s(?!.*\?$)")


# A title naming a thing ("The Brezhnev Doctrine", "The Enabling Act") and the participles
# that, first in its text, can only be its passive
_THING = re.compile(r"^(?:The\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}$")
_THING_PASSIVE = re.compile(
    r"^(?:announced|introduced|signed|set\s+up|formed|founded|established|created|"
    r"launched|published|abolished|issued|proclaimed|declared|built|agreed)\s+(?:in|on|at|by)\b",
    re.I,
)


def _known_person(heading: str) -> bool:
    """True for a one-word heading that names a person Clio knows ("Trotsky", "Lenin")."""
    if " " in heading or not heading[:1].isupper():
        return False
    from clio.generate.lexicon import load_lexicon  # text tools load no data unless needed

    entry = load_lexicon().lookup(heading)
    return entry is not None and entry.kind == "person"


_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b(?!\s+own)")


def _needs_antecedent(clause: str) -> bool:
    """True when "him"/"her" in a clause can only mean someone named in an earlier clause."""
    match = _OBJECT_PRONOUN.search(clause)
    if match is None:
        return False
    names = re.findall(r"\b[A-Z][a-z]+", clause[: match.start()])
    return len(names) < 2


# "All confessed to absurd crimes", "Most of them fled": a quantifier standing for people
# named before
_QUANTIFIER_START = re.compile(
    r"^(?:all|both|each|many|most|some|several|none|others)\s+(?:of\s+them\b|were\b|was\b|"
    r"had\b|have\b|are\b|is\b|[a-z]+ed\b)",
    re.I,
)


def starts_with_pronoun(text: str) -> bool:
    """True when a fragment cannot stand alone ("he signed...", "this meant...", "all
    confessed...")."""
    stripped = text.strip(" ‘’'\"(")
    return bool(_PRONOUN_START.match(stripped) or _QUANTIFIER_START.match(stripped))


def words(text: str) -> list[str]:
    """The words of a text, lower-cased."""
    return [w.lower().strip("'’-") for w in _WORD.findall(text)]


def significant_words(text: str) -> list[str]:
    """Words that carry meaning: not stopwords, at least four letters (or all-capitals)."""
    return list(_significant(text))


@lru_cache(maxsize=16384)
def _significant(text: str) -> tuple[str, ...]:
    found = []
    for raw in _WORD.findall(text):
        word = raw.strip("'’-")
        lower = word.lower().removesuffix("’s").removesuffix("'s")
        if lower in STOPWORDS:
            continue
        if len(lower) >= 4 or (word.isupper() and len(word) >= 2):
            found.append(lower)
    return tuple(found)


@lru_cache(maxsize=16384)
def words_match(a: str, b: str) -> bool:
    """True when two lower-case words are forms of each other ("china"/"chinese")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4:
        return False
    return long_.startswith(short[: max(4, len(short) - 1)])


class WordMatcher:
    """Answers ``any(words_match(word, w) for w in words)`` quickly for many words."""

    def __init__(self, known: list[str]) -> None:
        self.exact = set(known)
        self.prefixes = {w[:k] for w in known if len(w) >= 4 for k in range(4, len(w) + 1)}
        self.heads = {w[: max(4, len(w) - 1)] for w in known if len(w) >= 4}

    def matches(self, word: str) -> bool:
        """True when ``word`` is a form of one of the known words."""
        if word in self.exact:
            return True
        if len(word) < 4:
            return False
        if word[: max(4, len(word) - 1)] in self.prefixes:
            return True
        return any(word[:k] in self.heads for k in range(4, len(word) + 1))


def shares_word(a: str, b: str, ignore: frozenset[str] = frozenset()) -> bool:
    """True when the two texts share a significant word (allowing for word endings).

    Words in ``ignore`` (those the whole topic uses, such as "China") do not count.
    """
    other = [w for w in significant_words(b) if w not in ignore]
    return any(words_match(x, y) for x in significant_words(a) if x not in ignore for y in other)


@lru_cache(maxsize=16384)
def gives_away(answer: str, prompt: str) -> bool:
    """True when the prompt contains the answer or one of its key words."""
    a, p = answer.casefold().strip(), prompt.casefold()
    if not a or re.search(rf"(?<!\w){re.escape(a)}(?!\w)", p):
        return True
    prompt_words = set(words(prompt))
    keys = significant_words(answer)
    if not keys:
        return any(w in prompt_words for w in words(answer))
    for word in keys:
        if len(word) < 4:
            if word in prompt_words:
                return True
        elif any(words_match(word, w) for w in prompt_words):
            return True
    return False


def title_without_date(title: str) -> str:
    """ "Korea, 1950" -> "Korea"; "Kim Il Sung, Jun 1950" -> "Kim Il Sung"."""
    dates = find_dates(title)
    if not dates:
        return clean(title)
    last = dates[-1]
    tail = title[last.end :].strip(" )]:.;,")
    if tail:
        return clean(title)
    head = title[: last.start].rstrip(" ,(–—-:")
    head = re.sub(r"\b(?:in|of|from|on|c\.)$", "", head.strip(), flags=re.I).strip(" ,")
    return clean(head) or clean(title)


def remove_dates(text: str) -> str:
    """The text with its date phrases (and the words that introduce them) taken out."""
    result = text
    for match in reversed(find_dates(text)):
        before = result[: match.start]
        after = result[match.end :]
        intro = re.search(
            r"\b(?:in|by|on|from|during|of|until|since|after|before)\s+(?:the\s+)?$", before, re.I
        )
        if intro:
            before = before[: intro.start()]
        lead = re.search(
            r"\b(?:the\s+)?(?:end|start|beginning|middle|autumn|spring|summer|"
            r"winter|fall)\s+$",
            before,
            re.I,
        )
        if intro and lead:
            before = before[: lead.start()]  # "By the end of 1920" -> ""
            by = re.search(r"\b(?:by|at|in|from|until|towards?)\s+$", before, re.I)
            if by:
                before = before[: by.start()]
        dangling = re.search(r",\s+[a-z]+ed\s*$", before)
        if intro and dangling and after.lstrip().startswith(","):
            before = before[: dangling.start()]  # ", introduced in June 1918," -> ","
        if not before.strip():
            after = after.lstrip(" ,")
        result = before.rstrip() + (" " if before.strip() and after[:1].isalnum() else "") + after
    result = re.sub(r"\(\s*\)", "", result)  # "Cominform (1947): linked" -> "Cominform: linked"
    result = re.sub(r"\s+([,.;:)])", r"\1", result)
    result = re.sub(r",(?:\s*,)+", ",", result)  # "On Black Tuesday, 29 October 1929, 16 ..."
    result = re.sub(r",\s*([.;:])", r"\1", result)
    return clean(result)


def period_phrase(period: Period) -> str:
    """ "in 1962", "in Dec 1950", "on 3 May 1945", "in 1950–1953"."""
    preposition = "on" if period.start.day is not None and not period.is_range else "in"
    return f"{preposition} {period.label()}"


EVENT_WORDS = frozenset(
    """
    war wars treaty treaties conference conferences truce armistice visit visits
    confrontation crisis invasion revolution agreement pact summit battle uprising
    rising revolt rebellion campaign plan leap purge purges reform reforms act election
    elections massacre strike blockade airlift split coup incident famine congress
    speech protest protests occupation withdrawal declaration doctrine putsch fire
    boycott march meeting talks accord settlement alliance negotiations crash collapse
    assassination bombing landings offensive siege clashes clash dispute referendum
    trial trials exchange mission
    """.split()  # noqa: SIM905
)
PLURAL_EVENT_WORDS = frozenset(w for w in EVENT_WORDS if w.endswith("s") and w[:-1] in EVENT_WORDS)
PLURAL_EVENT_WORDS |= {"treaties", "talks", "negotiations", "landings", "accords", "laws"}
_AGREEMENT_WORDS = frozenset(
    """
    treaty agreement pact accord settlement truce armistice conference summit alliance
    """.split()  # noqa: SIM905
)


_QUESTION_WORDS = frozenset(
    ["why", "how", "what", "when", "where", "which", "who", "reasons", "causes"]
)


_ASPECT_OF = re.compile(
    r"^(?:the\s+)?(?:terms|causes|effects|results|consequences|reasons|aims|impact|outcome|"
    r"significance|importance|successes|failures|course|aftermath)\s+of\b",
    re.I,
)


def is_event_name(text: str) -> bool:
    """True for names of events ("Sino-Indian War", "Mao's Moscow visit"), not questions."""
    found = words(text)
    if not found or found[0] in _QUESTION_WORDS or text.rstrip().endswith("?"):
        return False
    if len([w for w in found if w not in {"the", "a", "an"}]) < 2:
        return False  # "The crisis": too vague to ask "when was it?"
    if _ASPECT_OF.match(text.strip()):
        return False  # "The terms of the treaty", "Effects of the Crash": a topic, not an event
    return any(w in EVENT_WORDS for w in found) and len(found) <= 7


def is_agreement(text: str) -> bool:
    """True for names of treaties and agreements."""
    return any(w in _AGREEMENT_WORDS for w in words(text))


def with_article(name: str) -> str:
    """ "Sino-Indian War" -> "the Sino-Indian War"; possessives and "The ..." stay as they are."""
    stripped = name.strip()
    first = stripped.split(" ", 1)[0]
    if first in {"The", "A", "An"}:
        return first.lower() + stripped[len(first) :]
    if first.lower() in {"the", "a", "an"} or first.endswith(("'s", "’s", "s'")):
        return stripped
    if is_common_noun_title(stripped):
        return stripped  # "Land reform", not "the Land reform"
    return f"the {stripped}"


# Countable things a sentence-case title may name ("Korean war"): these keep "the"
_COUNTABLE = frozenset(
    [
        "war",
        "treaty",
        "crisis",
        "conference",
        "revolution",
        "pact",
        "agreement",
        "plan",
        "act",
        "invasion",
        "summit",
        "uprising",
        "rebellion",
        "putsch",
        "coup",
        "campaign",
        "movement",
        "election",
        "strike",
        "march",
        "battle",
        "siege",
        "airlift",
        "visit",
        "split",
        "crash",
        "blockade",
        "incident",
        "affair",
        "trial",
        "massacre",
        "congress",
        "meeting",
        "speech",
        "declaration",
        "programme",
        "program",
        "policy",
    ]
)


def is_common_noun_title(title: str) -> bool:
    """True for a sentence-case title naming a process, not a thing ("Land reform",
    "Rural collectivisation"): the words after the first are lower case and it ends in no
    countable noun or plural."""
    parts = title.split()
    if len(parts) < 2 or not parts[0][:1].isupper() or parts[0].isupper():
        return False
    if re.search(r"-[A-Z]", parts[0]):
        return False  # "Greek-Bulgarian dispute", "Sino-Indian border war"
    rest = parts[1:]
    if not all(w.isalpha() and w.islower() for w in rest):
        return False
    last = rest[-1]
    return last not in _COUNTABLE and not (last.endswith("s") and not last.endswith("ss"))


_IRREGULAR = {
    "be": "was", "break": "broke", "go": "went", "become": "became", "fall": "fell", "win": "won",
    "lose": "lost", "take": "took", "make": "made", "give": "gave", "begin": "began",
    "choose": "chose", "fight": "fought", "do": "did", "have": "had", "come": "came",
    "lead": "led", "leave": "left", "split": "split", "rise": "rose", "seek": "sought",
    "build": "built", "run": "ran", "get": "got", "bring": "brought", "hold": "held",
    "keep": "kept", "send": "sent", "spend": "spent", "sell": "sold", "tell": "told",
    "think": "thought", "say": "said", "find": "found", "feel": "felt", "withdraw": "withdrew",
    "undergo": "underwent", "overthrow": "overthrew", "drive": "drove", "throw": "threw",
    "set": "set", "put": "put", "cut": "cut", "let": "let", "forge": "forged", "stand": "stood",
    "grow": "grew", "know": "knew", "see": "saw", "shake": "shook", "strike": "struck",
    "sink": "sank", "spread": "spread", "pay": "paid", "lay": "laid", "mean": "meant",
}  # fmt: skip
_DOUBLE = frozenset(["stop", "plan", "ban", "drop", "ship", "slip", "grip", "trap", "rob", "jam"])


def past_tense(verb: str) -> str:
    """Simple past of an English verb ("break" -> "broke", "fail" -> "failed")."""
    lower = verb.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower in _DOUBLE:
        return lower + lower[-1] + "ed"
    if lower.endswith("e"):
        return lower + "d"
    if lower.endswith("y") and len(lower) > 2 and lower[-2] not in "aeiou":
        return lower[:-1] + "ied"
    return lower + "ed"


_SKIP_AFTER_DID = frozenset(["the", "a", "an", "of", "and", "for", "in", "on", "de", "von", "van"])


def why_clause(heading: str) -> str | None:
    """ "Why did China break with the USSR?" -> "why China broke with the USSR"; else None."""
    text = clean(heading).rstrip("?").strip()
    lower = text.lower()
    if not lower.startswith("why "):
        return None
    rest = text[4:].strip()
    parts = rest.split()
    if not parts:
        return None
    aux = parts[0].lower()
    if aux in {"did", "do", "does"}:
        for index in range(1, len(parts)):
            token = parts[index]
            after_possessive = parts[index - 1].endswith(("'s", "’s"))  # "the Tsar's regime"
            if (
                index > 1
                and token.islower()
                and token not in _SKIP_AFTER_DID
                and not after_possessive
            ):
                subject = " ".join(parts[1:index])
                verb = past_tense(token) if aux == "did" else token
                tail = " ".join(parts[index + 1 :])
                return " ".join(x for x in ("why", subject, verb, tail) if x)
        return None
    if aux in {"was", "were", "is", "are", "had", "has", "could", "would", "should", "might"}:
        for index in range(1, len(parts)):
            token = parts[index]
            if index > 1 and token.islower() and token not in _SKIP_AFTER_DID:
                subject = " ".join(parts[1:index])
                tail = " ".join(parts[index:])
                return f"why {subject} {aux} {tail}"
        return None
    return f"why {rest}"


@dataclass(frozen=True, kw_only=True)
class CausePhrase:
    """How to ask about a cause section: "a reason why ...", "a cause of ..."."""

    noun: str  # "reason" or "cause"
    link: str  # "why China broke with the USSR", "for Hitler's rise to power"
    outcome: str  # what the causes explain: "why China broke ...", "Hitler's rise to power"


_CAUSE_HEAD = re.compile(
    r"^(?:the\s+)?(?:(?:main|key|long-term|short-term)\s+)?(?P<noun>reasons?|causes?)\s+"
    r"(?P<prep>for|of|why)\s+(?P<rest>.+)$",
    re.I,
)


def cause_phrase(heading: str) -> CausePhrase | None:
    """The cause phrasing of a "Why ...", "Reasons for ..." or "Causes of ..." heading."""
    heading = bare_heading(heading)  # "Key question: Why did ...?"
    why = why_clause(heading)
    if why:
        return CausePhrase(noun="reason", link=why, outcome=why)
    match = _CAUSE_HEAD.match(clean(heading).rstrip("?"))
    if not match:
        return None
    noun = "cause" if match.group("noun").lower().startswith("cause") else "reason"
    rest = match.group("rest").strip()
    prep = match.group("prep").lower()
    if prep == "why":
        return CausePhrase(noun=noun, link=f"why {rest}", outcome=f"why {rest}")
    return CausePhrase(noun=noun, link=f"{prep} {rest}", outcome=rest)


_VERBS = frozenset(
    """
    was were is are be been had has have did does do became become began begun won lost took
    gave made led went came fell broke sent said told held kept ran saw met let set put fought
    bought brought thought sought left built drove rose grew knew spread paid meant stood
    struck sank shook wrote ruled agreed signed can could would should will might must
    """.split()  # noqa: SIM905
)


def looks_like_statement(text: str) -> bool:
    """True when a clause has a verb ("Kirov is murdered"), not just a name or a heading."""
    return any(w in _VERBS or (len(w) > 4 and w.endswith("ed")) for w in words(text))


def is_date_only(text: str) -> bool:
    """True for titles that are only a date ("1924", "Dec 1934", "1936-38")."""
    dates = find_dates(text)
    rest = text
    for match in reversed(dates):
        rest = rest[: match.start] + rest[match.end :]
    return bool(dates) and not any(ch.isalpha() for ch in rest)


# "By 1948 they controlled Poland" is true of 1953 too: a bound, not the date it happened.
_DATE_BOUNDS = (
    (re.compile(r"\b(?:by|before|until|till)\s+(?:the\s+end\s+of\s+|the\s+)?$", re.I), -1),
    (re.compile(r"\b(?:after|since|from)\s+(?:the\s+)?$", re.I), 1),
)


def date_bound(before: str) -> int:
    """For the text just before a date: -1 when it makes the date an upper bound ("by 1948"),
    1 a lower bound ("after 1947"), 0 when the date is when it happened."""
    for pattern, side in _DATE_BOUNDS:
        if pattern.search(before):
            return side
    return 0


# Days a name gives away: "the St Valentine's Day Massacre" tells the date (14 February).
_NAMED_DAYS = (
    (re.compile(r"\bvalentine[’']?s?\s+day\b", re.I), 2, 14),
    (re.compile(r"\bchristmas\s+(?:day|eve)?\b", re.I), 12, 25),
    (re.compile(r"\bboxing\s+day\b", re.I), 12, 26),
    (re.compile(r"\bnew\s+year[’']?s\s+(?:day|eve)\b", re.I), 1, 1),
    (re.compile(r"\bbastille\s+day\b", re.I), 7, 14),
    (re.compile(r"\bindependence\s+day\b", re.I), 7, 4),
    (re.compile(r"\barmistice\s+day\b", re.I), 11, 11),
    (re.compile(r"\bmay\s+day\b", re.I), 5, 1),
    (re.compile(r"\bguy\s+fawkes\b", re.I), 11, 5),
    (re.compile(r"\bhalloween\b", re.I), 10, 31),
)


def names_the_day(text: str, period: Period | None) -> bool:
    """True when ``text`` names the day a date falls on ("St Valentine's Day" for 14 Feb), so
    asking for the date, or swapping it, gives the answer away."""
    if period is None or period.start.month is None:
        return False
    start = period.start
    return any(
        pattern.search(text) and start.month == month and start.day in (None, day)
        for pattern, month, day in _NAMED_DAYS
    )
