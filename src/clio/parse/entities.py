"""Find people, places, organisations, events and figures in a passage of notes.

Known names come from the gazetteer (with their other spellings, e.g. Khruschev -> Nikita
Khrushchev); unknown capitalised names are classified by what surrounds them: a title
("President", "General") makes a person, an ending ("... Party", "... War") an organisation or
an event, a preposition ("in", "to") a place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from clio.model.topic import Entity, EntityKind
from clio.parse.figures import find_figures, make_entity
from clio.parse.gazetteer import GazetteerEntry
from clio.parse.name_index import Token as _Token
from clio.parse.name_index import candidates as _candidates
from clio.parse.name_index import cap as _cap
from clio.parse.name_index import case_ok as _case_ok
from clio.parse.name_index import fold as _fold
from clio.parse.name_index import name_index as _index
from clio.parse.name_index import word_case_ok as _word_case_ok

# The kinds as module constants (reading a member off an Enum class is slow in Python 3.11)
_PERSON, _PLACE, _ORGANISATION = EntityKind.PERSON, EntityKind.PLACE, EntityKind.ORGANISATION
_EVENT, _FIGURE = EntityKind.EVENT, EntityKind.FIGURE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES = _words(
    "president general chairman premier marshal king queen tsar czar kaiser emperor empress "
    "chancellor dr mr mrs miss ms lord lady sir admiral pope senator colonel captain comrade "
    "minister secretary governor ambassador professor prince princess duke archduke field "
    "prime vice foreign"
)
_ORG_ENDINGS = _words(
    "party army navy council league union committee organisation organization congress "
    "assembly movement front bank company corporation association alliance nations government "
    "ministry parliament commission bureau agency guard guards corps society federation "
    "institute university court police"
)
_EVENT_ENDINGS = _words(
    "war wars revolution crisis treaty pact conference agreement plan blockade uprising "
    "rebellion revolt massacre putsch campaign offensive incident doctrine airlift summit "
    "accords act strike purge affair invasion crash election olympics famine rising "
    "reforms reform split leap truce armistice talks trial"
)
_EVENT_STARTS = _words("battle treaty siege operation congress peace")
_PLACE_BEFORE = _words("in to from at into across near towards toward through via outside inside")
_PERSON_BEFORE = frozenset(["by"])
_PERSON_AFTER = _words(
    "said wrote argued claimed believed declared announced insisted feared wanted"
)
GIVEN_NAMES = _words(
    # English
    "adlai albert alfred alice andrew ann anne anthony arthur barbara benjamin betty charles "
    "charlotte christopher clement dean dorothy douglas dwight edith edmund edward eleanor "
    "elizabeth emily emmeline ernest florence frances francis frank frederick geoffrey george "
    "gerald harold harriet harry henry herbert hugh isaac jack james jane jimmy john joseph "
    "katherine kenneth lionel basil cyril reginald rupert percy neil ian alan brian keith roy "
    "gordon tony harriet lyndon margaret mary matthew michael neville nicholas oliver patrick "
    "peter philip ramsay richard robert ronald rosa samuel sarah stanley stephen susan thomas "
    "walter william winston woodrow "
    "agnes beatrice caroline catherine cecil emma grace isabella joan kate lucy matilda maud "
    "ralph roger rachel simon victoria "
    # German, Dutch, Scandinavian
    "adolf bernhard dietrich erich ernst franz friedrich fritz gerhard gustav hans heinrich "
    "helmut hermann horst joachim johann jurgen jürgen karl klaus konrad kurt ludwig manfred "
    "martin max otto reinhard rudolf sophie ulrich werner wilhelm willy wolfgang "
    # French, Italian, Spanish, Portuguese
    "antoine benito charles-maurice edouard édouard emile émile fernand francisco françois "
    "georges giovanni giuseppe jacques jean jean-paul josé juan léon louis luigi marcel "
    "maximilien pierre philippe raymond vittorio "
    # Russian, Polish, Czech, Hungarian, Yugoslav
    "alexander alexandr alexei aleksei alexey anastas andrei andrey boris dmitri dmitry "
    "feliks felix fyodor georgi georgy grigori grigory grigoriy igor ivan josip kliment "
    "konstantin lavrentiy lavrenti lazar lech leon leonid matyas mátyás mikhail nadezhda "
    "nikita nikolai nikolay pavel pyotr sergei sergey semyon stepan vasily vladimir "
    "vyacheslav wladyslaw władysław yakov yuri yury zinovy imre janos jános tomas tomáš "
    "alexander "
    # Middle East, South Asia, Africa
    "ahmed ali anwar gamal hafez indira jawaharlal kwame mohammed muhammad nelson "
    "yasser zhou"
)
_ABBREVIATIONS = _words("st mr mrs dr gen col capt lt sgt jr sr")
_CONNECTORS = _words("of the de von van der al bin la le du")
_COMMON = _words(
    "the a an in on at by for from to of and but or though although however when while after "
    "before during especially also this that these those it he she they we i you his her their "
    "its there as so if with without since until both only some many most all not no what why "
    "how who which where then thus because yet once even still each every other such another "
    "later soon here our my your nor instead meanwhile finally first second third read study "
    "look use answer explain describe compare how far source sources why what"
)
_CALENDAR = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday spring summer autumn fall winter"
)


_WORD_AT = re.compile(r"(?:[A-Z]\.){2,}|\d{1,3}(?:st|nd|rd|th)\b|[^\W\d_](?:[\w'’-]*\w)?")
_GAP = re.compile(r"[ .–—-]*")
# _GAP then _WORD_AT in one match (no gap character can start a word, so nothing backtracks)
_GAP_WORD = re.compile(rf"[ .–—-]*({_WORD_AT.pattern})")
_CAPITAL_NEXT = re.compile(r" +[^\W\d_a-zß-öø-ÿ]")
# whether a capitalised word may be followed by more of a name: a capital, or "of"/"von" + capital
_MAY_CONTINUE = re.compile(
    r"[ .–—-]*(?:[^\W\d_a-zß-öø-ÿ]|(?:of|the|de|von|van|der|al|bin|la|le|du) +[^\W\d_a-zß-öø-ÿ])"
)


def _key(token: _Token) -> str:
    return _fold(token[1])[0]


def _end(token: _Token) -> int:
    return token[0] + len(token[1])


def _next(text: str, token: _Token) -> tuple[_Token, str] | None:
    """The word after ``token`` and the characters between them (spaces, dots, dashes)."""
    end = token[0] + len(token[1])
    found = _GAP_WORD.match(text, end)
    if found is None:
        return None
    position = found.start(1)
    if position == end:
        if position > 0 and text[position - 1].isalnum():
            return None
        return (position, found.group(1)), ""
    gap_text = text[end:position]
    if "." in gap_text:
        if len(token[1]) > 1 and token[1].lower() not in _ABBREVIATIONS:
            return (
                None  # a full stop ends a name, except after an initial ("Kenneth G. Lieberthal")
            )
        if token[1] in _REGNAL and _regnal(text, token, found.group(1)):
            return None  # "Emperor Charles V. Wolsey failed": the V is a number, not an initial
    return (position, found.group(1)), gap_text


_REGNAL = frozenset("IVX")


def _regnal(text: str, numeral: _Token, following: str) -> bool:
    """Whether a one-letter roman numeral before a full stop ends a ruler's name: the sentence
    goes on with a common word ("Henry V. The war"), or a title stands before the name
    ("King Henry V.", "Pope Pius X.")."""
    if _fold(following)[0] in _COMMON:
        return True
    name = _previous_word(text, numeral[0])
    title = _previous_word(text, max(0, numeral[0] - len(name) - 1)) if name else ""
    return _fold(title)[0] in _TITLES if title else False


def _previous_word(text: str, start: int) -> str:
    """The word just before ``start`` on the same line ("" at a line start)."""
    before = text[max(0, start - 40) : start].rsplit("\n", 1)[-1].split()
    return before[-1].strip("\"'“‘(*,;:") if before else ""


def _known_at(text: str, first: _Token) -> tuple[list[_Token], GazetteerEntry] | None:
    """The longest gazetteer name starting with ``first``: (its words, entry)."""
    index = _index()
    names, prefixes = index.names, index.prefixes
    word_key, word_bare = _fold(first[1])
    if word_key not in index.firsts and word_bare not in index.firsts:
        return None
    best: tuple[list[_Token], GazetteerEntry] | None = None
    key: tuple[str, ...] = ()
    words: list[_Token] = []
    token = first
    while True:
        words.append(token)
        probe = (*key, word_key)
        if probe in names:
            found = names[probe]
            if _word_case_ok(found[1], token[1]) if len(words) == 1 else _case_ok(found[1], words):
                best = (list(words), found[0])
        if word_bare != word_key and (bare_probe := (*key, word_bare)) in names:
            found = names[bare_probe]
            if _word_case_ok(found[1], token[1]) if len(words) == 1 else _case_ok(found[1], words):
                best = (list(words), found[0])
        key = probe
        if key not in prefixes:
            break
        following = _next(text, token)
        if following is None:
            break
        token = following[0]
        word_key, word_bare = _fold(token[1])
    return best


def _sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 12) : position].rstrip(" \"'“‘(*")
    if not before:
        return position <= 12 or not text[: position - 12].rstrip(" \"'“‘(*")
    return before[-1] in ".!?:;\n•"


def _run(text: str, first: _Token) -> list[_Token]:
    """The capitalised run starting at ``first`` ("Workers Defence Committee", "Battle of X")."""
    run = [first]
    while True:
        following = _next(text, run[-1])
        if following is None:
            break
        token, gap = following
        if gap.strip(" ") not in ("", "."):
            break
        if _cap(token) and _key(token) not in _CALENDAR:
            run.append(token)
            continue
        after = _next(text, token) if _key(token) in _CONNECTORS else None
        if after is not None and _cap(after[0]) and after[1].strip() == "":
            run.extend((token, after[0]))
            continue
        if (
            token[1] == "and"
            and _key(run[-1]) not in _NAME_ENDINGS
            and not any((_key(t),) in _index().names for t in run)  # "Truman ... and": apart
        ):
            # "Women's Social and Political Union", "Cat and Mouse Act": one name when what
            # follows "and" ends as an organisation's or an event's name
            after = _next(text, token)
            if after is not None and _cap(after[0]) and after[1].strip() == "":
                rest = _run(text, after[0])
                if len(rest) > 1 and _key(rest[-1]) in _NAME_ENDINGS:
                    run.extend((token, *rest))
        break
    return run


def _named_by_shape(run: list[_Token]) -> bool:
    """True for runs whose own words say what they are: "Treaty of Rome", "Moscow Conference"."""
    words = [_key(t) for t in run]
    if len(words) < 2 or words[0] in _TITLES:
        return False
    last = words[-1]
    return (
        last in _ORG_ENDINGS
        or last in _EVENT_ENDINGS
        or (words[0] in _EVENT_STARTS and "of" in words)
    )


def _classify(run: list[_Token], text: str) -> tuple[EntityKind, int] | None:
    """The kind of an unknown capitalised run, and where the name starts in it (after titles)."""
    words = [_key(t) for t in run]
    if words[0] in _TITLES:
        k = 0
        while k < len(run) and words[k] in _TITLES:
            k += 1
        if k < len(run) and words[k] not in _CONNECTORS:  # not "Minister of War"
            return _PERSON, k
        return None
    if words[-1] in _ORG_ENDINGS and len(words) > 1:
        return _ORGANISATION, 0
    if (words[-1] in _EVENT_ENDINGS and len(words) > 1) or (
        words[0] in _EVENT_STARTS and "of" in words
    ):
        return _EVENT, 0
    written = run[0][1]
    if len(words) == 1 and written.isupper() and 2 <= len(written) <= 6:
        return None if _ROMAN.fullmatch(written) else (_ORGANISATION, 0)
    if words[0] in GIVEN_NAMES and len(words) >= 2:
        return _PERSON, 0  # "Sergei Kirov", even at a sentence start
    if words[0] in _COMMON or words[0] in _CALENDAR:
        return None
    if len(words) <= 3 and _WHO_AFTER.match(text, _end(run[-1])) and words[-1][-1:] != "s":
        return _PERSON, 0  # "Bukharin, who wanted to keep the NEP"
    if _sentence_start(text, run[0][0]):
        return None
    previous_word = _previous_word(text, run[0][0])
    previous = _fold(previous_word)[0] if previous_word else ""
    if 2 <= len(words) <= 4:
        following_word = _next(text, run[-1])
        following = _key(following_word[0]) if following_word else ""
        if previous in _PERSON_BEFORE or following in _PERSON_AFTER:
            return _PERSON, 0
    if previous in _PLACE_BEFORE and len(words) <= 3 and not previous_word[:1].isupper():
        return _PLACE, 0
    return None


_ROMAN = re.compile(r"[IVXLC]+")
_NAME_ENDINGS = _ORG_ENDINGS | _EVENT_ENDINGS
_OFFICES = _words(
    "supreme head chief minister secretary chancellor governor leader commander president "
    "general premier chairman"
)
_DETERMINERS = _words("the this that these those his her its their our")
# a relative pronoun for people right after a name: "Trotsky, who ...", "Kirov, whose ..."
_WHO_AFTER = re.compile(r"(?:['’]s)?,? (?:who|whom|whose)\b")


def _classify_word(token: _Token, key: str, text: str) -> EntityKind | None:
    """``_classify([token], text)`` for one capitalised word (``key``: its folded form)."""
    # a title alone names no one; no ending or start makes a one-word event or organisation
    if key in _TITLES:
        return None
    written = token[1]
    if written.isupper() and 2 <= len(written) <= 6:
        return None if _ROMAN.fullmatch(written) else _ORGANISATION
    if key in _COMMON or key in _CALENDAR:
        return None
    if _WHO_AFTER.match(text, token[0] + len(written)) and key[-1:] != "s":
        return _PERSON  # "Bukharin, who wanted to keep the NEP"
    if _sentence_start(text, token[0]):
        return None
    previous_word = _previous_word(text, token[0])
    if not previous_word or previous_word[:1].isupper():
        return None
    if key in GIVEN_NAMES:
        return _PERSON  # "married to Catherine": a given name, not a place after "to"
    return _PLACE if _fold(previous_word)[0] in _PLACE_BEFORE else None


@lru_cache(maxsize=1 << 14)
def _entity(kind: EntityKind, text: str, name: str) -> Entity:
    # entities are frozen, so one instance per (kind, text, name) can be shared
    return make_entity(kind, text, name)


def _title_start(text: str, start: int, entry: GazetteerEntry) -> int:
    """Where a known person's name starts, counting a title before it ("President Kennedy")."""
    if entry.kind is not _PERSON or start < 2 or text[start - 1] != " ":
        return start  # a title ends in the one space before the name
    title = _previous_word(text, start)
    if title and _fold(title)[0] in _TITLES:
        title_start = start - len(title) - 1
        if title_start >= 0 and text[title_start:start] == f"{title} ":
            return title_start
    return start


def find_names(text: str) -> list[tuple[int, Entity]]:
    """Named people, places, organisations and events in ``text``, with start offsets."""
    found: list[tuple[int, Entity]] = []  # known names
    guessed: list[tuple[int, Entity]] = []
    done = 0
    memo: dict[int, tuple[list[_Token], GazetteerEntry] | None] = {}

    def known_at(token: _Token) -> tuple[list[_Token], GazetteerEntry] | None:
        if token[0] not in memo:  # runs are looked at again when the loop reaches their words
            memo[token[0]] = _known_at(text, token)
        return memo[token[0]]

    index = _index()
    singles, firsts = index.singles, index.firsts
    fold, may_continue = _fold, _MAY_CONTINUE.match  # hot loop: local names
    for token in _candidates(text):
        start, word = token
        if start < done:
            continue
        end = start + len(word)
        key, bare = fold(word)
        # ("in" then indexing: cheaper than a dict.get call for the many words not there)
        if key in singles:
            single = singles[key]
        elif bare is not key and bare in singles:
            single = singles[bare]
        else:
            single = None
        if single is not None and not may_continue(text, end):
            # fast path: a one-word name that no longer name starts with ("USSR", "China")
            entry, spelling = single
            if _word_case_ok(spelling, word):
                if entry.kind is _PERSON:
                    start = _title_start(text, start, entry)
                found.append((start, _known_entity(text, start, end, entry)))
                done = end
                continue
        capitalised = word[0].isupper()
        # only words that start a gazetteer name need the (memoised) walk along the text
        known = known_at(token) if key in firsts or bare in firsts else None
        if (
            known is not None
            and capitalised
            and _CAPITAL_NEXT.match(text, known[0][-1][0] + len(known[0][-1][1]))
        ):
            run = _run(text, token)
            last = _key(run[-1])
            if len(run) > len(known[0]) and (last in _ORG_ENDINGS or last in _EVENT_ENDINGS):
                known = None  # "Moscow Conference" is an event, not the place Moscow
        if known is not None:
            words, entry = known
            end = words[-1][0] + len(words[-1][1])
            if entry.kind is _PERSON:
                start = _title_start(text, start, entry)
            found.append((start, _known_entity(text, start, end, entry)))
            done = end
            continue
        if not capitalised or key in _CALENDAR:
            continue
        if len(word) > 1 and not may_continue(text, end):
            # one capitalised word on its own ("Chinese", "In"): no run to gather
            kind = _classify_word(token, key, text)
            if kind is not None:
                word = _strip_possessive(word)
                guessed.append((start, _entity(kind, word, word)))
            done = end
            continue
        run = _run(text, token)
        if len(run) > 1 and _key(run[0]) in _DETERMINERS:
            continue  # "The Lushan Conference", "This Act": a name starts at the next word
        if not _named_by_shape(run):
            # a known name inside the run wins over guessing the run ("General Chuikov")
            cut = next((k for k in range(1, len(run)) if known_at(run[k])), len(run))
            run = run[:cut]
            if len(run) > 1 and _key(run[0]) in GIVEN_NAMES:
                # "made Henry Supreme Head of the Church": an office after a given name is not
                # the rest of the name
                cut = next((k for k in range(1, len(run)) if _key(run[k]) in _OFFICES), len(run))
                run = run[:cut]
        kind_start = _classify(run, text)
        done = _end(run[-1])
        if kind_start is not None:
            kind, first = kind_start
            name = text[run[first][0] : _end(run[-1])]
            words_text = _strip_possessive(text[run[0][0] : _end(run[-1])])
            guessed.append((run[0][0], _entity(kind, words_text, _strip_possessive(name))))
    if not guessed:
        return found  # found left to right: already in order
    if not found:
        return guessed
    found.extend(guessed)
    found.sort(key=_first)
    return found


def _known_entity(text: str, start: int, end: int, entry: GazetteerEntry) -> Entity:
    """The entity of a gazetteer name written as ``text[start:end]``."""
    written = text[start:end]
    if written[-2:] in _POSSESSIVES:
        written = written[:-2]
    return _entity(entry.kind, written, entry.name)


_first = itemgetter(0)


def is_person_name(text: str) -> bool:
    """Whether ``text`` is one person's name and nothing more ("Lenin", "Steve Biko")."""
    name = text.strip()
    found = extract_entities(name)
    return len(found) == 1 and found[0].kind is _PERSON and found[0].text == name


def _strip_possessive(name: str) -> str:
    return name[:-2] if name[-2:] in _POSSESSIVES else name


_POSSESSIVES = frozenset(["'s", "’s"])


@lru_cache(maxsize=1 << 14)
def extract_entities(text: str) -> tuple[Entity, ...]:
    """People, places, organisations, events and figures in ``text``, in order, no repeats."""
    found = find_names(text)  # in order already
    figures = find_figures(text)
    if figures:
        found.extend(figures)
        found.sort(key=_first)
    seen: set[tuple[EntityKind, str]] = set()
    result: list[Entity] = []
    for _, entity in found:
        key = (entity.kind, entity.name if entity.kind is not _FIGURE else entity.text)
        if key not in seen:
            seen.add(key)
            result.append(entity)
    return tuple(result)
