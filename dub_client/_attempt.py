"""One attempt of a request, over by its deadline: connect, send, headers and body.

Sync: the body is read through ``_Watched``, which ends the attempt at its deadline,
and the body's reads wait at most what is left of it. Async: the event loop's
timeout bounds the whole attempt. Both keep the raw bytes of an encoded body, so
one that does not decode is a ``ResponseValidationError`` with its status and bytes.
"""

from __future__ import annotations

import math
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ._exceptions import validation_error


class AttemptTimeout(httpx.TimeoutException):
    """Internal: one attempt outlived its deadline (retried like any timeout)."""

    def __init__(self, seconds: float, request: httpx.Request) -> None:
        super().__init__(f"the attempt took longer than {seconds:g} s", request=request)
        self.seconds = seconds


class _Watched(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that ends the attempt at its deadline, and keeps the raw bytes
    of an encoded body so that one that does not decode can still be reported."""

    def __init__(
        self, stream: Any, request: httpx.Request, seconds: float, deadline: float, encoded: bool
    ) -> None:
        self.stream, self.request, self.seconds, self.deadline = stream, request, seconds, deadline
        self.raw: list[bytes] | None = [] if encoded else None

    def _check(self, chunk: bytes) -> bytes:
        if self.raw is not None:
            self.raw.append(chunk)
        if time.monotonic() > self.deadline:
            raise AttemptTimeout(self.seconds, self.request)
        return chunk

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.stream:
            yield self._check(chunk)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self.stream:
            yield self._check(chunk)

    def close(self) -> None:
        self.stream.close()

    async def aclose(self) -> None:
        await self.stream.aclose()


def _watch(
    response: httpx.Response, request: httpx.Request, seconds: float, deadline: float
) -> _Watched:
    encoded = "content-encoding" in response.headers
    watched = _Watched(response.stream, request, seconds, deadline, encoded)
    response.stream = watched
    return watched


def _undecodable(response: httpx.Response, watched: _Watched, exc: Exception) -> httpx.Response:
    """A body that does not decode: a 2xx raises ResponseValidationError (status and raw
    bytes kept); any other status is answered as it came, undecoded, so that it is
    retried or raised as its status says."""
    raw = b"".join(watched.raw or [])
    if 200 <= response.status_code < 300:
        reason = f"the body does not decode: {exc}"
        raise validation_error(response, reason, attempts=1, raw=raw) from exc
    headers = [(k, v) for k, v in response.headers.multi_items() if k != "content-encoding"]
    return httpx.Response(
        response.status_code, headers=headers, content=raw, request=response.request
    )


def send_once(http: httpx.Client, request: httpx.Request, seconds: float) -> httpx.Response:
    """One attempt, over by ``seconds`` from its start: the body is read within what is
    left after the headers. (Headers are bounded by the phase limits, each at most
    ``seconds`` when ``timeout_ms`` is a number: a server that trickles its headers
    can hold the attempt longer; async calls have no such gap.)"""
    deadline = time.monotonic() + seconds
    response = http.send(request, stream=True)
    timeouts = request.extensions.get("timeout")
    try:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AttemptTimeout(seconds, request)
        if timeouts is not None and (timeouts.get("read") or seconds) > left:
            # the body's reads wait at most what is left of the attempt (httpcore reads
            # this when the body starts); put back below, before any retry
            request.extensions["timeout"] = {**timeouts, "read": max(0.001, left)}
        watched = _watch(response, request, seconds, deadline)
        try:
            response.read()
        except httpx.DecodingError as exc:
            response.close()
            return _undecodable(response, watched, exc)
    except BaseException:
        response.close()
        raise
    finally:
        request.extensions["timeout"] = timeouts
    return response


async def send_once_async(
    http: httpx.AsyncClient, request: httpx.Request, seconds: float
) -> httpx.Response:
    """The async twin of ``send_once``; the event loop enforces the whole deadline."""
    import asyncio

    deadline = time.monotonic() + seconds
    try:
        async with asyncio.timeout(seconds if seconds < math.inf else None):
            response = await http.send(request, stream=True)
            try:
                watched = _watch(response, request, seconds, deadline)
                try:
                    await response.aread()
                except httpx.DecodingError as exc:
                    await response.aclose()
                    return _undecodable(response, watched, exc)
            except BaseException:
                await response.aclose()
                raise
    except TimeoutError:
        raise AttemptTimeout(seconds, request) from None
    return response
