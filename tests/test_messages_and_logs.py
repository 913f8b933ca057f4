"""What users read: warnings for ignored fields, timeout messages, DEBUG lines, DUB_LOG."""

from __future__ import annotations

import logging
import warnings

import httpx
import pytest
from conftest import Recorder

from dub_client import Dub, RetryConfig, errors
from dub_client.testing import Fault, Sandbox


def test_a_field_the_api_ignores_warns_once_per_process(dub: Dub, recorder: Recorder):
    with pytest.warns(UserWarning, match="does not store it") as caught:
        dub.customers.update("cus_1", country="DE")
    assert caught[0].filename == __file__  # the user's line, not the SDK's
    assert recorder.body() == {"country": "DE"}  # still sent: the API accepts it
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dub.customers.update("cus_1", country="FR")
        dub.customers.update("cus_1", name="no warning for a stored field")


def test_the_ignored_field_warns_for_a_body_model_too(dub: Dub):
    from dub_client.models import UpdateCustomerBody

    with pytest.warns(UserWarning, match="country"):
        dub.customers.update("cus_1", request_body=UpdateCustomerBody(country="DE"))


def test_configuration_error_is_in_errors_and_where_it_was():
    from dub_client import ConfigurationError
    from dub_client._client import ConfigurationError as old_place

    assert errors.ConfigurationError is ConfigurationError is old_place
    assert issubclass(errors.ConfigurationError, errors.DubError)


def test_a_timeout_names_its_phase_and_limit():
    sandbox = Sandbox(seed=1)
    with sandbox.serve() as url, Dub("dub_t", server_url=url) as dub:
        sandbox.fail_next(Fault(delay=1.0))
        with pytest.raises(errors.APITimeoutError) as info:
            dub.customers.get(sandbox.customers()[0]["id"], timeout_ms=200, max_retries=0)
    message = str(info.value)
    assert "read timeout after 0.2 s" in message
    assert message.startswith("GET http://127.0.0.1:")


def test_a_transports_own_timeout_subclass_still_names_its_phase():
    class SlowUpstream(httpx.ReadTimeout):  # a transport's own kind of read timeout
        pass

    def answer(request: httpx.Request) -> httpx.Response:
        raise SlowUpstream("upstream is slow", request=request)

    client = httpx.Client(transport=httpx.MockTransport(answer), timeout=7)
    with Dub("dub_t", client=client) as dub, pytest.raises(errors.APITimeoutError) as info:
        dub.customers.get("cus_1", max_retries=0)
    assert "read timeout after 7 s" in str(info.value)


def test_a_stop_iteration_from_the_transport_is_not_taken_for_the_end_of_retries():
    answers = iter([])  # a test double that has run out of answers

    def answer(request: httpx.Request) -> httpx.Response:
        return next(answers)

    with Dub("dub_t", client=httpx.Client(transport=httpx.MockTransport(answer))) as dub:
        with pytest.raises(StopIteration):
            dub.customers.get("cus_1")


def test_debug_lines_carry_status_attempts_latency_and_request_id(caplog: pytest.LogCaptureFixture):
    sandbox = Sandbox(seed=1, token="dub_secret_key")
    with sandbox.dub(token="dub_secret_key") as dub, caplog.at_level(logging.DEBUG, "dub_client"):
        sandbox.fail_next(Fault(status=503))
        dub.customers.get(sandbox.customers()[0]["id"])
    line = next(r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG)
    assert line.startswith("GET http://sandbox.dub.invalid/customers/cus_")
    assert "-> 200 (attempts: 2, " in line and " ms, request id: req_sandbox_" in line
    assert "dub_secret_key" not in caplog.text


def test_an_unknown_dub_log_value_warns_once_naming_the_levels(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DUB_LOG", "verbose")
    monkeypatch.setattr(logging.getLogger("dub_client"), "_dub_env", None, raising=False)
    with pytest.warns(RuntimeWarning, match="debug, info, warning"):
        Dub("dub_t")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Dub("dub_t")  # the same value: judged once


def test_retries_none_still_reads_the_retry_policy_type(dub: Dub):
    with pytest.raises(TypeError, match="RetryConfig"):
        dub.customers.get("cus_1", retries="none")  # type: ignore[typeddict-item]
    assert RetryConfig("none").strategy == "none"
