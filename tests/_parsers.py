"""Compare a generated model's two parsers: the public, eager `from_dict` and the SDK's
`_from_json` (checks up front, plain fields and nested models read on first access).

Shared by test_parsing_fast_path.py (the real spec) and test_generation.py (schema
shapes the real spec does not have yet).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

Resolve = Callable[[Any], Any]
ERRORS = (KeyError, TypeError, ValueError, AttributeError)
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


def variants(value: Any) -> Iterator[tuple[str, Any]]:
    """`value` broken in one place: a key removed, a value replaced, an unknown key added;
    the same inside every nested object and array item."""
    if isinstance(value, list):
        if value and isinstance(value[0], (dict, list)):
            for wrong in WRONG:
                yield f"[0]={wrong!r}", [wrong]
            for label, inner in variants(value[0]):
                yield f"[0].{label}", [inner]
        return
    yield "extra key", {**value, "addedLater": {"x": [1]}}
    for key, item in value.items():
        yield f"{key} removed", {k: v for k, v in value.items() if k != key}
        for wrong in WRONG:
            yield f"{key}={wrong!r}", {**value, key: wrong}
        if isinstance(item, (dict, list)):
            for label, inner in variants(item):
                yield f"{key}.{label}", {**value, key: inner}


def _outcome(parse: Callable[[Any], Any], data: Any) -> Any:
    try:
        return parse(copy.deepcopy(data))
    except ERRORS as exc:
        return type(exc)


def check_agreement(cls: Any, schema: dict[str, Any], resolve: Resolve) -> int:
    """Assert both parsers agree on a valid object of `schema` and every variant of it;
    returns how many variants both accepted."""
    valid = sample(schema, resolve)
    accepted = 0
    for label, data in [("valid", valid), *variants(valid)]:
        eager = _outcome(cls.from_dict, data)
        lazy = _outcome(cls._from_json, data)
        checked = _outcome(cls._check, data)
        where = f"{cls.__name__} {label}"
        if isinstance(eager, type):
            assert isinstance(lazy, type), f"{where}: from_dict raised {eager}, _from_json did not"
            assert isinstance(checked, type), f"{where}: _check accepted what from_dict refuses"
        else:
            assert not isinstance(lazy, type), f"{where}: _from_json raised {lazy}"
            assert checked is None, f"{where}: _check raised {checked}"
            # Comparing reads every field (nested models too): none of it may fail.
            assert lazy == eager, where
            assert lazy.to_dict() == eager.to_dict(), where
            assert lazy.additional_properties == eager.additional_properties, where
            accepted += 1
    assert accepted >= 2, f"{cls.__name__}: the valid object and one variant at least"
    return accepted
