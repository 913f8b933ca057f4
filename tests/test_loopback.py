"""Integration over real HTTP on 127.0.0.1: the sandbox server with injected faults."""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterator

import pytest

from dub_client import BackoffStrategy, Dub, RetryConfig, errors
from dub_client.testing import Fault, Sandbox

FAST = RetryConfig(backoff=BackoffStrategy(initial_interval=10, max_interval=50))


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=5, token="dub_loop")


@pytest.fixture
def dub(sandbox: Sandbox) -> Iterator[Dub]:
    with sandbox.serve() as url, Dub("dub_loop", server_url=url, retry_config=FAST) as client:
        yield client


def first_id(sandbox: Sandbox) -> str:
    return sandbox.customers()[0]["id"]


def test_503_503_200(sandbox: Sandbox, dub: Dub):
    sandbox.fail_next(Fault(status=503), Fault(status=503))
    assert dub.customers.get(first_id(sandbox)).id == first_id(sandbox)
    assert len(sandbox.requests) == 3


def test_retry_after_one_second_is_waited(sandbox: Sandbox, dub: Dub):
    sandbox.fail_next(Fault(status=429, retry_after="1"))
    started = time.monotonic()
    dub.customers.get(first_id(sandbox))
    waited = time.monotonic() - started
    assert 0.9 <= waited < 5
    assert len(sandbox.requests) == 2


def test_retry_after_in_epoch_ms_a_moment_ahead_is_honoured(sandbox: Sandbox, dub: Dub):
    sandbox.fail_next(Fault(status=429, retry_after=str(int((time.time() + 1.5) * 1000))))
    started = time.monotonic()
    dub.customers.get(first_id(sandbox))
    assert 0.5 <= time.monotonic() - started < 5


def test_retry_after_in_the_far_future_raises_at_once(sandbox: Sandbox, dub: Dub):
    far = str(int((time.time() + 10 * 365 * 86_400) * 1000))
    sandbox.fail_next(Fault(status=429, retry_after=far))
    started = time.monotonic()
    with pytest.raises(errors.RateLimitExceeded) as info:
        dub.customers.get(first_id(sandbox))
    assert time.monotonic() - started < 2
    assert info.value.retry_after is not None and info.value.retry_after > 86_400
    assert len(sandbox.requests) == 1


def test_a_dropped_connection_on_get_is_retried(sandbox: Sandbox, dub: Dub):
    sandbox.fail_next(Fault(drop=True))
    assert dub.customers.get(first_id(sandbox)).id == first_id(sandbox)
    assert len(sandbox.requests) == 2


def test_a_post_that_got_500_is_sent_exactly_once(sandbox: Sandbox, dub: Dub):
    sandbox.fail_next(Fault(status=500, method="POST"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(errors.InternalServerError):
            dub.customers.create(external_id="new-1", country="US")
        assert [
            (r.method, r.path, r.raw_query) for r in sandbox.requests if r.method == "POST"
        ] == [("POST", "/customers", "")]
        # dropped after the write was applied: not retried, so no duplicate
        sandbox.fail_next(Fault(drop=True, method="POST"))
        with pytest.raises(errors.APIConnectionError, match="may have reached the server"):
            dub.customers.create(external_id="new-2", country="US")
    assert sandbox.creates == {"new-2": 1}


def test_a_slow_response_hits_the_timeout(sandbox: Sandbox, dub: Dub):
    sandbox.fail_next(*[Fault(delay=0.6)] * 2)
    started = time.monotonic()
    with pytest.raises(errors.APITimeoutError) as info:
        dub.customers.get(first_id(sandbox), timeout_ms=150, retries=RetryConfig(max_attempts=2))
    assert info.value.attempts == 2
    assert isinstance(info.value.__cause__, Exception)
    assert time.monotonic() - started < 3


def test_400_is_never_retried_over_http(sandbox: Sandbox):
    with sandbox.serve() as url, Dub("dub_loop", server_url=url) as dub:
        with pytest.raises(errors.BadRequest):
            dub.customers.update(
                first_id(sandbox), email=None, http_headers={"Authorization": "Token x"}
            )
    assert len(sandbox.requests) == 1


def test_retries_disabled_per_call(sandbox: Sandbox, dub: Dub):
    sandbox.fail_next(Fault(status=503))
    with pytest.raises(errors.SDKError):
        dub.customers.get(first_id(sandbox), retries=RetryConfig("none"))
    assert len(sandbox.requests) == 1


def test_html_error_page_from_the_platform(sandbox: Sandbox, dub: Dub):
    sandbox.fail_next(Fault(status=502, body=b"<html><h1>502 Bad Gateway</h1></html>"))
    with pytest.raises(errors.SDKError) as info:
        dub.customers.get(first_id(sandbox), retries=RetryConfig("none"))
    assert info.value.status_code == 502 and "Bad Gateway" in info.value.body


def test_connection_refused_is_a_typed_error():
    with Dub("dub_x", server_url="http://127.0.0.1:9", retry_config=FAST) as dub:
        with pytest.raises(errors.APIConnectionError) as info:
            dub.customers.get("cus_1")
    assert info.value.attempts == FAST.max_attempts


async def test_async_over_loopback(sandbox: Sandbox):
    sandbox.fail_next(Fault(status=503))
    with sandbox.serve() as url:
        async with Dub("dub_loop", server_url=url, retry_config=FAST) as dub:
            ids = [c.id async for c in dub.customers.list_async(page_size=2)]
            updated = await dub.customers.update_async(ids[0], name="Async Ada")
            deleted = await dub.customers.delete_async(ids[1])
    assert len(ids) == 5 and updated.name == "Async Ada" and deleted.id == ids[1]
