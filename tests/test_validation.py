"""Bad input raises TypeError/ValueError before anything is sent."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from _spec import op_named
from conftest import Recorder

from dub_client import Dub

LIST = op_named("list")
SIZE = LIST.param("pageSize")["schema"]
PAGE = LIST.param("page")["schema"]
SIZES = f"between {SIZE['minimum']} and {SIZE['maximum']}"
BAD_LIST: list[tuple[dict[str, Any], type[Exception], str]] = [
    ({"page_size": SIZE["minimum"] - 1}, ValueError, f"page_size must be {SIZES}"),
    ({"page_size": SIZE["maximum"] + 1}, ValueError, f"page_size must be {SIZES}"),
    ({"page": PAGE["maximum"] + 1}, ValueError, f"page must be between 1 and {PAGE['maximum']}"),
    ({"page_size": "50"}, TypeError, "page_size must be int"),
    ({"page_size": True}, TypeError, "page_size must be int"),
    ({"page_size": 5.0}, TypeError, "page_size must be int"),
    ({"include_expanded_fields": "yes"}, TypeError, "include_expanded_fields must be bool"),
    ({"pageSize": 5}, TypeError, "did you mean 'page_size'"),
    ({"colour": "red"}, TypeError, "unknown parameter 'colour'"),
    ({"emial": None}, TypeError, "did you mean 'email'"),
    ({"sort_by": "name"}, ValueError, "sort_by must be one of"),
    ({"sort_order": "up"}, ValueError, "sort_order must be one of"),
    ({"starting_after": "a", "ending_before": "b"}, ValueError, "not both"),
    ({"starting_after": "a", "page": 2}, ValueError, "page cannot be combined"),
    ({"starting_after": "a", "sort_by": "saleAmount"}, ValueError, "sort_by='createdAt'"),
    ({"starting_after": ""}, ValueError, "starting_after must not be empty"),
    ({"email": 5}, TypeError, "email must be str"),
    ({"email": "a\udc80@b.co"}, ValueError, "email is not valid text"),
]


@pytest.mark.parametrize(("params", "exc", "match"), BAD_LIST)
def test_bad_list_input(dub: Dub, recorder: Recorder, params, exc, match):
    with pytest.raises(exc, match=match):
        dub.customers.list(request=params)
    with pytest.raises(exc, match=match):
        dub.customers.list_async(**params)
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("bad_id", "exc"),
    [
        ("", ValueError),
        ("   ", ValueError),
        (".", ValueError),
        ("..", ValueError),
        (42, TypeError),
        (None, TypeError),
        ("cus_\udc80", ValueError),
    ],
)
def test_bad_ids(dub: Dub, recorder: Recorder, bad_id, exc):
    with pytest.raises(exc):
        dub.customers.get(bad_id)
    with pytest.raises(exc):
        dub.customers.update(bad_id, name="x")
    with pytest.raises(exc):
        dub.customers.delete(bad_id)
    assert recorder.requests == []


async def test_bad_input_async_raises_before_sending(dub: Dub, recorder: Recorder):
    with pytest.raises(ValueError):
        await dub.customers.get_async("..")
    with pytest.raises(TypeError):
        await dub.customers.update_async("cus_1", nickname="x")  # type: ignore[call-arg]
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("fields", "exc", "match"),
    [
        ({"nickname": "x"}, TypeError, "unknown parameter 'nickname'"),
        ({"externalId": "x"}, TypeError, "did you mean 'external_id'"),
        ({"external_id": None}, TypeError, "external_id must be str, not None"),
        ({"name": 5}, TypeError, "name must be str | None"),
        ({"subscription_canceled_at": "not a date"}, ValueError, "ISO-8601"),
        ({"subscription_canceled_at": datetime.datetime(2025, 1, 1)}, ValueError, "timezone-aware"),
        ({"subscription_canceled_at": 12}, TypeError, "datetime"),
    ],
)
def test_bad_update_bodies(dub: Dub, recorder: Recorder, fields, exc, match):
    with pytest.raises(exc, match=match):
        dub.customers.update("cus_1", **fields)
    with pytest.raises(exc, match=match):
        dub.customers.update(request={"id": "cus_1", "request_body": fields})
    assert recorder.requests == []


def test_update_accepts_iso_strings_for_dates(dub: Dub, recorder: Recorder):
    with pytest.warns(UserWarning, match="subscriptionCanceledAt"):  # Dub does not store it
        dub.customers.update("cus_1", subscription_canceled_at="2025-01-01T00:00:00Z")
    assert recorder.body() == {"subscriptionCanceledAt": "2025-01-01T00:00:00+00:00"}


def test_mixing_styles_is_refused(dub: Dub, recorder: Recorder):
    with pytest.raises(TypeError, match="both"):
        dub.customers.list(request={"page_size": 5}, page_size=6)
    with pytest.raises(TypeError, match="both"):
        dub.customers.get("cus_1", request={"id": "cus_2"})
    with pytest.raises(TypeError, match="not both"):
        dub.customers.update(request={"id": "cus_1", "request_body": {"name": "a"}}, name="b")
    with pytest.warns(DeprecationWarning), pytest.raises(TypeError, match="not both"):
        dub.customers.create(request={"external_id": "a"}, name="b")  # request= is the body
    with pytest.raises(TypeError, match=r"missing required parameter.*id"):
        dub.customers.get()
    with pytest.raises(TypeError, match="unknown parameter"):
        dub.customers.delete(request={"id": "cus_1", "force": "yes"})
    with pytest.raises(TypeError, match="request must be a dict"):
        dub.customers.list(request=[("page_size", 5)])  # type: ignore[arg-type]
    assert recorder.requests == []


def test_create_requires_its_fields(dub: Dub, recorder: Recorder):
    with pytest.warns(DeprecationWarning), pytest.raises(TypeError, match="missing required"):
        dub.customers.create(external_id="x")  # type: ignore[call-arg]
    assert recorder.requests == []


def test_request_must_be_a_mapping_for_id_operations(dub: Dub, recorder: Recorder):
    with pytest.raises(TypeError, match="request must be a dict"):
        dub.customers.get(request=[("id", "cus_1")])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="request must be a dict"):
        dub.customers.delete(request=[("id", "cus_1")])  # type: ignore[arg-type]
    assert recorder.requests == []
