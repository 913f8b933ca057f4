"""A small, fast loopback Dub API for the benchmarks (asyncio, HTTP/1.1 keep-alive).

Run as a separate process by ``run.py`` (so it never competes with the client
for the GIL): ``python benchmarks/_server.py`` binds 127.0.0.1 on a free port,
prints ``PORT <n>`` on stdout and serves until stdin closes or it is terminated.

Routes (GET only; anything else is 405 and closes the connection):

* ``/customers/{id}`` -> the canned ``CUSTOMER_JSON`` (same bytes for every id);
* ``/customers?pageSize=&startingAfter=&includeExpandedFields=`` -> a page of the
  10,000 synthetic customers, in id order, after the cursor; a short (or empty)
  page ends the list;
* ``/__stats`` -> ``{"requests": n}``: requests served so far (this one excluded).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from urllib.parse import parse_qs

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _data import (
    CUSTOMER_JSON,
    TOTAL_CUSTOMERS,
    customer_id,
    encoded_customers,
    page_json,
)

PLAIN = encoded_customers(TOTAL_CUSTOMERS)
EXPANDED = encoded_customers(TOTAL_CUSTOMERS, expanded=True)
INDEX = {customer_id(i): i for i in range(TOTAL_CUSTOMERS)}
MAX_HEAD = 64 * 1024
REASONS = {200: b"OK", 400: b"Bad Request", 404: b"Not Found", 405: b"Method Not Allowed"}


class Stats:
    requests = 0


def _error(status: int, code: str, message: str) -> tuple[int, bytes]:
    return status, json.dumps({"error": {"code": code, "message": message}}).encode()


def _list(query: str) -> tuple[int, bytes]:
    params = parse_qs(query)
    try:
        size = int(params.get("pageSize", ["100"])[0])
    except ValueError:
        return _error(400, "bad_request", "pageSize must be an integer")
    if not 1 <= size <= 100:
        return _error(400, "bad_request", "pageSize must be between 1 and 100")
    start = 0
    after = params.get("startingAfter", [None])[0]
    if after is not None:
        if after not in INDEX:
            return _error(404, "not_found", "unknown startingAfter")
        start = INDEX[after] + 1
    source = EXPANDED if params.get("includeExpandedFields", [""])[0] == "true" else PLAIN
    return 200, page_json(source[start : start + size])


def route(method: bytes, target: bytes) -> tuple[int, bytes]:
    if method != b"GET":
        return _error(405, "method_not_allowed", "GET only")
    path, _, query = target.decode("latin-1").partition("?")
    if path == "/__stats":
        return 200, json.dumps({"requests": Stats.requests}).encode()
    Stats.requests += 1
    if path == "/customers":
        return _list(query)
    if path.startswith("/customers/") and path.count("/") == 2:
        return 200, CUSTOMER_JSON
    return _error(404, "not_found", f"no route for {path}")


class HTTPProtocol(asyncio.Protocol):
    """Just enough HTTP/1.1 for GET requests without bodies, pipelining-safe."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > MAX_HEAD:
                    self.transport.close()
                return
            head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
            request_line, _, headers = head.partition(b"\r\n")
            try:
                method, target, _version = request_line.split(b" ", 2)
            except ValueError:
                self.transport.close()
                return
            status, body = route(method, target)
            lowered = headers.lower()
            close = b"connection: close" in lowered or method != b"GET"
            self.transport.write(
                b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\n"
                b"content-length: %d\r\n%s\r\n%s"
                % (
                    status,
                    REASONS.get(status, b"Error"),
                    len(body),
                    b"connection: close\r\n" if close else b"",
                    body,
                )
            )
            if close:
                self.transport.close()
                return


async def serve() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(HTTPProtocol, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    # Also stop when the parent goes away (its end of our stdin closes).
    loop.add_reader(sys.stdin.fileno(), lambda: stop.set() if not os.read(0, 1024) else None)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(serve())
