"""Shared types of the generated models.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

import datetime
from collections.abc import Callable, Mapping
from typing import Any, Literal, NoReturn, TypeVar

T = TypeVar("T")


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


class FieldError(Exception):
    """A value of the mapping given to a model's ``from_dict`` is missing or of the wrong
    kind. ``model`` is the class parsed, ``path`` the keys (and array indexes) from it to
    the bad value, ``reason`` what is wrong there. Raised as ``FieldTypeError`` (a
    ``TypeError``) or ``FieldValueError`` (a ``ValueError``)."""

    def __init__(self, model: str, path: tuple[str | int, ...], reason: str) -> None:
        super().__init__(model, path, reason)
        self.model, self.path, self.reason = model, path, reason

    @property
    def where(self) -> str:
        """``path`` as text: ``discount.type``, ``links[0].url``, ``[3].id``."""
        text = ""
        for step in self.path:
            text += (
                f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
            )
        return text

    def __str__(self) -> str:
        where = f"{self.where}: " if self.path else ""
        return f"{self.model}.from_dict: {where}{self.reason}"


class FieldTypeError(FieldError, TypeError):
    """A value is missing or of the wrong type."""


class FieldValueError(FieldError, ValueError):
    """A value has the right type but is not allowed (a date-time without an offset…)."""


def expected(what: str, value: Any) -> TypeError:
    """The error for ``value`` where the spec wants ``what``."""
    return TypeError(f"expected {what}, got {type(value).__name__}")


def not_an_object(cls: type, value: Any) -> FieldTypeError:
    """The error for a ``from_dict`` argument that is not a mapping."""
    return FieldTypeError(
        cls.__name__, (), f"expected a JSON object, got {type(value).__name__}"
    )


def field_error(
    cls: type,
    key: str | int | None,
    exc: Exception,
    given: Mapping[str, Any] | None = None,
) -> FieldError:
    """``exc``, raised while parsing ``key`` of a ``cls`` (from the mapping ``given``), as a
    ``FieldError`` whose path starts at ``cls`` (``key`` None: the path of ``exc`` is
    already complete)."""
    head = () if key is None else (key,)
    if isinstance(exc, FieldError):
        return type(exc)(cls.__name__, (*head, *exc.path), exc.reason)
    if isinstance(exc, KeyError) and exc.args == (key,):
        reason = "missing (the spec requires it)"
        snake = "".join("_" + c.lower() if c.isupper() else c for c in str(key))
        if given is not None and snake != key and snake in given:
            reason += f"; {snake!r} is there: from_dict takes the API's names ({key!r})"
        return FieldTypeError(cls.__name__, head, reason)
    kind = FieldValueError if isinstance(exc, ValueError) else FieldTypeError
    return kind(cls.__name__, head, str(exc) or type(exc).__name__)


def _locate(items: Any, parse: Callable[[Any], Any], error: Exception) -> FieldError:
    """Which of ``items`` (index, value pairs) ``parse`` refuses: an error whose path
    starts with its index or key (only called once a parse has failed)."""
    for where, item in items:
        try:
            parse(item)
        except Exception as exc:
            inner = (
                exc if isinstance(exc, FieldError) else field_error(object, None, exc)
            )
            return type(inner)(inner.model, (where, *inner.path), inner.reason)
    return field_error(object, None, error)


def parse_items(value: Any, parse: Callable[[Any], T]) -> list[T]:
    """A JSON array, each item parsed by ``parse``; an error names the item's index."""
    if type(value) is not list:
        raise expected("a JSON array", value)
    try:
        return [parse(item) for item in value]
    except Exception as exc:
        raise _locate(enumerate(value), parse, exc) from None


def parse_values(
    d: Mapping[str, Any], known: frozenset[str], parse: Callable[[Any], T]
) -> dict[str, T]:
    """The keys of ``d`` the spec does not name, each value parsed by ``parse`` (typed
    ``additionalProperties``); an error names the key."""
    extra = {key: value for key, value in d.items() if key not in known}
    try:
        return {key: parse(value) for key, value in extra.items()}
    except Exception as exc:
        raise _locate(extra.items(), parse, exc) from None


# The parsers of array items and typed additional properties (fields are checked inline).
def as_str(value: Any) -> str:
    if type(value) is not str:
        raise expected("a string", value)
    return value


def as_int(value: Any) -> int:
    if type(value) is not int:
        raise expected("an integer", value)
    return value


def as_number(value: Any) -> float:
    if type(value) is not float and type(value) is not int:
        raise expected("a number", value)
    return value


def as_bool(value: Any) -> bool:
    if type(value) is not bool:
        raise expected("a boolean", value)
    return value


def as_any(value: Any) -> Any:
    return value


def as_datetime(value: Any) -> datetime.datetime:
    moment = fromisoformat(value)
    return moment if moment.tzinfo is not None else naive_datetime(moment)


#: parses the date-times of the models (which also refuse one without a UTC offset)
fromisoformat = datetime.datetime.fromisoformat
#: parses the dates of the models
date_fromisoformat = datetime.date.fromisoformat


def naive_datetime(moment: datetime.datetime) -> NoReturn:
    """The error for a date-time without a UTC offset: refused, not guessed."""
    raise ValueError(f"date-time without a UTC offset: {moment.isoformat()}")


__all__ = [
    "UNSET",
    "FieldError",
    "FieldTypeError",
    "FieldValueError",
    "Unset",
]
