"""Contract tests against Prism started from openapi.yaml.

1. Every operation, in both call styles (``request=`` dict and keywords), sync
   and async, with every query parameter and body field, is accepted by
   Prism's request validation, and sends exactly the expected wire request.
2. Every documented error status, forced with ``Prefer: code=NNN``, raises the
   class of ``errors.STATUS_ERRORS`` with the code and message of the body.
3. With ``prism mock -d``, many random (valid) responses per operation parse
   into the SDK's models without losing anything.
4. Negative tests prove the violation detection itself works.
"""

from __future__ import annotations

import asyncio
import datetime
import itertools
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from _spec import error_responses, operations

from dub_client import Dub, errors
from dub_client.models import (
    CreateCustomerBody,
    CustomersSortBy,
    SortOrder,
    UpdateCustomerBody,
)

from ._support import (
    SPEC,
    TOKEN,
    Exchange,
    Stats,
    Witness,
    check_customer,
    check_customers,
    check_deleted,
    wire_value,
)

pytestmark = [
    pytest.mark.contract,
    # the update cases send country and subscriptionCanceledAt on purpose (the API accepts
    # them and stores neither): their warnings are expected
    pytest.mark.filterwarnings("ignore:customers.update. Dub accepts country:UserWarning"),
    pytest.mark.filterwarnings(
        "ignore:customers.update. Dub accepts subscriptionCanceledAt:UserWarning"
    ),
]

MODES = ("sync", "async")
STYLES = ("request", "keywords")
OPS = tuple(op.sdk_name for op in operations())
OPERATION_IDS = {op.data["operationId"]: op.sdk_name for op in operations()}
#: Each error status of the spec and the class it must raise (named by components/responses).
ERROR_CLASSES = {status: getattr(errors, name) for status, name in error_responses().items()}
ERROR_STATUSES = tuple(ERROR_CLASSES)
#: Random responses per operation from the dynamic Prism: sync one by one, then async at once.
FUZZ_SYNC = 60
FUZZ_ASYNC = 20

CUS = "cus_1JC2N9W5Q8Y3D4K6M7P0R1T2V"
EXT = "ext_123"
ODD = "ext_a/b c?é#%"  # one path segment, whatever it contains
UTC = datetime.UTC

#: snake_case name -> the spec's wire name (written out: this is the contract being tested).
WIRE_NAMES = {
    "email": "email",
    "external_id": "externalId",
    "search": "search",
    "country": "country",
    "link_id": "linkId",
    "program_id": "programId",
    "partner_id": "partnerId",
    "include_expanded_fields": "includeExpandedFields",
    "sort_by": "sortBy",
    "sort_order": "sortOrder",
    "starting_after": "startingAfter",
    "ending_before": "endingBefore",
    "page": "page",
    "page_size": "pageSize",
    "name": "name",
    "avatar": "avatar",
    "stripe_customer_id": "stripeCustomerId",
    "subscription_canceled_at": "subscriptionCanceledAt",
}


def _body_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str) and value.endswith("Z") and "T" in value:
        return datetime.datetime.fromisoformat(value).isoformat()
    return value


@dataclass(frozen=True)
class Case:
    """One call of an operation: its SDK inputs and the exact wire request it must produce."""

    op: str
    name: str
    id: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    body: dict[str, Any] | None = None

    @property
    def method(self) -> str:
        return {"list": "GET", "get": "GET", "update": "PATCH", "delete": "DELETE"}.get(
            self.op, "POST"
        )

    @property
    def path(self) -> str:
        return "/customers" if self.id is None else "/customers/" + quote(self.id, safe="")

    @property
    def status(self) -> int:
        return 201 if self.op == "create" else 200

    @property
    def wire_query(self) -> dict[str, str]:
        query = {WIRE_NAMES[k]: wire_value(v) for k, v in self.params.items()}
        if self.op == "list":
            query.setdefault("pageSize", "100")  # the spec's default, always sent
        return query

    @property
    def wire_body(self) -> dict[str, Any] | None:
        if self.body is None:
            return None
        return {WIRE_NAMES[k]: _body_value(v) for k, v in self.body.items()}

    def invocation(self, style: str) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """(args, kwargs) of the SDK call in ``style``."""
        request = style == "request"
        match self.op:
            case "list":
                return ((), {"request": dict(self.params)} if request else dict(self.params))
            case "get":
                if request:
                    return (), {"request": {"id": self.id, **self.params}}
                return (self.id,), dict(self.params)
            case "update":
                if request:
                    body = dict(self.body or {})
                    return (), {"request": {"id": self.id, **self.params, "request_body": body}}
                return (self.id,), {**self.params, **(self.body or {})}
            case "delete":
                return ((), {"request": {"id": self.id}} if request else {"id": self.id})
            case _:
                return (
                    (),
                    {"request": dict(self.body or {})} if request else dict(self.body or {}),
                )


FULL_LIST = {
    "email": "ada@example.com",
    "external_id": "u-1",
    "search": "ada",
    "country": "US",
    "link_id": "link_1",
    "program_id": "prog_1",
    "partner_id": "pn_1",
    "include_expanded_fields": True,
    "sort_by": "createdAt",
    "sort_order": "asc",
    "starting_after": CUS,
    "page_size": 10,
}
FULL_BODY = {
    "email": "ada@example.com",
    "name": "Ada Lovelace",
    "avatar": "https://example.com/ada.png",
    "external_id": "u-1",
    "stripe_customer_id": "cus_Stripe1",
}
NULL_BODY = {"email": None, "name": None, "avatar": None, "stripe_customer_id": None}

CASES = (
    Case("list", "every-filter-cursor-after", params=FULL_LIST),
    Case(
        "list",
        "cursor-before",
        params={
            "ending_before": CUS,
            "sort_by": CustomersSortBy.CREATEDAT,
            "sort_order": SortOrder.DESC,
            "include_expanded_fields": False,
            "page_size": 1,
        },
    ),
    Case("list", "offset", params={"sort_by": CustomersSortBy.SALEAMOUNT, "page": 2}),
    Case(
        "list", "offset-maxima", params={"sort_by": "firstSaleAt", "page": 1000, "page_size": 100}
    ),
    Case(
        "list",
        "offset-minima",
        params={"sort_by": "subscriptionCanceledAt", "page": 1, "page_size": 1},
    ),
    Case("list", "defaults"),
    Case("get", "dub-id-expanded", id=CUS, params={"include_expanded_fields": True}),
    Case("get", "ext-id-not-expanded", id=EXT, params={"include_expanded_fields": False}),
    Case("get", "odd-id", id=ODD),
    Case(
        "update",
        "every-field",
        id=CUS,
        params={"include_expanded_fields": True},
        body={
            **FULL_BODY,
            "country": "US",
            "subscription_canceled_at": datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC),
        },
    ),
    Case(
        "update",
        "nulls",
        id=EXT,
        params={"include_expanded_fields": False},
        body={**NULL_BODY, "subscription_canceled_at": None},
    ),
    Case(
        "update",
        "iso-string-date",
        id=CUS,
        body={"subscription_canceled_at": "2024-05-06T07:08:09Z"},
    ),
    Case("update", "empty-body", id=ODD, body={}),
    Case("delete", "dub-id", id=CUS),
    Case("delete", "ext-id", id=EXT),
    Case("delete", "odd-id", id=ODD),
    Case("create", "required-only", body={"external_id": "u-1", "country": "US"}),
    Case("create", "every-field", body={**FULL_BODY, "country": "GB"}),
    Case("create", "nulls", body={"external_id": "u-2", "country": "FR", **NULL_BODY}),
)
CASES_OF = {op: [c for c in CASES if c.op == op] for op in OPS}


def deprecation(op: str) -> AbstractContextManager[Any]:
    """``customers.create`` warns that Dub deprecated it; the others must not warn."""
    if op == "create":
        return pytest.warns(DeprecationWarning, match="deprecated")
    return nullcontext()


async def call(dub: Dub, op: str, mode: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """Run ``dub.customers.<op>`` (or its ``_async`` twin); a list gives its page's items."""
    method = getattr(dub.customers, op if mode == "sync" else f"{op}_async")
    result = method(*args, **kwargs)
    if mode == "async":
        result = await result
    return result.items if op == "list" else result


def check_result(op: str, result: Any, raw: Any) -> int:
    """``result`` is the right model holding exactly ``raw``; returns the customers seen."""
    if op == "list":
        check_customers(result, raw)
        return len(result)
    if op == "delete":
        check_deleted(result, raw)
        return 0
    check_customer(result, raw)
    return 1


def check_wire(exchange: Exchange, case: Case) -> None:
    assert (exchange.method, exchange.path) == (case.method, case.path)
    assert exchange.query == case.wire_query
    assert exchange.request_json() == case.wire_body
    assert exchange.request_headers["authorization"] == f"Bearer {TOKEN}"
    if case.body is not None:
        assert exchange.request_headers["content-type"] == "application/json"


# -- the case table covers the spec ----------------------------------------------------------------
def _spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC.read_text())


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for item in spec["paths"].values():
        for verb, operation in item.items():
            if verb in ("get", "post", "put", "patch", "delete"):
                yield OPERATION_IDS[operation["operationId"]], operation


def test_cases_cover_every_operation_parameter_and_body_field():
    spec = _spec()
    seen_ops = set()
    for op, operation in _operations(spec):
        seen_ops.add(op)
        cases = CASES_OF[op]
        params = [_resolve(spec, p) for p in operation.get("parameters", [])]
        query = {p["name"] for p in params if p["in"] == "query"}
        sent = set(itertools.chain.from_iterable(c.wire_query for c in cases))
        assert sent == query, f"{op}: query parameters never sent: {sorted(query - sent)}"
        for param in params:  # every enum value goes through Prism at least once
            schema = _resolve(spec, param["schema"])
            values = {c.wire_query.get(param["name"]) for c in cases}
            assert set(schema.get("enum", [])) <= values, f"{op}: {param['name']} values unsent"
        content = operation.get("requestBody", {}).get("content", {})
        if not content:
            assert all(c.body is None for c in cases)
            continue
        schema = _resolve(spec, content["application/json"]["schema"])
        bodies = [c.wire_body or {} for c in cases]
        sent_fields = set(itertools.chain.from_iterable(bodies))
        assert sent_fields == set(schema["properties"]), f"{op}: body fields never sent"
        for name, prop in schema["properties"].items():
            if prop.get("nullable"):
                assert any(b.get(name, "") is None for b in bodies), f"{op}: {name}=null unsent"
    assert seen_ops == set(OPS)


def test_every_documented_error_status_has_its_class():
    spec = _spec()
    for op, operation in _operations(spec):
        documented = {int(s) for s in operation["responses"] if int(s) >= 400}
        assert documented == set(ERROR_STATUSES), op
    assert dict(errors.STATUS_ERRORS) == ERROR_CLASSES


# -- 1. request validation -------------------------------------------------------------------
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.op}-{c.name}")
async def test_prism_accepts_the_request(
    case: Case, style: str, mode: str, static_dub: Dub, witness: Witness
):
    args, kwargs = case.invocation(style)
    with witness.accepted() as seen, deprecation(case.op):
        result = await call(static_dub, case.op, mode, args, kwargs)
    [exchange] = seen
    check_wire(exchange, case)
    assert exchange.status == case.status
    check_result(case.op, result, exchange.json())


@pytest.mark.parametrize("mode", MODES)
async def test_prism_accepts_bodies_given_as_models(mode: str, static_dub: Dub, witness: Witness):
    when = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    update = UpdateCustomerBody(email="ada@example.com", subscription_canceled_at=when)
    create = CreateCustomerBody(external_id="u-1", country="US", avatar="https://example.com/a.png")
    with witness.accepted() as seen:
        updated = await call(
            static_dub, "update", mode, (), {"request": {"id": CUS, "request_body": update}}
        )
        with deprecation("create"):
            created = await call(static_dub, "create", mode, (create,), {})
    assert [e.request_json() for e in seen] == [
        {"email": "ada@example.com", "subscriptionCanceledAt": "2024-05-06T07:08:09+00:00"},
        {"externalId": "u-1", "country": "US", "avatar": "https://example.com/a.png"},
    ]
    check_customer(updated, seen[0].json())
    check_customer(created, seen[1].json())


@pytest.mark.parametrize(
    ("params", "follow"),
    [
        ({"page_size": 1}, {"startingAfter": CUS}),
        ({"ending_before": "cus_Z", "page_size": 1}, {"endingBefore": CUS}),
        ({"sort_by": "saleAmount", "page_size": 1}, {"page": "2"}),
        ({"page": 7, "page_size": 1}, {"page": "8"}),
    ],
    ids=["cursor-after", "cursor-before", "offset-by-sort", "offset-by-page"],
)
@pytest.mark.parametrize("mode", MODES)
async def test_prism_accepts_the_follow_up_page_requests(
    params: dict[str, Any], follow: dict[str, str], mode: str, static_dub: Dub, witness: Witness
):
    """The requests the pager builds by itself (cursor from the static example's id)."""
    with witness.accepted() as seen:
        if mode == "sync":
            page: Any = static_dub.customers.list(**params)
            second = page.next_page()
        else:
            page = await static_dub.customers.list_async(**params)
            second = await page.next_page()
    assert second is not None and len(second.items) == 1
    first_query, second_query = seen[0].query, seen[1].query
    assert second_query == {**first_query, **follow}


# -- 2. documented error statuses ----------------------------------------------------------------
async def _raise_status(dub: Dub, witness: Witness, op: str, mode: str, status: int) -> Any:
    case = CASES_OF[op][0]
    args, kwargs = case.invocation("keywords")
    kwargs["http_headers"] = {"Prefer": f"code={status}"}
    with pytest.raises(errors.APIStatusError) as info:
        with witness.accepted() as seen, deprecation(op):
            await call(dub, op, mode, args, kwargs)
    [exchange] = seen
    check_wire(exchange, case)
    assert exchange.status == status
    err = info.value
    assert type(err) is ERROR_CLASSES[status], f"{status} raised {type(err).__name__}"
    assert errors.STATUS_ERRORS[status] is ERROR_CLASSES[status]
    assert err.status_code == status
    assert err.attempts == 1
    assert err.body == exchange.body.decode()
    detail = exchange.json()["error"]
    assert (err.code, err.message, err.doc_url) == (
        detail["code"],
        detail["message"],
        detail.get("doc_url"),
    )
    assert str(err).startswith(f"{status} {detail['code']}: ")
    return err


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("status", ERROR_STATUSES)
async def test_documented_error_status_raises_its_class(
    status: int, op: str, mode: str, static_dub: Dub, witness: Witness
):
    err = await _raise_status(static_dub, witness, op, mode, status)
    # The static Prism answers each error response's example from openapi.yaml.
    responses = yaml.safe_load(SPEC.read_text())["components"]["responses"]
    example = responses[ERROR_CLASSES[status].__name__]["content"]["application/json"]["example"]
    assert (err.code, err.message, err.doc_url) == (
        example["error"]["code"],
        example["error"]["message"],
        example["error"]["doc_url"],
    )
    if status == 429:
        assert isinstance(err, errors.RateLimitExceeded)
        assert err.retry_after == 2.0  # the spec's example Retry-After, read as seconds
        assert err.headers["x-ratelimit-limit"] == "string"


@pytest.mark.parametrize("op", OPS)
async def test_random_error_bodies_are_read(
    op: str, dynamic_dub: Dub, witness: Witness, contract_stats: Stats
):
    for status in ERROR_STATUSES:
        await _raise_status(dynamic_dub, witness, op, "sync", status)
        contract_stats.error_bodies += 1


# -- 3. random responses (prism mock -d) ----------------------------------------------------
SEQ = "X-Contract-Seq"


@pytest.mark.parametrize("op", OPS)
async def test_random_responses_parse_into_models(
    op: str, dynamic_dub: Dub, witness: Witness, contract_stats: Stats
):
    calls = itertools.cycle(itertools.product(CASES_OF[op], STYLES))
    results: dict[str, Any] = {}
    with witness.accepted() as seen:
        for n in range(FUZZ_SYNC):
            case, style = next(calls)
            args, kwargs = case.invocation(style)
            kwargs["http_headers"] = {SEQ: f"sync-{n}"}
            with deprecation(op):
                results[f"sync-{n}"] = await call(dynamic_dub, op, "sync", args, kwargs)

        async def one(n: int, case: Case, style: str) -> None:
            args, kwargs = case.invocation(style)
            kwargs["http_headers"] = {SEQ: f"async-{n}"}
            results[f"async-{n}"] = await call(dynamic_dub, op, "async", args, kwargs)

        with deprecation(op):
            await asyncio.gather(*(one(n, *next(calls)) for n in range(FUZZ_ASYNC)))
    assert len(seen) == len(results) == FUZZ_SYNC + FUZZ_ASYNC
    raws = {exchange.request_headers[SEQ]: exchange for exchange in seen}
    bodies = set()
    for seq, result in results.items():
        exchange = raws[seq]
        assert exchange.status == (201 if op == "create" else 200)
        contract_stats.customers += check_result(op, result, exchange.json())
        contract_stats.parsed += 1
        bodies.add(exchange.body)
    assert len(bodies) > 1, "the dynamic Prism answered the same body every time"


# -- 4. the detection itself --------------------------------------------------------------
BAD_REQUESTS = [
    pytest.param(
        "GET",
        "/customers",
        {"params": {"pageSize": 500}},
        r"pagesize must be <= 100",
        id="page-size",
    ),
    pytest.param(
        "GET", "/customers", {"params": {"page": 0}}, r"page must be >= 1", id="page-zero"
    ),
    pytest.param(
        "GET",
        "/customers",
        {"params": {"sortBy": "name", "includeExpandedFields": "yes"}},
        r"(?s)(?=.*sortby must be equal to one of)(?=.*includeexpandedfields must be boolean)",
        id="enum-and-boolean",
    ),
    pytest.param(
        "PATCH",
        "/customers/cus_1",
        {"json": {"email": "not-an-email", "externalId": None}},
        r"(?s)(?=.*email must match format)(?=.*externalId must be string)",
        id="update-body",
    ),
    pytest.param("PATCH", "/customers/cus_1", {}, r"Body parameter is required", id="no-body"),
    pytest.param(
        "POST",
        "/customers",
        {"json": {"email": "ada@example.com"}},
        r"(?s)(?=.*required property 'externalId')(?=.*required property 'country')",
        id="create-without-required",
    ),
    pytest.param("GET", "/nowhere", {}, r"Route not resolved", id="unrouted"),
    pytest.param(
        "GET", "/customers", {"headers": {"Prefer": "code=418"}}, r"418", id="undocumented-status"
    ),
]


@pytest.mark.parametrize(("method", "path", "options", "match"), BAD_REQUESTS)
def test_a_violation_is_detected(
    method: str,
    path: str,
    options: dict[str, Any],
    match: str,
    prism_static_url: str,
    witness: Witness,
    contract_stats: Stats,
):
    before = contract_stats.validated
    options = dict(options)
    headers = {"Authorization": f"Bearer {TOKEN}", **options.pop("headers", {})}
    with witness.client() as http:
        http.request(method, prism_static_url + path, headers=headers, **options)
    with pytest.raises(pytest.fail.Exception, match=match):
        witness.assert_accepted()
    assert contract_stats.validated == before


async def test_a_violation_in_an_sdk_call_fails_by_name(static_dub: Dub, witness: Witness):
    with pytest.raises(pytest.fail.Exception, match=r"Invalid security scheme used") as info:
        with witness.accepted():
            static_dub.customers.get(CUS, http_headers={"Authorization": "Basic dXNlcjpwdw=="})
    assert "GET " in str(info.value) and "-> 401" in str(info.value)


def test_a_deprecation_warning_alone_is_tolerated(prism_static_url: str, witness: Witness):
    """``page`` is deprecated on purpose: Prism's Warning about it is no violation."""
    with witness.client() as http:
        http.get(
            prism_static_url + "/customers",
            params={"page": 2},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
    [exchange] = witness.assert_accepted()
    assert exchange.status == 200
    assert '"severity":"Warning","code":"deprecated"' in exchange.headers["sl-violations"]
