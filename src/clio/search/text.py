"""Words for search: tokens, a light stemmer, stop words and history-notes synonyms."""

from __future__ import annotations

import re
from functools import lru_cache


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# letters of any alphabet ("Niemöller" is one word, not "Niem" and "ller")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|-)*(?:['’][^\W\d_]+)?|\d[\d,.]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘'\"“(])|\n+|;\s*")

STOP_WORDS = _wordset(
    """
    a about after again against all also am an and any are as at be because been before being
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    whose why will with would you your yours yourself yourselves
    did does do done get got according notes say said tell many much happen happened occur
    occurred mean means meant define
    """
)

# Phrases rewritten before tokenising, so a paraphrase meets the notes' own words.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b{pattern}\b", re.IGNORECASE), replacement)
    for pattern, replacement in (
        # Verbs a student words otherwise: "give up the throne" is to abdicate (before "give up"
        # = cede), "put to death" to execute, "lose their lives" to die.
        (
            r"(?:g[ai]ve(?:n)?|giv(?:es|ing)) up (?:the|his|her|their) (?:throne|crown)|"
            r"st(?:ep|eps|epped|epping) down (?:as|from) (?:\w+ )?"
            r"(?:tsar|king|queen|emperor|kaiser)|"
            r"renounc(?:e|es|ed|ing) (?:the|his|her) (?:throne|crown)",
            "abdicated",
        ),
        (r"p(?:ut|uts|utting) (?:\w+ )?to death", "executed"),
        (r"l(?:ose|oses|ost|osing) (?:their|his|her|its) li(?:fe|ves)", "died"),
        (
            r"hand(?:s|ed|ing)? over|g[ai]ve(?:n)? up|giv(?:es|ing) up|surrender(?:s|ed|ing)?",
            "ceded",
        ),
        (r"transferr?(?:ed|ing|s)?", "ceded"),
        (
            r"t(?:ake|akes|aking|ook|aken) (?:the \w+ )?out|pull(?:s|ed|ing)? out|"
            r"withdr[ae]w(?:s|n|ing)?",
            "remove",
        ),
        (r"t(?:ake|akes|ook|aken) place", ""),
        (r"soviet union", "ussr"),
        (r"backed(?! down| off| out)|backing(?! down| off| out)", "supported"),
        (r"united states(?: of america)?|u\.s\.a?\.?", "usa"),
        (r"united nations", "un"),
        (r"people'?s republic of china", "prc"),
        (r"great leap forward", "greatleap"),
        # seats of government named for their governments (the notes use either)
        (r"(?:the )?white house", "washington"),
        (r"(?:the )?kremlin", "moscow"),
        (r"downing street|whitehall", "london"),
        # "the NKVD under Nikolai Yezhov", "Germany under Hitler": led by that person
        (r"(?-i:[Uu]nder(?= [A-Z]))", "leader"),
    )
)

# Stems that mean the same thing in these notes; both the notes and the question are mapped.
_CANONICAL = {
    "head": "lead",  # "Who headed the NKVD?" / "the NKVD under Yezhov"
    "frontier": "border",
    "humiliat": "embarrass",
    "shame": "embarrass",
    "insult": "call",
    "harbour": "port",
    "harbor": "port",
    "dock": "port",
    "russia": "ussr",
    "moscow": "moscow",
    "america": "usa",
    "us": "usa",
    "soldier": "troop",
    "kill": "dead",
    "die": "dead",
    "death": "dead",
    "casualty": "dead",
    "fund": "money",
    "lend": "loan",
    "lent": "loan",
    "borrow": "loan",
    "financ": "money",
    "cash": "money",
    "rift": "break",
    "split": "break",
    "breakdown": "break",
    "fallout": "break",
    "communist": "communism",
    "expert": "expert",
    "adviser": "expert",
    "advisor": "expert",
    "specialist": "expert",
    "pupil": "student",
    "ceasefire": "truce",
    "armistice": "truce",
    "scholar": "historian",
    # verbs a student words otherwise ("Where was the king caught?" / "arrested at Varennes")
    "catch": "arrest",
    "seiz": "captur",
    "escap": "fle",
    "victory": "win",  # "Franco declared victory" / "When did Franco say he had won?"
    "victorious": "win",
    "announc": "declar",
    "proclaim": "declar",
}

_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "gave": "giv",
    "given": "giv",
    "sent": "send",
    "went": "go",
    "fell": "fall",
    "fallen": "fall",
    "fought": "fight",
    "taught": "teach",
    "paid": "pay",
    "led": "lead",
    "leader": "lead",  # "Who led the SA?" / "Its leader, Ernst Röhm"
    "leaders": "lead",
    "won": "win",
    "lost": "lose",
    "losses": "lose",
    "loss": "lose",
    "losing": "lose",
    "broke": "break",
    "broken": "break",
    "chose": "choose",
    "held": "hold",
    "met": "meet",
    "took": "take",
    "taken": "take",
    "began": "begin",
    "begun": "begin",
    "wrote": "writ",
    "written": "writ",
    "ussr": "ussr",
    "us": "us",
    "was": "was",
    "has": "has",
    "this": "this",
    "its": "its",
    "give": "giv",
    "gives": "giv",
    "giving": "giv",
    "write": "writ",
    "writes": "writ",
    "writing": "writ",
}

# What a people is called, and its country: "the French" and "France" are one word to the index.
_DEMONYM_COUNTRY = {
    demonym: country
    for country, demonyms in {
        "afghanistan": "afghan", "algeria": "algerian", "argentina": "argentine argentinian",
        "australia": "australian", "austria": "austrian", "belgium": "belgian",
        "britain": "british briton", "england": "english", "bulgaria": "bulgarian",
        "burma": "burmese", "cambodia": "cambodian", "canada": "canadian", "chile": "chilean",
        "cuba": "cuban", "czechoslovakia": "czechoslovak czechoslovakian", "denmark": "danish dane",
        "netherlands": "dutch", "egypt": "egyptian", "ethiopia": "ethiopian",
        "abyssinia": "abyssinian", "finland": "finnish finn", "france": "french",
        "germany": "german", "greece": "greek", "hungary": "hungarian",
        "indonesia": "indonesian", "iran": "iranian", "persia": "persian", "iraq": "iraqi",
        "ireland": "irish", "israel": "israeli", "italy": "italian", "japan": "japanese",
        "jordan": "jordanian", "lebanon": "lebanese", "libya": "libyan", "mexico": "mexican",
        "mongolia": "mongolian", "norway": "norwegian", "pakistan": "pakistani",
        "palestine": "palestinian", "poland": "polish", "portugal": "portuguese",
        "romania": "romanian", "ussr": "soviet russian", "usa": "american", "china": "chinese",
        "india": "indian", "albania": "albanian", "korea": "korean", "manchuria": "manchurian",
        "scotland": "scottish scot",
        "serbia": "serbian serb", "spain": "spanish spaniard", "sweden": "swedish swede",
        "switzerland": "swiss", "syria": "syrian", "taiwan": "taiwanese", "turkey": "turkish turk",
        "ukraine": "ukrainian", "vietnam": "vietnamese", "wales": "welsh",
        "yugoslavia": "yugoslav yugoslavian", "rhodesia": "rhodesian", "kenya": "kenyan",
        "nigeria": "nigerian", "ghana": "ghanaian", "congo": "congolese", "angola": "angolan",
        "prussia": "prussian", "bavaria": "bavarian", "austria-hungary": "austro-hungarian",
    }.items()
    for demonym in demonyms.split()
}  # fmt: skip
_DEMONYMS: dict[str, str] = {}  # demonym -> its country's stem (filled once stem() exists)


def is_demonym(word: str) -> bool:
    """True for a word naming a people or their country's adjective ("French", "Soviets")."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    return w in _DEMONYM_COUNTRY or (w.endswith("s") and w[:-1] in _DEMONYM_COUNTRY)


# Irregular verb forms, mapped to their base form before the usual suffix stripping.
_VERB_FORMS = {
    form: base
    for base, forms in {
        "die": "died dies dying", "flee": "fled flees fleeing", "shoot": "shot",
        "buy": "bought", "bring": "brought", "build": "built", "catch": "caught",
        "drive": "drove driven", "forbid": "forbade forbidden", "grow": "grew grown",
        "know": "knew known", "rise": "rose risen", "sink": "sank sunk", "see": "saw seen",
        "sell": "sold", "speak": "spoke spoken", "stand": "stood", "strike": "struck stricken",
        "swear": "swore sworn", "think": "thought", "throw": "threw thrown", "tell": "told",
        "understand": "understood", "withdraw": "withdrew withdrawn",
        "overthrow": "overthrew overthrown", "seek": "sought", "keep": "kept", "feel": "felt",
        "mean": "meant", "say": "said", "lay": "laid", "hide": "hid hidden", "bear": "bore born",
        "feed": "fed", "freeze": "froze frozen", "run": "ran", "sit": "sat", "wear": "wore worn",
        "arise": "arose arisen", "become": "became", "come": "came", "make": "made",
        "fly": "flew flown", "draw": "drew drawn", "deal": "dealt", "hang": "hung",
        "spend": "spent", "forget": "forgot forgotten", "get": "got", "eat": "ate eaten",
        "steal": "stole stolen", "shake": "shook shaken", "undertake": "undertook undertaken",
        "foresee": "foresaw foreseen", "uphold": "upheld", "overcome": "overcame",
        "win": "winning", "lead": "leading", "leave": "left leaves leaving",
    }.items()
    for form in forms.split()
}  # fmt: skip


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic stem: plurals, -ed/-ing, demonyms and a few synonyms folded."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    demonym = _DEMONYMS.get(w) or (_DEMONYMS.get(w[:-1]) if w.endswith("s") else None)
    if demonym is not None:
        return demonym
    if w in _IRREGULAR:
        w = _IRREGULAR[w]
        return _CANONICAL.get(w, w)
    if w in _VERB_FORMS:
        w = _strip_suffix(_VERB_FORMS[w])
        return _CANONICAL.get(w, w)
    if w in _CANONICAL:
        return _CANONICAL[w]
    if not w[:1].isdigit():
        w = _strip_suffix(w)
    return _CANONICAL.get(w, w)


def _strip_suffix(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("es") and w[-3] in "sxz" and not w.endswith("ses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif w.endswith(("isation", "ization")) and len(w) > 9:
        return w[:-5]  # "nationalisation" -> "nationalis", as "nationalised"
    elif w.endswith(("ation", "ated", "ate")) and len(w) > 6:
        cut = 5 if w.endswith("ation") else 4 if w.endswith("ated") else 3
        root = w[:-cut]
        if len(root) >= 4 and root[-1] not in "aeiou":
            return root  # "assassination", "assassinated" -> "assassin"; "liberation" -> "liber"
        w = w[:-2] if w.endswith("ated") else w
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 6 and w.endswith(("asion", "usion", "ision", "osion")):
        w = w[:-4] + "d"
    elif len(w) > 6 and w.endswith("ment"):
        w = w[:-4]
    elif len(w) > 5 and w.endswith("ly"):
        w = w[:-2]
    elif len(w) > 5 and w.endswith(("ian", "ean", "can")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsaeiou":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


_DEMONYMS.update({d: stem(c) for d, c in _DEMONYM_COUNTRY.items()})
stem.cache_clear()


_PHRASE_HINT = re.compile(
    r"step|renounc|put|los|hand|give|gave|surrender|transfer|soviet union|united|u\.s|people|"
    r"great leap|take|took|pull|withdr|back|white house|kremlin|downing street|whitehall|under",
    re.IGNORECASE,
)


def normalise_phrases(text: str) -> str:
    """Rewrite multi-word synonyms ("handed over" -> "ceded") so both sides share words."""
    if not _PHRASE_HINT.search(text):  # most passages hold none: skip the dozen rewrites
        return text
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return text


def words(text: str) -> list[str]:
    """The raw word tokens of ``text`` (letters, hyphens, numbers), in order."""
    return [m.group(0).strip(",.") for m in _WORD.finditer(text)]


@lru_cache(maxsize=65536)
def tokens(text: str, *, expand: bool = True) -> tuple[str, ...]:
    """Search tokens: content words, stemmed, optionally with synonyms folded (cached)."""
    if expand:
        text = normalise_phrases(text)
    out = []
    for word in words(text):
        low = word.lower()
        if low in STOP_WORDS:
            continue
        if expand:
            out.append(stem(low))
        else:
            out.append(_plain_stem(low))
    return tuple(t for t in out if t)


@lru_cache(maxsize=65536)
def _plain_stem(word: str) -> str:
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w[:1].isdigit():
        return w
    return _IRREGULAR.get(w) or _strip_suffix(w)


_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|c|ca|cf|etc|vs|Mr|Mrs|Ms|Dr|St|Gen|Col|Capt|Lt|Sgt|Prof|No|Vol|p|pp)\.|"
    r"\b[A-Z]\.)$"
)


def split_sentences(text: str) -> list[str]:
    """Split a passage into sentences and semicolon clauses, keeping their words verbatim."""
    parts: list[str] = []
    pending = ""
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[pos : match.start()]
        pos = match.end()
        if _ABBREVIATION.search(piece.rstrip()) and not match.group(0).strip(" \t"):
            pending += piece + match.group(0)  # "e.g. Lysenkoism", "Kenneth G. Lieberthal"
            continue
        parts.append((pending + piece).strip())
        pending = ""
    parts.append((pending + text[pos:]).strip())
    return [p for p in parts if p]
