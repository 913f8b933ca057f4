"""`with_raw_response`: every operation, sync and async, answers with the HTTP response."""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Iterator

import pytest
from _spec import operations

from dub_client import BackoffStrategy, Dub, Page, RawResponse, RetryConfig, errors
from dub_client.models import Customer, DeletedCustomer
from dub_client.testing import Fault, Sandbox

FAST = RetryConfig(backoff=BackoffStrategy(initial_interval=1, max_interval=2))


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=5)


@pytest.fixture
def dub(sandbox: Sandbox) -> Iterator[Dub]:
    with sandbox.serve() as url, Dub("dub_raw", server_url=url, retry_config=FAST) as client:
        yield client


def test_every_operation_has_a_raw_variant_sync_and_async():
    methods = {op.sdk_name for op in operations()}
    raw = Dub("dub_x").customers.with_raw_response
    for name in methods:
        assert callable(getattr(raw, name)) and callable(getattr(raw, f"{name}_async"))


def test_a_raw_get_over_http(sandbox: Sandbox, dub: Dub):
    cid = sandbox.customers()[0]["id"]
    sandbox.fail_next(Fault(status=503))
    raw = dub.customers.with_raw_response.get(cid, include_expanded_fields=True)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200 and raw.attempts == 2
    assert raw.headers["content-type"] == "application/json"
    assert raw.request_id is not None and raw.request_id.startswith("req_sandbox_")
    assert isinstance(raw.elapsed, datetime.timedelta) and raw.elapsed.total_seconds() > 0
    assert raw.http_response.request.url.path == f"/customers/{cid}"
    customer = raw.parse()
    assert isinstance(customer, Customer) and customer.id == cid
    assert raw.parse() is customer  # parsed once


def test_raw_write_operations(sandbox: Sandbox, dub: Dub):
    raw_update = dub.customers.with_raw_response.update(
        request={"id": sandbox.customers()[0]["id"], "request_body": {"name": "Raw"}}
    )
    assert raw_update.parse().name == "Raw"
    with pytest.warns(DeprecationWarning):
        raw_create = dub.customers.with_raw_response.create(external_id="raw-1", country="DE")
    assert raw_create.status_code == 201 and raw_create.parse().external_id == "raw-1"
    raw_delete = dub.customers.with_raw_response.delete(raw_create.parse().id)
    assert isinstance(raw_delete.parse(), DeletedCustomer)


def test_a_raw_list_is_the_first_page_response(sandbox: Sandbox, dub: Dub):
    raw = dub.customers.with_raw_response.list(page_size=2)
    assert len(sandbox.requests) == 1
    page = raw.parse()
    assert isinstance(page, Page) and len(page.items) == 2
    assert [c.id for c in page] == sorted((c["id"] for c in sandbox.customers()), reverse=True)
    assert raw.http_response.request.url.params["pageSize"] == "2"


def test_raw_errors_raise_as_in_the_plain_call(sandbox: Sandbox, dub: Dub):
    with pytest.raises(errors.NotFound) as info:
        dub.customers.with_raw_response.get("cus_missing")
    assert info.value.status_code == 404
    with pytest.raises(TypeError, match="did you mean"):
        dub.customers.with_raw_response.list(pagesize=2)  # type: ignore[call-arg]
    assert len(sandbox.requests) == 1


def test_a_raw_body_that_does_not_parse_raises_from_parse(sandbox: Sandbox, dub: Dub):
    sandbox.fail_next(Fault(status=200, body="<html>not json</html>"))
    raw = dub.customers.with_raw_response.get(sandbox.customers()[0]["id"])
    assert raw.status_code == 200
    with pytest.raises(errors.ResponseValidationError) as info:
        raw.parse()
    assert info.value.body == "<html>not json</html>"


def test_raw_variants_async(sandbox: Sandbox):
    async def main() -> None:
        with sandbox.serve() as url:
            async with Dub("dub_raw", server_url=url, retry_config=FAST) as dub:
                raw = await dub.customers.with_raw_response.get_async(sandbox.customers()[1]["id"])
                assert raw.status_code == 200 and raw.parse().id == sandbox.customers()[1]["id"]
                first = await dub.customers.with_raw_response.list_async(page_size=3)
                assert first.status_code == 200
                assert len([c async for c in first.parse()]) == 5
                with pytest.raises(errors.NotFound):
                    await dub.customers.with_raw_response.delete_async("cus_missing")

    asyncio.run(main())
