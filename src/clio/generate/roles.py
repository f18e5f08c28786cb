"""People's roles: what a title or an apposition in the notes says a person was, and which
roles can stand in for one another as wrong options ("General ____" wants a general)."""

from __future__ import annotations

import re
from functools import lru_cache

from clio.parse.entities import GIVEN_NAMES

# Roles of the same group are good wrong options for each other; groups listed together in
# _COMPATIBLE are acceptable ones; any other pair is the wrong kind of person.
_GROUPS = {
    "ruler": "president prime-minister monarch party-leader dictator chief",
    "official": "minister official police-chief diplomat legislator judge",
    "rebel": "revolutionary activist rebel assassin",
    "military": "general explorer",
    "religion": "clergy",
    "medicine": "scientist doctor nurse reformer engineer",
    "letters": "writer historian thinker journalist",
    "business": "business worker",
    "crime": "criminal",
    "victim": "victim",
}
GROUP_OF = {role: group for group, roles in _GROUPS.items() for role in roles.split()}
_COMPATIBLE = frozenset(
    frozenset(pair)
    for pair in (
        ("ruler", "official"),
        ("ruler", "rebel"),
        ("official", "rebel"),
        ("ruler", "military"),
        ("official", "military"),
        ("crime", "rebel"),
    )
)

# A title or role noun in the text -> the roles a person so called may have.
_TITLE_ROLES = {
    "president": "president",
    "prime minister": "prime-minister",
    "premier": "prime-minister",
    "chancellor": "prime-minister",
    "general": "general",
    "marshal": "general",
    "field marshal": "general",
    "admiral": "general",
    "commander": "general",
    "chairman": "party-leader",
    "general secretary": "party-leader",
    "first secretary": "party-leader",
    "dictator": "dictator party-leader",
    "king": "monarch",
    "queen": "monarch",
    "tsar": "monarch",
    "czar": "monarch",
    "tsarina": "monarch",
    "kaiser": "monarch",
    "emperor": "monarch",
    "empress": "monarch",
    "archduke": "monarch",
    "pope": "clergy",
    "pastor": "clergy",
    "bishop": "clergy",
    "archbishop": "clergy",
    "cardinal": "clergy",
    "father": "clergy",
    "reverend": "clergy",
    "priest": "clergy",
    "senator": "legislator",
    "congressman": "legislator",
    "secretary of state": "minister diplomat",
    "foreign minister": "minister diplomat",
    "minister": "minister",
    "ambassador": "diplomat",
    "leader": "party-leader president prime-minister dictator monarch chief",
    "scientist": "scientist",
    "chemist": "scientist",
    "surgeon": "doctor",
    "physician": "doctor",
    "doctor": "doctor",
    "nurse": "nurse",
    "engineer": "engineer",
    "gangster": "criminal",
    "historian": "historian",
    "journalist": "journalist",
    "writer": "writer",
    "campaigner": "activist",
    "activist": "activist",
    "revolutionary": "revolutionary",
    "nationalist": "activist revolutionary",
    "worker": "worker",
    "lawyer": "judge",
    "judge": "judge",
}
FEMALE_TITLES = frozenset({"queen", "tsarina", "empress", "madame", "mrs", "lady", "princess"})
_TITLE_WORDS = "|".join(sorted((re.escape(t) for t in _TITLE_ROLES), key=len, reverse=True))
# A title right before a name ("General ", "Presidents Harding, Coolidge and ")
_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
_TITLE_BEFORE = re.compile(
    rf"\b({_TITLE_WORDS})s?\s+(?:{_NAME}(?:,\s+and\s+|,\s+|\s+and\s+))*$", re.I
)
_LOWER_TITLES = frozenset({"leader", "senator", "president", "dictator", "gangster"})
# "A British lawyer, ____," / "the Soviet leader, ____,"
_ROLE_BEFORE = re.compile(rf"\b(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?({_TITLE_WORDS}),\s+$", re.I)
# "three of its five marshals, including ____", "Workers like ____", "generals such as ____"
_KIND_BEFORE = re.compile(
    rf"\b({_TITLE_WORDS})s?,?\s+(?:including|such\s+as|like)\s+(?:{_NAME},\s+)*$", re.I
)
_LEADING_TITLE = re.compile(rf"^({_TITLE_WORDS})\s+(?=[A-Z])", re.I)
# ", a senator from Louisiana", ", the Soviet leader", ", leader of the SS"
_APPOSITION = re.compile(
    rf"^,\s+(?:(?:a|an|the)\s+)?(?:[A-Za-z’'-]+\s+){{0,3}}?({_TITLE_WORDS})\b(?!\s*[-–])"
    r"(?!\s+(?!of\b|from\b|in\b|for\b|who\b|and\b|at\b)[a-z])",
    re.I,
)
_UNDER = re.compile(
    r"\b(?:army|armies|troops|forces|soldiers|navy|fleet)\s+(?:under|led by|commanded by)"
    r"(?:\s+the\s+command\s+of)?\s+$",
    re.I,
)
_SHE = re.compile(r"\b(?:she|her|herself)\b", re.I)
_HE = re.compile(r"\b(?:he|his|him|himself)\b", re.I)


def _roles_of(title: str) -> frozenset[str]:
    return frozenset(_TITLE_ROLES.get(title.lower(), "").split())


@lru_cache(maxsize=8192)
def demanded_roles(before: str, after: str) -> frozenset[str]:
    """The roles the words around a name ask for: a title before it, an apposition after it,
    or "the army under" before it; empty when they say nothing."""
    found = _TITLE_BEFORE.search(before)
    if found and (found.group(1)[0].isupper() or found.group(1).lower() in _LOWER_TITLES):
        return _roles_of(found.group(1))
    found = _ROLE_BEFORE.search(before) or _KIND_BEFORE.search(before)
    if found:
        return _roles_of(found.group(1))
    if _UNDER.search(before):
        return frozenset({"general"})
    found = _APPOSITION.match(after)
    return _roles_of(found.group(1)) if found else frozenset()


def leading_title(name: str) -> str:
    """The title a written name starts with ("Tsar" in "Tsar Nicholas II"), or ""."""
    found = _LEADING_TITLE.match(name)
    return found.group(1) if found else ""


def title_roles(name: str) -> frozenset[str]:
    """The roles the title inside a written name gives ("Queen Victoria" -> monarch)."""
    return _roles_of(leading_title(name))


def is_female_title(name: str) -> bool:
    """True for a name written with a woman's title ("Queen Victoria", "Madame Mao") or a
    woman's given name ("Anne of Cleves", "Emmeline Pankhurst")."""
    first = name.split(" ", 1)[0].lower()
    return (
        leading_title(name).lower() in FEMALE_TITLES
        or first in FEMALE_TITLES
        or (first in _WOMENS_NAMES and " " in name.strip())
    )


# Women's given names common in history notes (a name alone, "Mary", is not enough: the rest
# of a name must follow, so "Grace" in "Pilgrimage of Grace" is never read as one)
_WOMENS_NAMES_TEXT = (
    "agnes alice anne anna beatrice betty caroline catherine charlotte christabel "
    "constance dorothy edith eleanor elizabeth emily emma emmeline eva florence golda "
    "harriet indira isabella jane joan kate katherine lucy margaret maria marie mary "
    "matilda maud millicent nadezhda rosa sarah sophie susan sylvia victoria"
)
_WOMENS_NAMES = frozenset(_WOMENS_NAMES_TEXT.split())
_MALE_TITLES = frozenset(
    {"king", "tsar", "kaiser", "emperor", "pope", "sir", "lord", "mr", "cardinal", "prince"}
)


def is_male_name(name: str) -> bool:
    """True for a name written with a man's title ("Sir Thomas More", "King John") or a man's
    given name before the rest of the name ("Thomas Cromwell")."""
    words = name.split()
    if len(words) < 2:
        return False
    first = words[0].lower()
    given = words[1].lower() if first in _MALE_TITLES else first
    return first in _MALE_TITLES or (given in GIVEN_NAMES and given not in _WOMENS_NAMES)


def pronoun_sex(after: str) -> str:
    """ "female" or "male" when the rest of the clause refers back with one sex only, else ""."""
    she, he = bool(_SHE.search(after)), bool(_HE.search(after))
    if she and not he:
        return "female"
    return "male" if he and not she else ""


@lru_cache(maxsize=4096)
def fit(candidate: frozenset[str], answer: frozenset[str]) -> int | None:
    """How well a person's roles fit the answer's: 2 a shared role, 1 the same group, 0 an
    acceptable group or unknown roles, None the wrong kind of person."""
    if not candidate or not answer:
        return 0
    if candidate & answer:
        return 2
    groups = {GROUP_OF.get(r, r) for r in candidate}
    wanted = {GROUP_OF.get(r, r) for r in answer}
    if groups & wanted:
        return 1
    if any(frozenset((a, b)) in _COMPATIBLE for a in groups for b in wanted):
        return 0
    return None
