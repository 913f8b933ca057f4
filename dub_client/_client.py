"""The client core: configuration, the httpx clients it owns, and the one send path.

:class:`BaseClient` knows no operation: the generated ``Dub`` subclass adds one
resource per tag of the spec (``dub.customers``), whose generated methods call
:meth:`BaseClient._send` (or its async twin) with the operation's
:class:`~dub_client._operation.Operation`.
"""

from __future__ import annotations

import json
import logging
import math
import os
import platform
import threading
import warnings
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    ConfigurationError,
    error_from_response,
    validation_error,
)
from ._retries import (
    DEFAULT_RETRY_CONFIG,
    GaveUp,
    Outcome,
    RetryConfig,
    Timing,
    send_with_retries,
    send_with_retries_async,
)
from ._version import __version__

if TYPE_CHECKING:  # at run time the generated operations bring these modules in
    from ._operation import Operation, RequestOptions
    from ._pagination import AsyncPager, Page

logger = logging.getLogger("dub_client")

DEFAULT_SERVER_URL = "https://api.dub.co"
#: 5 s to connect, 30 s for each read/write/pool wait. Finite, always.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
USER_AGENT = (
    f"dub-client/{__version__} (python {platform.python_version()}; httpx {httpx.__version__})"
)

T = TypeVar("T")


def _check_server_url(url: str, source: str) -> str:
    if not isinstance(url, str):
        raise ConfigurationError(f"{source} must be a str, not {type(url).__name__}")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"{source} is not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(f"{source} must be an http(s) URL with a host")
    if parsed.query or parsed.fragment or parsed.userinfo:
        raise ConfigurationError(
            f"{source} must not carry a query, a fragment or credentials (the API key is sent "
            "as a header)"
        )
    return url.rstrip("/")


_MAX_TIMEOUT_MS = 24 * 3600 * 1000


def _timeout(timeout_ms: int | float | None) -> httpx.Timeout | None:
    if timeout_ms is None:
        return None
    if (
        isinstance(timeout_ms, bool)
        or not isinstance(timeout_ms, int | float)
        or not math.isfinite(timeout_ms)
        or not 0 < timeout_ms <= _MAX_TIMEOUT_MS
    ):
        raise ValueError(
            f"timeout_ms must be a number of milliseconds in (0, {_MAX_TIMEOUT_MS}], "
            f"not {timeout_ms!r}"
        )
    return httpx.Timeout(timeout_ms / 1000.0)


def _check_headers(headers: Any) -> dict[str, str]:
    if not isinstance(headers, Mapping):
        raise TypeError(f"http_headers must be a dict, not {type(headers).__name__}")
    for name, value in headers.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise TypeError("http_headers names and values must be str")
        for text in (name, value):
            if not text.isascii() or not text.isprintable():
                raise ValueError(f"http_headers: {name!r} has characters a header cannot carry")
    return dict(headers)


def _check_retries(retries: Any) -> RetryConfig | None:
    if retries is not None and not isinstance(retries, RetryConfig):
        raise TypeError(
            "retries must be a dub_client.RetryConfig (e.g. RetryConfig('none')), "
            f"not {type(retries).__module__}.{type(retries).__name__}"
        )
    return retries


def _configure_logging_from_env() -> None:
    level = os.environ.get("DUB_LOG", "").strip().upper()
    if level not in ("DEBUG", "INFO", "WARNING"):
        return
    logger.setLevel(level)
    if not any(getattr(h, "_dub_env", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._dub_env = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False  # the handler above prints; the root logger must not again


class BaseClient:
    """A client for Dub's API (``dub_client.Dub`` adds the resources, e.g. ``customers``).

    ``token`` defaults to ``$DUB_API_KEY``; ``server_url`` to ``$DUB_BASE_URL``,
    then the base URL of a given ``client``, then ``https://api.dub.co``.
    ``timeout_ms`` applies to connect, read, write and pool waits (default: 5 s
    connect, 30 s others). ``retry_config`` defaults to retries on (see
    :class:`RetryConfig`). A given ``client``/``async_client`` is used as is
    (proxies, transports, limits, timeouts) and never closed by :class:`Dub`;
    the clients :class:`Dub` creates itself are closed by :meth:`close` /
    :meth:`aclose` or the ``with`` / ``async with`` blocks.

    The httpx clients are created on first use (a sync-only program never
    builds the async one and vice versa).
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        server_url: str | None = None,
        timeout_ms: int | None = None,
        retry_config: RetryConfig | None = None,
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
    ) -> None:
        if token is None:
            token = os.environ.get("DUB_API_KEY")
        elif not isinstance(token, str):
            raise TypeError(f"token must be a str, not {type(token).__name__}")
        if not isinstance(token, str) or not token.strip():
            raise ConfigurationError(
                "no API key: pass Dub(token='dub_...') or set the DUB_API_KEY environment variable"
            )
        token = token.strip()
        if not token.isascii() or not token.isprintable() or " " in token:
            raise ConfigurationError(
                "the API key contains characters that cannot be sent in a header"
            )
        if client is not None and not isinstance(client, httpx.Client):
            raise TypeError("client must be an httpx.Client")
        if async_client is not None and not isinstance(async_client, httpx.AsyncClient):
            raise TypeError("async_client must be an httpx.AsyncClient")
        if retry_config is not None and not isinstance(retry_config, RetryConfig):
            raise TypeError("retry_config must be a RetryConfig")

        if server_url is not None:
            base = _check_server_url(server_url, "server_url")
        elif os.environ.get("DUB_BASE_URL"):
            base = _check_server_url(os.environ["DUB_BASE_URL"], "DUB_BASE_URL")
        else:
            given = {
                str(c.base_url).rstrip("/")
                for c in (client, async_client)
                if c is not None and str(c.base_url)
            }
            if len(given) > 1:
                raise ConfigurationError(
                    "client.base_url and async_client.base_url differ; pass server_url="
                )
            base = (
                _check_server_url(given.pop(), "the base_url of the given client")
                if given
                else DEFAULT_SERVER_URL
            )
        self._server_url = base
        self._timeout = _timeout(timeout_ms)
        self._retry_config = retry_config or DEFAULT_RETRY_CONFIG
        self._headers = {
            "Authorization": f"Bearer {token}",
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
        }
        self._client = client
        self._async_client = async_client
        # Clients we create carry the headers themselves (set once, not merged per call);
        # a client you pass in is left untouched, so they travel with each request instead.
        self._sync_request_headers = {} if client is None else self._headers
        self._async_request_headers = {} if async_client is None else self._headers
        self._owns_client = client is None
        self._owns_async_client = async_client is None
        self._async_loop: object = None  # the event loop our own AsyncClient belongs to
        self._timing = Timing()
        self._lock = threading.Lock()
        _configure_logging_from_env()

    # -- configuration views -------------------------------------------------
    @property
    def server_url(self) -> str:
        """The base URL requests go to."""
        return self._server_url

    @property
    def retry_config(self) -> RetryConfig:
        """The client-wide retry policy (a call's ``retries=`` overrides it)."""
        return self._retry_config

    def __repr__(self) -> str:
        return f"Dub(server_url={self._server_url!r}, token=<redacted>)"

    # -- lifecycle ------------------------------------------------------------
    def _sync_client(self) -> httpx.Client:
        client = self._client
        if client is None:
            with self._lock:  # two threads' first calls must not build two clients
                if self._client is None:
                    self._client = httpx.Client(
                        headers=self._headers,
                        timeout=self._timeout or DEFAULT_TIMEOUT,
                        follow_redirects=False,
                    )
                client = self._client
        return client

    def _async_http(self) -> httpx.AsyncClient:
        if not self._owns_async_client:
            assert self._async_client is not None
            return self._async_client
        import asyncio  # already loaded: we are inside a coroutine

        loop = asyncio.get_running_loop()
        with self._lock:
            # an httpx.AsyncClient belongs to one event loop; a later asyncio.run() gets a new
            # one (the old one's connections died with its loop)
            if self._async_client is None or self._async_loop is not loop:
                self._async_client = httpx.AsyncClient(
                    headers=self._headers,
                    timeout=self._timeout or DEFAULT_TIMEOUT,
                    follow_redirects=False,
                )
                self._async_loop = loop
            return self._async_client

    def close(self) -> None:
        """Close the httpx clients this object created (not the ones it was given)."""
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        """Close the clients this object created, async one included."""
        if self._owns_async_client and self._async_client is not None:
            import asyncio

            if self._async_loop is asyncio.get_running_loop():
                await self._async_client.aclose()
            # else its loop has ended, and its connections with it: nothing left to close
            self._async_client = None
        self.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    # -- the send path (shared by every operation) ------------------------------
    def _build(
        self,
        http: httpx.Client | httpx.AsyncClient,
        headers: dict[str, str],
        op: Operation[Any],
        values: Mapping[str, Any],
        options: RequestOptions,
    ) -> tuple[httpx.Request, bool]:
        server_url = options.get("server_url")
        base = (
            self._server_url if server_url is None else _check_server_url(server_url, "server_url")
        )
        path, query, extra, body = op.build(values)
        if extra:
            headers = {**headers, **extra}
        if options.get("http_headers"):
            headers = {**headers, **_check_headers(options.get("http_headers"))}
        timeout = _timeout(options.get("timeout_ms")) or self._timeout
        request = http.build_request(
            op.method,
            base + path,
            params=query or None,  # an empty dict would make httpx re-parse the URL
            json=body,
            headers=headers,
            timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
        )
        return request, op.is_idempotent(values, body)

    def _fetch(self, op: Operation[T], values: Mapping[str, Any], options: RequestOptions) -> T:
        http = self._sync_client()
        request, idempotent = self._build(http, self._sync_request_headers, op, values, options)
        try:
            outcome = send_with_retries(
                lambda: http.send(request),
                request,
                _check_retries(options.get("retries")) or self._retry_config,
                idempotent,
                self._timing,
            )
        except GaveUp as gave_up:
            raise _connection_error(gave_up, request) from gave_up.error
        return _finish(op, outcome)

    async def _fetch_async(
        self, op: Operation[T], values: Mapping[str, Any], options: RequestOptions
    ) -> T:
        http = self._async_http()
        request, idempotent = self._build(http, self._async_request_headers, op, values, options)
        try:
            outcome = await send_with_retries_async(
                lambda: http.send(request),
                request,
                _check_retries(options.get("retries")) or self._retry_config,
                idempotent,
                self._timing,
            )
        except GaveUp as gave_up:
            raise _connection_error(gave_up, request) from gave_up.error
        return _finish(op, outcome)

    # -- what the generated operations call ---------------------------------------------
    def _send(self, op: Operation[T], request: Any, kwargs: Mapping[str, Any]) -> T:
        """Check one call of ``op`` (``request=`` and keywords), send it, parse the answer."""
        values, options = _prepare(op, request, kwargs)
        return self._fetch(op, values, options)

    async def _send_async(self, op: Operation[T], request: Any, kwargs: Mapping[str, Any]) -> T:
        """The async twin of :meth:`_send`."""
        values, options = _prepare(op, request, kwargs)
        return await self._fetch_async(op, values, options)

    def _paginate(self, op: Operation[list[T]], request: Any, kwargs: Mapping[str, Any]) -> Page[T]:
        """The first page of a list operation; the page fetches the following ones."""
        from ._pagination import Page

        values, options = _prepare(op, request, kwargs)
        paging = op.pagination
        assert paging is not None

        def fetch(page_values: dict[str, Any]) -> Page[T]:
            return Page(self._fetch(op, page_values, options), page_values, paging, fetch)

        return fetch(values)

    def _paginate_async(
        self, op: Operation[list[T]], request: Any, kwargs: Mapping[str, Any]
    ) -> AsyncPager[T]:
        """The async twin of :meth:`_paginate`: ``await`` it or ``async for`` over it."""
        from ._pagination import AsyncPage, AsyncPager

        values, options = _prepare(op, request, kwargs)
        paging = op.pagination
        assert paging is not None

        async def fetch(page_values: dict[str, Any]) -> AsyncPage[T]:
            items = await self._fetch_async(op, page_values, options)
            return AsyncPage(items, page_values, paging, fetch)

        return AsyncPager(values, fetch)


def _prepare(
    op: Operation[Any], request: Any, kwargs: Mapping[str, Any]
) -> tuple[dict[str, Any], RequestOptions]:
    if op.deprecation:
        # user code -> resource method -> generated caller -> _send -> here
        warnings.warn(op.deprecation, DeprecationWarning, stacklevel=5)
    return op.prepare(request, kwargs)


def _connection_error(gave_up: GaveUp, request: httpx.Request) -> APIConnectionError:
    cls = (
        APITimeoutError if isinstance(gave_up.error, httpx.TimeoutException) else APIConnectionError
    )
    kind = "timed out" if cls is APITimeoutError else "failed"
    detail = str(gave_up.error) or type(gave_up.error).__name__
    logger.debug(
        "%s %s -> %s (attempts: %d)",
        request.method,
        request.url,
        type(gave_up.error).__name__,
        gave_up.attempts,
    )
    return cls(f"{request.method} {request.url} {kind}: {detail}", attempts=gave_up.attempts)


def _finish(op: Operation[T], outcome: Outcome) -> T:
    response = outcome.response
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s -> %d (attempts: %d)",
            response.request.method,
            response.request.url,
            response.status_code,
            outcome.attempts,
        )
    if 200 <= response.status_code < 300:
        try:
            return op.parse(json.loads(response.content))
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            raise validation_error(
                response, f"{type(exc).__name__}: {exc}", attempts=outcome.attempts
            ) from exc
    error = error_from_response(response, attempts=outcome.attempts)
    error.retry_after = outcome.retry_after
    if error.status_code == 404 and op.method == "DELETE" and outcome.attempts > 1:
        error.message += (
            " (the request was retried: an earlier attempt may have deleted it before its"
            " response was lost)"
        )
    raise error
