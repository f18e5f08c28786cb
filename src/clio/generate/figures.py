"""Figures in notes ("$300m", "95%", "20,000 experts"): find them, and write plausible others."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIGURE = re.compile(
    r"(?<![\w.,$£€/-])(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?!\d|st\b|nd\b|rd\b|th\b)"
    r"(?:\s?(?P<mult>m|bn|k|million|billion|thousand)\b)?"
    r"(?P<pct>\s?%|\s(?:per cent|percent)\b)?"
)
_MULT = {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3, "thousand": 1e3}
_UNIT_SKIP = frozenset(["more", "extra", "additional", "other", "further", "new"])
_UNIT_STOP = frozenset(
    """
    of in on at to for from by with and or but the a an was were had have has who which
    that as into than per each is are be been did not
    """.split()  # noqa: SIM905
)
_NOT_UNITS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday
    """.split()  # noqa: SIM905
)
_UNIT_HEADS = frozenset(
    ["men", "women", "people", "children", "police", "staff", "personnel", "cattle"]
)


@dataclass(frozen=True, kw_only=True)
class Figure:
    """A number found in text with what it counts."""

    text: str
    start: int
    end: int
    value: float
    unit: str  # "%", "$", "$m", "experts", "Chinese troops"...
    head: str  # the counted noun, for comparing units ("troops")
    currency: str = ""
    mult: str = ""
    percent: bool = False
    commas: bool = False


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text`` that has a unit, a currency or a percent sign."""
    found: list[Figure] = []
    for match in _FIGURE.finditer(text):
        num = match.group("num")
        cur = match.group("cur") or ""
        mult = match.group("mult") or ""
        pct = bool(match.group("pct"))
        value = float(num.replace(",", "")) * _MULT.get(mult.lower(), 1.0)
        if cur or pct:
            unit = "%" if pct else f"{cur}{mult}"
            head = unit
        else:
            unit, head = _unit_after(text[match.end() :])
            if not unit:
                continue
            if 1000 <= value <= 2100 and "," not in num:
                continue  # a year, not a count
        if value < 2 and not (cur or pct):
            continue
        found.append(
            Figure(
                text=match.group(0).strip(),
                start=match.start(),
                end=match.start() + len(match.group(0).rstrip()),
                value=value,
                unit=unit,
                head=head,
                currency=cur,
                mult=mult,
                percent=pct,
                commas="," in num,
            )
        )
    return found


def _unit_after(rest: str) -> tuple[str, str]:
    taken: list[str] = []
    for raw in rest.split()[:4]:
        word = raw.strip("()‘’'\",.;:")
        if not word or not word.replace("-", "").isalpha():
            break
        lower = word.lower()
        if lower in _NOT_UNITS and not taken:
            return "", ""  # "22 October": a day of a month, not a count
        if lower in _UNIT_SKIP and not taken:
            continue
        if lower in _UNIT_STOP:
            break
        taken.append(word)
        if lower.endswith("s") or lower in _UNIT_HEADS or len(taken) == 2:
            break
        if raw.endswith((",", ".", ";", ":", ")")):
            break
    if not taken:
        return "", ""
    if taken[0][:1].isupper() and not taken[0].isupper() and not taken[-1].endswith("s"):
        return "", ""  # "4 China ceded": a list number before a name, not "4 Chinas"
    return " ".join(taken), taken[-1].lower()


def format_like(figure: Figure, value: float) -> str:
    """``value`` written the way ``figure`` was written ("$450m", "35%", "40,000")."""
    if figure.percent:
        number = _plain(value)
        return f"{number}%"
    scale = _MULT.get(figure.mult.lower(), 1.0)
    number = _plain(value / scale)
    plain_thousands = not figure.commas and len(figure.text.strip("$£€%")) >= 4
    if figure.commas or (value / scale >= 1000 and not plain_thousands):
        number = f"{round(value / scale):,}" if value / scale == int(value / scale) else number
    space = " " if figure.mult.lower() in {"million", "billion", "thousand"} else ""
    return f"{figure.currency}{number}{space}{figure.mult}"


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


_FACTORS = (0.25, 0.4, 0.5, 0.6, 0.75, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)
_PERCENTS = (5, 10, 15, 20, 25, 30, 40, 50, 60, 65, 70, 75, 80, 85, 90, 99)


def figure_variants(figure: Figure) -> list[float]:
    """Other plausible values for this figure, all different from it."""
    if figure.percent:
        return [float(p) for p in _PERCENTS if abs(p - figure.value) >= 5]
    values = []
    for factor in _FACTORS:
        candidate = _round_nice(figure.value * factor)
        if candidate > 0 and candidate != figure.value:
            values.append(candidate)
    return sorted(set(values))


def _round_nice(value: float) -> float:
    if value < 10:
        return float(round(value))
    digits = len(str(int(value))) - 2
    step = 10**digits
    return float(round(value / step) * step)
