"""`with_options`, `max_retries` and `timeout_ms` as an httpx.Timeout."""

from __future__ import annotations

import asyncio
import copy
import pickle
from typing import Any

import attrs
import httpx
import pytest
from conftest import FakeTiming, Recorder, customer_json

from dub_client import DEFAULT_RETRY_CONFIG, ConfigurationError, Dub, RetryConfig, errors
from dub_client.testing import Fault, Sandbox


def test_with_options_shares_the_connection_pool_and_closing_it_keeps_the_parent():
    sandbox = Sandbox(seed=3)
    with sandbox.serve() as url, Dub("dub_t", server_url=url) as parent:
        cid = sandbox.customers()[0]["id"]
        parent.customers.get(cid)
        health = parent.with_options(timeout_ms=2_000, max_retries=0)
        assert health._pools.sync_client() is parent._pools.sync_client()
        health.customers.get(cid)
        health.close()
        with health:
            pass
        assert parent.customers.get(cid).id == cid  # the parent's pool is still open
        assert not parent._pools.sync_client().is_closed
    assert parent._pools.sync is None  # the parent's own close closed it


def test_with_options_changes_only_what_it_is_given(
    dub: Dub, recorder: Recorder, clock: FakeTiming
):
    derived = dub.with_options(max_retries=1)
    assert derived.retry_config.max_attempts == 2
    assert derived.server_url == dub.server_url
    assert dub.retry_config == DEFAULT_RETRY_CONFIG
    recorder.reply(httpx.Response(503), httpx.Response(503))
    with pytest.raises(errors.SDKError) as info:
        derived.customers.get("cus_1")
    assert info.value.attempts == 2
    moved = dub.with_options(server_url="https://eu.api.dub.test/")
    moved.customers.get("cus_1")
    assert str(recorder.last.url) == "https://eu.api.dub.test/customers/cus_1"
    assert "customers" not in vars(moved) or moved.customers is not dub.customers


def test_max_retries_zero_means_one_attempt():
    sandbox = Sandbox(seed=1)
    with sandbox.serve() as url, Dub("dub_t", server_url=url, max_retries=0) as dub:
        sandbox.fail_next(Fault(status=503))
        with pytest.raises(errors.SDKError):
            dub.customers.get(sandbox.customers()[0]["id"])
        assert len(sandbox.requests) == 1
    custom = RetryConfig(max_attempts=9, max_retry_after=1)
    assert Dub("dub_t", retry_config=custom, max_retries=2).retry_config == RetryConfig(
        max_attempts=3, max_retry_after=1
    )
    for bad in (-1, 1.5, True, "2"):
        with pytest.raises(ValueError, match="max_retries"):
            Dub("dub_t", max_retries=bad)  # type: ignore[arg-type]


def test_timeout_ms_takes_an_httpx_timeout_for_separate_limits(dub: Dub, recorder: Recorder):
    limits = httpx.Timeout(10.0, connect=1.5, read=4.0)
    dub.customers.get("cus_1", timeout_ms=limits)
    assert recorder.last.extensions["timeout"] == limits.as_dict()
    tight = dub.with_options(timeout_ms=httpx.Timeout(2.0))
    tight.customers.get("cus_1")
    assert recorder.last.extensions["timeout"]["read"] == 2.0
    with pytest.raises(ValueError, match=r"httpx\.Timeout"):
        dub.customers.get("cus_1", timeout_ms="fast")  # type: ignore[typeddict-item]


def test_one_dub_serves_several_event_loops_each_with_its_own_pool():
    sandbox = Sandbox(seed=2)
    with sandbox.serve() as url:
        dub = Dub("dub_t", server_url=url)
        cid = sandbox.customers()[0]["id"]
        pools: list[httpx.AsyncClient] = []

        async def use() -> None:
            for _ in range(3):
                await dub.customers.get_async(cid)
            pools.append(dub._pools.async_client())

        asyncio.run(use())
        asyncio.run(use())
        assert pools[0] is not pools[1]
        assert all(pool.is_closed for pool in pools)  # each closed as its loop ended
        dub.close()


def test_retry_settings_are_immutable_values():
    from dub_client import BackoffStrategy

    config = RetryConfig("backoff", BackoffStrategy(100, 1_000), max_attempts=3)
    assert config == RetryConfig(backoff=BackoffStrategy(100, 1_000), max_attempts=3)
    assert config != RetryConfig(max_attempts=3) and config != ("backoff",)
    assert hash(config) == hash(RetryConfig(backoff=BackoffStrategy(100, 1_000), max_attempts=3))
    assert pickle.loads(pickle.dumps(config)) == config
    assert copy.deepcopy(config) == config
    assert repr(config).startswith("RetryConfig(strategy='backoff', backoff=BackoffStrategy(")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):  # an AttributeError
        config.max_attempts = 9  # type: ignore[misc]
    for value in (config, config.backoff):  # slotted: no instance dict to write around
        with pytest.raises(AttributeError):
            object.__setattr__(value, "note", 1)
    assert attrs.has(RetryConfig) and attrs.has(BackoffStrategy)
    assert attrs.evolve(config, max_attempts=2) == config.replace(max_attempts=2)
    fewer = config.replace(max_attempts=2)
    assert fewer.max_attempts == 2 and fewer.backoff == config.backoff
    assert config.max_attempts == 3
    with pytest.raises(ValueError, match="max_attempts"):
        config.replace(max_attempts=0)  # checked like a new one
    with pytest.raises(TypeError, match="no field"):
        config.replace(attempts=2)
    with pytest.raises(ValueError, match="exponent"):
        BackoffStrategy(exponent=0.5)
    assert RetryConfig().backoff == BackoffStrategy()
    match RetryConfig("none"):  # positional patterns, as with the dataclasses before
        case RetryConfig("none", BackoffStrategy(500, 8_000)):
            matched = True
        case _:
            matched = False
    assert matched


def test_a_given_client_keeps_its_headers_params_and_build_request():
    """Requests are built without httpx's per-call merge (kept per client), yet what a
    given client adds still arrives, as httpx.Client.build_request would send it."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        listing = request.url.path == "/customers"
        return httpx.Response(200, json=[] if listing else customer_json())

    plain = httpx.Client(transport=httpx.MockTransport(answer), headers={"X-Team": "a"})
    with Dub("dub_x", server_url="https://api.test", client=plain) as dub:
        dub.customers.list(page_size=5)
        plain.headers["X-Team"] = "b"  # changed after first use: the next call sees it
        dub.customers.list(page_size=5, http_headers={"X-Trace": "t"})
        dub.customers.list(page_size=5)
    assert [r.headers.get("x-team") for r in seen] == ["a", "b", "b"]
    assert [r.headers.get("x-trace") for r in seen] == [None, "t", None]
    assert all(r.headers["authorization"] == "Bearer dub_x" for r in seen)
    assert all(r.url.params["pageSize"] == "5" for r in seen)

    seen.clear()
    with_params = httpx.Client(
        transport=httpx.MockTransport(answer), params={"pageSize": "10", "tag": "x"}
    )
    with Dub("dub_x", server_url="https://api.test", client=with_params) as dub:
        dub.customers.list(page_size=50)  # the call's value wins, as in httpx
    assert dict(seen[0].url.params) == {"pageSize": "50", "tag": "x"}

    class Signing(httpx.Client):
        def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
            request = super().build_request(*args, **kwargs)
            request.headers["X-Signature"] = "sig"
            return request

    seen.clear()
    with Dub("dub_x", client=Signing(transport=httpx.MockTransport(answer))) as dub:
        dub.customers.get("cus_1")
    assert seen[0].headers["x-signature"] == "sig"


# -- the constructor and with_options check their keywords as the operations do -----------------
def test_a_misspelled_option_is_named_with_a_suggestion_and_its_value():
    with pytest.raises(ConfigurationError) as info:
        Dub("dub_t", timeout=5)  # type: ignore[arg-type]
    assert str(info.value).startswith(
        "Dub(): unknown option timeout=5 (did you mean 'timeout_ms'?); expected one of ["
    )
    with pytest.raises(ConfigurationError, match=r"^Dub\.with_options\(\): unknown option "):
        Dub("dub_t").with_options(timeout=1)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match=r"did you mean 'max_retries'"):
        Dub("dub_t").with_options(max_retry=1)  # type: ignore[arg-type]

    class MyDub(Dub):
        pass

    with pytest.raises(ConfigurationError, match=r"^MyDub\(\): unknown option"):
        MyDub("dub_t", retries=None)  # type: ignore[arg-type]


def test_a_bad_option_value_is_echoed_but_never_a_key():
    with pytest.raises(ConfigurationError, match=r"^Dub\(\): server_url='api\.dub\.co' must be"):
        Dub("dub_t", server_url="api.dub.co")
    with pytest.raises(ConfigurationError, match=r"with_options\(\): server_url='ftp://x' must"):
        Dub("dub_t").with_options(server_url="ftp://x")
    with pytest.raises(ConfigurationError, match=r"with_options\(\): max_retries must .* -1"):
        Dub("dub_t").with_options(max_retries=-1)
    with pytest.raises(ConfigurationError) as info:
        Dub(api_key="dub_secret_value")  # type: ignore[arg-type]
    assert "unknown option api_key;" in str(info.value) and "dub_secret" not in str(info.value)


# -- a client passed in keeps its own timeout ---------------------------------------------------
class _Clock:
    """``time`` for dub_client._attempt: every reading is 100 s after the last one."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 100.0
        return self.now


def test_a_given_client_keeps_its_own_timeout_and_no_attempt_deadline(monkeypatch):
    from dub_client import _attempt

    sandbox = Sandbox(seed=1)
    cid = sandbox.customers()[0]["id"]
    monkeypatch.setattr(_attempt, "time", _Clock())  # each attempt "takes" minutes
    seen: list[dict[str, float]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return sandbox.transport().handle_request(request)

    own = httpx.Client(timeout=300, transport=httpx.MockTransport(answer), base_url="http://x")
    with Dub("dub_t", client=own, max_retries=0) as dub:
        assert dub.customers.get(cid).id == cid  # no 60 s deadline of Dub's own
        assert seen[-1] == httpx.Timeout(300).as_dict()
        with pytest.raises(errors.APITimeoutError, match="longer than 2 s"):
            dub.customers.get(cid, timeout_ms=2_000)  # the user's timeout_ms applies
        assert seen[-1] == httpx.Timeout(2.0).as_dict()
    with sandbox.serve() as url, Dub("dub_t", server_url=url, max_retries=0) as built:
        with pytest.raises(errors.APITimeoutError, match="longer than 60 s"):
            built.customers.get(cid)  # a client Dub built: 60 s an attempt
