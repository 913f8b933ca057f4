"""The parser the SDK uses on its own JSON (`_from_json`) accepts exactly what the public
`from_dict` accepts, builds an equal model, and never fails after it has returned.

`_from_json` checks everything up front but leaves plain fields, additional properties
and nested models in the decoded dict until first read. These tests take a full valid
object for every object schema in openapi.yaml, then break it one place at a time
(nested objects included) and compare the two parsers on each variant.
"""

from __future__ import annotations

import contextlib
import copy
import pickle
import threading
from typing import Any

import _parsers
import httpx
import pytest
from _spec import SPEC, resolve
from conftest import Recorder, customer_json

from dub_client import Dub, errors, models

SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
OBJECTS = sorted(name for name, schema in SCHEMAS.items() if schema.get("type") == "object")


def sample(schema: dict[str, Any]) -> Any:
    return _parsers.sample(schema, resolve)


@pytest.mark.parametrize("name", OBJECTS)
def test_fast_parser_agrees_with_from_dict_on_every_variant(name: str):
    _parsers.check_agreement(getattr(models, name), SCHEMAS[name], resolve)


def test_every_object_schema_has_a_fast_parser():
    assert OBJECTS
    for name in OBJECTS:
        cls = getattr(models, name)
        assert callable(cls._from_json) and callable(cls._check), name


def expanded() -> dict[str, Any]:
    return sample(SCHEMAS["Customer"]) | {"newField": {"a": 1}}


def test_a_parsed_model_reads_fields_once_and_then_holds_them():
    data = expanded()
    customer = models.Customer._from_json(data)
    assert customer.name == "value" and customer.link is customer.link  # built once, kept
    data["name"] = "changed later"  # what the SDK never does; shows the value is kept
    assert customer.name == "value"
    assert customer.additional_properties == {"newField": {"a": 1}}
    assert customer["newField"] == {"a": 1}


@pytest.mark.parametrize(
    "make_copy",
    [copy.copy, copy.deepcopy, lambda obj: pickle.loads(pickle.dumps(obj))],
    ids=["copy", "deepcopy", "pickle"],
)
def test_a_lazily_parsed_model_copies_whole(make_copy: Any):
    customer = models.Customer._from_json(expanded())
    again = make_copy(customer)
    assert again == models.Customer.from_dict(expanded())
    assert again.discount is not None
    assert again.discount.type_ == SCHEMAS["DiscountType"]["enum"][0]
    assert repr(again) == repr(customer)


def test_unknown_attributes_still_raise_attribute_error():
    customer = models.Customer._from_json(expanded())
    with pytest.raises(AttributeError, match="no_such_field"):
        customer.no_such_field  # noqa: B018
    assert not hasattr(models.Customer(id="c", external_id="e", created_at=None), "nope")  # type: ignore[arg-type]


def test_from_dict_does_not_keep_the_callers_dict():
    data = expanded()
    customer = models.Customer.from_dict(data)
    data["name"] = "changed"
    data["link"]["key"] = "changed"
    assert customer.name == "value" and customer.link is not None
    assert customer.link.key == "value"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("link", {"id": 5}, "id must be a string"),
        ("link", {**sample(SCHEMAS["CustomerLink"]), "url": 5}, "url must be a string"),
        ("partner", {"id": "p", "name": None, "email": None, "image": None}, "name must be"),
        ("discount", {**sample(SCHEMAS["CustomerDiscount"]), "type": 7}, "not a valid Discount"),
        ("discount", "20% off", "discount: unexpected str"),
    ],
)
def test_a_bad_nested_object_fails_the_call_not_a_later_read(
    dub: Dub, recorder: Recorder, field: str, value: Any, message: str
):
    body = customer_json(**{field: value})
    recorder.reply(httpx.Response(200, json=[customer_json("cus_0"), body]))
    with pytest.raises(errors.ResponseValidationError, match=message):
        dub.customers.list()


def test_an_unknown_enum_value_in_a_nested_object_still_parses(dub: Dub, recorder: Recorder):
    discount = {**sample(SCHEMAS["CustomerDiscount"]), "type": "bogo"}
    recorder.reply(httpx.Response(200, json=[customer_json(discount=discount)]))
    (customer,) = dub.customers.list()
    assert customer.discount is not None
    assert customer.discount.type_ == "bogo" and customer.discount.type_.value == "bogo"


def test_two_threads_first_reading_a_nested_model_get_the_same_object(monkeypatch):
    """Two threads reading a nested model first at the same moment may both build it,
    but the first one stored wins and both get (and keep) that one object."""
    customer = models.Customer._from_json(expanded())
    build = models.CustomerLink._from_json
    both_inside = threading.Barrier(2)

    def slow_build(data: dict[str, Any]) -> Any:
        with contextlib.suppress(threading.BrokenBarrierError):
            both_inside.wait(timeout=0.3)  # both threads build at once
        return build(data)

    monkeypatch.setattr(models.CustomerLink, "_from_json", slow_build)
    got: list[Any] = []
    readers = [threading.Thread(target=lambda: got.append(customer.link)) for _ in range(2)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(timeout=5)
    assert len(got) == 2 and got[0] is got[1] is customer.link


def test_a_misspelled_field_gets_pythons_suggestion():
    customer = models.Customer._from_json(expanded())
    with pytest.raises(AttributeError) as info:
        customer.emial  # noqa: B018
    assert info.value.name == "emial" and info.value.obj is customer  # what the hint uses
