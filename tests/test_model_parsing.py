"""The generated models: attrs classes with one eager parser (`from_dict`) that checks
every field and names the path to a bad value, and `to_dict` that gives the wire back.

Every object schema of openapi.yaml is broken one place at a time (tests/_parsers.py);
the same breaks reach users as a `ResponseValidationError` naming the path when an
answer carries them.
"""

from __future__ import annotations

import copy
import datetime
import pickle
from typing import Any

import _parsers
import attrs
import httpx
import pytest
from _spec import SPEC, resolve
from conftest import Recorder, customer_json

from dub_client import Dub, errors, models
from dub_client.models import FieldError

SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
OBJECTS = sorted(name for name, schema in SCHEMAS.items() if schema.get("type") == "object")
REQUESTS = {"UpdateCustomerBody", "CreateCustomerBody"}


def sample(name: str) -> Any:
    return _parsers.sample(SCHEMAS[name], resolve)


@pytest.mark.parametrize("name", OBJECTS)
def test_every_break_of_every_field_is_refused_with_its_path(name: str):
    refused = _parsers.check_breaks(
        getattr(models, name), SCHEMAS[name], resolve, request=name in REQUESTS
    )
    assert refused >= 1


@pytest.mark.parametrize("name", OBJECTS)
def test_every_model_is_an_attrs_class(name: str):
    cls = getattr(models, name)
    model = cls.from_dict(sample(name))
    assert attrs.has(cls)
    names = [field.name for field in attrs.fields(cls)]
    assert (
        names[-1] == "additional_properties" and len(names) == len(SCHEMAS[name]["properties"]) + 1
    )
    assert attrs.asdict(model, recurse=False)["additional_properties"] == {}
    first = names[0]
    changed = attrs.evolve(model, **{first: getattr(model, first)})
    assert changed == model and changed is not model
    assert copy.copy(model) == model and copy.deepcopy(model) == model
    assert pickle.loads(pickle.dumps(model)) == model
    assert repr(model).startswith(f"{name}({first}=")
    with pytest.raises(AttributeError):
        model.not_a_field = 1  # slotted
    with pytest.raises(TypeError):
        hash(model)  # mutable, so not hashable


def test_a_parsed_customer_with_the_attrs_api():
    data = customer_json(
        "cus_1",
        link={**sample("CustomerLink"), "id": "link_1"},
        discount=sample("CustomerDiscount"),
    )
    customer = models.Customer.from_dict(data)
    renamed = attrs.evolve(customer, name="Grace")
    assert renamed.name == "Grace" and customer.name == "Ada" and renamed.link == customer.link
    as_dict = attrs.asdict(customer)
    assert as_dict["id"] == "cus_1" and as_dict["link"]["id"] == "link_1"
    assert isinstance(as_dict["created_at"], datetime.datetime)
    match customer:
        case models.Customer(cid, external_id):
            assert (cid, external_id) == ("cus_1", customer.external_id)
        case _:
            pytest.fail("positional match")


def test_from_dict_errors_name_the_model_and_the_key():
    data = sample("Customer")
    del data["discount"]["couponId"]
    with pytest.raises(TypeError) as missing:
        models.Customer.from_dict(data)
    assert not isinstance(missing.value, KeyError)
    assert (
        str(missing.value)
        == "Customer.from_dict: discount.couponId: missing (the spec requires it)"
    )
    assert isinstance(missing.value, FieldError) and missing.value.path == ("discount", "couponId")

    data = sample("Customer") | {"createdAt": "2024-05-01T12:30:00"}
    with pytest.raises(
        ValueError, match=r"^Customer.from_dict: createdAt: date-time without a UTC"
    ):
        models.Customer.from_dict(data)
    with pytest.raises(
        TypeError, match=r"^CustomerLink.from_dict: expected a JSON object, got str"
    ):
        models.CustomerLink.from_dict("")


def test_from_dict_leaves_the_mapping_alone_and_keeps_no_reference_to_it():
    data = sample("Customer") | {"addedLater": {"a": 1}}
    before = copy.deepcopy(data)
    customer = models.Customer.from_dict(data)
    assert data == before
    data["addedLater"]["a"] = 2  # the caller's dict changes; the model's extra key does not
    data["name"] = "changed later"
    assert customer.name == before["name"]
    assert customer.additional_properties["addedLater"] is data["addedLater"]  # as given
    assert "_json" not in dir(customer)


def test_to_dict_gives_the_wire_back():
    full = sample("Customer") | {"addedLater": [1, {"x": None}]}
    moment = "2024-05-01T12:30:00+00:00"  # what datetime.isoformat() writes
    full |= {key: moment for key in ("createdAt", "firstSaleAt", "subscriptionCanceledAt")}
    assert models.Customer.from_dict(full).to_dict() == full
    # absent fields that are not nullable stay absent; absent nullable ones read as None
    minimal = {"id": "cus_1", "externalId": "e", "createdAt": "2024-05-01T12:30:00+00:00"}
    back = models.Customer.from_dict(minimal).to_dict()
    assert {k: back[k] for k in minimal} == minimal
    discount = sample("CustomerDiscount")
    del discount["description"]
    assert models.CustomerDiscount.from_dict(discount).to_dict()["type"] == discount["type"]
    partner = {"id": "pn_1", "name": "P", "email": None, "image": None}
    assert models.CustomerPartner.from_dict(partner).to_dict() == partner


def test_a_request_model_sends_only_what_was_given():
    assert models.UpdateCustomerBody(name="Ada").to_dict() == {"name": "Ada"}
    assert models.UpdateCustomerBody(email=None).to_dict() == {"email": None}
    body = models.UpdateCustomerBody.from_dict({"externalId": "x"})
    assert body.name is models.UNSET and body.to_dict() == {"externalId": "x"}
    assert copy.deepcopy(body).name is models.UNSET
    assert pickle.loads(pickle.dumps(body)).name is models.UNSET
    with pytest.raises(
        TypeError, match=r"UpdateCustomerBody.from_dict: externalId: expected a string"
    ):
        models.UpdateCustomerBody.from_dict({"externalId": None})  # not nullable in a request


def test_an_unknown_enum_value_parses_and_goes_back_as_it_came():
    data = sample("CustomerDiscount") | {"type": "tiered"}
    discount = models.CustomerDiscount.from_dict(data)
    assert discount.type_ == "tiered" and discount.to_dict()["type"] == "tiered"


@pytest.mark.parametrize(
    ("answer", "where"),
    [
        ("list", "[1].discount.type"),
        ("list", "[1].createdAt"),
        ("get", "discount.couponId"),
    ],
)
def test_a_malformed_answer_names_the_path_to_the_bad_value(answer: str, where: str):
    good = customer_json("cus_0")
    bad = customer_json("cus_1", discount=sample("CustomerDiscount"))
    if where.endswith("discount.type"):
        bad["discount"]["type"] = 42
    elif where.endswith("createdAt"):
        bad["createdAt"] = "yesterday"
    else:
        del bad["discount"]["couponId"]
    body = [good, bad] if answer == "list" else bad
    recorder = Recorder([httpx.Response(200, json=body)])
    with Dub(token="dub_test", client=httpx.Client(transport=httpx.MockTransport(recorder))) as dub:
        with pytest.raises(errors.ResponseValidationError) as caught:
            if answer == "list":
                dub.customers.list()
            else:
                dub.customers.get("cus_1")
    message = str(caught.value)
    assert f"at {where}: " in message, message
    assert caught.value.status_code == 200 and "cus_1" in caught.value.body


@pytest.mark.parametrize("absent", [(), ("name",), ("name", "email", "link")])
def test_unknown_keys_are_kept_whatever_is_absent(absent: tuple[str, ...]):
    data = {k: v for k, v in sample("Customer").items() if k not in absent}
    assert models.Customer.from_dict(data).additional_properties == {}
    data |= {"addedLater": 1, "alsoNew": None}
    customer = models.Customer.from_dict(data)
    assert customer.additional_properties == {"addedLater": 1, "alsoNew": None}
    assert all(getattr(customer, _name) is None for _name in ("name", "email") if _name in absent)


def test_from_dict_given_the_sdks_names_says_it_takes_the_apis():
    data = {"id": "cus_1", "external_id": "e", "createdAt": "2024-05-01T12:30:00Z"}
    with pytest.raises(TypeError, match=r"externalId: missing .*'external_id' is there"):
        models.Customer.from_dict(data)
