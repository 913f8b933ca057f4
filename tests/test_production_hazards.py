"""How production runs the client, over real loopback sockets: fork, process pools, a
server that trickles, event loops in threads, a hostile environment, a corrupt body."""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
import os
import pickle
import socket
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from dub_client import BackoffStrategy, ConfigurationError, Dub, RetryConfig, errors
from dub_client._exceptions import validation_error
from dub_client.testing import Sandbox

FAST = RetryConfig(backoff=BackoffStrategy(initial_interval=1, max_interval=2))
CUSTOMER = b'{"id":"cus_1","externalId":"e1","createdAt":"2024-01-01T00:00:00.000Z"}'


# -- a loopback server that misbehaves on purpose --------------------------------------------
class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    behaviour: Callable[[BaseHTTPRequestHandler], None]

    def do_GET(self) -> None:
        type(self).behaviour(self)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def misbehaving() -> Iterator[Callable[[Callable[[BaseHTTPRequestHandler], None]], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(behaviour: Callable[[BaseHTTPRequestHandler], None]) -> str:
        handler = type("Handler", (_Handler,), {"behaviour": staticmethod(behaviour)})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def trickle(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then the body one byte every 0.25 s (about 18 s in all)."""
    handler.send_response(200)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", str(len(CUSTOMER)))
    handler.end_headers()
    for byte in CUSTOMER:
        try:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
        except OSError:
            return  # the client gave up: as it should
        time.sleep(0.25)


# -- 1. fork ----------------------------------------------------------------------------------
def _child_calls(dub: Dub, ids: list[str], out: int) -> None:
    got = [dub.customers.get(cid).id for cid in ids]
    os.write(out, ("ok" if got == ids else f"crossed {got}").encode())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_does_not_share_the_parents_connection():
    sandbox = Sandbox(seed=40)
    ids = [c["id"] for c in sandbox.customers()]
    with sandbox.serve() as url, Dub("dub_t", server_url=url, retry_config=FAST) as dub:
        dub.customers.get(ids[0])  # the parent now holds a pooled keep-alive connection
        parent_socket = dub._pools.sync_client()
        read, write = os.pipe()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads running
            pid = os.fork()
        if pid == 0:  # the child: call at the same time as the parent
            try:
                assert dub._pools.sync is None  # the inherited client was dropped
                _child_calls(dub, ids[::2], write)
            finally:
                os._exit(0)
        os.close(write)
        mine = [dub.customers.get(cid).id for cid in ids[1::2]]
        _, status = os.waitpid(pid, 0)
        child = os.read(read, 10_000).decode()
        os.close(read)
    assert status == 0 and child == "ok"
    assert mine == ids[1::2]
    assert dub._pools.sync is None or dub._pools.sync is parent_socket


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_builds_its_own_async_pool():
    sandbox = Sandbox(seed=6)
    ids = [c["id"] for c in sandbox.customers()]
    with sandbox.serve() as url:
        dub = Dub("dub_t", server_url=url)

        async def gets(which: list[str]) -> list[str]:
            return [(await dub.customers.get_async(cid)).id for cid in which]

        loop = asyncio.new_event_loop()
        try:
            assert loop.run_until_complete(gets(ids[:1])) == ids[:1]
            read, write = os.pipe()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
            if pid == 0:
                try:
                    assert len(dub._pools.by_loop) == 0
                    got = asyncio.run(gets(ids))
                    os.write(write, b"ok" if got == ids else b"crossed")
                finally:
                    os._exit(0)
            os.close(write)
            assert loop.run_until_complete(gets(ids[::-1])) == ids[::-1]
            _, status = os.waitpid(pid, 0)
            assert os.read(read, 100) == b"ok" and status == 0
            os.close(read)
            loop.run_until_complete(dub.aclose())
        finally:
            loop.close()


# -- 2. errors cross process boundaries ---------------------------------------------------------
def _raise_not_found(url: str) -> str:
    with Dub("dub_t", server_url=url, max_retries=0) as dub:
        dub.customers.get("cus_missing")
    return "no error"


def _all_errors() -> list[errors.DubError]:
    import httpx

    request = httpx.Request("GET", "https://api.dub.test/customers/x")
    made: list[errors.DubError] = [
        errors.APIConnectionError("down", attempts=3),
        errors.APITimeoutError("slow", attempts=2),
        errors.ConfigurationError("no key"),
        errors.DubError("plain"),
    ]
    for status in (*errors.STATUS_ERRORS, 418, 502):
        response = httpx.Response(
            status,
            request=request,
            json={"error": {"code": "c", "message": "m"}},
            headers={"x-request-id": "req_1", "retry-after": "1"},
        )
        made.append(errors.error_from_response(response, attempts=2))
    made.append(validation_error(httpx.Response(200, request=request, text="<html>"), "x"))
    return made


@pytest.mark.parametrize("error", _all_errors(), ids=lambda e: type(e).__name__)
def test_every_error_survives_pickle(error: errors.DubError):
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    for name in ("message", "attempts", "status_code", "body", "code", "request_id"):
        assert getattr(again, name, None) == getattr(error, name, None), name


def test_a_status_error_crosses_a_process_pool_intact():
    sandbox = Sandbox(seed=1)
    context = multiprocessing.get_context("spawn")
    with sandbox.serve() as url:
        with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
            future = pool.submit(_raise_not_found, url)
            with pytest.raises(errors.NotFound) as info:
                future.result(timeout=60)
        with context.Pool(1) as mp_pool:
            result = mp_pool.apply_async(_raise_not_found, (url,))
            with pytest.raises(errors.NotFound) as again:
                result.get(timeout=60)
    for caught in (info.value, again.value):
        assert caught.status_code == 404 and caught.code == "not_found"
        assert caught.message == "Customer not found." and '"not_found"' in caught.body
        assert caught.attempts == 1


# -- 3. a deadline per attempt ------------------------------------------------------------------
def test_timeout_ms_bounds_the_whole_attempt_against_a_trickling_server(misbehaving):
    url = misbehaving(trickle)
    started = time.monotonic()
    with Dub("dub_t", server_url=url, timeout_ms=1_000, retry_config=FAST) as dub:
        with pytest.raises(errors.APITimeoutError) as info:
            dub.customers.get("cus_1", max_retries=1)
    took = time.monotonic() - started
    assert info.value.attempts == 2  # retried within the retry budget
    assert "the attempt took longer than 1 s" in str(info.value)
    assert took < 4.0  # two attempts of 1 s (the body alone would take 18 s)


def test_timeout_ms_bounds_the_whole_attempt_async(misbehaving):
    url = misbehaving(trickle)

    async def main() -> float:
        started = time.monotonic()
        async with Dub("dub_t", server_url=url, timeout_ms=800, max_retries=0) as dub:
            with pytest.raises(errors.APITimeoutError, match=r"longer than 0\.8 s"):
                await dub.customers.get_async("cus_1")
        return time.monotonic() - started

    assert asyncio.run(main()) < 2.5


def test_a_quick_answer_is_not_cut_by_the_deadline(misbehaving):
    def quick(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("content-length", str(len(CUSTOMER)))
        handler.end_headers()
        handler.wfile.write(CUSTOMER)

    url = misbehaving(quick)
    with Dub("dub_t", server_url=url, timeout_ms=2_000) as dub:
        for _ in range(3):
            assert dub.customers.get("cus_1").id == "cus_1"


# -- 4. event loops in threads --------------------------------------------------------------------
_ACCEPTED: dict[int, int] = {}  # port -> TCP connections the sandbox server accepted


@pytest.fixture
def count_connections(monkeypatch: pytest.MonkeyPatch) -> dict[int, int]:
    from dub_client.testing import _server

    original = _server._Server.process_request

    def counted(self, request, client_address):  # type: ignore[no-untyped-def]
        port = self.server_address[1]
        _ACCEPTED[port] = _ACCEPTED.get(port, 0) + 1
        return original(self, request, client_address)

    monkeypatch.setattr(_server._Server, "process_request", counted)
    _ACCEPTED.clear()
    return _ACCEPTED


def test_event_loops_in_threads_each_reuse_their_own_pool(count_connections: dict[int, int]):
    import gc

    sandbox = Sandbox(seed=4)
    cid = sandbox.customers()[0]["id"]
    with sandbox.serve() as url:
        dub = Dub("dub_t", server_url=url)
        failures: list[BaseException] = []

        def worker() -> None:
            async def main() -> None:
                for _ in range(20):
                    assert (await dub.customers.get_async(cid)).id == cid
                # no aclose(): the pool closes as asyncio.run ends the loop

            try:
                asyncio.run(main())
            except BaseException as exc:  # reported below, in the test's thread
                failures.append(exc)

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            threads = [threading.Thread(target=worker) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            gc.collect()
        dub.close()
        port = int(url.rsplit(":", 1)[1])
    assert failures == []
    assert len(sandbox.requests) == 80
    assert count_connections[port] <= 4 * 2  # a pool per loop, reused: not one per call
    assert len(dub._pools.by_loop) == 0  # every loop's pool closed as its loop ended
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []


# -- 6. the environment ---------------------------------------------------------------------------
def test_a_missing_ca_bundle_is_named_at_construction(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent/ca.pem")
    with pytest.raises(ConfigurationError, match=r"SSL_CERT_FILE='/nonexistent/ca.pem' does not"):
        Dub("dub_t")


@pytest.mark.parametrize("value", ["http://proxy:port", "ftp://proxy.example:21", "://", "http://"])
def test_a_malformed_proxy_is_named_at_construction(monkeypatch: pytest.MonkeyPatch, value: str):
    monkeypatch.setenv("HTTPS_PROXY", value)
    with pytest.raises(ConfigurationError, match="HTTPS_PROXY"):
        Dub("dub_t")


def test_a_dead_proxy_is_named_in_the_error(monkeypatch: pytest.MonkeyPatch):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://user:secret@127.0.0.1:{dead}")
    with Dub("dub_t", server_url="http://api.dub.test", max_retries=0) as dub:
        with pytest.raises(errors.APIConnectionError) as info:
            dub.customers.get("cus_1")
    assert f"through the proxy http://127.0.0.1:{dead}" in str(info.value)
    assert "secret" not in str(info.value)


def test_trust_env_false_ignores_the_proxy_variables(monkeypatch: pytest.MonkeyPatch):
    import httpx

    monkeypatch.setenv("HTTPS_PROXY", "http://[bad")
    sandbox = Sandbox(seed=1)
    with sandbox.serve() as url:
        client = httpx.Client(trust_env=False)
        with Dub("dub_t", server_url=url, client=client, async_client=httpx.AsyncClient()) as dub:
            assert dub.customers.get(sandbox.customers()[0]["id"]) is not None
        client.close()


# -- 7. a body that does not decode ---------------------------------------------------------------
def test_a_corrupt_gzip_body_is_a_validation_error_with_status_and_raw_body(misbehaving):
    garbage = b"\x1f\x8b\x08\x00not really gzip"

    def corrupt(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-encoding", "gzip")
        handler.send_header("content-length", str(len(garbage)))
        handler.end_headers()
        handler.wfile.write(garbage)

    url = misbehaving(corrupt)
    with Dub("dub_t", server_url=url) as dub:
        with pytest.raises(errors.ResponseValidationError) as info:
            dub.customers.get("cus_1")
    assert info.value.status_code == 200
    assert info.value.body == garbage.decode("utf-8", "replace")
    assert "does not decode" in str(info.value)


def test_asyncio_run_per_call_does_not_keep_a_pool_per_finished_loop():
    import gc

    sandbox = Sandbox(seed=1)
    cid = sandbox.customers()[0]["id"]
    with sandbox.serve() as url:
        dub = Dub("dub_t", server_url=url)
        fds_before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)  # the user never awaited aclose
            for _ in range(60):
                asyncio.run(dub.customers.get_async(cid))
            gc.collect()
        assert len(dub._pools.by_loop) <= 1  # only the last loop's, not 60
        if fds_before:
            assert len(os.listdir("/proc/self/fd")) - fds_before < 10
        dub.close()


def test_an_error_status_whose_body_does_not_decode_keeps_its_status(misbehaving):
    garbage = b"<html>not gzip at all</html>"
    answers = iter([503, 404])

    def corrupt_error(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(next(answers))
        handler.send_header("content-encoding", "gzip")
        handler.send_header("content-length", str(len(garbage)))
        handler.end_headers()
        handler.wfile.write(garbage)

    url = misbehaving(corrupt_error)
    with Dub("dub_t", server_url=url, retry_config=FAST) as dub:
        with pytest.raises(errors.NotFound) as info:  # the 503 was retried, the 404 raised
            dub.customers.get("cus_1")
    assert info.value.attempts == 2
    assert info.value.body == garbage.decode()


def test_a_timed_out_write_says_it_may_have_been_applied():
    from dub_client.testing import Fault

    sandbox = Sandbox()
    with sandbox.serve() as url, Dub("dub_t", server_url=url, timeout_ms=300) as dub:
        sandbox.fail_next(Fault(delay=1.0, method="POST"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            with pytest.raises(errors.APITimeoutError, match="may have reached the server"):
                dub.customers.create(external_id="slow-1", country="DE")
    assert len(sandbox.requests) == 1  # not retried


# -- cookies -----------------------------------------------------------------------------------
def test_the_clients_dub_builds_keep_no_cookies(misbehaving):
    """No state rides from one answer to the next request (the key alone authenticates:
    a load balancer's sticky cookie must not pin later calls); a client the user passes
    in keeps its own cookie jar, untouched."""
    seen: list[str | None] = []

    def sets_a_cookie(handler: BaseHTTPRequestHandler) -> None:
        seen.append(handler.headers.get("cookie"))
        handler.send_response(200)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(CUSTOMER)))
        handler.send_header("set-cookie", "lb=sticky-1; Path=/")
        handler.end_headers()
        handler.wfile.write(CUSTOMER)

    url = misbehaving(sets_a_cookie)
    with Dub("dub_x", server_url=url) as dub:
        dub.customers.get("cus_1")
        dub.customers.get("cus_1")

        async def twice() -> None:
            await dub.customers.get_async("cus_1")
            await dub.customers.get_async("cus_1")

        asyncio.run(twice())
    assert seen == [None, None, None, None]
    with httpx.Client() as own, Dub("dub_x", server_url=url, client=own) as dub:
        dub.customers.get("cus_1")
        dub.customers.get("cus_1")
    assert seen[4:] == [None, "lb=sticky-1"]
