"""openapi.yaml is valid, says what the facts say, and the facade agrees with it."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from dub_client import _customers, _pagination
from dub_client.models import CustomersSortBy, DiscountType, SortOrder

ROOT = Path(__file__).resolve().parent.parent
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
ERROR_STATUSES = ["400", "401", "403", "404", "409", "410", "422", "429", "500"]
OPERATIONS = {
    ("/customers", "get"): ("getCustomers", "200"),
    ("/customers", "post"): ("createCustomer", "201"),
    ("/customers/{id}", "get"): ("getCustomer", "200"),
    ("/customers/{id}", "patch"): ("updateCustomer", "200"),
    ("/customers/{id}", "delete"): ("deleteCustomer", "200"),
}


def test_the_spec_validates():
    validate(SPEC)
    assert SPEC["openapi"] == "3.0.3"
    assert SPEC["servers"] == [{"url": "https://api.dub.co", "description": "Production"}]
    assert SPEC["components"]["securitySchemes"]["token"] == {
        "type": "http",
        "scheme": "bearer",
        "description": SPEC["components"]["securitySchemes"]["token"]["description"],
    }


@pytest.mark.parametrize(("path", "method"), list(OPERATIONS))
def test_operations(path: str, method: str):
    op = SPEC["paths"][path][method]
    operation_id, success = OPERATIONS[(path, method)]
    assert op["operationId"] == operation_id
    assert op["tags"] == ["Customers"]
    assert op.get("deprecated", False) is (operation_id == "createCustomer")
    assert set(op["responses"]) == {success, *ERROR_STATUSES}
    for status in ERROR_STATUSES:
        assert op["responses"][status]["$ref"].startswith("#/components/responses/")


def test_one_customer_schema_is_shared():
    refs = [
        SPEC["paths"]["/customers"]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ]["items"]["$ref"],
        *(
            SPEC["paths"][p][m]["responses"][s]["content"]["application/json"]["schema"]["$ref"]
            for (p, m), (_, s) in OPERATIONS.items()
            if m != "delete" and (p, m) != ("/customers", "get")
        ),
    ]
    assert set(refs) == {"#/components/schemas/Customer"}
    customer = SPEC["components"]["schemas"]["Customer"]
    assert customer["required"] == ["id", "externalId", "createdAt"]
    assert customer["properties"]["createdAt"]["format"] == "date-time"
    for expanded in ("link", "programId", "partner", "discount"):
        assert customer["properties"][expanded]["nullable"] is True
        assert expanded not in customer["required"]


def test_error_code_is_an_open_string():
    detail = SPEC["components"]["schemas"]["ErrorDetail"]
    assert detail["required"] == ["code", "message"]
    assert detail["properties"]["code"]["type"] == "string"
    assert "enum" not in detail["properties"]["code"]


def _list_param(name: str) -> dict[str, Any]:
    params = SPEC["paths"]["/customers"]["get"]["parameters"]
    return next(p for p in params if p.get("name") == name)


def test_facade_bounds_and_defaults_match_the_spec():
    page_size = _list_param("pageSize")["schema"]
    page = _list_param("page")
    assert _customers.BOUNDS["page_size"] == (page_size["minimum"], page_size["maximum"])
    assert _customers.BOUNDS["page"] == (page["schema"]["minimum"], page["schema"]["maximum"])
    assert page["deprecated"] is True
    assert page_size["default"] == _pagination.DEFAULT_PAGE_SIZE
    assert page["schema"]["maximum"] == _pagination.MAX_OFFSET_PAGE


def test_enums_match_the_spec():
    schemas = SPEC["components"]["schemas"]
    assert [m.value for m in CustomersSortBy] == sorted(schemas["CustomersSortBy"]["enum"])
    assert [m.value for m in SortOrder] == sorted(schemas["SortOrder"]["enum"])
    assert [m.value for m in DiscountType] == sorted(schemas["DiscountType"]["enum"])


def test_typed_dicts_list_exactly_what_the_generated_code_accepts():
    assert set(_customers.ListCustomersRequest.__annotations__) == set(_customers._LIST)
    assert set(_customers.UpdateCustomerFields.__annotations__) == set(_customers._UPDATE_BODY)
    assert set(_customers.CreateCustomerFields.__annotations__) == set(_customers._CREATE_BODY)
    required = {n for n, s in _customers._CREATE_BODY.items() if s.required}
    assert (
        _customers.CreateCustomerFields.__required_keys__ == required == {"external_id", "country"}
    )
    hints = typing.get_type_hints(_customers.GetCustomerRequest)
    assert set(hints) == {"id", *_customers._GET}


def test_unknown_enum_values_parse_instead_of_crashing():
    new = DiscountType("bogo")
    assert new == "bogo" and new.value == "bogo" and isinstance(new, DiscountType)
    assert DiscountType("flat") is DiscountType.FLAT
    assert CustomersSortBy("lastSaleAt").value == "lastSaleAt"
    with pytest.raises(ValueError):
        DiscountType(3)
