"""Retries, paging and event loops at their edges: a rename through an ext_ id, Retry-After
past the budget, the official SDK's page loop, an async client's base URL."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from conftest import TOKEN, customer_json

from dub_client import BackoffStrategy, ConfigurationError, Dub, RetryConfig, errors
from dub_client._retries import DEFAULT_RETRY_CONFIG, decide, parse_retry_after
from dub_client.testing import Fault, Sandbox

NOW = 1_700_000_000.0


def test_update_renaming_the_ext_id_it_addresses_is_not_retried_blindly(dub, recorder, clock):
    recorder.reply(httpx.RemoteProtocolError("dropped"), httpx.Response(200, json=customer_json()))
    with pytest.raises(errors.APIConnectionError):
        dub.customers.update("ext_user-1", external_id="user-1-renamed")
    assert len(recorder.requests) == 1  # a retry would look for ext_user-1, now gone
    recorder.responses.clear()
    recorder.reply(httpx.RemoteProtocolError("dropped"), httpx.Response(200, json=customer_json()))
    dub.customers.update("cus_1", external_id="user-1-renamed")  # by Dub id: same result twice
    assert len(recorder.requests) == 3
    recorder.reply(httpx.RemoteProtocolError("dropped"), httpx.Response(200, json=customer_json()))
    dub.customers.update("ext_user-1", name="Ada")  # by ext_ id without renaming: fine
    assert len(recorder.requests) == 5


def test_update_rename_over_http_keeps_its_promise():
    sandbox = Sandbox(seed=3)
    with sandbox.serve() as url, Dub("dub_x", server_url=url) as dub:
        sandbox.fail_next(Fault(drop=True, method="PATCH"))
        with pytest.raises(errors.APIConnectionError):
            dub.customers.update("ext_user-1", external_id="renamed")
        assert dub.customers.get("ext_renamed").external_id == "renamed"  # it did happen


def test_one_dub_across_two_event_loops():
    sandbox = Sandbox(seed=2)
    with sandbox.serve() as url:
        dub = Dub("dub_x", server_url=url)
        first = asyncio.run(dub.customers.get_async("ext_user-1"))
        second = asyncio.run(dub.customers.get_async("ext_user-2"))  # a new loop
        assert (first.external_id, second.external_id) == ("user-1", "user-2")

        async def close() -> None:
            await dub.aclose()

        asyncio.run(close())


def test_retry_after_within_the_cap_is_honoured_past_the_backoff_budget():
    at_cap = decide(
        DEFAULT_RETRY_CONFIG,
        attempt=1,
        elapsed=0.0,
        idempotent=True,
        now=NOW,
        jitter=0.5,
        status=429,
        headers={"retry-after": "60"},
    )
    assert at_cap.retry and at_cap.delay == 60.0
    readme = RetryConfig(
        "backoff",
        BackoffStrategy(200, 5_000, 1.5, 30_000),
        True,
        max_attempts=4,
        max_retry_after=120_000,
    )
    long_wait = decide(
        readme,
        attempt=1,
        elapsed=1.0,
        idempotent=True,
        now=NOW,
        jitter=0.5,
        status=429,
        headers={"retry-after": "45"},
    )
    assert long_wait.retry and long_wait.delay == 45.0
    spent = decide(
        readme,
        attempt=2,
        elapsed=31.0,
        idempotent=True,
        now=NOW,
        jitter=0.5,
        status=429,
        headers={"retry-after": "1"},
    )
    assert not spent.retry and "budget" in spent.reason


@pytest.mark.parametrize("raw", ["1_0", "\u0661", "+3", "3e1", "0x10", " . "])
def test_retry_after_numbers_are_plain_ascii(raw):
    assert parse_retry_after({"retry-after": raw}, NOW) is None
    assert parse_retry_after({"retry-after-ms": raw}, NOW) is None


def test_the_official_sdks_page_loop_works():
    sandbox = Sandbox(seed=25)
    with sandbox.dub() as dub:
        seen = []
        res = dub.customers.list(request={"page_size": 10})
        while res is not None:
            seen.extend(c.id for c in res.result)
            res = res.next()
    assert len(seen) == len(set(seen)) == 25


async def test_the_async_page_aliases():
    sandbox = Sandbox(seed=15)
    async with sandbox.dub() as dub:
        page = await dub.customers.list_async(page_size=10)
        assert len(page.result) == 10
        following = await page.next()
        assert following is not None and len(following.result) == 5


def test_an_async_clients_base_url_is_honoured():
    assert Dub(TOKEN, async_client=httpx.AsyncClient(base_url="http://127.0.0.1:9")).server_url == (
        "http://127.0.0.1:9"
    )
    with pytest.raises(ConfigurationError, match="differ"):
        Dub(
            TOKEN,
            client=httpx.Client(base_url="http://127.0.0.1:9"),
            async_client=httpx.AsyncClient(base_url="http://127.0.0.1:10"),
        )
