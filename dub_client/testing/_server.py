"""Ways to reach a ``Sandbox``: an httpx transport (in-process) and a loopback HTTP server.

This module knows HTTP, not the sandbox: it serves anything that answers ``Answers``
(``_sandbox`` imports it, never the other way round).
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Protocol

import httpx

__all__ = ["Answers", "Reply", "SandboxServer", "async_transport", "transport"]


@dataclass(slots=True)
class Reply:
    """One HTTP answer. ``drop`` means: close the connection without answering."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False


class Answers(Protocol):
    """What the transports and the server send requests to (``Sandbox``)."""

    def handle(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        body: bytes,
        wait: Callable[[float], None] = ...,
    ) -> Reply: ...

    def receive(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Any: ...

    def answer(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes, fault: Any
    ) -> Reply: ...


#: The base URL of the in-process transport (never resolved: no request leaves the process).
IN_PROCESS_URL = "http://sandbox.dub.invalid"


def _response(request: httpx.Request, reply: Reply) -> httpx.Response:
    if reply.drop:
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    return httpx.Response(reply.status, headers=reply.headers, content=reply.body)


def _read_limit(request: httpx.Request) -> float | None:
    limit = request.extensions.get("timeout", {}).get("read")
    return limit if isinstance(limit, int | float) else None


def transport(sandbox: Answers) -> httpx.MockTransport:
    """An httpx transport answered by ``sandbox`` in-process (for a sync client).

    A fault's delay meets the request's read timeout as it would over a socket: a
    longer delay raises ``httpx.ReadTimeout`` once the limit has passed.
    """

    def handler(request: httpx.Request) -> httpx.Response:
        limit = _read_limit(request)

        def wait(delay: float) -> None:
            time.sleep(delay if limit is None else min(delay, limit))
            if limit is not None and delay > limit:
                raise httpx.ReadTimeout("timed out (sandbox fault delay)", request=request)

        target = request.url.raw_path.decode("ascii")
        reply = sandbox.handle(request.method, target, request.headers, request.read(), wait)
        return _response(request, reply)

    return httpx.MockTransport(handler)


def async_transport(sandbox: Answers) -> httpx.MockTransport:
    """The async twin of ``transport``: a fault's delay waits without blocking the
    event loop (so the client's deadline can end it), and meets the read timeout."""

    async def handler(request: httpx.Request) -> httpx.Response:
        import asyncio

        body = await request.aread()
        target = request.url.raw_path.decode("ascii")
        fault = sandbox.receive(request.method, target, request.headers, body)
        if fault is not None and fault.delay:  # a Fault
            limit = _read_limit(request)
            await asyncio.sleep(fault.delay if limit is None else min(fault.delay, limit))
            if limit is not None and fault.delay > limit:
                raise httpx.ReadTimeout("timed out (sandbox fault delay)", request=request)
        reply = sandbox.answer(request.method, target, request.headers, body, fault)
        return _response(request, reply)

    return httpx.MockTransport(handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes
    timeout = 30  # idle keep-alive connections end
    server: _Server

    def _any(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        reply = self.server.sandbox.handle(self.command, self.path, dict(self.headers), body)
        if reply.drop:
            self.close_connection = True
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("content-length", str(len(reply.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    # every method reaches the sandbox, which answers 405 for those the API lacks
    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = do_HEAD = do_OPTIONS = do_TRACE = _any

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, sandbox: Answers, host: str, port: int) -> None:
        self.sandbox = sandbox
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """End kept-alive connections too: after stop() no client gets an answer."""
        with self.connections_lock:
            open_now = list(self.connections)
        for conn in open_now:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # a client that gave up (a timeout test) closes its end: not worth a traceback
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            super().handle_error(request, client_address)


class SandboxServer:
    """A sandbox served over HTTP on loopback, in a background thread.

    Use as a context manager (``with SandboxServer(sandbox) as url``) or call
    ``start`` / ``stop``. Only loopback addresses are accepted.
    """

    def __init__(self, sandbox: Answers, host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the sandbox only listens on loopback (127.0.0.1, ::1, localhost)")
        self.sandbox = sandbox
        self._server = _Server(sandbox, host, port)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    def start(self) -> str:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self.url

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.close_connections()
        self._server.server_close()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
