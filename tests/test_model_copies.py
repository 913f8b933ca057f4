"""Models survive copy, deepcopy and pickle: equal to the original, UNSET still UNSET."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from typing import Any

import pytest
from conftest import customer_json

from dub_client.models import UNSET, Customer, UpdateCustomerBody

COPIES: list[Callable[[Any], Any]] = [
    copy.copy,
    copy.deepcopy,
    lambda obj: pickle.loads(pickle.dumps(obj)),
]
LINK = {"id": "l", "domain": "d", "key": "k", "shortLink": "s", "url": "u", "programId": None}


@pytest.mark.parametrize("make_copy", COPIES, ids=["copy", "deepcopy", "pickle"])
def test_response_models_copy_equal(make_copy: Callable[[Any], Any]):
    customer = Customer.from_dict(customer_json(link=LINK, newField={"a": 1}))
    again = make_copy(customer)
    assert again == customer
    assert again.additional_properties == {"newField": {"a": 1}}
    assert again.link == customer.link and again.avatar is None


@pytest.mark.parametrize("make_copy", COPIES, ids=["copy", "deepcopy", "pickle"])
def test_request_bodies_keep_unset_through_copies(make_copy: Callable[[Any], Any]):
    body = UpdateCustomerBody(name="Ada", email=None)
    again = make_copy(body)
    assert again == body
    assert again.avatar is UNSET  # the one sentinel, not a new instance
    assert again.to_dict() == {"name": "Ada", "email": None}
    assert make_copy(UNSET) is UNSET
    assert repr(UNSET) == "UNSET" and not UNSET
