"""Read an essay question: "why" or "how far", what is to be explained, which factor is named."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clio.generate.essay_text import past_tense, vocabulary, words
from clio.model.topic import bare_heading

_RANK = (
    r"(?:the\s+)?(?:main|most\s+important|chief|primary|key|principal|biggest|greatest|"
    r"most\s+significant|single\s+most\s+important|major)\s+(?:reason|cause|factor|explanation)s?"
)
_LINK = r"(?P<link>for|of|why|behind|in|that)"
_LINK2 = r"(?:for|of|why|behind|in|that)"
_HOW_FAR = r"(?:how\s+far|to\s+what\s+extent)"
_AGREE = r"(?:(?:do|would)\s+you\s+agree\s+(?:that\s+|with\s+this\s+view\s*)?)?"

_HOW_FAR_PATTERNS = (
    re.compile(
        rf"^{_HOW_FAR}\s+{_AGREE}(?:was|were|is|are)\s+(?P<named>.+?)\s+{_RANK}\s+{_LINK}\s+(?P<focus>.+)$",
        re.I,
    ),
    re.compile(
        rf"^{_HOW_FAR}\s+{_AGREE}(?P<named>.+?)\s+(?:was|were|is|are)\s+{_RANK}\s+{_LINK}\s+(?P<focus>.+)$",
        re.I,
    ),
    re.compile(
        rf"^{_HOW_FAR}\s+(?:was|were|did)\s+(?P<named>.+?)\s+(?:responsible\s+for|cause|causing|"
        rf"lead\s+to|led\s+to|explain|to\s+blame\s+for)\s+(?P<focus>.+)$",
        re.I,
    ),
    re.compile(
        rf"^how\s+important\s+(?:was|were)\s+(?P<named>.+?)\s+(?:as\s+a\s+(?:reason|cause)\s+{_LINK2}|"
        rf"in\s+causing|in\s+bringing\s+about|in|for|to)\s+(?P<focus>.+)$",
        re.I,
    ),
    re.compile(rf"^(?:was|were)\s+(?P<named>.+?)\s+{_RANK}\s+{_LINK}\s+(?P<focus>.+)$", re.I),
)
_STATEMENT = re.compile(
    rf"^[‘'\"“](?P<stmt>.+?)[’'\"”]\s*\.?\s*(?:{_HOW_FAR}\s+do\s+you\s+agree|"
    r"do\s+you\s+agree|discuss|how\s+far\s+is\s+this\s+true).*$",
    re.I,
)
_STATEMENT_BODY = re.compile(
    rf"^(?P<named>.+?)\s+(?:was|were|is|are)\s+{_RANK}\s+{_LINK}\s+(?P<focus>.+)$", re.I
)
# "Why did <subject> <verb> <rest>?"
# words that start no verb: what "why did X <verb>" skips when it looks for the verb
_NOT_VERBS = frozenset(
    words(
        "of and the in on at to for with a an de von van between from by about among over "
        "under within during against after before its their his her both all many most other "
        "new old great early late some"
    )
)
WHY_DID = re.compile(
    r"^why\s+(?:did|do|does)\s+(?P<subject>.+?)(?<!['’]s)\s+"  # "the Tsar's regime", not "'s"
    rf"(?!(?:{'|'.join(sorted(_NOT_VERBS))})\b)(?P<verb>[a-z]+)\b(?P<rest>.*)$"
)
_NEXT_WORD = re.compile(r"\s+(?P<word>[\w'’-]+)")


_DETERMINERS = frozenset(["the", "a", "an", "this", "these", "those", "his", "her", "its", "their"])


def _reads_as_verb(word: str) -> bool:
    """True when ``word`` has a past tense the encoder's vocabulary knows ("boomed")."""
    return past_tense(word) in vocabulary()


def subject_verb(match: re.Match[str]) -> tuple[str, str, str]:
    """The subject, verb and rest of a "why did ..." match. A noun the pattern took for the verb
    joins the subject when a word soon after reads as the verb: "the US economy | boom", not
    "the US | economy"; "the policy of appeasement | fail"."""
    subject, verb, rest = match["subject"], match["verb"], match["rest"]
    if subject.lower() in _DETERMINERS:
        # "the government nationalise industry": a determiner alone is no subject
        following = _NEXT_WORD.match(rest)
        if following is None or not following["word"].islower():
            return subject, verb, rest
        subject, verb, rest = f"{subject} {verb}", following["word"], rest[following.end() :]
    if _reads_as_verb(verb):
        return subject, verb, rest
    position = 0
    for _ in range(4):
        following = _NEXT_WORD.match(rest, position)
        if following is None or not following["word"].islower():
            break
        word = following["word"]
        if word not in _NOT_VERBS and _reads_as_verb(word):
            between = rest[: following.start("word")].rstrip()
            return f"{subject} {verb}{between}", word, rest[following.end() :]
        position = following.end()
    return subject, verb, rest


def _past_clause(wh: str, match: re.Match[str]) -> str:
    """A "wh- did X verb ...?" question as a clause: "why the US economy boomed in ..."."""
    subject, verb, rest = subject_verb(match)
    return f"{wh} {subject} {past_tense(verb)}{rest}"


_WHY_WAS = re.compile(r"^why\s+(?P<aux>was|were|is|are|had|has|have)\s+(?P<rest>.+)$", re.I)
_EXPLAIN = re.compile(
    r"^(?:explain|account\s+for|describe)\s+(?P<rest>(?:why|how|the\s+reasons?|the\s+causes?)\b.*)$",
    re.I,
)
_WHAT_WERE = re.compile(
    r"^what\s+were\s+(?P<rest>the\s+(?:main\s+)?(?:reasons?|causes?)\b.*)$",
    re.I,
)
_HEADING = re.compile(r"^(?P<kind>reasons|causes)\s+(?P<rest>(?:for|of|why)\b.*)$", re.I)


@dataclass(frozen=True, kw_only=True)
class EssayQuestion:
    """What an essay question asks.

    ``focus`` is a clause that completes "This helps to explain ..." ("why China broke with
    the USSR", "the causes of the Cuban Missile Crisis"); ``named`` is the factor a
    "how far" question names ("the Korean War").
    """

    text: str
    kind: str  # "why" or "how_far"
    focus: str
    named: str | None = None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip("?.!").strip()


def _focus_clause(body: str) -> str:
    """Turn "Why did X do Y" or "the reasons for Y" into a clause that reads mid-sentence."""
    body = _clean(body)
    low = body[:1].lower() + body[1:]
    match = WHY_DID.match(low)
    if match:
        return _past_clause("why", match)
    match = _WHY_WAS.match(low)
    if match:
        rest = match["rest"]
        # "why was Hitler appointed" -> "why Hitler was appointed": move the verb after the subject
        parts = rest.split(" ", 1)
        if len(parts) == 2 and parts[0][:1].isupper():
            return f"why {parts[0]} {match['aux'].lower()} {parts[1]}"
        return f"why {rest}" if rest.startswith(("the ", "a ")) else f"why {match['aux']} {rest}"
    if low.startswith("why "):
        return low
    match = _EXPLAIN.match(body) or _WHAT_WERE.match(body)
    if match:
        rest = match["rest"]
        if rest.lower().startswith("why "):
            return _focus_clause(rest)
        return rest[:1].lower() + rest[1:]
    match = _HEADING.match(body)
    if match:
        return f"the {match['kind'].lower()} {match['rest']}"
    return low


def _named_phrase(text: str) -> str:
    text = _clean(text)
    return text[:1].lower() + text[1:] if text.lower().startswith("the ") else text


def _result_focus(link: str | None, focus: str) -> str:
    focus = _clean(focus)
    if (link or "").lower() == "why" and not focus.lower().startswith("why "):
        focus = "why " + focus
    if focus.lower().startswith("why "):
        return _focus_clause(focus)
    return focus


def read_question(text: str) -> EssayQuestion:
    """Classify ``text`` and pull out its focus and its named factor."""
    question = re.sub(r"\s+", " ", text).strip()
    body = _clean(question)
    statement = _STATEMENT.match(body)
    if statement:
        inner = _STATEMENT_BODY.match(_clean(statement["stmt"]))
        if inner:
            return EssayQuestion(
                text=question,
                kind="how_far",
                focus=_result_focus(inner["link"], inner["focus"]),
                named=_named_phrase(inner["named"]),
            )
        claim = _clean(statement["stmt"])
        # '"The Treaty was too harsh." How far do you agree?' weighs a view, not a named cause
        return EssayQuestion(
            text=question, kind="why", focus=f"the view that {claim[:1].lower()}{claim[1:]}"
        )
    for pattern in _HOW_FAR_PATTERNS:
        match = pattern.match(body)
        if match:
            return EssayQuestion(
                text=question,
                kind="how_far",
                focus=_result_focus(match.groupdict().get("link"), match["focus"]),
                named=_named_phrase(match["named"]),
            )
    return EssayQuestion(text=question, kind="why", focus=_focus_clause(body))


_WH_DID = re.compile(WHY_DID.pattern.replace("^why", "^(?P<wh>how|what|when|where)", 1))
_WHAT_WAS = re.compile(r"^what\s+(?:was|were)\s+(?P<rest>.+)$", re.I)


def indirect_question(question: str) -> str:
    """A question as a clause that reads mid-sentence: "How did the West respond?" -> "how the
    West responded", "What were the consequences?" -> "the consequences"."""
    body = _clean(question)
    low = body[:1].lower() + body[1:]
    match = _WH_DID.match(low)
    if match:
        return _past_clause(match["wh"].lower(), match)
    match = _WHAT_WAS.match(low)
    if match:
        return match["rest"]
    return _focus_clause(body)


def heading_question(heading: str) -> str:
    """The essay question a "why" section heading asks, as a teacher would set it."""
    head = re.sub(r"\s+", " ", bare_heading(heading)).strip().rstrip(":")
    low = head.lower()
    if head.endswith("?"):
        return head
    if low.startswith("why "):
        return f"Explain {head[:1].lower()}{head[1:]}."
    if low.startswith(("reasons ", "causes ", "the reasons ", "the causes ")):
        body = head if low.startswith("the ") else f"the {head[:1].lower()}{head[1:]}"
        return f"Explain {body[:1].lower()}{body[1:]}."
    if low.startswith("factors "):
        return f"Explain the {head[:1].lower()}{head[1:]}."
    return f"Explain why {head[:1].lower()}{head[1:]}." if head else head
