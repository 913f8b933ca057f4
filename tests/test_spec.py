"""openapi.yaml is valid and carries what the SDK reads from it (x-sdk keys, bounds)."""

from __future__ import annotations

import typing

import pytest
from _spec import SPEC, Op, error_responses, operations, resolve, snake
from openapi_spec_validator import validate

from dub_client import errors, models


def test_the_spec_validates():
    validate(SPEC)
    assert SPEC["openapi"] == "3.0.3"
    assert SPEC["components"]["securitySchemes"]["token"]["scheme"] == "bearer"


@pytest.mark.parametrize("op", operations(), ids=lambda op: op.data["operationId"])
def test_every_operation_names_its_sdk_method_and_shares_the_error_responses(op: Op):
    assert op.sdk_name.isidentifier()
    assert op.success in op.data["responses"]
    for status, response in op.data["responses"].items():
        if str(status)[0] in "45":
            assert response["$ref"].startswith("#/components/responses/")


def test_sdk_method_names_are_unique_per_tag():
    seen = [(op.data["tags"][0], op.sdk_name) for op in operations()]
    assert len(seen) == len(set(seen))


def test_error_classes_are_the_spec_error_responses():
    table = error_responses()
    assert {status: getattr(errors, name) for status, name in table.items()} == errors.STATUS_ERRORS
    for status, name in table.items():
        cls = getattr(errors, name)
        assert issubclass(cls, errors.APIStatusError)
        assert cls.__doc__ is not None and cls.__doc__.startswith(f"{status}: ")


def test_error_code_is_an_open_string():
    detail = SPEC["components"]["schemas"]["ErrorDetail"]
    assert "enum" not in detail["properties"]["code"]


@pytest.mark.parametrize("op", operations(), ids=lambda op: op.data["operationId"])
def test_request_typeddicts_list_every_parameter_and_body_field(op: Op):
    prefix = op.data["operationId"][0].upper() + op.data["operationId"][1:]
    request = getattr(models, f"{prefix}Request")
    params = {snake(p["name"]) for p in op.params}
    body = op.body_schema
    fields = {snake(name) for name in (body or {}).get("properties", {})}
    if body is not None and not params:
        assert set(typing.get_type_hints(request)) == fields
        assert request.__required_keys__ == {snake(n) for n in body.get("required", [])}
    else:
        expected = params | ({"request_body"} if body is not None else set())
        assert set(typing.get_type_hints(request)) == expected
        assert request.__required_keys__ == {
            snake(p["name"]) for p in op.params if p.get("required")
        }
    kwargs = getattr(models, f"{prefix}Params")
    options = {"retries", "max_retries", "timeout_ms", "http_headers", "server_url"}
    path = {snake(name) for name in op.path_params}
    assert (
        set(typing.get_type_hints(kwargs)) - options - {"request_body"} == (params - path) | fields
    )


@pytest.mark.parametrize("op", operations(), ids=lambda op: op.data["operationId"])
def test_closed_enums_of_parameters_are_literal_types(op: Op):
    prefix = op.data["operationId"][0].upper() + op.data["operationId"][1:]
    hints = typing.get_type_hints(getattr(models, f"{prefix}Request"))
    for param in op.params:
        schema = resolve(param["schema"])
        if "enum" in schema:
            literal = typing.get_args(hints[snake(param["name"])])[0]
            assert typing.get_origin(literal) is typing.Literal
            assert list(typing.get_args(literal)) == schema["enum"]


@pytest.mark.parametrize(
    "name", [n for n, s in SPEC["components"]["schemas"].items() if "enum" in s]
)
def test_unknown_enum_values_parse_instead_of_crashing(name: str):
    cls = getattr(models, name)
    known = SPEC["components"]["schemas"][name]["enum"]
    assert cls(known[0]) is cls(known[0])
    new = cls("a-value-added-later")
    assert new == "a-value-added-later" and isinstance(new, cls)
    with pytest.raises(ValueError):
        cls(3)
