"""Input checking, derived from the generated code so the spec stays the one source.

The accepted names and types of query parameters come from the signature of a
generated ``_get_kwargs``; those of a body come from the generated attrs model.
Everything is checked before a request is built: bad input raises ``TypeError``
(wrong key or type) or ``ValueError`` (bad value), never an HTTP call.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import attrs

from ._generated.types import Unset

__all__ = ["FieldSpec", "check_fields", "check_id", "fields_of_function", "fields_of_model"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """What one parameter or body field accepts."""

    name: str
    types: tuple[type, ...]
    nullable: bool
    required: bool

    def describe(self) -> str:
        names = [t.__name__ for t in self.types]
        if self.nullable:
            names.append("None")
        return " | ".join(names)


def _spec(name: str, annotation: Any, required: bool) -> FieldSpec:
    members = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else ()
    if not members:
        members = (annotation,)
    kept = tuple(m for m in members if m is not Unset and m is not type(None))
    return FieldSpec(name, kept, type(None) in members, required)


def fields_of_function(
    func: Callable[..., Any], *, skip: tuple[str, ...] = ()
) -> dict[str, FieldSpec]:
    """The keyword parameters of a generated ``_get_kwargs`` (path and body excluded)."""
    specs = {}
    for param in inspect.signature(func).parameters.values():
        if param.name in skip:
            continue
        required = param.default is inspect.Parameter.empty
        specs[param.name] = _spec(param.name, param.annotation, required)
    return specs


def fields_of_model(model: type[Any]) -> dict[str, FieldSpec]:
    """The fields of a generated attrs body model."""
    hints = typing.get_type_hints(model)
    return {
        f.name: _spec(f.name, hints[f.name], f.default is attrs.NOTHING)
        for f in attrs.fields(model)
        if f.init
    }


def _coerce(spec: FieldSpec, value: Any, where: str) -> Any:
    if value is None:
        if spec.nullable:
            return None
        raise TypeError(f"{where}{spec.name} must be {spec.describe()}, not None")
    for kind in spec.types:
        if issubclass(kind, enum.Enum):
            if isinstance(value, kind):
                return value
            if isinstance(value, str):
                known = [m.value for m in kind]
                if value in known:
                    return kind(value)
                raise ValueError(f"{where}{spec.name} must be one of {known}, not {value!r}")
        elif kind is bool:
            if isinstance(value, bool):
                return value
        elif kind is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        elif kind is float:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return value
        elif kind is datetime.datetime:
            return _coerce_datetime(spec, value, where)
        elif isinstance(value, kind):
            return value
    raise TypeError(
        f"{where}{spec.name} must be {spec.describe()}, not {type(value).__name__} ({value!r})"
    )


def _coerce_datetime(spec: FieldSpec, value: Any, where: str) -> datetime.datetime:
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{where}{spec.name} is not an ISO-8601 date-time: {value!r}"
            ) from None
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{where}{spec.name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            f"{where}{spec.name} must be timezone-aware (e.g. datetime.now(timezone.utc))"
        )
    return value


def check_fields(
    specs: Mapping[str, FieldSpec], given: Mapping[str, Any], where: str = ""
) -> dict[str, Any]:
    """Validate ``given`` against ``specs``: unknown keys, missing required, wrong types."""
    if not isinstance(given, Mapping):
        raise TypeError(f"{where}expected a dict, not {type(given).__name__}")
    out: dict[str, Any] = {}
    for key, value in given.items():
        spec = specs.get(key)
        if spec is None:
            import difflib  # only on the error path

            hint = difflib.get_close_matches(_snake(key), specs, n=1)
            also = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise TypeError(
                f"{where}unknown parameter {key!r}{also}; expected one of {sorted(specs)}"
            )
        out[key] = _coerce(spec, value, where)
    missing = [name for name, spec in specs.items() if spec.required and name not in out]
    if missing:
        raise TypeError(f"{where}missing required parameter(s): {', '.join(missing)}")
    return out


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in str(name)).lstrip("_")


def check_id(value: Any, name: str = "id") -> str:
    """A customer id or ``ext_`` id that is safe to put in one path segment."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    if value in (".", ".."):
        raise ValueError(f"{name} must not be {value!r} (it would address another path)")
    return value
