"""Input and answers at their edges: deep JSON, floats for integers, naive dates, bad
timeouts, server URLs, tokens and headers are refused with typed errors."""

from __future__ import annotations

import httpx
import pytest
from conftest import TOKEN, customer_json

from dub_client import ConfigurationError, Dub, RetryConfig, errors

NOW = 1_700_000_000.0


@pytest.mark.parametrize("status", [200, 404, 500])
def test_deeply_nested_json_is_a_typed_error(dub, recorder, status):
    recorder.reply(httpx.Response(status, content=b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(errors.DubError) as info:
        dub.customers.get("cus_1", retries=RetryConfig("none"))
    assert info.value.status_code == status


@pytest.mark.parametrize("bad", [{"strategy": "none"}, "none", 3])
def test_a_bad_per_call_retries_is_refused_before_sending(dub, recorder, bad):
    with pytest.raises(TypeError, match="RetryConfig"):
        dub.customers.get("cus_1", retries=bad)
    assert recorder.requests == []


@pytest.mark.parametrize("value", [2.0, 1.5])
def test_floats_are_not_integers(dub, recorder, value):
    with pytest.raises(TypeError, match="page_size must be int"):
        dub.customers.list(page_size=value)
    assert recorder.requests == []


@pytest.mark.parametrize(
    "body",
    [
        customer_json(createdAt="2024-01-01T00:00:00"),  # no offset
        customer_json(createdAt="2024-01-01"),
        customer_json(firstSaleAt="2024-01-01T00:00:00"),
        customer_json(id=None),
        customer_json(externalId=5),
    ],
)
def test_naive_dates_and_non_string_ids_are_validation_errors(dub, recorder, body):
    recorder.reply(httpx.Response(200, json=body), httpx.Response(200, json=[body]))
    with pytest.raises(errors.ResponseValidationError):
        dub.customers.get("cus_1")
    with pytest.raises(errors.ResponseValidationError):
        dub.customers.list()


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 1e300, -5, 0])
def test_timeouts_must_be_finite_and_positive(value):
    with pytest.raises(ValueError, match="timeout_ms"):
        Dub(TOKEN, timeout_ms=value)


@pytest.mark.parametrize(
    "url", ["http://h.test?a=1", "http://h.test/#frag", "https://user:pw@h.test", "api.dub.co"]
)
def test_server_urls_with_query_fragment_or_credentials_are_refused(url):
    with pytest.raises(ConfigurationError) as info:
        Dub(TOKEN, server_url=url)
    assert "pw" not in str(info.value)


def test_wrong_token_type_and_bad_headers(dub, recorder):
    with pytest.raises(ConfigurationError, match=r"Dub\(\): token must be a str, not int"):
        Dub(token=123)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="cannot carry"):
        dub.customers.get("cus_1", http_headers={"X-A": "one\r\nX-B: two"})
    with pytest.raises(ValueError, match="cannot carry"):
        dub.customers.get("cus_1", http_headers={"X-A": "caf\u00e9"})
    with pytest.raises(TypeError, match="must be str"):
        dub.customers.get("cus_1", http_headers={"X-A": 1})  # type: ignore[dict-item]
    assert recorder.requests == []
