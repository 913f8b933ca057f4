"""The retry policy as pure functions, and the loops with an injected clock (no real sleeps)."""

from __future__ import annotations

import email.utils
import math
import warnings

import httpx
import pytest
from conftest import FakeTiming, Recorder, customer_json

from dub_client import DEFAULT_RETRY_CONFIG, BackoffStrategy, Dub, RetryConfig, errors
from dub_client._retries import backoff_delay, decide, parse_retry_after

NOW = 1_700_000_000.0


# -- Retry-After parsing ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "0.25"}, 0.25),
        ({"retry-after": " 7 "}, 7.0),
        ({"retry-after": "0"}, 0.0),
        ({"retry-after": str(int((NOW + 5) * 1000))}, 5.0),  # epoch ms: what Dub really sends
        ({"retry-after": str(NOW + 9)}, 9.0),  # epoch seconds
        ({"retry-after": email.utils.formatdate(NOW + 30, usegmt=True)}, 30.0),  # HTTP-date
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),  # the ms header wins
        ({"retry-after-ms": "junk", "retry-after": "2"}, 2.0),
        ({"retry-after": "-1"}, None),
        ({"retry-after": "soon"}, None),
        ({"retry-after": ""}, None),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "inf"}, None),
        ({"retry-after": "1e400"}, None),
        ({"retry-after": "9" * 400}, None),  # too long to be real: ignored, no overflow
        ({"retry-after": str(int((NOW - 60) * 1000))}, None),  # already past
        ({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, None),  # past date
        ({"retry-after": "Mon, 99 Foo 99999 99:99:99 GMT"}, None),
        ({}, None),
    ],
)
def test_parse_retry_after(headers, expected):
    got = parse_retry_after(headers, NOW)
    if expected is None:
        assert got is None
    else:
        assert got is not None and math.isclose(got, expected, abs_tol=1e-3)


def test_far_future_values_parse_without_overflow():
    assert parse_retry_after({"retry-after": "99999999999999999"}, NOW) == pytest.approx(
        99999999999999.999 - NOW, rel=1e-6
    )
    assert parse_retry_after({"retry-after": "Fri, 31 Dec 9999 23:59:59 GMT"}, NOW) > 1e11


# -- backoff ---------------------------------------------------------------------------------
def test_backoff_grows_is_capped_and_jittered():
    s = BackoffStrategy(initial_interval=500, max_interval=8_000, exponent=2.0)
    assert [backoff_delay(s, n, 1.0) for n in (1, 2, 3, 4, 5, 6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert backoff_delay(s, 1, 0.0) == 0.25  # equal jitter: between half and all
    assert backoff_delay(s, 10_000, 0.5) == 6.0  # no overflow for absurd attempt numbers


# -- decide ----------------------------------------------------------------------------------
def d(**kw):
    base = {"attempt": 1, "elapsed": 0.0, "idempotent": True, "now": NOW, "jitter": 1.0}
    base.update(kw)
    config = base.pop("config", DEFAULT_RETRY_CONFIG)
    return decide(config, **base)


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_statuses_for_idempotent_requests(status):
    assert d(status=status, headers={}).retry


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 410, 422, 501, 520])
def test_other_statuses_are_final(status):
    assert not d(status=status, headers={}).retry


def test_non_idempotent_requests_retry_only_when_certainly_not_processed():
    assert d(idempotent=False, status=429, headers={}).retry
    for status in (408, 500, 502, 503, 504):
        assert not d(idempotent=False, status=status, headers={}).retry
    assert d(idempotent=False, error=httpx.ConnectError("refused")).retry
    assert d(idempotent=False, error=httpx.ConnectTimeout("t")).retry
    assert d(idempotent=False, error=httpx.PoolTimeout("t")).retry
    for error in (httpx.ReadTimeout("t"), httpx.ReadError("r"), httpx.RemoteProtocolError("x")):
        assert not d(idempotent=False, error=error).retry
        assert d(idempotent=True, error=error).retry


def test_connection_errors_can_be_switched_off():
    config = RetryConfig("backoff", BackoffStrategy(), False)
    assert not d(config=config, error=httpx.ConnectError("x")).retry
    assert d(config=config, status=503, headers={}).retry


def test_attempts_and_time_budget_bound_retries():
    config = RetryConfig(max_attempts=3)
    assert d(config=config, attempt=2, status=503, headers={}).retry
    assert not d(config=config, attempt=3, status=503, headers={}).retry
    budget = RetryConfig(backoff=BackoffStrategy(max_elapsed_time=10_000))
    assert d(config=budget, elapsed=9.0, status=503, headers={}).retry  # 9 + 0.5 <= 10
    assert not d(config=budget, elapsed=9.9, status=503, headers={}).retry


def test_retry_after_is_honoured_up_to_the_cap():
    decision = d(status=429, headers={"retry-after": "12"})
    assert decision.retry and decision.delay == 12.0 and decision.retry_after == 12.0
    capped = d(status=429, headers={"retry-after": str(int((NOW + 3600) * 1000))})
    assert not capped.retry and capped.retry_after == pytest.approx(3600.0)
    assert "cap" in capped.reason
    small_cap = RetryConfig(max_retry_after=1_000)
    assert not d(config=small_cap, status=429, headers={"retry-after": "2"}).retry
    garbage = d(status=429, headers={"retry-after": "later"})
    assert garbage.retry and garbage.delay == 0.5  # back to backoff


def test_strategy_none_never_retries():
    assert not d(config=RetryConfig("none"), status=503, headers={}).retry
    assert not d(config=RetryConfig("none"), error=httpx.ConnectError("x")).retry


def test_config_validation():
    with pytest.raises(ValueError):
        RetryConfig("sometimes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        RetryConfig(max_attempts=0)
    with pytest.raises(ValueError):
        BackoffStrategy(exponent=0.5)
    with pytest.raises(TypeError):
        RetryConfig("backoff", {"initial_interval": 1})  # type: ignore[arg-type]


# -- the loops, with the injected clock ------------------------------------------------------
def test_503_503_200_succeeds_on_the_third_attempt(dub: Dub, recorder: Recorder, clock: FakeTiming):
    recorder.reply(
        httpx.Response(503), httpx.Response(503), httpx.Response(200, json=customer_json())
    )
    assert dub.customers.get("cus_1").id == "cus_1"
    assert len(recorder.requests) == 3
    assert clock.slept == [0.375, 0.75]  # 0.5s and 1s, equal jitter at 0.5


async def test_async_loop_makes_the_same_decisions(dub: Dub, recorder: Recorder, clock: FakeTiming):
    recorder.reply(
        httpx.Response(502), httpx.ConnectError("x"), httpx.Response(200, json=customer_json())
    )
    assert (await dub.customers.get_async("cus_1")).id == "cus_1"
    assert clock.slept == [0.375, 0.75]


def test_final_error_is_the_last_attempts_with_the_attempt_count(dub, recorder, clock):
    recorder.handler = lambda request: httpx.Response(503, text="busy")
    with pytest.raises(errors.SDKError) as info:
        dub.customers.get("cus_1")
    assert info.value.attempts == DEFAULT_RETRY_CONFIG.max_attempts == len(recorder.requests)
    assert "(after 5 attempts)" in str(info.value)
    assert len(clock.slept) == 4


def test_retry_after_epoch_ms_is_waited_then_far_future_raises(dub, recorder, clock):
    soon = str(int((clock.now + 2) * 1000))
    recorder.reply(
        httpx.Response(429, headers={"retry-after": soon}),
        httpx.Response(200, json=customer_json()),
    )
    dub.customers.get("cus_1")
    assert clock.slept == [pytest.approx(2.0)]
    far = str(int((clock.now + 86_400 * 365 * 30) * 1000))
    recorder.reply(httpx.Response(429, headers={"retry-after": far}))
    with pytest.raises(errors.RateLimitExceeded) as info:
        dub.customers.get("cus_1")
    assert info.value.retry_after == pytest.approx(86_400 * 365 * 30)
    assert len(clock.slept) == 1  # nothing more was slept
    assert info.value.attempts == 1


def test_a_create_that_got_a_500_is_sent_once(dub, recorder, clock):
    recorder.reply(
        httpx.Response(500, json={"error": {"code": "internal_server_error", "message": "x"}})
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(errors.InternalServerError):
            dub.customers.create(external_id="u1", country="US")
        assert len(recorder.requests) == 1
        recorder.reply(httpx.ReadTimeout("lost"))
        with pytest.raises(errors.APITimeoutError):
            dub.customers.create(external_id="u1", country="US")
        assert len(recorder.requests) == 2
        recorder.reply(httpx.ConnectError("refused"), httpx.Response(201, json=customer_json()))
        dub.customers.create(external_id="u1", country="US")
        assert len(recorder.requests) == 4
    assert clock.slept == [0.375]


def test_retries_disabled_per_call_means_one_request(dub, recorder, clock):
    recorder.reply(httpx.Response(503))
    with pytest.raises(errors.SDKError):
        dub.customers.get("cus_1", retries=RetryConfig("none"))
    assert len(recorder.requests) == 1 and clock.slept == []


def test_client_wide_retry_config(recorder, clock):
    transport = httpx.MockTransport(recorder)
    dub = Dub(
        "dub_x", retry_config=RetryConfig(max_attempts=2), client=httpx.Client(transport=transport)
    )
    dub._timing = clock.timing()
    recorder.handler = lambda request: httpx.Response(500)
    with pytest.raises(errors.InternalServerError) as info:
        dub.customers.list()
    assert info.value.attempts == 2


def test_400_is_never_retried(dub, recorder, clock):
    recorder.reply(httpx.Response(400, json={"error": {"code": "bad_request", "message": "no"}}))
    with pytest.raises(errors.BadRequest):
        dub.customers.update("cus_1", name="x")
    assert len(recorder.requests) == 1 and clock.slept == []


def test_retried_delete_that_meets_404_says_so(dub, recorder, clock):
    recorder.reply(
        httpx.RemoteProtocolError("dropped"),
        httpx.Response(
            404, json={"error": {"code": "not_found", "message": "Customer not found."}}
        ),
    )
    with pytest.raises(errors.NotFound, match="earlier attempt may have deleted it") as info:
        dub.customers.delete("cus_1")
    assert info.value.attempts == 2
    recorder.reply(httpx.Response(404, json={"error": {"code": "not_found", "message": "gone"}}))
    with pytest.raises(errors.NotFound) as plain:
        dub.customers.delete("cus_1")
    assert "earlier attempt" not in str(plain.value)


def test_a_429_past_the_cap_says_why_it_was_not_retried():
    from dub_client.testing import Fault, Sandbox

    sandbox = Sandbox(seed=1)
    with sandbox.dub(retry_config=RetryConfig(max_retry_after=30_000)) as dub:
        sandbox.fail_next(Fault(status=429, retry_after="3600"))
        with pytest.raises(errors.RateLimitExceeded) as info:
            dub.customers.list()
        assert len(sandbox.requests) == 1 and info.value.retry_after == 3600.0
        assert str(info.value) == (
            "429 rate_limit_exceeded: injected 429 (not retried: the server asked to wait "
            "3600 s, past the cap of 30 s set by RetryConfig.max_retry_after)"
        )
        sandbox.fail_next(Fault(status=503))
        with pytest.raises(errors.SDKError) as other:
            dub.customers.list(max_retries=0)
        assert "not retried" not in str(other.value)  # only the cap is worth saying
