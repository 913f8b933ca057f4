"""Every operation, both call styles, sync and async: the wire request and the parsed result."""

from __future__ import annotations

import datetime
import warnings
from typing import Any

import httpx
import pytest
from conftest import TOKEN, Recorder, customer_json

from dub_client import Dub, __version__
from dub_client.models import (
    CreateCustomerBody,
    Customer,
    CustomersSortBy,
    DeletedCustomer,
    DiscountType,
    UpdateCustomerBody,
)


def wire(request: httpx.Request) -> tuple[str, str, dict[str, str]]:
    query = dict(httpx.QueryParams(request.url.query))
    return request.method, request.url.raw_path.decode().split("?")[0], query


def check_headers(request: httpx.Request) -> None:
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["user-agent"].startswith(f"dub-client/{__version__} ")
    assert request.headers["accept"] == "application/json"


# -- list -------------------------------------------------------------------------------
LIST_KW: dict[str, Any] = {
    "email": "a@b.co",
    "external_id": "u1",
    "search": "ada",
    "country": "US",
    "link_id": "link_1",
    "program_id": "prog_1",
    "partner_id": "pn_1",
    "include_expanded_fields": True,
    "sort_by": "createdAt",
    "sort_order": "asc",
    "starting_after": "cus_0",
    "page_size": 50,
}
LIST_WIRE = {
    "email": "a@b.co",
    "externalId": "u1",
    "search": "ada",
    "country": "US",
    "linkId": "link_1",
    "programId": "prog_1",
    "partnerId": "pn_1",
    "includeExpandedFields": "true",
    "sortBy": "createdAt",
    "sortOrder": "asc",
    "startingAfter": "cus_0",
    "pageSize": "50",
}


@pytest.mark.parametrize("style", ["request", "keywords"])
def test_list_sends_every_parameter_by_its_wire_name(dub: Dub, recorder: Recorder, style: str):
    recorder.reply(httpx.Response(200, json=[customer_json("cus_1"), customer_json("cus_2")]))
    page = (
        dub.customers.list(request=LIST_KW)  # type: ignore[arg-type]
        if style == "request"
        else dub.customers.list(**LIST_KW)
    )
    assert wire(recorder.last) == ("GET", "/customers", LIST_WIRE)
    check_headers(recorder.last)
    assert [c.id for c in page.items] == ["cus_1", "cus_2"]
    assert all(isinstance(c, Customer) for c in page.items)
    assert not page.has_next_page()  # 2 < 50: the last page


def test_list_without_arguments_sends_only_the_spec_default(dub: Dub, recorder: Recorder):
    recorder.reply(httpx.Response(200, json=[]))
    page = dub.customers.list()
    assert wire(recorder.last) == ("GET", "/customers", {"pageSize": "100"})
    assert page.items == []


def test_list_offset_page_and_enum_members(dub: Dub, recorder: Recorder):
    recorder.reply(httpx.Response(200, json=[]))
    dub.customers.list(page=3, sort_by=CustomersSortBy.SALEAMOUNT, sort_order="desc")
    assert wire(recorder.last)[2] == {
        "page": "3",
        "sortBy": "saleAmount",
        "sortOrder": "desc",
        "pageSize": "100",
    }


async def test_list_async_first_page(dub: Dub, recorder: Recorder):
    recorder.reply(httpx.Response(200, json=[customer_json("cus_9")]))
    page = await dub.customers.list_async(request={"ending_before": "cus_10", "page_size": 5})
    assert wire(recorder.last) == (
        "GET",
        "/customers",
        {"endingBefore": "cus_10", "pageSize": "5"},
    )
    assert [c.id for c in page.items] == ["cus_9"]


# -- get --------------------------------------------------------------------------------
def test_get_both_styles(dub: Dub, recorder: Recorder):
    recorder.reply(
        httpx.Response(200, json=customer_json("cus_1")),
        httpx.Response(200, json=customer_json("cus_1")),
    )
    a = dub.customers.get(request={"id": "cus_1", "include_expanded_fields": True})
    first = recorder.last
    b = dub.customers.get("cus_1", include_expanded_fields=True)
    assert (
        wire(first)
        == wire(recorder.last)
        == (
            "GET",
            "/customers/cus_1",
            {"includeExpandedFields": "true"},
        )
    )
    check_headers(recorder.last)
    assert a == b
    assert a.created_at == datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    assert a.created_at.tzinfo is not None
    assert a.name == "Ada" and a.avatar is None  # absent from the answer


async def test_get_async_uses_the_async_client(recorder: Recorder):
    sync_calls: list[httpx.Request] = []

    def sync_handler(request: httpx.Request) -> httpx.Response:
        sync_calls.append(request)
        return httpx.Response(500)

    dub = Dub(
        TOKEN,
        client=httpx.Client(transport=httpx.MockTransport(sync_handler)),
        async_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)),
    )
    customer = await dub.customers.get_async("ext_42")
    assert customer.id == "cus_1"
    assert wire(recorder.last) == ("GET", "/customers/ext_42", {})
    assert sync_calls == []


def test_get_parses_expanded_fields_and_unknown_enum_and_extra_fields(dub: Dub, recorder: Recorder):
    body = customer_json(
        "cus_1",
        sales=3,
        saleAmount=4200,
        firstSaleAt="2024-02-01T10:00:00.000Z",
        subscriptionCanceledAt=None,
        programId="prog_1",
        link={
            "id": "link_1",
            "domain": "dub.sh",
            "key": "abc",
            "shortLink": "https://dub.sh/abc",
            "url": "https://example.com",
            "programId": None,
        },
        partner={"id": "pn_1", "name": "P", "email": None, "image": None},
        discount={
            "id": "disc_1",
            "amount": 10,
            "type": "bogo",  # a value the spec does not know yet
            "maxDuration": None,
            "couponId": None,
            "couponTestId": None,
        },
        brandNewField={"x": 1},
    )
    recorder.reply(httpx.Response(200, json=body))
    c = dub.customers.get("cus_1", include_expanded_fields=True)
    assert c.first_sale_at == datetime.datetime(2024, 2, 1, 10, tzinfo=datetime.UTC)
    assert c.subscription_canceled_at is None
    assert c.link is not None and c.link.short_link == "https://dub.sh/abc"
    assert c.partner is not None and c.partner.email is None
    assert c.discount is not None
    assert c.discount.type_ == "bogo" and isinstance(c.discount.type_, DiscountType)
    assert c.additional_properties == {"brandNewField": {"x": 1}}


# -- update -----------------------------------------------------------------------------
def test_update_sends_exactly_the_fields_given_and_null_for_none(dub: Dub, recorder: Recorder):
    when = datetime.datetime(2025, 5, 1, 12, tzinfo=datetime.UTC)
    with pytest.warns(UserWarning, match="subscriptionCanceledAt"):  # Dub does not store it
        dub.customers.update("cus_1", name="Ada", email=None, subscription_canceled_at=when)
    assert wire(recorder.last) == ("PATCH", "/customers/cus_1", {})
    assert recorder.last.headers["content-type"] == "application/json"
    assert recorder.body() == {
        "name": "Ada",
        "email": None,
        "subscriptionCanceledAt": "2025-05-01T12:00:00+00:00",
    }


def test_update_request_style_with_dict_and_model(dub: Dub, recorder: Recorder):
    with pytest.warns(UserWarning, match="does not store it"):
        dub.customers.update(
            request={
                "id": "ext_u1",
                "include_expanded_fields": False,
                "request_body": {"external_id": "u2", "stripe_customer_id": None, "country": "DE"},
            }
        )
    assert wire(recorder.last) == (
        "PATCH",
        "/customers/ext_u1",
        {"includeExpandedFields": "false"},
    )
    assert recorder.body() == {"externalId": "u2", "stripeCustomerId": None, "country": "DE"}
    dub.customers.update(request={"id": "cus_1", "request_body": UpdateCustomerBody(avatar=None)})
    assert recorder.body() == {"avatar": None}


def test_update_with_nothing_sends_an_empty_object(dub: Dub, recorder: Recorder):
    dub.customers.update("cus_1")
    assert recorder.last.content == b"{}"


async def test_update_async(dub: Dub, recorder: Recorder):
    c = await dub.customers.update_async("cus_1", name=None)
    assert recorder.body() == {"name": None}
    assert c.id == "cus_1"


# -- delete -----------------------------------------------------------------------------
@pytest.mark.parametrize("call", ["positional", "keyword", "request"])
def test_delete(dub: Dub, recorder: Recorder, call: str):
    recorder.reply(httpx.Response(200, json={"id": "cus_7"}))
    if call == "positional":
        result = dub.customers.delete("ext_7")
    elif call == "keyword":
        result = dub.customers.delete(id="ext_7")
    else:
        result = dub.customers.delete(request={"id": "ext_7"})
    assert wire(recorder.last) == ("DELETE", "/customers/ext_7", {})
    assert recorder.last.content == b""
    assert result == DeletedCustomer(id="cus_7")


async def test_delete_async(dub: Dub, recorder: Recorder):
    recorder.reply(httpx.Response(200, json={"id": "cus_7"}))
    assert (await dub.customers.delete_async("cus_7")).id == "cus_7"


# -- create (deprecated) ------------------------------------------------------------------
def test_create_warns_and_sends_the_body(dub: Dub, recorder: Recorder):
    recorder.reply(httpx.Response(201, json=customer_json("cus_new")))
    with pytest.warns(DeprecationWarning, match="track/lead") as caught:
        c = dub.customers.create(external_id="u9", country="US", email="u9@example.com", name=None)
    assert caught[0].filename == __file__  # points at the caller, not at the SDK
    assert wire(recorder.last) == ("POST", "/customers", {})
    assert recorder.body() == {
        "externalId": "u9",
        "country": "US",
        "email": "u9@example.com",
        "name": None,
    }
    assert c.id == "cus_new"


async def test_create_async_request_styles(dub: Dub, recorder: Recorder):
    recorder.reply(
        httpx.Response(201, json=customer_json("cus_a")),
        httpx.Response(201, json=customer_json("cus_b")),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        a = await dub.customers.create_async(request={"external_id": "a", "country": "FR"})
        body_a = recorder.body()
        b = await dub.customers.create_async(
            CreateCustomerBody(external_id="b", country="FR", avatar="https://x.co/a.png")
        )
    assert body_a == {"externalId": "a", "country": "FR"}
    assert recorder.body() == {"externalId": "b", "country": "FR", "avatar": "https://x.co/a.png"}
    assert (a.id, b.id) == ("cus_a", "cus_b")


# -- per-call options ---------------------------------------------------------------------
def test_per_call_headers_server_url_and_timeout(dub: Dub, recorder: Recorder):
    dub.customers.get(
        "cus_1",
        http_headers={"X-Trace": "t1"},
        server_url="https://eu.dub.test/",
        timeout_ms=1500,
    )
    request = recorder.last
    assert str(request.url) == "https://eu.dub.test/customers/cus_1"
    assert request.headers["x-trace"] == "t1"
    assert request.extensions["timeout"] == {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5}
    dub.customers.get("cus_1")
    assert str(recorder.last.url) == "https://api.dub.test/customers/cus_1"
    assert "x-trace" not in recorder.last.headers
