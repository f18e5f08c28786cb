"""Property tests: the parser never raises on any text, and decoding only raises InputError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clio.errors import InputError
from clio.model.topic import Topic
from clio.parse import decode_notes, parse_notes
from clio.services.topics import read_builtin_text
from tests.conftest import FIXTURES

_SAMPLES = [read_builtin_text("china-and-the-ussr")] + [
    p.read_bytes().decode("utf-8-sig")
    for p in sorted((FIXTURES / "notes").iterdir())
    if p.suffix in (".txt", ".md")
]
_NOTE_CHARS = st.sampled_from(
    [*list("abcAB12(). :;-–—•◦*#\n\n\r\t\xa0’“”$%,"), "1949", "Source A", "(4 marks)", "c. "]
)
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(topic: Topic) -> None:
    assert topic.title
    for section, point in topic.points():
        assert point in section.points
        if point.period is not None:
            assert point.period.start.first_day() <= point.period.end.last_day()
    ids = [s.id for s in topic.sections] + [p.id for _, p in topic.points()]
    assert len(ids) == len(set(ids))


@_SETTINGS
@given(st.text(max_size=2000))
def test_random_text_never_raises(text: str) -> None:
    _check(parse_notes(text))


@_SETTINGS
@given(st.lists(_NOTE_CHARS, max_size=300).map("".join))
def test_note_like_soup_never_raises(text: str) -> None:
    _check(parse_notes(text))


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(_SAMPLES)).split("\n")
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "swap", "cut", "insert", "indent"]))
        if action == "drop":
            del lines[at]
        elif action == "dup":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "cut":
            lines[at] = lines[at][: draw(st.integers(0, max(0, len(lines[at]))))]
        elif action == "insert":
            lines.insert(at, draw(st.text(max_size=60)))
        else:
            lines[at] = draw(st.sampled_from(["  ", "\t", "• ", "a. ", "## ", "1) "])) + lines[at]
    return "\n".join(lines)


@_SETTINGS
@given(_mutated())
def test_mutated_sheets_never_raise(text: str) -> None:
    _check(parse_notes(text))


@_SETTINGS
@given(st.binary(max_size=500))
def test_decode_raises_only_input_error(data: bytes) -> None:
    try:
        text = decode_notes(data, file="x")
    except InputError as error:
        assert error.file == "x" and error.reason
    else:
        _check(parse_notes(text))


def test_decorative_heading_is_not_a_title() -> None:
    """Hypothesis found '# *': an empty heading must not leave the topic without a title."""
    from clio.parse import parse_notes

    assert parse_notes("# *").title == "Notes"
    assert parse_notes("# *\n\n# Real\n\n- a point").title == "Real"
