"""Group factors into the themes history essays use, by the keywords their points contain."""

from __future__ import annotations

import re

# Theme names in the order an essay usually takes them; each theme is recognised by word
# beginnings (so "ideolog" matches ideology, ideological, ideologies).
THEMES: tuple[str, ...] = (
    "ideological",
    "political",
    "economic",
    "military",
    "scientific",
    "personal/diplomatic",
)

_KEYWORDS: dict[str, tuple[str, ...]] = {
    "ideological": (
        "ideolog", "communis", "capitalis", "socialis", "marxis", "leninis", "maoism", "stalinism",
        "revisionis", "coexistence", "doctrine", "belief", "propaganda", "religio", "fascis",
        "imperialis", "nationalism", "nationalist", "racis", "liberal", "democra",
        "anti-communis", "harebrained",
    ),
    "political": (
        "government", "party", "parties", "power", "leader", "election", "politic", "policy",
        "policies", "reform", "constitution", "parliament", "dictator", "revolution", "overthr",
        "regime", "legitimate", "vote", "coup", "chancellor", "president", "independence",
        "control", "rule", "opposition", "meddle", "affairs", "act=", "council", "compulsory",
        "law=", "laws=",
    ),
    "economic": (
        "econom", "aid", "loan", "money", "trade", "industr", "cost", "interest", "resource",
        "mineral", "financ", "pay", "paid", "bullion", "sugar", "oil", "wage", "tax", "debt",
        "invest", "depression", "inflation", "famine", "harvest", "agricultur", "price",
        "exploit", "reparation", "unemploy", "wealth", "poverty", "business", "rights",
        "nationalisation", "nationalise", "nationalization", "nationalize", "shareholder", "toll",
        "currency",
    ),
    "military": (
        "war=", "wars=", "warfare", "wartime", "warship", "warlord", "warring", "warsaw", "troop",
        "army", "armies", "invasion", "invade", "attack", "weapon", "missile",
        "nuclear", "military", "border", "clash", "deterren", "soldier", "naval", "navy", "bomb",
        "battle", "defen", "arms", "tactic", "casualt", "fight", "fought", "fighter", "plane",
        "threat", "security", "volunteer", "truce", "ceasefire", "armistice", "blockade", "cia",
        "spy", "exiles", "landed",
    ),
    "scientific": (
        "scien", "discover", "microb", "germ=", "germs=", "bacteri", "vaccin", "inocul",
        "experiment", "research", "microscop", "technolog", "invent", "theory", "theories",
        "anaesthe", "antisept", "asepti", "chloroform", "surg", "infection", "x-ray", "penicillin",
        "antibiotic", "dna", "laborator",
    ),
    "personal/diplomatic": (
        "visit", "treated", "humiliat", "resent", "insult", "personal", "conference", "talks",
        "summit", "treaty", "recogni", "united nations", "diplomat", "ambassador", "relations",
        "alliance", "ally", "allies", "pact", "negotiat", "rival", "respect", "support",
        "agreement", "agreed", "walked out", "called", "swim", "heir", "marri", "divorce",
        "annul", "succession", "mistress", "in love", "jealous", "ambitio",
    ),
}  # fmt: skip


def _keyword(key: str) -> str:
    # "war=" is the whole word only: "war" would also match "warned" and "ward"
    return re.escape(key[:-1]) + r"(?![a-z])" if key.endswith("=") else re.escape(key)


# one pattern per theme: a keyword at the start of a word (phrases match as written)
_PATTERNS = {
    theme: re.compile(r"(?<![a-z])(?:" + "|".join(_keyword(k) for k in keys) + ")")
    for theme, keys in _KEYWORDS.items()
}


def theme_scores(title: str, text: str) -> dict[str, int]:
    """Keyword evidence for each theme: title words count twice, explanation words once."""
    scores = dict.fromkeys(THEMES, 0)
    for weight, part in ((2, title), (1, text)):
        low = part.lower()
        for theme, pattern in _PATTERNS.items():
            scores[theme] += weight * len(pattern.findall(low))
    return scores


def classify_theme(title: str, text: str = "") -> str | None:
    """The theme a factor fits best, or None when its words give too little evidence."""
    scores = theme_scores(title, text)
    best = max(THEMES, key=lambda theme: (scores[theme], -THEMES.index(theme)))
    runner_up = max(scores[theme] for theme in THEMES if theme != best)
    if scores[best] >= 2 or (scores[best] == 1 and runner_up == 0):
        return best
    return None


def theme_adjective(theme: str) -> str:
    """The theme as it reads in a sentence ("a personal and diplomatic factor")."""
    return theme.replace("/", " and ")
