"""Shared types of the generated models.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

import datetime
from collections.abc import Callable
from typing import Any, Literal, NoReturn


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


#: parses the date-times of the models (which also refuse one without a UTC offset)
fromisoformat = datetime.datetime.fromisoformat


def naive_datetime(moment: datetime.datetime) -> NoReturn:
    """The error for a date-time without a UTC offset: refused, not guessed."""
    raise ValueError(f"date-time without a UTC offset: {moment.isoformat()}")


# The shared methods of the model classes (each lists its fields in ``_fields``).
def model_repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
    return f"{type(self).__name__}({fields})"


def model_eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return all(getattr(self, name) == getattr(other, name) for name in self._fields)


def model_getstate(self: Any) -> dict[str, Any]:
    """Every field (those still in the JSON dict are read first), for copy and pickle."""
    return {name: getattr(self, name) for name in self._fields}


def model_setstate(self: Any, state: dict[str, Any]) -> None:
    for name, value in state.items():
        object.__setattr__(self, name, value)


#: ``new_instance(cls)``: an instance whose fields are not set yet (models' _from_json).
new_instance = object.__new__


def read_later(
    fields: dict[str, tuple[str, Any, Callable[[dict[str, Any]], Any]]],
    extra: str | None,
    known: frozenset[str],
) -> Callable[[Any, str], Any]:
    """The ``__getattr__`` of a model: the fields _from_json left in the JSON dict.

    ``fields`` maps a field (a nested model) to its JSON key, the value meant by an
    absent key, and the parser of its object; ``extra`` names the field that keeps the
    keys the spec does not know (``known``). Python calls this only while the field's
    slot is empty; the value read is stored there, so each field is built once. Nothing
    here fails: a nested object was checked (``_check``) when its parent was parsed.
    """

    # where a built value is kept in the JSON dict: a tuple key never clashes with JSON's
    cells = {name: (name,) for name in (*fields, extra) if name is not None}
    known = known | frozenset(cells.values())

    def __getattr__(self: Any, name: str) -> Any:
        cell = cells.get(name)
        if cell is None:
            message = f"{type(self).__name__!r} object has no attribute {name!r}"
            raise AttributeError(message, name=name, obj=self)
        data = self._json
        found = fields.get(name)
        if found is not None:
            key, absent, parse = found
            value = data.get(key, absent)
            if type(value) is dict:  # else null or absent
                value = parse(value)
        else:
            # usually nothing: one C-level subset test instead of a loop
            value = (
                {}
                if data.keys() <= known
                else {k: v for k, v in data.items() if k not in known}
            )
        # the first value stored wins (dict.setdefault is atomic): threads that read the
        # field for the first time at once all get, and keep, the same object
        value = data.setdefault(cell, value)
        object.__setattr__(self, name, value)
        return value

    return __getattr__


__all__ = [
    "UNSET",
    "Unset",
    "fromisoformat",
    "model_eq",
    "model_getstate",
    "model_repr",
    "model_setstate",
    "naive_datetime",
    "new_instance",
    "read_later",
]
