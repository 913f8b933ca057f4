"""Shared types of the generated models.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

import datetime
from typing import Any, Literal


class Unset:
    """The type of ``UNSET``: a field of a request model that is not sent."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: Any) -> "Unset":
        return self

    def __reduce__(self) -> str:
        return "UNSET"  # pickled by name: loads as this module's one UNSET


UNSET: Unset = Unset()


def parse_datetime(value: str) -> datetime.datetime:
    """An RFC 3339 date-time; one without a UTC offset is an error, not a guess."""
    moment = datetime.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"date-time without a UTC offset: {value}")
    return moment


__all__ = ["UNSET", "Unset", "parse_datetime"]
