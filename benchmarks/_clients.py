"""The three contestants, built the way a user would build them.

``raw``      plain httpx: ``client.get(url, headers=auth)`` then JSON decoding;
``ours``     dub_client: ``Dub(token=..., server_url=...)`` and ``dub.customers.get``;
``official`` the ``dub`` SDK: ``Dub(token=..., server_url=...)`` and
             ``customers.get(request={"id": ...})``.

Each factory returns a zero-argument callable doing one complete call (send and
parse), so the timing loops are identical for all three.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from _data import CUSTOMER_JSON, TOKEN

IMPLS = ("raw", "ours", "official")
IN_PROCESS_URL = "http://bench.invalid"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CUSTOMER_ID = "cus_1"
PAGE_SIZE = 100


def canned_transport() -> httpx.MockTransport:
    """An in-process transport answering every request with the canned Customer."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=CUSTOMER_JSON, headers={"content-type": "application/json"}
        )

    return httpx.MockTransport(handler)


def _ours(base: str, client: httpx.Client | None = None) -> Any:
    from dub_client import Dub

    if client is None:
        return Dub(token=TOKEN, server_url=base)
    return Dub(token=TOKEN, server_url=base, client=client)


def _official(base: str, client: httpx.Client | None = None) -> Any:
    from dub import Dub as OfficialDub

    if client is None:
        return OfficialDub(token=TOKEN, server_url=base)
    return OfficialDub(token=TOKEN, server_url=base, client=client)


def sync_call(impl: str, base: str, client: httpx.Client | None = None) -> Callable[[], Any]:
    """One ``get`` of ``cus_1``; ``client`` (e.g. over a MockTransport) is optional."""
    if impl == "raw":
        http = client if client is not None else httpx.Client()
        url = f"{base}/customers/{CUSTOMER_ID}"

        def raw() -> Any:
            return json.loads(http.get(url, headers=AUTH).content)

        return raw
    if impl == "ours":
        customers = _ours(base, client).customers
        return lambda: customers.get(CUSTOMER_ID)
    if impl == "official":
        official = _official(base, client).customers
        request = {"id": CUSTOMER_ID}
        return lambda: official.get(request=request)
    raise ValueError(impl)


def in_process_call(impl: str) -> Callable[[], Any]:
    return sync_call(impl, IN_PROCESS_URL, httpx.Client(transport=canned_transport()))


def async_call(impl: str, base: str) -> Callable[[], Awaitable[Any]]:
    """One ``get`` over an async client each contestant creates with its defaults."""
    if impl == "raw":
        http = httpx.AsyncClient()
        url = f"{base}/customers/{CUSTOMER_ID}"

        async def raw() -> Any:
            response = await http.get(url, headers=AUTH)
            return response.json()

        return raw
    if impl == "ours":
        customers = _ours(base).customers
        return lambda: customers.get_async(CUSTOMER_ID)
    if impl == "official":
        official = _official(base).customers
        request = {"id": CUSTOMER_ID}
        return lambda: official.get_async(request=request)
    raise ValueError(impl)


def paginate_all(impl: str, base: str) -> Callable[[], int]:
    """Walk every customer, ``PAGE_SIZE`` per request; returns how many were seen."""
    if impl == "raw":
        http = httpx.Client()
        url = f"{base}/customers"

        def raw() -> int:
            seen = 0
            params: dict[str, Any] = {"pageSize": PAGE_SIZE}
            for _ in range(100_000):  # bounded: at most 100k pages
                items = json.loads(http.get(url, params=params, headers=AUTH).content)
                seen += len(items)
                if len(items) < PAGE_SIZE:
                    break
                params = {"pageSize": PAGE_SIZE, "startingAfter": items[-1]["id"]}
            return seen

        return raw
    if impl == "ours":
        customers = _ours(base).customers

        def ours() -> int:
            return sum(1 for _ in customers.list(page_size=PAGE_SIZE))

        return ours
    if impl == "official":
        official = _official(base).customers

        def official_walk() -> int:
            # Not page.next(): in dub 0.39.0 it evaluates the JSONPath "$[-1].id"
            # with jsonpath-python, which returns nothing for a negative index, so
            # next() ends the walk after the first page. A user has to loop on
            # starting_after by hand, as done here (see README.md).
            seen = 0
            request: dict[str, Any] = {"page_size": PAGE_SIZE}
            for _ in range(100_000):
                page = official.list(request=request)
                items = page.result if page is not None else []
                seen += len(items)
                if len(items) < PAGE_SIZE:
                    break
                request = {"page_size": PAGE_SIZE, "starting_after": items[-1].id}
            return seen

        return official_walk
    raise ValueError(impl)


def parse_page(impl: str) -> Callable[[bytes], Any]:
    """Turn a response body (a JSON array of customers) into what the caller gets.

    ``raw`` is ``json.loads`` alone; ``ours`` is what ``customers.list`` does with
    a body; ``official`` is what the ``dub`` SDK does with one
    (``unmarshal_json_response(List[GetCustomersResponseBody], http_res)`` reads
    ``http_res.text`` and calls ``utils.unmarshal_json``).
    """
    if impl == "raw":
        return json.loads
    if impl == "ours":
        from dub_client._generated.api.customers.get_customers import OPERATION

        parse = OPERATION.parse
        return lambda body: parse(json.loads(body))
    if impl == "official":
        from typing import List  # noqa: UP035 - the SDK's own spelling

        from dub.models.operations import GetCustomersResponseBody
        from dub.utils import unmarshal_json

        kind = List[GetCustomersResponseBody]  # noqa: UP006
        return lambda body: unmarshal_json(body.decode("utf-8"), kind)
    raise ValueError(impl)


def read_page(impl: str, everything: bool) -> Callable[[Any], int]:
    """What a program does with a parsed page: read every field of every customer, nested
    objects included (``everything``), or only ``id`` and ``email``. ``raw`` reads its
    dicts by wire key, the SDKs their models by attribute; each returns how many values
    it read, so that no reading is optimised away."""
    if not everything:
        if impl == "raw":
            return lambda page: sum(1 for c in page if c["id"] and c.get("email") is not None)
        return lambda page: sum(1 for c in page if c.id and c.email is not None)
    if impl == "raw":
        from _data import CUSTOMER_KEYS

        def read_dicts(page: Any) -> int:
            count = 0
            for customer in page:
                for key, inner in CUSTOMER_KEYS:
                    value = customer.get(key)
                    count += 1
                    if inner and value is not None:
                        for name in inner:
                            value.get(name)
                            count += 1
            return count

        return read_dicts
    # the same walk as the dicts': the customer's fields by name, then the fields of the
    # three nested objects when present (their classes' fields, looked up once)
    names: dict[type, tuple[str, ...]] = {}
    if impl == "ours":
        import inspect

        def all_fields(cls: type) -> tuple[str, ...]:  # the constructor's: any model version
            return tuple(inspect.signature(cls).parameters)
    else:

        def all_fields(cls: type) -> tuple[str, ...]:
            return tuple(cls.model_fields)  # type: ignore[attr-defined]

    nested = frozenset({"link", "partner", "discount"})

    def read_models(page: Any) -> int:
        count = 0
        for customer in page:
            cls = type(customer)
            fields = names.get(cls) or names.setdefault(cls, all_fields(cls))
            for name in fields:
                value = getattr(customer, name)
                count += 1
                if name in nested and value is not None:
                    inner_cls = type(value)
                    inner = names.get(inner_cls) or names.setdefault(
                        inner_cls, all_fields(inner_cls)
                    )
                    for inner_name in inner:
                        getattr(value, inner_name)
                        count += 1
        return count

    return read_models
