"""The sandbox as a test double: faults, recorded requests, add_customer, fast retries,
the pytest fixtures the package ships, and the command line."""

from __future__ import annotations

import datetime
import subprocess
import sys
import time

import pytest

from dub_client import Dub, errors
from dub_client.models import Customer
from dub_client.testing import FAST_RETRIES, Fault, RecordedRequest, Sandbox

pytest_plugins = ["pytester"]
HTML = "<html><body>Bad gateway</body></html>"


@pytest.mark.parametrize("body", [HTML, HTML.encode()], ids=["str", "bytes"])
def test_a_fault_body_is_the_same_in_process_and_over_http(body: str | bytes):
    sandbox = Sandbox(seed=1)
    cid = sandbox.customers()[0]["id"]
    seen = []
    with sandbox.serve() as url:
        for dub in (sandbox.dub(max_retries=0), Dub("dub_t", server_url=url, max_retries=0)):
            sandbox.fail_next(Fault(status=502, body=body))
            with dub, pytest.raises(errors.SDKError) as info:
                dub.customers.get(cid)
            seen.append((info.value.status_code, info.value.body))
    assert seen == [(502, HTML), (502, HTML)]


def test_add_customer_takes_sdk_names_and_returns_the_model():
    sandbox = Sandbox()
    made = sandbox.add_customer(
        id="cus_123",
        external_id="ada-42",
        email="ada@example.com",
        first_sale_at=datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC),
        link={
            "id": "link_1",
            "domain": "dub.sh",
            "key": "k",
            "short_link": "s",
            "url": "u",
            "program_id": None,
        },
    )
    assert isinstance(made, Customer)
    assert (made.id, made.external_id, made.email) == ("cus_123", "ada-42", "ada@example.com")
    assert made.link is not None and made.link.short_link == "s"
    stored = sandbox.customers()[0]
    assert stored["firstSaleAt"] == "2024-05-01T12:00:00.000Z"  # as Dub writes dates
    with sandbox.dub() as dub:
        assert dub.customers.get("ext_ada-42").id == "cus_123"


@pytest.mark.parametrize(
    ("fields", "exc", "match"),
    [
        ({"externalId": "x"}, TypeError, "did you mean 'external_id'"),
        ({"name": "x"}, TypeError, "missing required parameter"),
        ({"external_id": "x", "email": 5}, TypeError, "email must be str"),
        ({"external_id": 7}, TypeError, "external_id must be str"),
        ({"external_id": "x", "link": 5}, TypeError, "link must be CustomerLink"),
        ({"external_id": "x", "first_sale_at": "yesterday"}, ValueError, "ISO-8601"),
    ],
)
def test_add_customer_checks_names_and_types(fields, exc, match):
    with pytest.raises(exc, match=match):
        Sandbox().add_customer(**fields)


def test_requests_are_recorded_with_headers_and_parsed_bodies():
    sandbox = Sandbox(seed=1)
    cid = sandbox.customers()[0]["id"]
    with sandbox.serve() as url, Dub("dub_secret_9", server_url=url) as dub:
        dub.customers.update(cid, name="Ada", http_headers={"X-Trace": "t1"})
    (recorded,) = sandbox.requests
    assert isinstance(recorded, RecordedRequest)
    assert (recorded.method, recorded.path, recorded.raw_query) == (
        "PATCH",
        f"/customers/{cid}",
        "",
    )
    assert recorded.body == {"name": "Ada"}
    assert recorded.headers["x-trace"] == "t1"
    assert recorded.headers["authorization"] == "Bearer <redacted>"
    assert "dub_secret_9" not in repr(sandbox.requests)


def test_clear_faults_forgets_planned_and_random_faults():
    sandbox = Sandbox(seed=1)
    sandbox.fail_next(Fault(status=500), Fault(status=500))
    sandbox.chaos(1.0)
    sandbox.clear_faults()
    with sandbox.dub(max_retries=0) as dub:
        assert dub.customers.get(sandbox.customers()[0]["id"]) is not None
    assert sandbox.faults_injected == 0


def test_the_sandbox_dub_retries_fast_by_default():
    sandbox = Sandbox(seed=1)
    sandbox.fail_next(*[Fault(status=503)] * 4)
    started = time.monotonic()
    with sandbox.dub() as dub:
        dub.customers.get(sandbox.customers()[0]["id"])
        assert dub.retry_config is FAST_RETRIES
    assert len(sandbox.requests) == 5
    assert time.monotonic() - started < 1.0  # the default policy would wait ~3.5 s


def test_the_pytest_fixtures_reach_users_without_setup(pytester: pytest.Pytester):
    pytester.makepyfile(
        """
        import pytest
        from dub_client import errors
        from dub_client.testing import Fault

        def test_plain(dub, dub_sandbox):
            made = dub_sandbox.add_customer(external_id="u1")
            assert dub.customers.get("ext_u1").id == made.id

        @pytest.mark.dub_sandbox(seed=30)
        def test_seeded(dub):
            assert sum(1 for _ in dub.customers.list(page_size=7)) == 30

        def test_faults(dub, dub_sandbox):
            dub_sandbox.fail_next(Fault(status=404))
            with pytest.raises(errors.NotFound):
                dub.customers.list()
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dub_client.testing", *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_the_cli_refuses_a_non_loopback_host_in_one_line():
    done = run_cli("--host", "0.0.0.0", "--port", "0")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: the sandbox only listens on loopback (127.0.0.1, localhost, ::1), not 0.0.0.0"
    ]


def test_the_cli_reports_a_busy_port_in_one_line():
    with Sandbox().serve() as url:
        port = url.rsplit(":", 1)[1]
        done = run_cli("--port", port)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: port {port} on 127.0.0.1 is in use; try --port 0"
    ]


def test_the_cli_refuses_a_negative_seed():
    done = run_cli("--seed", "-1", "--port", "0")
    assert done.returncode == 2
    assert "must be 0 or more, not -1" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_readme_pytest_example_passes(pytester: pytest.Pytester):
    from test_readme import BLOCKS

    (example,) = [block for block in BLOCKS if "def test_" in block]
    pytester.makepyfile(test_from_readme=example)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=example.count("def test_"))


def test_a_slow_fault_meets_the_timeout_in_process_as_over_http():
    sandbox = Sandbox(seed=1)
    cid = sandbox.customers()[0]["id"]
    with sandbox.dub(max_retries=0) as dub:
        sandbox.fail_next(Fault(delay=1.0))
        started = time.monotonic()
        with pytest.raises(errors.APITimeoutError, match=r"read timeout after 0\.1 s"):
            dub.customers.get(cid, timeout_ms=100)
        assert time.monotonic() - started < 0.8
        sandbox.fail_next(Fault(delay=0.05))
        assert dub.customers.get(cid, timeout_ms=1_000).id == cid  # a short delay is fine


def test_a_slow_fault_meets_the_deadline_in_process_async():
    import asyncio

    sandbox = Sandbox(seed=1)
    cid = sandbox.customers()[0]["id"]

    async def main() -> float:
        async with sandbox.dub(max_retries=0) as dub:
            sandbox.fail_next(Fault(delay=1.0))
            started = time.monotonic()
            with pytest.raises(errors.APITimeoutError):
                await dub.customers.get_async(cid, timeout_ms=100)
            return time.monotonic() - started

    assert asyncio.run(main()) < 0.8
