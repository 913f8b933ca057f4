"""The sandbox has Dub's real semantics (see the reference notes on the customers API).

Checked through the public SDK (``sandbox.dub()``, in-process), through raw
``sandbox.handle(method, target, headers, body)`` for what the SDK refuses to
send, over loopback HTTP (``sandbox.serve()``) and as ``python -m dub_client.testing``.
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from _spec import SPEC

from dub_client import Dub, RetryConfig, errors
from dub_client.testing import Fault, Reply, Sandbox, SandboxServer

TOKEN = "dub_sandbox_test"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NO_RETRIES = RetryConfig("none")
DOC = "https://dub.co/docs/api-reference/errors#"
ROOT = Path(__file__).resolve().parent.parent
#: the fields sent only with includeExpandedFields=true
EXPANDED_KEYS = {"link", "programId", "partner", "discount"}
#: every other field of the spec's Customer: always in an answer
CUSTOMER_KEYS = set(SPEC["components"]["schemas"]["Customer"]["properties"]) - EXPANDED_KEYS
ID = re.compile(r"^cus_[0-9A-Z]{21}$")
DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
LINK = {
    "id": "link_1",
    "domain": "dub.sh",
    "key": "ada",
    "shortLink": "https://dub.sh/ada",
    "url": "https://example.com/ada",
    "programId": "prog_1",
}
PARTNER = {"id": "pn_1", "name": "Partner One", "email": None, "image": None}
DISCOUNT = {
    "id": "disc_1",
    "amount": 20,
    "type": "percentage",
    "maxDuration": None,
    "couponId": None,
    "couponTestId": None,
}


# -- helpers -------------------------------------------------------------------------------
def send(
    box: Sandbox,
    method: str,
    target: str,
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    """One raw request; ``body`` is JSON-encoded unless it is bytes (``None``: no body)."""
    raw = body if isinstance(body, bytes) else b"" if body is None else json.dumps(body).encode()
    return box.handle(method, target, AUTH if headers is None else headers, raw)


def ok(box: Sandbox, method: str, target: str, body: Any = None, status: int = 200) -> Any:
    reply = send(box, method, target, body)
    assert reply.status == status, reply.body
    assert reply.headers["content-type"] == "application/json"
    assert reply.headers["x-request-id"].startswith("req_sandbox_")
    return json.loads(reply.body)


def ids(box: Sandbox, target: str) -> list[str]:
    return [c["id"] for c in ok(box, "GET", target)]


def error_of(reply: Reply, status: int, code: str) -> str:
    """Assert Dub's error shape; return the message."""
    assert reply.status == status, reply.body
    assert reply.headers["content-type"] == "application/json"
    body = json.loads(reply.body)
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "doc_url"}
    assert body["error"]["code"] == code
    assert body["error"]["doc_url"] == DOC + code.replace("_", "-")
    message = body["error"]["message"]
    assert isinstance(message, str) and message
    return message


def all_ids(box: Sandbox, *, reverse: bool = False) -> list[str]:
    return sorted((c["id"] for c in box.customers()), reverse=reverse)


@pytest.fixture
def box() -> Sandbox:
    return Sandbox(seed=12, token=TOKEN)


@pytest.fixture
def dub(box: Sandbox) -> Iterator[Dub]:
    with box.dub(retry_config=NO_RETRIES) as client:
        yield client


@pytest.fixture
def people() -> tuple[Sandbox, dict[str, str]]:
    """A small hand-made workspace: name -> Dub id."""
    box = Sandbox(token=TOKEN)
    made = {
        "ada": box.add_customer(
            external_id="a",
            name="Ada",
            email="x@example.com",
            country="US",
            sales=2,
            sale_amount=900,
        ),
        "bob": box.add_customer(external_id="b", name="Bob", email="X@example.com", country="GB"),
        "cyd": box.add_customer(
            external_id="c",
            name="Ada Lovelace",
            email="cyd@example.com",
            country="US",
            link=LINK,
            program_id="prog_1",
            partner=PARTNER,
            discount=DISCOUNT,
        ),
        "dee": box.add_customer(
            external_id="d",
            name="Dee",
            email="dee@example.com",
            country="FR",
            link={**LINK, "id": "link_2", "key": "dee", "programId": None},
            program_id="prog_2",
            partner={**PARTNER, "id": "pn_2"},
        ),
    }
    return box, {name: c.id for name, c in made.items()}


# -- the seeded data -----------------------------------------------------------------------
def test_seeded_customers_have_dub_shaped_ids_and_dates(box: Sandbox):
    customers = box.customers()
    assert len(customers) == 12
    assert all(ID.match(c["id"]) for c in customers)
    assert all(DATE_TIME.match(c["createdAt"]) for c in customers)
    assert [c["externalId"] for c in customers] == [f"user-{n}" for n in range(1, 13)]
    # time-sortable: id order is creation order
    by_id = sorted(customers, key=lambda c: c["id"])
    assert [c["createdAt"] for c in by_id] == sorted(c["createdAt"] for c in customers)
    assert Sandbox(seed=3).customers() == Sandbox(seed=3).customers()  # reproducible


# -- cursor pagination by id ------------------------------------------------------------------
def test_default_order_is_newest_first(box: Sandbox):
    assert ids(box, "/customers") == all_ids(box, reverse=True)
    assert ids(box, "/customers?pageSize=5") == all_ids(box, reverse=True)[:5]


@pytest.mark.parametrize("order", ["desc", "asc"])
def test_starting_after_walks_the_list_by_id(box: Sandbox, order: str):
    expected = all_ids(box, reverse=order == "desc")
    pages = [ids(box, f"/customers?pageSize=5&sortOrder={order}")]
    while len(pages[-1]) == 5:
        pages.append(
            ids(box, f"/customers?pageSize=5&sortOrder={order}&startingAfter={pages[-1][-1]}")
        )
    assert [len(p) for p in pages] == [5, 5, 2]  # the end is a short page
    assert [cid for page in pages for cid in page] == expected
    assert ids(box, f"/customers?sortOrder={order}&startingAfter={expected[-1]}") == []


@pytest.mark.parametrize("order", ["desc", "asc"])
def test_ending_before_gives_the_page_before_the_cursor(box: Sandbox, order: str):
    expected = all_ids(box, reverse=order == "desc")
    target = f"/customers?pageSize=4&sortOrder={order}&endingBefore="
    assert ids(box, target + expected[9]) == expected[5:9]  # same order, just before it
    assert ids(box, target + expected[2]) == expected[0:2]  # fewer than pageSize: short
    assert ids(box, target + expected[0]) == []


def test_a_cursor_with_explicit_sort_by_created_at_is_fine(box: Sandbox):
    first = all_ids(box, reverse=True)
    got = ids(box, f"/customers?sortBy=createdAt&pageSize=3&startingAfter={first[0]}")
    assert got == first[1:4]


def test_cursor_pagination_with_a_filter_positions_by_id(box: Sandbox):
    customers = {c["id"]: c for c in box.customers()}
    cursor = all_ids(box)[5]
    country = next(
        c["country"] for c in customers.values() if c["country"] != customers[cursor]["country"]
    )
    matching = sorted(cid for cid, c in customers.items() if c["country"] == country)
    got = ids(box, f"/customers?sortOrder=asc&country={country}&startingAfter={cursor}")
    assert got == [cid for cid in matching if cid > cursor]
    got = ids(box, f"/customers?sortOrder=desc&country={country}&startingAfter={cursor}")
    assert got == [cid for cid in reversed(matching) if cid < cursor]


def test_the_sdk_walks_every_page_with_starting_after(box: Sandbox, dub: Dub):
    expected = all_ids(box, reverse=True)
    assert [c.id for c in dub.customers.list(page_size=5)] == expected
    queries = [dict(r.query) for r in box.requests]
    assert queries == [
        {"pageSize": "5"},
        {"pageSize": "5", "startingAfter": expected[4]},
        {"pageSize": "5", "startingAfter": expected[9]},
    ]


def test_the_sdk_walks_backwards_with_ending_before(box: Sandbox, dub: Dub):
    asc = all_ids(box)
    got = [c.id for c in dub.customers.list(page_size=3, sort_order="asc", ending_before=asc[9])]
    assert got == asc[6:9] + asc[3:6] + asc[0:3]


async def test_the_async_sdk_walks_every_page(box: Sandbox):
    async with box.dub(retry_config=NO_RETRIES) as dub:
        got = [c.id async for c in dub.customers.list_async(page_size=4, sort_order="asc")]
    assert got == all_ids(box)


def test_offset_pages_sort_by_other_fields(box: Sandbox):
    rows = ok(box, "GET", "/customers?sortBy=saleAmount&sortOrder=asc")
    assert [(r["saleAmount"], r["id"]) for r in rows] == sorted(
        (r["saleAmount"], r["id"]) for r in rows
    )
    page2 = ids(box, "/customers?sortBy=saleAmount&sortOrder=asc&pageSize=5&page=2")
    assert page2 == [r["id"] for r in rows][5:10]
    # nulls first when ascending, last when descending (MySQL order)
    asc = [r["firstSaleAt"] for r in ok(box, "GET", "/customers?sortBy=firstSaleAt&sortOrder=asc")]
    nulls = asc.count(None)
    assert 0 < nulls < len(asc)
    assert asc[:nulls] == [None] * nulls and asc[nulls:] == sorted(asc[nulls:])
    desc = [r["firstSaleAt"] for r in ok(box, "GET", "/customers?sortBy=firstSaleAt")]
    assert desc[-nulls:] == [None] * nulls and desc[:-nulls] == sorted(desc[:-nulls], reverse=True)


# -- 422s of the list -------------------------------------------------------------------------
def test_cursor_misuse_is_422(box: Sandbox):
    a, b = all_ids(box)[3:5]
    cases = {
        f"/customers?startingAfter={a}&endingBefore={b}": (
            "You cannot use both startingAfter and endingBefore."
        ),
        f"/customers?startingAfter={a}&page=1": (
            "You cannot use both page and startingAfter/endingBefore."
        ),
        f"/customers?endingBefore={a}&page=2": (
            "You cannot use both page and startingAfter/endingBefore."
        ),
        f"/customers?startingAfter={a}&sortBy=saleAmount": (
            "Cursor pagination only supports sortBy=createdAt."
        ),
        f"/customers?endingBefore={a}&sortBy=firstSaleAt": (
            "Cursor pagination only supports sortBy=createdAt."
        ),
        "/customers?startingAfter=cus_nope": "Cursor cus_nope does not exist.",
        "/customers?endingBefore=cus_nope": "Cursor cus_nope does not exist.",
    }
    for target, message in cases.items():
        assert error_of(send(box, "GET", target), 422, "unprocessable_entity") == message, target


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("pageSize=0", "pageSize must be between 1 and 100"),
        ("pageSize=101", "pageSize must be between 1 and 100"),
        ("pageSize=ten", "pageSize must be an integer"),
        ("page=0", "page must be between 1 and 1000"),
        ("page=1001", "page must be between 1 and 1000"),
        (
            "sortBy=name",
            "sortBy must be one of ['createdAt', 'saleAmount', 'firstSaleAt', "
            "'subscriptionCanceledAt']",
        ),
        ("sortOrder=up", "sortOrder must be one of ['asc', 'desc']"),
        ("includeExpandedFields=yes", "includeExpandedFields must be true or false"),
    ],
)
def test_bad_list_parameters_are_422(box: Sandbox, query: str, message: str):
    reply = send(box, "GET", f"/customers?{query}")
    assert error_of(reply, 422, "unprocessable_entity") == message


def test_page_size_bounds_are_inclusive(box: Sandbox):
    assert len(ids(box, "/customers?pageSize=1")) == 1
    assert len(ids(box, "/customers?pageSize=100")) == 12
    assert ids(box, "/customers?page=1000") == []


def test_a_deleted_cursor_is_422(box: Sandbox, dub: Dub):
    cid = all_ids(box)[4]
    dub.customers.delete(cid)
    with pytest.raises(errors.UnprocessableEntity) as info:
        dub.customers.list(starting_after=cid)
    assert info.value.code == "unprocessable_entity"
    assert info.value.message == f"Cursor {cid} does not exist."


# -- filters ---------------------------------------------------------------------------------
def test_filters_and_their_precedence(people: tuple[Sandbox, dict[str, str]]):
    box, who = people
    names = {cid: name for name, cid in who.items()}

    def found(query: str) -> list[str]:
        return sorted(names[cid] for cid in ids(box, f"/customers?{query}"))

    assert found("email=x@example.com") == ["ada"]  # exact and case-sensitive
    assert found("email=X@example.com") == ["bob"]
    assert found("email=x@example") == []
    assert found("email=x@example.com&externalId=b") == ["ada"]  # email wins over externalId
    assert found("email=nobody@example.com&externalId=a") == []  # ... even matching nothing
    assert found("externalId=b&search=Ada") == ["bob"]  # externalId wins over search
    assert found("externalId=zzz&search=Ada") == []
    assert found("search=ada") == ["ada", "cyd"]  # name, case-insensitive
    assert found("search=dee%40example") == ["dee"]  # email
    assert found(f"search={who['bob'][4:]}") == ["bob"]  # customer id
    assert found("country=US") == ["ada", "cyd"]
    assert found("country=US&search=lovelace") == ["cyd"]
    assert found("country=DE") == []
    assert found("email=x@example.com&country=GB") == []  # country combines with email


def test_expanded_field_filters_only_match_customers_that_have_them(
    people: tuple[Sandbox, dict[str, str]],
):
    box, who = people
    names = {cid: name for name, cid in who.items()}

    def found(query: str) -> list[str]:
        return sorted(names[cid] for cid in ids(box, f"/customers?{query}"))

    assert found("linkId=link_1") == ["cyd"]
    assert found("linkId=link_2") == ["dee"]
    assert found("programId=prog_1") == ["cyd"]  # the customer's programId, not link.programId
    assert found("programId=prog_2") == ["dee"]
    assert found("partnerId=pn_2") == ["dee"]
    assert found("partnerId=pn_1&linkId=link_2") == []
    assert found("linkId=") == [] and found("programId=") == [] and found("partnerId=") == []


def test_the_sdk_sends_filters(people: tuple[Sandbox, dict[str, str]]):
    box, who = people
    with box.dub(retry_config=NO_RETRIES) as dub:
        assert [c.id for c in dub.customers.list(country="US", search="Lovelace")] == [who["cyd"]]
        assert [c.id for c in dub.customers.list(email="X@example.com")] == [who["bob"]]
        assert [c.id for c in dub.customers.list(partner_id="pn_2")] == [who["dee"]]


# -- ext_ ids -----------------------------------------------------------------------------------
def test_ext_ids_strip_only_the_first_prefix():
    box = Sandbox(token=TOKEN)
    plain = box.add_customer(external_id="42").id
    prefixed = box.add_customer(external_id="ext_42").id
    assert ok(box, "GET", "/customers/ext_42")["id"] == plain
    assert ok(box, "GET", "/customers/ext_ext_42")["id"] == prefixed
    error_of(send(box, "GET", "/customers/ext_ext_ext_42"), 404, "not_found")
    error_of(send(box, "GET", "/customers/42"), 404, "not_found")  # no prefix: a Dub id
    assert ok(box, "PATCH", "/customers/ext_ext_42", {"name": "P"})["id"] == prefixed
    assert ok(box, "GET", f"/customers/{prefixed}")["name"] == "P"
    assert ok(box, "GET", f"/customers/{plain}")["name"] is None


def test_an_ext_id_is_one_percent_encoded_segment():
    box = Sandbox(token=TOKEN)
    cid = box.add_customer(external_id="a/b c?d").id
    assert ok(box, "GET", "/customers/ext_a%2Fb%20c%3Fd")["id"] == cid
    with box.dub(retry_config=NO_RETRIES) as client:
        assert client.customers.get("ext_a/b c?d").id == cid


def test_delete_by_ext_id_returns_the_dub_id_and_a_later_get_is_404(box: Sandbox, dub: Dub):
    target = box.customers()[6]
    assert ok(box, "DELETE", f"/customers/ext_{target['externalId']}") == {"id": target["id"]}
    error_of(send(box, "GET", f"/customers/{target['id']}"), 404, "not_found")
    error_of(send(box, "GET", f"/customers/ext_{target['externalId']}"), 404, "not_found")
    error_of(send(box, "DELETE", f"/customers/{target['id']}"), 404, "not_found")
    assert target["id"] not in all_ids(box)
    assert len(box.customers()) == 11
    # and through the SDK
    other = box.customers()[0]
    assert dub.customers.delete(f"ext_{other['externalId']}").id == other["id"]
    with pytest.raises(errors.NotFound) as info:
        dub.customers.get(other["id"])
    assert (info.value.status_code, info.value.code) == (404, "not_found")
    assert info.value.message == "Customer not found."


# -- PATCH -------------------------------------------------------------------------------------
def test_patch_changes_only_the_fields_sent(box: Sandbox):
    before = ok(box, "GET", "/customers/ext_user-2")
    after = ok(box, "PATCH", "/customers/ext_user-2", {"name": "Renamed"})
    assert after == {**before, "name": "Renamed"}
    assert ok(box, "GET", "/customers/ext_user-2") == after


def test_patch_null_clears_a_nullable_field(box: Sandbox):
    before = ok(box, "GET", "/customers/ext_user-3")
    assert before["email"] is not None
    after = ok(box, "PATCH", "/customers/ext_user-3", {"email": None, "avatar": None})
    assert after == {**before, "email": None, "avatar": None}


def test_patch_without_a_body_is_400_and_an_empty_object_is_a_no_op(box: Sandbox):
    before = ok(box, "GET", "/customers/ext_user-4")
    reply = send(box, "PATCH", "/customers/ext_user-4")
    assert error_of(reply, 400, "bad_request") == "Request body is required."
    assert ok(box, "PATCH", "/customers/ext_user-4", {}) == before
    assert ok(box, "GET", "/customers/ext_user-4") == before


def test_patch_bodies_that_are_not_objects(box: Sandbox):
    target = "/customers/ext_user-4"
    assert error_of(send(box, "PATCH", target, b"{nope"), 400, "bad_request") == (
        "Request body is not valid JSON."
    )
    # nested beyond what the parser can follow: still an answer, not a crash
    assert error_of(send(box, "PATCH", target, b"[" * 100_000), 400, "bad_request") == (
        "Request body is not valid JSON."
    )
    error_of(send(box, "PATCH", target, [1]), 422, "unprocessable_entity")
    error_of(send(box, "PATCH", target, b"null"), 422, "unprocessable_entity")


def test_patch_conflicts_are_409(box: Sandbox):
    ok(box, "PATCH", "/customers/ext_user-1", {"stripeCustomerId": "cus_stripe_1"})
    message = error_of(
        send(box, "PATCH", "/customers/ext_user-2", {"externalId": "user-1"}), 409, "conflict"
    )
    assert message == "A customer with externalId user-1 already exists."
    both = {"name": "Half", "externalId": "user-1"}  # nothing of a refused PATCH is applied
    error_of(send(box, "PATCH", "/customers/ext_user-2", both), 409, "conflict")
    assert ok(box, "GET", "/customers/ext_user-2")["name"] != "Half"
    message = error_of(
        send(box, "PATCH", "/customers/ext_user-2", {"stripeCustomerId": "cus_stripe_1"}),
        409,
        "conflict",
    )
    assert message == "A customer with stripeCustomerId cus_stripe_1 already exists."
    # its own values are no conflict
    same = {"externalId": "user-1", "stripeCustomerId": "cus_stripe_1"}
    assert ok(box, "PATCH", "/customers/ext_user-1", same)["externalId"] == "user-1"
    assert ok(box, "GET", "/customers/ext_user-2")["externalId"] == "user-2"  # unchanged


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"email": "not-an-email"}, "Invalid email"),
        ({"email": "a@b"}, "Invalid email"),
        ({"externalId": None}, "externalId must be a string"),
        ({"name": 5}, "name must be a string or null"),
    ],
)
def test_patch_invalid_values_are_422(box: Sandbox, body: dict[str, Any], message: str):
    before = ok(box, "GET", "/customers/ext_user-5")
    reply = send(box, "PATCH", "/customers/ext_user-5", body)
    assert error_of(reply, 422, "unprocessable_entity") == message
    assert ok(box, "GET", "/customers/ext_user-5") == before


def test_patch_country_is_accepted_but_not_stored(box: Sandbox):
    before = ok(box, "GET", "/customers/ext_user-6")
    after = ok(
        box,
        "PATCH",
        "/customers/ext_user-6",
        {"country": "ZZ" if before["country"] != "ZZ" else "YY"},
    )
    assert after == before


@pytest.mark.parametrize("sent", ["2024-05-01T12:30:00Z", "yesterday", None, 5])
def test_patch_subscription_canceled_at_is_accepted_and_not_stored(box: Sandbox, sent: Any):
    """As on the live API (its update handler ignores the field): any value is accepted,
    nothing changes."""
    before = ok(box, "GET", "/customers/ext_user-7")
    reply = ok(box, "PATCH", "/customers/ext_user-7", {"subscriptionCanceledAt": sent})
    assert reply == before
    assert ok(box, "GET", "/customers/ext_user-7") == before


def test_patch_of_an_unknown_customer_is_404(box: Sandbox):
    error_of(send(box, "PATCH", "/customers/cus_nope", {"name": "x"}), 404, "not_found")
    error_of(send(box, "PATCH", "/customers/ext_nope", {}), 404, "not_found")


def test_update_through_the_sdk(box: Sandbox, dub: Dub):
    cid = box.customers()[1]["id"]
    before = ok(box, "GET", f"/customers/{cid}")
    updated = dub.customers.update(cid, email=None, name="Grace")
    assert (updated.email, updated.name) == (None, "Grace")
    assert ok(box, "GET", f"/customers/{cid}") == {**before, "email": None, "name": "Grace"}
    assert box.requests[-2].method == "PATCH"
    with pytest.raises(errors.Conflict) as info:
        dub.customers.update(cid, external_id="user-1")
    assert (info.value.status_code, info.value.code) == (409, "conflict")
    with pytest.raises(errors.UnprocessableEntity):
        dub.customers.update(cid, email="nope")


# -- create ----------------------------------------------------------------------------------
def test_create_is_201_with_a_new_customer(box: Sandbox):
    body = {"externalId": "new-1", "country": "NL", "name": "Neo", "email": "neo@example.com"}
    created = ok(box, "POST", "/customers", body, status=201)
    assert set(created) == CUSTOMER_KEYS
    assert ID.match(created["id"]) and DATE_TIME.match(created["createdAt"])
    assert created == {
        "id": created["id"],
        "externalId": "new-1",
        "name": "Neo",
        "email": "neo@example.com",
        "avatar": None,
        "stripeCustomerId": None,
        "country": "NL",
        "sales": 0,
        "saleAmount": 0,
        "createdAt": created["createdAt"],
        "firstSaleAt": None,
        "subscriptionCanceledAt": None,
    }
    # the newest customer: largest id, latest createdAt, first in the default order
    assert created["id"] == max(all_ids(box))
    assert ids(box, "/customers?pageSize=1") == [created["id"]]
    assert ok(box, "GET", "/customers/ext_new-1") == created
    assert box.creates == {"new-1": 1}


def test_create_conflicts_and_invalid_bodies(box: Sandbox):
    reply = send(box, "POST", "/customers", {"externalId": "user-1", "country": "US"})
    assert error_of(reply, 409, "conflict") == "A customer with externalId user-1 already exists."
    for body, message in [
        ({"externalId": "new-2"}, "country is required"),
        ({"externalId": "new-2", "country": ""}, "country is required"),
        ({"country": "US"}, "externalId is required"),
        ({"externalId": "new-2", "country": "US", "email": "bad"}, "Invalid email"),
    ]:
        assert (
            error_of(send(box, "POST", "/customers", body), 422, "unprocessable_entity") == message
        )
    error_of(send(box, "POST", "/customers"), 400, "bad_request")
    assert len(box.customers()) == 12
    assert box.creates == {}


def test_create_through_the_sdk(box: Sandbox, dub: Dub):
    with pytest.warns(DeprecationWarning):
        created = dub.customers.create(external_id="sdk-1", country="BR", name="Sam")
    assert (created.external_id, created.country, created.name) == ("sdk-1", "BR", "Sam")
    assert dub.customers.get("ext_sdk-1").id == created.id
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(errors.Conflict):
            dub.customers.create(external_id="sdk-1", country="BR")
    assert box.creates == {"sdk-1": 1}


# -- expanded fields -----------------------------------------------------------------------------
def test_expanded_fields_only_with_include_expanded_fields(people: tuple[Sandbox, dict[str, str]]):
    box, who = people
    cyd = f"/customers/{who['cyd']}"
    assert set(ok(box, "GET", cyd)) == CUSTOMER_KEYS
    assert set(ok(box, "GET", cyd + "?includeExpandedFields=false")) == CUSTOMER_KEYS
    full = ok(box, "GET", cyd + "?includeExpandedFields=true")
    assert set(full) == CUSTOMER_KEYS | EXPANDED_KEYS
    assert (full["link"], full["programId"], full["partner"], full["discount"]) == (
        LINK,
        "prog_1",
        PARTNER,
        DISCOUNT,
    )
    # absent, not null, when a customer has none (dee has no discount, ada nothing)
    dee = ok(box, "GET", f"/customers/{who['dee']}?includeExpandedFields=true")
    assert set(dee) == CUSTOMER_KEYS | {"link", "programId", "partner"}
    ada = ok(box, "GET", f"/customers/{who['ada']}?includeExpandedFields=true")
    assert set(ada) == CUSTOMER_KEYS
    rows = ok(box, "GET", "/customers?includeExpandedFields=true")
    assert {r["id"]: set(r) - CUSTOMER_KEYS for r in rows} == {
        who["ada"]: set(),
        who["bob"]: set(),
        who["cyd"]: EXPANDED_KEYS,
        who["dee"]: {"link", "programId", "partner"},
    }
    assert all(set(r) == CUSTOMER_KEYS for r in ok(box, "GET", "/customers"))
    patched = ok(box, "PATCH", cyd + "?includeExpandedFields=true", {"name": "C"})
    assert set(patched) == CUSTOMER_KEYS | EXPANDED_KEYS
    assert set(ok(box, "PATCH", cyd, {"name": "D"})) == CUSTOMER_KEYS


def test_expanded_fields_stored_as_none_are_absent():
    box = Sandbox(token=TOKEN)
    cid = box.add_customer(external_id="n", link=None, program_id=None, partner=None).id
    assert set(ok(box, "GET", f"/customers/{cid}?includeExpandedFields=true")) == CUSTOMER_KEYS


def test_expanded_fields_through_the_sdk(people: tuple[Sandbox, dict[str, str]]):
    box, who = people
    with box.dub(retry_config=NO_RETRIES) as dub:
        cyd = dub.customers.get(who["cyd"], include_expanded_fields=True)
        link, partner, discount = cyd.link, cyd.partner, cyd.discount
        assert link is not None and partner is not None and discount is not None
        assert (link.id, link.short_link, cyd.program_id) == ("link_1", LINK["shortLink"], "prog_1")
        assert (partner.id, partner.name, discount.amount) == ("pn_1", "Partner One", 20)
        plain = dub.customers.get(who["cyd"])
        assert plain.link is None and plain.discount is None  # absent reads as None
        ada = dub.customers.get(who["ada"], include_expanded_fields=True)
        assert ada.link is None and ada.program_id is None


# -- auth and error bodies ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("headers", "status", "code", "message"),
    [
        (
            {"Authorization": f"Token {TOKEN}"},
            400,
            "bad_request",
            "Misconfigured authorization header: it must start with 'Bearer '.",
        ),
        (
            {"Authorization": f"bearer {TOKEN}"},
            400,
            "bad_request",
            "Misconfigured authorization header: it must start with 'Bearer '.",
        ),
        ({}, 401, "unauthorized", "Unauthorized: Invalid API key."),
        ({"Authorization": "Bearer "}, 401, "unauthorized", "Unauthorized: Invalid API key."),
        (
            {"Authorization": "Bearer dub_wrong"},
            401,
            "unauthorized",
            "Unauthorized: Invalid API key.",
        ),
    ],
)
def test_auth_errors(box: Sandbox, headers: dict[str, str], status: int, code: str, message: str):
    for method, target in [
        ("GET", "/customers"),
        ("GET", "/customers/cus_nope"),
        ("DELETE", "/customers/ext_user-1"),
    ]:
        assert error_of(send(box, method, target, headers=headers), status, code) == message
    assert len(box.customers()) == 12  # the DELETE did nothing


def test_any_bearer_key_is_accepted_without_a_token():
    box = Sandbox(seed=2)
    reply = send(box, "GET", "/customers", headers={"authorization": "Bearer dub_anything"})
    assert reply.status == 200 and len(json.loads(reply.body)) == 2
    error_of(send(box, "GET", "/customers", headers={}), 401, "unauthorized")


def test_a_wrong_key_through_the_sdk_is_unauthorized(box: Sandbox):
    with Dub(
        "dub_wrong",
        server_url="http://sandbox.dub.invalid",
        client=box.client(),
        retry_config=NO_RETRIES,
    ) as dub:
        with pytest.raises(errors.Unauthorized) as info:
            dub.customers.list()
    error = info.value
    assert (error.status_code, error.code, error.doc_url) == (
        401,
        "unauthorized",
        DOC + "unauthorized",
    )
    assert error.message == "Unauthorized: Invalid API key."


def test_unknown_routes_and_methods(box: Sandbox):
    assert error_of(send(box, "GET", "/links"), 404, "not_found") == "No route for GET /links"
    assert error_of(send(box, "GET", "/customers/a/b"), 404, "not_found") == (
        "No route for GET /customers/a/b"
    )
    assert error_of(send(box, "PUT", "/customers/ext_user-1", {}), 405, "method_not_allowed") == (
        "Method PUT not allowed"
    )
    assert error_of(send(box, "DELETE", "/customers"), 405, "method_not_allowed") == (
        "Method DELETE not allowed"
    )


def test_get_of_an_unknown_customer_is_a_dub_404(box: Sandbox):
    reply = send(box, "GET", "/customers/cus_nope")
    assert json.loads(reply.body) == {
        "error": {
            "code": "not_found",
            "message": "Customer not found.",
            "doc_url": "https://dub.co/docs/api-reference/errors#not-found",
        }
    }


# -- faults -------------------------------------------------------------------------------------
def test_a_fault_answers_once_with_its_status_and_retry_after(box: Sandbox):
    box.fail_next(Fault(status=429, retry_after="2"))
    reply = send(box, "GET", "/customers")
    assert error_of(reply, 429, "rate_limit_exceeded") == "injected 429"
    assert reply.headers == {"content-type": "application/json", "retry-after": "2"}
    assert box.faults_injected == 1
    assert ok(box, "GET", "/customers?pageSize=2") == ok(box, "GET", "/customers?pageSize=2")
    assert box.faults_injected == 1


def test_a_fault_with_a_body_sends_it_verbatim(box: Sandbox):
    box.fail_next(Fault(status=502, body=b"<html>Bad gateway</html>"))
    reply = send(box, "GET", "/customers")
    assert (reply.status, reply.body, reply.headers) == (
        502,
        b"<html>Bad gateway</html>",
        {"content-type": "text/html"},
    )


def test_faults_are_used_in_order_and_the_method_filter_holds(box: Sandbox):
    box.fail_next(Fault(status=500, method="DELETE"), Fault(status=503), Fault(status=504))
    assert send(box, "GET", "/customers").status == 503  # skips the DELETE-only fault
    assert send(box, "POST", "/customers", {}).status == 504
    assert send(box, "GET", "/customers").status == 200
    assert send(box, "DELETE", "/customers/ext_user-1").status == 500
    assert len(box.customers()) == 12  # a fault with a status answers before the route runs
    assert send(box, "DELETE", "/customers/ext_user-1").status == 200
    assert box.faults_injected == 3


def test_a_dropped_write_is_applied_first(box: Sandbox):
    box.fail_next(Fault(drop=True, method="POST"))
    reply = send(box, "POST", "/customers", {"externalId": "lost-1", "country": "US"})
    assert (reply.status, reply.drop, reply.body) == (0, True, b"")
    assert ok(box, "GET", "/customers/ext_lost-1")["externalId"] == "lost-1"
    assert box.creates == {"lost-1": 1}


def test_a_delay_fault_answers_normally_after_the_delay(box: Sandbox):
    box.fail_next(Fault(delay=0.2))
    started = time.monotonic()
    reply = send(box, "GET", "/customers/ext_user-1")
    assert 0.2 <= time.monotonic() - started < 2
    assert reply.status == 200 and json.loads(reply.body)["externalId"] == "user-1"


def test_faults_through_the_sdk_without_retries(box: Sandbox, dub: Dub):
    box.fail_next(Fault(status=429, retry_after="1"))
    with pytest.raises(errors.RateLimitExceeded) as info:
        dub.customers.list()
    assert (info.value.retry_after, info.value.code) == (1.0, "rate_limit_exceeded")
    box.fail_next(Fault(status=503))
    with pytest.raises(errors.SDKError) as other:
        dub.customers.get("ext_user-1")
    assert other.value.status_code == 503
    box.fail_next(Fault(drop=True))
    with pytest.raises(errors.APIConnectionError):
        dub.customers.get("ext_user-1")
    assert len(box.requests) == 3  # nothing was retried


def test_chaos_injects_about_its_rate_and_stops_at_zero(box: Sandbox):
    box.chaos(0.25)
    replies = [send(box, "GET", "/customers?pageSize=1") for _ in range(400)]
    faulted = box.faults_injected
    assert 60 <= faulted <= 140  # about a quarter
    kinds: Counter[str] = Counter()
    for reply in replies:
        if reply.drop:
            kinds["drop"] += 1
        elif reply.status == 429:
            # bounded waits: a client honouring them never sleeps long
            assert reply.headers["retry-after"] in ("0", "0.01", "0.02")
            kinds["429"] += 1
        elif reply.status >= 500:
            assert reply.status in (500, 502, 503, 504)
            kinds["5xx"] += 1
        else:
            assert reply.status == 200
    assert set(kinds) == {"drop", "429", "5xx"}
    assert sum(kinds.values()) <= faulted  # the rest were delays, then a normal answer
    box.chaos(0)
    assert all(send(box, "GET", "/customers?pageSize=1").status == 200 for _ in range(200))
    assert box.faults_injected == faulted


def test_chaos_at_rate_one_faults_everything_and_queued_faults_come_first(box: Sandbox):
    box.chaos(1.0, lambda rng: Fault(status=418))
    box.fail_next(Fault(status=409))
    assert [send(box, "GET", "/customers").status for _ in range(20)] == [409] + [418] * 19
    assert box.faults_injected == 20
    box.chaos(0.0)
    assert send(box, "GET", "/customers").status == 200


# -- over HTTP -----------------------------------------------------------------------------------
def test_over_http_a_dropped_connection_is_an_api_connection_error():
    box = Sandbox(seed=3, token=TOKEN)
    with box.serve() as url, Dub(TOKEN, server_url=url, retry_config=NO_RETRIES) as dub:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
        assert [c.id for c in dub.customers.list()] == all_ids(box, reverse=True)
        box.fail_next(Fault(drop=True))
        with pytest.raises(errors.APIConnectionError) as info:
            dub.customers.get("ext_user-1")
        assert isinstance(info.value.__cause__, httpx.HTTPError)
        assert dub.customers.get("ext_user-1").external_id == "user-1"
    assert [r.method for r in box.requests] == ["GET", "GET", "GET"]


def test_the_server_only_listens_on_loopback():
    with pytest.raises(ValueError, match="loopback"):
        SandboxServer(Sandbox(), "0.0.0.0", 0)


# -- python -m dub_client.testing --------------------------------------------------------------
# SIGINT is set back to KeyboardInterrupt first: a shell running the tests in the
# background may have started them with SIGINT ignored, and a child inherits that.
CLI = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler);"
    " sys.argv = ['dub_client.testing', *sys.argv[1:]];"
    " runpy.run_module('dub_client.testing', run_name='__main__', alter_sys=True)"
)


def read_line(process: subprocess.Popen[bytes], timeout: float = 15.0) -> str:
    """The first line the process prints, waiting at most ``timeout`` seconds."""
    assert process.stdout is not None
    fd = process.stdout.fileno()
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        assert left > 0, f"no line on stdout within {timeout}s: {data!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 4096)
            assert chunk, f"stdout closed (exit {process.poll()}): {data!r}"
            data += chunk
    return data.decode().splitlines()[0]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_the_command_line_server_answers_and_stops_on_a_signal(stop: signal.Signals):
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "--port", "0", "--seed", "5"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        line = read_line(process)
        match = re.fullmatch(
            r"Dub sandbox on (http://127\.0\.0\.1:(\d+)) \(5 customers\)\. Ctrl-C stops it\.",
            line,
        )
        assert match, line
        url = match.group(1)
        assert int(match.group(2)) > 0
        response = httpx.get(
            f"{url}/customers?pageSize=3", headers={"Authorization": "Bearer dub_any"}, timeout=5
        )
        assert response.status_code == 200
        assert [c["externalId"] for c in response.json()] == ["user-5", "user-4", "user-3"]
        assert httpx.get(f"{url}/customers", timeout=5).status_code == 401
        process.send_signal(stop)
        started = time.monotonic()
        code = process.wait(timeout=10)
        assert time.monotonic() - started < 5
        # SIGINT: a clean exit; SIGTERM: ended by the signal (or a clean exit if handled)
        assert code == 0 if stop == signal.SIGINT else code in (0, -signal.SIGTERM)
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{url}/customers", timeout=2)
    finally:
        if process.poll() is None:
            process.kill()
        _, err = process.communicate(timeout=10)
    if stop == signal.SIGINT:
        assert err == b""  # Ctrl-C is a clean stop, not a traceback


# -- fixes from review --------------------------------------------------------------------------
def test_a_hand_picked_id_does_not_break_the_walk():
    sandbox = Sandbox(seed=5)
    sandbox.add_customer(id="aaa", external_id="picked")
    with sandbox.dub() as dub:
        walked = [c.id for c in dub.customers.list(page_size=2)]
    assert sorted(walked) == sorted(c["id"] for c in sandbox.customers())
    assert len(walked) == 6


def test_add_customer_refuses_bad_input():
    sandbox = Sandbox()
    with pytest.raises(TypeError, match=r"missing required parameter.*external_id"):
        sandbox.add_customer(name="x")
    with pytest.raises(TypeError, match="did you mean 'external_id'"):
        sandbox.add_customer(externalId="x")
    with pytest.raises(TypeError, match="email must be str"):
        sandbox.add_customer(external_id="x", email=5)
    sandbox.add_customer(id="cus_1", external_id="a")
    with pytest.raises(ValueError, match="exists"):
        sandbox.add_customer(id="cus_1", external_id="b")


def test_fault_methods_are_case_insensitive():
    sandbox = Sandbox(seed=1)
    sandbox.fail_next(Fault(status=500, method="get"))
    assert sandbox.handle("GET", "/customers", {"authorization": "Bearer k"}, b"").status == 500


def test_platform_statuses_answer_in_plain_text():
    sandbox = Sandbox(seed=1)
    sandbox.fail_next(Fault(status=503))
    reply = sandbox.handle("GET", "/customers", {"authorization": "Bearer k"}, b"")
    assert (reply.status, reply.body, reply.headers["content-type"]) == (
        503,
        b"Service Unavailable",
        "text/plain",
    )
    sandbox.fail_next(Fault(status=429))
    assert json.loads(sandbox.handle("GET", "/customers", {}, b"").body)["error"]["code"] == (
        "rate_limit_exceeded"
    )


def test_stop_ends_kept_alive_connections():
    sandbox = Sandbox(seed=1)
    server = sandbox.serve()
    url = server.start()
    with Dub("dub_x", server_url=url, retry_config=RetryConfig("none")) as dub:
        dub.customers.list()  # opens a pooled keep-alive connection
        server.stop()
        with pytest.raises(errors.APIConnectionError):
            dub.customers.list()


def test_head_has_no_body():
    sandbox = Sandbox(seed=1)
    with sandbox.serve() as url:
        response = httpx.head(f"{url}/customers", headers={"authorization": "Bearer k"})
    assert response.status_code == 405 and response.content == b""


def test_ipv6_loopback():
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    try:
        server = Sandbox(seed=1).serve(host="::1")
    except OSError as exc:  # IPv6 compiled in but not configured
        pytest.skip(f"::1 unavailable: {exc}")
    with server as url, Dub("dub_x", server_url=url) as dub:
        assert url.startswith("http://[::1]:")
        assert len(dub.customers.list().items) == 1
