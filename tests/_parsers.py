"""Break a model's JSON one place at a time and check what its `from_dict` says.

For every object schema: a valid object with every property present, then each
property removed, replaced by wrong values, and the same inside nested objects and
array items. Whether a variant is acceptable is judged from the spec schema here
(`acceptable`), not from the generated code; a refused variant must raise a
`FieldError` whose `where` is the path to the broken place.

Shared by test_model_parsing.py (the real spec) and test_generation.py (schema shapes
the real spec does not have yet).
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Iterator
from typing import Any

Resolve = Callable[[Any], Any]
#: Values a field might wrongly hold; each replaces every field in turn.
WRONG: list[Any] = [None, 0, 1.5, True, "", "text", "2024-01-01T00:00:00", [], {}, {"id": 1}]


def sample(schema: dict[str, Any], resolve: Resolve) -> Any:
    """A valid value for `schema` with every property present and non-null."""
    schema = resolve(schema)
    for combined in ("allOf", "oneOf", "anyOf"):
        if combined in schema:
            return sample(schema[combined][0], resolve)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        value = {key: sample(prop, resolve) for key, prop in schema.get("properties", {}).items()}
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            value["someKey"] = sample(extra, resolve)
        return value
    if kind == "array":
        return [sample(schema["items"], resolve)]
    if schema.get("format") == "date-time":
        return "2024-05-01T12:30:00.000Z"
    return {"string": "value", "integer": 3, "number": 2.5, "boolean": True}[kind]


def _flat(schema: dict[str, Any], resolve: Resolve) -> tuple[dict[str, Any], bool]:
    """The schema behind allOf/$ref, and whether it allows null."""
    schema = resolve(schema)
    nullable = bool(schema.get("nullable"))
    while "allOf" in schema:
        schema = resolve(schema["allOf"][0])
        nullable = nullable or bool(schema.get("nullable"))
    return schema, nullable


def acceptable(value: Any, schema: dict[str, Any], resolve: Resolve, *, request: bool) -> bool:
    """Whether `value` fits `schema`, as the SDK promises to read it: unknown enum strings
    and unknown keys are kept; a date-time must carry a UTC offset."""
    schema, nullable = _flat(schema, resolve)
    if value is None:
        return nullable
    kind = schema.get("type")
    if "enum" in schema:
        if kind == "integer":
            return type(value) is int and value in schema["enum"]
        return type(value) is str
    if kind == "string":
        if type(value) is not str:
            return False
        if schema.get("format") == "date-time":
            try:
                return datetime.datetime.fromisoformat(value).tzinfo is not None
            except ValueError:
                return False
        return True
    if kind == "integer":
        return type(value) is int
    if kind == "number":
        return type(value) in (int, float)
    if kind == "boolean":
        return type(value) is bool
    if kind == "array":
        items = schema["items"]
        return type(value) is list and all(
            acceptable(item, items, resolve, request=request) for item in value
        )
    if kind == "object":
        if type(value) is not dict:
            return False
        required = set(schema.get("required", []))
        for key, prop in schema.get("properties", {}).items():
            if key not in value:
                if key in required:
                    return False
            elif value[key] is None and key not in required and not request:
                continue  # an answer's optional field sent as null reads as None
            elif not acceptable(value[key], prop, resolve, request=request):
                return False
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            known = schema.get("properties", {})
            return all(
                acceptable(v, extra, resolve, request=request)
                for k, v in value.items()
                if k not in known
            )
        return True
    return True


def variants(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """`value` broken in one place, with the path (as `FieldError.where` writes it) of
    that place: a key removed, a value replaced, an unknown key added; the same inside
    every nested object and array item."""
    dot = "." if path else ""
    if isinstance(value, list):
        if value:
            for wrong in WRONG:
                yield f"{path}[0]", [wrong]
            if isinstance(value[0], dict | list):
                for where, inner in variants(value[0], f"{path}[0]"):
                    yield where, [inner]
        return
    yield path, {**value, "addedLater": {"x": [1]}}
    for key, item in value.items():
        yield f"{path}{dot}{key}", {k: v for k, v in value.items() if k != key}
        for wrong in WRONG:
            yield f"{path}{dot}{key}", {**value, key: wrong}
        if isinstance(item, dict | list):
            for where, inner in variants(item, f"{path}{dot}{key}"):
                yield where, {**value, key: inner}


def check_breaks(cls: Any, schema: dict[str, Any], resolve: Resolve, *, request: bool) -> int:
    """Parse a valid object of `schema` and every one-place break of it with
    `cls.from_dict`: what the spec allows parses (and gives its JSON back, the mapping
    given unchanged); anything else raises an error naming the model and the path to
    the broken place. Returns how many variants were refused."""
    valid = sample(schema, resolve)
    refused = 0
    for where, data in [("", valid), *variants(valid)]:
        given = copy.deepcopy(data)
        ok = acceptable(data, schema, resolve, request=request)
        try:
            model = cls.from_dict(given)
        except (TypeError, ValueError) as exc:
            label = f"{cls.__name__} {where or '<top>'} = {data!r}"
            assert not ok, f"{label}: refused what the spec allows: {exc}"
            named: str = exc.where  # type: ignore[attr-defined]
            # a wrong object or array is reported at its first bad value inside
            inside = named.startswith((f"{where}.", f"{where}[")) or not where
            assert named == where or inside, f"{label}: the error names {named!r}: {exc}"
            assert str(exc).startswith(f"{cls.__name__}.from_dict: "), str(exc)
            refused += 1
        else:
            assert ok, f"{cls.__name__} {where}: accepted {data!r}"
            assert given == data, f"{cls.__name__}: from_dict changed the mapping it was given"
            back = model.to_dict()
            for key, value in data.items():  # every key that was there comes back
                if value is not None:
                    assert key in back, (cls.__name__, key)
    return refused
