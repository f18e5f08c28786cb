"""Build a frozen dataclass instance without running its ``__init__`` (the parser's hot path)."""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T")


def assemble(cls: type[T], fields: dict[str, Any]) -> T:
    """``cls(**fields)`` for a frozen dataclass, made several times faster.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; writing
    the instance dictionary directly gives the same object (fields, equality, hash, repr). The
    parser makes one per line, date and entity. ``fields`` must name every field.
    """
    made: T = object.__new__(cls)
    made.__dict__.update(fields)
    return made
