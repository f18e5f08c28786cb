"""Dates as real periods: a start and an end, each known to the year, month or day."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from enum import StrEnum

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = tuple(calendar.month_name)[1:]
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]``, without working out a weekday (much faster)."""
    if month == 2 and calendar.isleap(year):
        return 29
    return _MONTH_DAYS[month - 1]


class Precision(StrEnum):
    """How finely a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, kw_only=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None and self.month is not None:
            last = days_in_month(self.year, self.month)
            if not 1 <= self.day <= last:
                raise ValueError(f"day out of range: {self.day}")

    @property
    def precision(self) -> Precision:
        """The finest unit this date is known to."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Inverse of :meth:`iso`."""
        parts = [int(p) for p in text.split("-")]
        return cls(
            year=parts[0],
            month=parts[1] if len(parts) > 1 else None,
            day=parts[2] if len(parts) > 2 else None,
        )

    def first_day(self) -> tuple[int, int, int]:
        """The earliest day this date could mean, as (year, month, day)."""
        return (self.year, self.month or 1, self.day or 1)

    def last_day(self) -> tuple[int, int, int]:
        """The latest day this date could mean, as (year, month, day)."""
        month = self.month or 12
        day = self.day or days_in_month(self.year, month)
        return (self.year, month, day)

    def label(self) -> str:
        """Human form at the precision known: ``1949``, ``Dec 1949``, ``31 Mar 1948``."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTH_ABBR[self.month - 1]} {self.year}"
        return f"{self.day} {MONTH_ABBR[self.month - 1]} {self.year}"


@dataclass(frozen=True, kw_only=True)
class Period:
    """A span of time from ``start`` to ``end`` (equal for a single date).

    ``approximate`` marks vague periods such as "the late 1950s" or "c. 1920";
    ``text`` keeps the words the notes used.
    """

    start: PartialDate
    end: PartialDate
    approximate: bool = False
    text: str = ""

    def __post_init__(self) -> None:
        if self.end.last_day() < self.start.first_day():
            raise ValueError("a period cannot end before it starts")

    @classmethod
    def single(cls, date: PartialDate, *, approximate: bool = False, text: str = "") -> Period:
        """A period that is one date."""
        return cls(start=date, end=date, approximate=approximate, text=text)

    @classmethod
    def years(
        cls, start: int, end: int | None = None, *, approximate: bool = False, text: str = ""
    ) -> Period:
        """A period of whole years."""
        return cls(
            start=PartialDate(year=start),
            end=PartialDate(year=start if end is None else end),
            approximate=approximate,
            text=text,
        )

    @property
    def is_range(self) -> bool:
        """True when start and end differ."""
        return self.start != self.end

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two ends."""
        order = [Precision.YEAR, Precision.MONTH, Precision.DAY]
        return min(self.start.precision, self.end.precision, key=order.index)

    def sort_key(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        """Chronological order: by earliest possible day, then latest."""
        return (self.start.first_day(), self.end.last_day())

    def overlaps(self, other: Period) -> bool:
        """True when the two periods could share a day."""
        return not (
            self.end.last_day() < other.start.first_day()
            or other.end.last_day() < self.start.first_day()
        )

    def contains(self, other: Period) -> bool:
        """True when ``other`` lies wholly inside this period."""
        return (
            self.start.first_day() <= other.start.first_day()
            and other.end.last_day() <= self.end.last_day()
        )

    def label(self) -> str:
        """Human form: ``1949``, ``Dec 1949``, ``1950–1953``, ``c. 1920``."""
        if not self.is_range:
            text = self.start.label()
        else:
            text = f"{self.start.label()}–{self.end.label()}"
        return f"c. {text}" if self.approximate else text

    def to_json(self) -> dict[str, object]:
        """The JSON form used by ``clio parse --json``."""
        return {"start": self.start.iso(), "end": self.end.iso(), "approximate": self.approximate}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Period:
        """Inverse of :meth:`to_json`."""
        return cls(
            start=PartialDate.from_iso(str(data["start"])),
            end=PartialDate.from_iso(str(data["end"])),
            approximate=bool(data.get("approximate", False)),
            text=str(data.get("text", "")),
        )
