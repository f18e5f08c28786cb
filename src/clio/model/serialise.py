"""Plain-JSON forms of the domain model (for ``--json`` output, the API and storage)."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from clio.model.period import Period
from clio.model.topic import Topic


def to_jsonable(value: Any) -> Any:
    """Turn model values (dataclasses, enums, tuples, periods) into JSON-ready data."""
    if isinstance(value, Period):
        return value.to_json()
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def topic_to_json(topic: Topic) -> dict[str, Any]:
    """The topic in the documented JSON form (``docs/topic.schema.json``)."""
    data: dict[str, Any] = to_jsonable(topic)
    return data
