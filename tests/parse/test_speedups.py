"""The parser's shortcuts give exactly what the plain forms they replace would give."""

from __future__ import annotations

import calendar
import dataclasses
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clio import ids
from clio.model.period import PartialDate, Period, days_in_month
from clio.model.topic import Entity, EntityKind
from clio.parse import (
    checks,
    dates,
    entities,
    figures,
    folding,
    layout,
    lines,
    name_index,
    questions,
    sources,
    text_input,
)
from clio.parse.dates import find_dates
from clio.parse.lines import LineKind

# Text made of the pieces the shortcuts look at: month and season names, circa words, decades,
# capitals after letters and marks, the characters a case-insensitive regex folds oddly.
_PIECES = st.sampled_from(
    [
        *list("aAbcC.,'’-–— \n0123456789sS"),
        *["Jan", "dec", "MAY", "Sept.", "spring", "Autumn", "between", "c.", "ca.", "circa"],
        *["around", "about", "1950s", "1960's", "1949", "1958-62", "late", "mid-", "of"],
        *["\u0130", "\u0131", "\u017f", "\u212a", "é", "É", "ß", "Ω", "_", "U.S.", "Ü"],
        *["Read the following ", "passage", "SOURCE", "Answer the questions that follow"],
        *["thousand", "Million", "bilLion", "answers to the question which follows", "text"],
    ]
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=60).map("".join))


_MONTH_TEXTS = st.lists(
    st.sampled_from(
        [
            *list(" ,.-–0123456789aM_"),
            *["of", "st", "to", "until", "Mar", "may", "DEC", "Sept.", "October", "ſep", "Marx"],
            *["June", "jul", "between", "c.", "1950s", "spring", "İ", " 1949", "1962 ", "31"],
            *["2nd", " 12 ", "1958-62", "Jan 1950 to", "4 ", "٣", "12 March 1950", "Dec 1949"],
            *["3rd of May, 1945", "March 12, 1950", "12-14 Mar 1948", "Jan-Mar 1950"],
            *["Jan 1950 - Feb 1951", "22 October", "October 22", "1–3 June"],
            *["century", "CENTURIES", "19th", "nineteenth", "AD", "A.D.", "CE", "793", "43"],
            *["early", "mid-", "Late", "c1250", "C1500", "1920s", "30s", " and ", "-c"],
            *["1 September 1939 – ", "22 June – ", "30/9/1938", "3.9.", "winter of 1941-42"],
        ]
    ),
    max_size=30,
).map("".join)


# Skipped for lack of a separator ("-", "to", ","), which the trigger regexes do not look at.
_SEPARATOR_KINDS = {"dm_range", "dmy_range", "dmdmy_range", "my_range", "mm_range"}


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _MONTH_TEXTS))
def test_date_triggers_never_skip_a_pattern_the_regexes_would_run(text: str) -> None:
    skipped = dates._impossible_kinds(text)
    assert skipped - _SEPARATOR_KINDS <= dates._impossible_kinds_slow(text)
    for kind, pattern in dates._WITH_YEARLESS:
        if kind in skipped:
            assert pattern.search(text) is None, kind


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_find_dates_is_the_same_with_the_regex_triggers(text: str) -> None:
    fast = (dates._scan_dates(text, None), dates._scan_dates(text, 1962))
    dates._build_from.cache_clear()
    original = dates._impossible_kinds
    dates._impossible_kinds = dates._impossible_kinds_slow
    try:
        slow = (dates._scan_dates(text, None), dates._scan_dates(text, 1962))
    finally:
        dates._impossible_kinds = original
    assert fast == slow


_DATE_PIECES = st.sampled_from(
    [*list(" ,.-–0123456789"), "of", "st", "th", "to", "Mar", "may", "DEC", "Sept.", "October"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, st.lists(_DATE_PIECES, max_size=40).map("".join)))
def test_find_dates_is_the_same_with_no_skipping_at_all(text: str) -> None:
    fast = (dates._scan_dates(text, None), dates._scan_dates(text, 1962))
    original = dates._impossible_kinds
    dates._impossible_kinds = lambda _: set()
    try:
        plain = (dates._scan_dates(text, None), dates._scan_dates(text, 1962))
    finally:
        dates._impossible_kinds = original
    assert fast == plain


def _plain_scan(text: str, year: int | None) -> list[dates.DateMatch]:
    """The date scan with no shortcuts: every pattern run over the whole text, in order."""
    taken: list[tuple[int, int]] = []
    found: list[dates.DateMatch] = []
    for kind, pattern in dates._PATTERNS if year is None else dates._WITH_YEARLESS:
        plain = _PLAIN_DATE_PATTERNS.get(kind, pattern)
        for match in plain.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            period = dates._build(kind, match, year if kind in ("dm_range", "dm", "md") else None)
            if period is not None:
                taken.append((start, end))
                found.append(dates.DateMatch(period=period, start=start, end=end, text=match[0]))
    return sorted(found, key=lambda m: m.start)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TEXTS, _MONTH_TEXTS))
def test_day_first_dates_found_from_their_possible_starts_are_the_full_scans(text: str) -> None:
    lower = folding.plain_lower(text)
    if lower is None:
        return  # such text is scanned in full
    days = dates.day_starts(text, dates.month_starts(text, lower))
    for kind, pattern in dates._WITH_YEARLESS:
        if kind in ("dmdmy_range", "dmy_range", "dmy", "dm_range", "dm"):
            anchored = [(m.span(), m.groupdict()) for m in dates._anchored(pattern, text, days)]
            assert anchored == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TEXTS, _MONTH_TEXTS))
def test_find_dates_equals_the_plain_scan_of_every_pattern(text: str) -> None:
    assert dates._scan_dates(text, None) == _plain_scan(text, None)
    assert dates._scan_dates(text, 1962) == _plain_scan(text, 1962)


def test_odd_case_lists_every_character_a_regex_folds_to_an_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.I)
    odd = [chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))]
    assert all(folding._ODD_CASE.fullmatch(ch) for ch in odd)
    assert len(odd) == len(folding._ODD_CASE.pattern) - 2  # the class holds exactly these


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(["jan", "spring", "between", "circa", "passage", "thousand"]))
def test_plain_lower_holds_every_word_a_case_insensitive_regex_finds(text: str, word: str) -> None:
    lower = folding.plain_lower(text)
    if lower is not None and re.search(word, text, re.I):
        assert word in lower


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_instruction_and_scale_word_checks_match_their_regexes(text: str) -> None:
    assert sources.is_instruction(text) == bool(sources._INSTRUCTION.search(text))
    assert figures._has_scale_word(text) == bool(figures._ANY_SCALE_WORD.search(text))


@pytest.mark.parametrize("text", ["Dec. 1949", "ſpring 1950", "c. 1920", "between 1958 and 1962"])
def test_cached_periods_are_equal_to_fresh_ones(text: str) -> None:
    first = find_dates(text)
    dates._build_from.cache_clear()
    dates._date.cache_clear()
    assert find_dates(text) == first


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1000, max_value=2099),
    st.one_of(st.none(), st.integers(min_value=1000, max_value=2099)),
    st.booleans(),
)
def test_shared_dates_make_the_same_periods(start: int, end: int | None, approximate: bool) -> None:
    if end is not None and end < start:
        return
    expected = Period.years(start, end, approximate=approximate, text="x")
    assert dates._years(start, end, approximate=approximate, text="x") == expected
    assert dates._date(start, 2, 28) == PartialDate(year=start, month=2, day=28)
    with pytest.raises(ValueError):
        dates._date(start, 13)


_PLAIN_CAPITALISED = re.compile(r"\b[^\W\d_a-zß-öø-ÿ](?:\.(?:[A-Z]\.)+|(?:[\w'’-]*\w)?)")


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_capitalised_scan_matches_the_word_boundary_form(text: str) -> None:
    spans = [m.span() for m in name_index._CAPITALISED.finditer(text)]
    assert spans == [m.span() for m in _PLAIN_CAPITALISED.finditer(text)]


def _plain_normalise_for_id(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(ids._FOLD)
    return re.sub(r"\s+", " ", text).strip().casefold()


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, st.text(alphabet=st.characters(codec="ascii"), max_size=200)))
def test_id_normalising_matches_the_plain_form(text: str) -> None:
    assert ids.normalise_for_id(text) == _plain_normalise_for_id(text)


_PLAIN_COUNT = re.compile(
    rf"(?<![\w.,$£€/:–-])(?P<num>{figures._NUM})(?![\w%/:]|[.,]\d|[-–]\d)"
    r"(?:\s+(?P<scale>(?i:thousand|million|billion|trillion|bn))\b)?"
)
_YEAR_COUNTS = st.lists(
    st.sampled_from(
        [*list("0123456789,.-–%/: aA"), "1949", "2001", "2100", "999", " million", " BN", "٣"]
    ),
    max_size=30,
).map("".join)
_NUMBERS = st.lists(
    st.sampled_from([*list("0123456789,.-–$£/: aA"), "1,000", "2.5", " million", "20,000 "]),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _NUMBERS))
def test_count_scan_matches_the_lookbehind_form(text: str) -> None:
    fast = [(m.span(), m.groupdict()) for m in figures._COUNT.finditer(text)]
    assert fast == [(m.span(), m.groupdict()) for m in _PLAIN_COUNT.finditer(text)]
    assert bool(figures.find_figures(text)) <= bool(figures._ANY_FIGURE.search(text))


def _ascii_year(match: re.Match[str]) -> bool:
    year = re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", match.group("num"))
    return match.group("scale") is None and year is not None


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _NUMBERS, _YEAR_COUNTS))
def test_count_scan_without_years_is_the_count_scan_less_its_years(text: str) -> None:
    fast = [(m.span(), m.groupdict()) for m in figures._COUNT_NOT_YEAR.finditer(text)]
    every = figures._COUNT.finditer(text)
    assert fast == [(m.span(), m.groupdict()) for m in every if not _ascii_year(m)]


_PLAIN_PERCENT = re.compile(
    rf"(?<![\w.,$£€-])(?P<num>{figures._NUM})\s?(?:%|(?i:per\s?cent|percent)\b)"
)
_FIGURE_WORDS = st.lists(
    st.sampled_from(
        [
            *list(" \n\t,.-%$1234567890aA"),
            *["half", "a", "hundred", "one", "ſix", "Twenty", "per cent", "thousand", "MILLION"],
            *["billion", "ſeven", "men", "2.5", "1,000", "-3", "£5", "\u00a0", "_", "xone"],
            *["an", "Half", "two", "millions", "THOUSAND", "ninety", "\u0131", "\u212a"],
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _NUMBERS, _FIGURE_WORDS))
def test_percent_and_worded_scans_match_the_plain_forms(text: str) -> None:
    fast = [(m.span(), m.groupdict()) for m in figures._PERCENT.finditer(text)]
    assert fast == [(m.span(), m.groupdict()) for m in _PLAIN_PERCENT.finditer(text)]
    start = figures._worded_start(text)
    worded = [] if start is None else list(figures._WORDED.finditer(text, start))
    expected = list(figures._WORDED.finditer(text)) if figures._has_scale_word(text) else []
    assert [(m.span(), m.groupdict()) for m in worded] == [
        (m.span(), m.groupdict()) for m in expected
    ]
    anchored = figures.worded_matches(text, folding.plain_lower(text))
    assert [(m.span(), m.groupdict()) for m in anchored] == [
        (m.span(), m.groupdict()) for m in figures._WORDED.finditer(text)
    ]


_PLAIN_YEAR = r"(?P<{0}>1[0-9]{{3}}|20[0-9]{{2}})"
_PLAIN_DATE_PATTERNS = {
    "range": re.compile(
        rf"\b{_PLAIN_YEAR.format('y1')}\s*(?:-|–|—|/|to)\s*(?P<c2>c\.?\s*)?"
        r"(?P<y2>[0-9]{2}(?:[0-9]{2})?)\b"
        r"(?![,.]?\d)",
        re.I,
    ),
    "year": re.compile(rf"(?<![\d,.$£€])\b{_PLAIN_YEAR.format('y')}\b(?![,.]\d|\s*%)", re.I),
}
_PLAIN_MONTH = dates._m("m")
_PLAIN_DATE_PATTERNS |= {  # the day-first forms, with their plain leading \b
    "dmy_range": re.compile(
        rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"\s+(?:of\s+)?{_PLAIN_MONTH}\s*,?\s+{_PLAIN_YEAR.format('y')}\b",
        re.I,
    ),
    "dmy": re.compile(
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_PLAIN_MONTH}\s*,?\s+"
        rf"{_PLAIN_YEAR.format('y')}\b",
        re.I,
    ),
    "dm_range": re.compile(
        rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|—)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"\s+(?:of\s+)?{_PLAIN_MONTH}(?!\s*,?\s*\d)",
        re.I,
    ),
    "dm": re.compile(
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_PLAIN_MONTH}(?!\s*,?\s*\d)", re.I
    ),
}
_YEARS = st.lists(
    st.sampled_from(
        [
            *list("0123456789,.$£€%-–/ aA_"),
            *["1949", "2001", "1958-62", "to", "c.", "٣", " of ", "st", "th", "Mar", "march"],
            *["Sept.", "ſep"],
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _YEARS))
def test_digit_first_year_patterns_match_the_word_boundary_forms(text: str) -> None:
    for kind, pattern in dates._WITH_YEARLESS:
        if kind in _PLAIN_DATE_PATTERNS:
            fast = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            plain = _PLAIN_DATE_PATTERNS[kind].finditer(text)
            assert fast == [(m.span(), m.groupdict()) for m in plain]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        _TEXTS,
        st.lists(
            st.sampled_from([*list(" -’'a.\n"), "cold", "de", "von", "détente", "20th"]),
            max_size=30,
        ).map("".join),
    )
)
def test_lower_case_name_starts_match_the_word_boundary_form(text: str) -> None:
    index = name_index.name_index()
    words = "|".join(map(re.escape, index.lower_words))
    plain = re.compile(rf"\b(?:{words})(?![\w'’-])")
    expected = [(m.start(), m.group(0)) for m in plain.finditer(text)]
    assert [(m.start(), m.group(0)) for m in index.lower_starts.finditer(text)] == expected
    assert index.lower_plain
    assert sorted(name_index.lower_starts(text, index.lower_words)) == expected


_WORDS = st.lists(
    st.sampled_from(
        [
            *list(" .,;:\n'’("),
            *["in", "to", "In", "By", "President", "The", "US", "IV", "USSR", "Mao", "Moscow"],
            *["March", "Lenin", "Soviet", "said", "ÉCOLE", "ı", "Chinese", "from", "Its"],
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _WORDS))
def test_one_word_classification_is_the_run_classification(text: str) -> None:
    for match in name_index._CAPITALISED.finditer(text):
        token = (match.start(), match.group(0))
        kind_start = entities._classify([token], text)
        expected = kind_start[0] if kind_start is not None else None
        assert entities._classify_word(token, entities._key(token), text) == expected


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _WORDS), st.sampled_from(["US", "USSR", "Mao", "détente", "U.S.", "us"]))
def test_one_word_case_check_is_the_general_one(text: str, spelling: str) -> None:
    for match in name_index._TOKEN.finditer(text):
        word = match.group(0)
        assert name_index.word_case_ok(spelling, word) == name_index.case_ok(spelling, [(0, word)])


def _plain_next(text: str, token: tuple[int, str]) -> tuple[tuple[int, str], str] | None:
    """The word after ``token`` found in two steps: the gap, then the word."""
    end = token[0] + len(token[1])
    gap = entities._GAP.match(text, end)
    position = gap.end() if gap else end
    word = entities._WORD_AT.match(text, position)
    if word is None or (position == end and position > 0 and text[position - 1].isalnum()):
        return None
    gap_text = text[end:position]
    if "." in gap_text and len(token[1]) > 1 and token[1].lower() not in entities._ABBREVIATIONS:
        return None
    return (position, word.group(0)), gap_text


_NAMES = st.lists(
    st.sampled_from([*list(" .-–—'’,;\n"), "Mr", "St", "Kenneth", "G", "U.S.", "21st", "of"]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _NAMES), st.integers(min_value=0, max_value=60))
def test_next_word_is_the_gap_then_the_word(text: str, cut: int) -> None:
    for match in name_index._TOKEN.finditer(text[cut:]):
        token = (match.start() + cut, match.group(0))
        assert entities._next(text, token) == _plain_next(text, token)


def test_line_pattern_first_characters_cover_every_possible_start() -> None:
    for pattern, firsts in (
        (lines._QUESTIONS, lines._QUESTIONS_FIRST),
        (lines._SOURCE, lines._SOURCE_FIRST),
    ):
        starts = {chr(c) for c in range(0x110000) if pattern.match(chr(c) + "uestions Source A")}
        starts |= {chr(c) for c in range(0x110000) if pattern.match(chr(c) + "ource A: x")}
        assert starts <= firsts
    probes = [
        "Questions",
        "**Exam questions**:",
        "## Practice question",
        "Source A: Mao",
        "ſource B",
    ]
    probes += ["**Source C**", "Extract 1", "document 2", "İnterpretation A", "Interpretation B"]
    for probe in probes:
        assert lines.classify(1, probe).kind is not LineKind.TEXT


_EVERY_CHAR = [chr(c) for c in range(0x110000) if c != 10]


def _starts(pattern: re.Pattern[str], tail: str) -> set[str]:
    """Every character ``c`` for which ``pattern`` matches ``c + tail`` (one scan of them all)."""
    multiline = re.compile(pattern.pattern, pattern.flags | re.M)
    stride = len(tail) + 2  # the character, the tail and a newline
    text = f"{tail}\n".join(_EVERY_CHAR) + tail
    return {
        _EVERY_CHAR[match.start() // stride]
        for match in multiline.finditer(text)
        if match.start() % stride == 0
    }


def test_marker_first_characters_cover_every_possible_start() -> None:
    for pattern, tails, may_start in (
        (lines._PAREN_LABEL, ["a) x", "12) x"], lambda c: c == lines._PAREN_FIRST),
        (lines._NUMBER, [". x", ") x", "2-3. x"], str.isdecimal),
        (lines._ROMAN, [". x", "i) x"], lines._ROMAN_FIRST.__contains__),
        (lines._LETTER, [". x", ") x"], lines._LETTER_FIRST.__contains__),
        (lines._BULLET, [" x", "  x"], lines._BULLET_FIRST.__contains__),
    ):
        for tail in tails:
            starts = _starts(pattern, tail)
            assert starts and all(may_start(char) for char in starts), pattern.pattern
    digits = _starts(re.compile(r"\d"), "")
    assert digits == {chr(c) for c in range(0x110000) if chr(c).isdecimal()}


_PLAIN_YEAR_RANGE = re.compile(r"(?<![\d-])(1\d{3}|20\d{2})\s*[-–—]\s*(1\d{3}|20\d{2})(?![\d-])")
_SEPARATED = st.lists(
    st.sampled_from([*list(" :;-–—()[]a1.\t→=>"), "Title", "1958", "4 marks", "mark", "**"]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _YEARS, _SEPARATED))
def test_line_checks_match_their_plain_regexes(text: str) -> None:
    fast = [(m.span(), m.groups()) for m in checks._YEAR_RANGE.finditer(text)]
    assert fast == [(m.span(), m.groups()) for m in _PLAIN_YEAR_RANGE.finditer(text)]
    inline, plain = layout.inline_title(text), layout.INLINE_TITLE.match(text)
    assert (inline and inline.groupdict()) == (plain and plain.groupdict())
    marks, plain = questions._marks(text), questions._MARKS.search(text)
    assert (marks and marks.span()) == (plain and plain.span())


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=80)))
def test_normalising_skips_the_control_scan_only_when_nothing_is_to_replace(text: str) -> None:
    spaced = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for odd, plain in text_input._SPACES:
        spaced = spaced.replace(odd, plain)
    assert text_input.normalise_text(text) == text_input._CONTROLS.sub(" ", spaced)


def test_find_dates_cache_hands_out_a_fresh_list_each_time() -> None:
    first = find_dates("The split, 1960-62, and the border war of March 1969.")
    first.clear()
    again = find_dates("The split, 1960-62, and the border war of March 1969.")
    assert [d.text for d in again] == ["1960-62", "March 1969"]
    assert again == dates._scan_dates("The split, 1960-62, and the border war of March 1969.", None)


def test_extract_entities_cached_equals_a_fresh_extraction() -> None:
    text = "Mao met Khrushchev in Beijing; the Sino-Soviet split followed the Moscow Conference."
    cached = entities.extract_entities(text)
    assert entities.extract_entities.__wrapped__(text) == cached
    assert entities.extract_entities(text) is cached


def test_cached_line_fields_cover_every_field_but_number_and_raw() -> None:
    names = {f.name for f in dataclasses.fields(lines.Line)}
    assert set(lines._FIELDS) == names - {"number", "raw"}


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.integers(min_value=1, max_value=500))
def test_cached_classify_is_the_plain_classify(raw: str, number: int) -> None:
    for line in raw.split("\n"):
        assert lines.classify(number, line) == lines._classify(number, line)
        assert lines.classify(number + 1, line) == lines._classify(number + 1, line)
        fast, plain = lines.classify(number, line), lines._classify(number, line)
        assert vars(fast) == vars(plain) and list(vars(fast)) == list(vars(plain))
        assert hash(fast) == hash(plain) and repr(fast) == repr(plain)
    passes = (  # the whole-text passes that may reclassify a line after its neighbours
        lines.has_lone_label(raw),
        "|" in raw,
        lines._has_question_line(raw),
        lines._has_rule_line(raw),
    )
    if not any(passes):
        assert lines.split_lines(raw) == [
            lines._classify(number, line) for number, line in enumerate(raw.split("\n"), start=1)
        ]


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.one_of(st.none(), st.integers(min_value=1000, max_value=2099)))
def test_fast_date_matches_are_the_dataclass_ones(text: str, year: int | None) -> None:
    for match in dates._scan_dates(text, year):
        plain = dates.DateMatch(
            period=match.period, start=match.start, end=match.end, text=match.text
        )
        assert match == plain and hash(match) == hash(plain) and repr(match) == repr(plain)
        assert list(vars(match).items()) == list(vars(plain).items())


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(list(EntityKind)),
    st.text(max_size=20),
    st.one_of(st.none(), st.floats(allow_nan=False)),
    st.one_of(st.none(), st.text(max_size=8)),
)
def test_fast_entities_are_the_dataclass_ones(
    kind: EntityKind, text: str, value: float | None, unit: str | None
) -> None:
    for fast, plain in (
        (
            figures.make_entity(kind, text, text, value, unit),
            Entity(kind=kind, text=text, name=text, value=value, unit=unit),
        ),
        (figures.make_entity(kind, text, "n"), Entity(kind=kind, text=text, name="n")),
    ):
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert list(vars(fast).items()) == list(vars(plain).items())


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _WORDS, _NAMES))
def test_candidates_are_the_capitalised_words_and_lower_case_starts(text: str) -> None:
    index = name_index.name_index()
    expected = [(m.start(), m.group(0)) for m in name_index._CAPITALISED.finditer(text)]
    expected = sorted(expected + name_index.lower_starts(text, index.lower_words))
    assert name_index.candidates(text) == expected


_QUALIFIED = st.lists(
    st.sampled_from(
        [*list(" \t\n.,-1"), "nearly", "About", "more than", "up to", "ſome", "20,000"]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _FIGURE_WORDS, _QUALIFIED))
def test_figure_prechecks_match_their_regexes(text: str) -> None:
    currency = "$" in text or "£" in text or "€" in text or "¥" in text
    assert currency == bool(figures._ANY_CURRENCY.search(text))
    for start in range(len(text) + 1):
        if figures._QUALIFIER.search(text, max(0, start - 16), start):
            assert start and text[start - 1].isspace()


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _MONTH_TEXTS))
def test_written_out_date_triggers_are_the_plain_trigger_table(text: str) -> None:
    lower = folding.plain_lower(text)
    if lower is None:
        return
    table: set[str] = set()
    for may_match, (_, kinds) in zip(dates._PLAIN_TRIGGERS, dates._TRIGGERS[1:], strict=True):
        if not may_match(text, lower):
            table |= kinds
    assert dates._skipped(text, lower) - _SEPARATOR_KINDS == table


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _NAMES, st.sampled_from(["'s", "’s", "s", "", "U.S.'s", "Mao’s"])))
def test_word_folding_and_possessives_match_the_plain_forms(word: str) -> None:
    plain = word
    for char, replacement in (("’", "'"), ("‘", "'"), ("–", "-"), ("—", "-")):
        plain = plain.replace(char, replacement)
    key = plain.replace(".", "").casefold()
    assert name_index.fold.__wrapped__(word) == (key, key[:-2] if key.endswith("'s") else key)
    stripped = word[:-2] if word.endswith(("'s", "’s")) else word
    assert entities._strip_possessive(word) == stripped


_LABEL_LINES = st.lists(
    st.sampled_from(
        [
            *list("\n\n \t\r.)(aB3x-*_=:"),
            *["12", "(b)", "c.", "7)", "1234)", "a) x", "Q", "Q:", "Question", "A: y"],
            *["---", "===", "* * *", "    --"],
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _LABEL_LINES))
def test_line_start_checks_are_the_multiline_searches(text: str) -> None:
    for body in (lines._LONE_LABEL_LINE, lines._QUESTION_LINE_START, lines._RULE_LINE):
        plain = re.search(f"^(?:{body})", text, re.MULTILINE)
        assert lines._any_line(body)(text) == bool(plain), body
    assert lines.has_lone_label(text) == bool(re.search(f"^{lines._LONE_LABEL_LINE}", text, re.M))


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_days_in_month_is_the_calendars(year: int, month: int) -> None:
    assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
