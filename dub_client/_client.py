"""The client core: configuration, the httpx clients, and the one send path.

``BaseClient`` knows no operation: the generated ``Dub`` subclass adds one
resource per tag of the spec (``dub.customers``), whose generated methods call
``_call`` (``_call_async``, ``_pager``) with the operation's ``Operation``.
"""

from __future__ import annotations

import json
import logging
import math
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Never, Self, TypeVar

import httpx

from ._attempt import AttemptTimeout, send_once, send_once_async
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    ConfigurationError,
    error_from_response,
    request_id_of,
    validation_error,
    warn_user,
)
from ._pools import DEFAULT_ATTEMPT_SECONDS, Pools, check_environment, proxy_for
from ._raw import RawResponse
from ._retries import (
    DEFAULT_RETRY_CONFIG,
    NOT_SENT,
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

logger = logging.getLogger("dub_client")

#: 5 s to connect, 30 s for each read/write/pool wait. Finite, always.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
_PYTHON = ".".join(map(str, sys.version_info[:3]))  # not platform: its import costs 1 ms
USER_AGENT = f"dub-client/{__version__} (python {_PYTHON}; httpx {httpx.__version__})"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING")
#: How long one attempt (connect, send, headers, body) may take through a client ``Dub``
#: built when ``timeout_ms`` is not given as a number; each phase also keeps its own limit
#: (DEFAULT_TIMEOUT). A client you pass in keeps its own timeout and no other deadline.
_WITH_OPTIONS = ("server_url", "timeout_ms", "retry_config", "max_retries")
_INIT_OPTIONS = ("token", *_WITH_OPTIONS, "client", "async_client")
_MAX_TIMEOUT_MS = 24 * 3600 * 1000
_TIMEOUT_PHASES = {
    httpx.ConnectTimeout: "connect",
    httpx.ReadTimeout: "read",
    httpx.WriteTimeout: "write",
    httpx.PoolTimeout: "pool",
}

T = TypeVar("T")


def _check_server_url(url: str, source: str) -> str:
    if not isinstance(url, str):
        raise ConfigurationError(f"{source} must be a str, not {type(url).__name__}")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"{source}={url!r} is not a valid URL: {exc}") from None
    if parsed.userinfo:  # not echoed: it holds credentials
        raise ConfigurationError(f"{source} must not carry credentials (the API key is a header)")
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(
            f"{source}={url!r} must be an http(s) URL with a host, such as 'https://api.dub.co'"
        )
    if parsed.query or parsed.fragment:
        raise ConfigurationError(
            f"{source} must not carry a query, a fragment or credentials (the API key is sent "
            "as a header)"
        )
    return url.rstrip("/")


def _timeout(timeout_ms: int | float | httpx.Timeout | None) -> httpx.Timeout | None:
    """``timeout_ms`` as an httpx.Timeout: milliseconds for every phase, or a Timeout as is."""
    if timeout_ms is None or isinstance(timeout_ms, httpx.Timeout):
        return timeout_ms
    if (
        isinstance(timeout_ms, bool)
        or not isinstance(timeout_ms, int | float)
        or not math.isfinite(timeout_ms)
        or not 0 < timeout_ms <= _MAX_TIMEOUT_MS
    ):
        raise ValueError(
            f"timeout_ms must be a number of milliseconds in (0, {_MAX_TIMEOUT_MS}] or an "
            f"httpx.Timeout, not {timeout_ms!r}"
        )
    return httpx.Timeout(timeout_ms / 1000.0)


def _attempt_seconds(timeout_ms: int | float | httpx.Timeout | None) -> float | None:
    """The deadline of one attempt: ``timeout_ms`` as a number bounds the whole exchange;
    with an httpx.Timeout each phase keeps its limit and an attempt ends by
    ``DEFAULT_ATTEMPT_SECONDS``; ``None`` (no ``timeout_ms``): the pool's default."""
    if timeout_ms is None:
        return None
    if isinstance(timeout_ms, httpx.Timeout):
        return DEFAULT_ATTEMPT_SECONDS
    _timeout(timeout_ms)  # checks it
    return timeout_ms / 1000.0


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


def _check_retries(retries: Any, name: str = "retries") -> RetryConfig | None:
    if retries is not None and not isinstance(retries, RetryConfig):
        raise TypeError(
            f"{name} must be a dub_client.RetryConfig (e.g. RetryConfig('none')), "
            f"not {type(retries).__module__}.{type(retries).__name__}"
        )
    return retries


def _retry_policy(config: RetryConfig | None, max_retries: int | None) -> RetryConfig | None:
    """``config`` (or the default) with ``max_retries`` retries: ``max_retries + 1`` attempts."""
    config = _check_retries(config, "retry_config")
    if max_retries is None:
        return config
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ValueError(f"max_retries must be an int >= 0, not {max_retries!r}")
    return (config or DEFAULT_RETRY_CONFIG).replace(max_attempts=max_retries + 1)


def _refuse_unknown(call: str, unknown: Mapping[str, Any], known: tuple[str, ...]) -> None:
    """A ConfigurationError for the first keyword ``call`` does not take (its value shown
    unless a str: a misnamed API key must not reach a log)."""
    if not unknown:
        return
    import difflib  # only on the error path

    name, value = next(iter(unknown.items()))
    hint = difflib.get_close_matches(name, known, n=1)
    shown = name if isinstance(value, str) else f"{name}={value!r}"
    also = f" (did you mean {hint[0]!r}?)" if hint else ""
    raise ConfigurationError(f"{call}: unknown option {shown}{also}; expected one of {list(known)}")


def _configure_logging_from_env() -> None:
    raw = os.environ.get("DUB_LOG", "").strip()
    level = raw.upper()
    if not raw or getattr(logger, "_dub_env", None) == level:
        return
    logger._dub_env = level  # type: ignore[attr-defined]  # judged once per value
    if level not in LOG_LEVELS:
        accepted = ", ".join(name.lower() for name in LOG_LEVELS)
        warn_user(
            f"DUB_LOG={raw!r} is not a log level dub_client knows; use one of: {accepted}",
            RuntimeWarning,
        )
        return
    logger.setLevel(level)
    if not any(getattr(h, "_dub_env", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._dub_env = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False  # the handler above prints; the root logger must not again


class BaseClient:
    """The core of ``dub_client.Dub``: configuration, connection pools and the one send
    path (``Dub`` adds one resource per tag of the spec and documents the options)."""

    #: where requests go by default (``Dub`` sets the spec's server)
    default_server_url: str = ""
    #: the status -> class table of the API's errors (``Dub`` sets the spec's)
    status_errors: Mapping[int, type[APIStatusError]] = {}

    @staticmethod
    def error_model() -> Any:
        """The model of the API's error body (``Dub`` sets the spec's); ``None``: none."""
        return None

    def __init__(
        self,
        token: str | None = None,
        *,
        server_url: str | None = None,
        timeout_ms: int | float | httpx.Timeout | None = None,
        retry_config: RetryConfig | None = None,
        max_retries: int | None = None,
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
        **unknown: Never,
    ) -> None:
        call = f"{type(self).__name__}()"
        _refuse_unknown(call, unknown, _INIT_OPTIONS)
        try:
            headers = self._configure(
                token, server_url, timeout_ms, retry_config, max_retries, client, async_client
            )
            self._pools = Pools(headers, self._timeout or DEFAULT_TIMEOUT, client, async_client)
        except (TypeError, ValueError) as exc:  # each named for the class the user called
            raise ConfigurationError(f"{call}: {exc}") from None
        self._owns_pools = True
        self._closed = False
        self._timing = Timing()
        _configure_logging_from_env()

    def _configure(self, token: Any, server_url: Any, *options: Any) -> dict[str, str]:
        """Check the options of ``__init__``; set all but the pools, answer their headers."""
        timeout_ms, retry_config, max_retries, client, async_client = options
        if token is None:
            token = os.environ.get("DUB_API_KEY")
        elif not isinstance(token, str):
            raise TypeError(f"token must be a str, not {type(token).__name__}")
        if not isinstance(token, str) or not token.strip():
            raise ValueError(
                "no API key: pass Dub(token='dub_...') or set the DUB_API_KEY environment variable"
            )
        token = token.strip()
        if not token.isascii() or not token.isprintable() or " " in token:
            raise ValueError("the API key contains characters that cannot be sent in a header")
        self._timeout = _timeout(timeout_ms)
        self._attempt_seconds = _attempt_seconds(timeout_ms)
        self._retry_config = _retry_policy(retry_config, max_retries) or DEFAULT_RETRY_CONFIG
        for name, given, cls in (
            ("client", client, httpx.Client),
            ("async_client", async_client, httpx.AsyncClient),
        ):
            if given is not None and not isinstance(given, cls):
                raise TypeError(
                    f"{name} must be an httpx.{cls.__name__}, not {type(given).__name__}"
                )
        if server_url is not None:
            self._server_url = _check_server_url(server_url, "server_url")
        elif os.environ.get("DUB_BASE_URL"):
            self._server_url = _check_server_url(os.environ["DUB_BASE_URL"], "DUB_BASE_URL")
        else:
            urls = {
                str(c.base_url).rstrip("/")
                for c in (client, async_client)
                if c is not None and str(c.base_url)
            }
            if len(urls) > 1:
                raise ValueError(
                    "client.base_url and async_client.base_url differ; pass server_url="
                )
            self._server_url = (
                _check_server_url(urls.pop(), "the base_url of the given client")
                if urls
                else _check_server_url(
                    self.default_server_url, "the spec's server (servers[0].url in openapi.yaml)"
                )
            )
        if client is None or async_client is None:
            check_environment()
        return {
            "Authorization": f"Bearer {token}",
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
        }

    def with_options(
        self,
        *,
        server_url: str | None = None,
        timeout_ms: int | float | httpx.Timeout | None = None,
        retry_config: RetryConfig | None = None,
        max_retries: int | None = None,
        **unknown: Never,
    ) -> Self:
        """A client like this one with the options given changed, sharing its connections.

        ``dub.with_options(timeout_ms=2_000, max_retries=0)`` for a health check, say.
        Closing the new client does not close the connections it shares.
        """
        call = f"{type(self).__name__}.with_options()"
        _refuse_unknown(call, unknown, _WITH_OPTIONS)
        derived = object.__new__(type(self))
        for name in ("_server_url", "_timeout", "_attempt_seconds", "_pools", "_timing"):
            setattr(derived, name, getattr(self, name))
        derived._closed = self._closed
        try:
            if server_url is not None:
                derived._server_url = _check_server_url(server_url, "server_url")
            if timeout_ms is not None:
                derived._timeout = _timeout(timeout_ms)
                derived._attempt_seconds = _attempt_seconds(timeout_ms)
            derived._retry_config = (
                _retry_policy(retry_config or self._retry_config, max_retries) or self._retry_config
            )
        except (TypeError, ValueError) as exc:
            raise ConfigurationError(f"{call}: {exc}") from None
        derived._owns_pools = False
        return derived

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
        closed = ", closed" if self._closed or self._pools.closed else ""
        return f"Dub(server_url={self._server_url!r}, token=<redacted>{closed})"

    # -- lifecycle ------------------------------------------------------------
    def close(self) -> None:
        """Close this client: later calls raise ``ClientClosedError``; closing again is a
        no-op. The httpx clients it built are closed (an event loop's, on that loop: now
        when the loop is closed, else when it runs again or ends); given ones are left
        open. A client made by ``with_options`` closes only itself: the connections are
        its parent's."""
        self._closed = True
        if self._owns_pools:
            self._pools.close()

    async def aclose(self) -> None:
        """``close``, closing the running event loop's httpx client before it returns."""
        self._closed = True
        if self._owns_pools:
            await self._pools.aclose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def _open_pools(self) -> Pools:
        if self._closed or self._pools.closed:
            raise ClientClosedError(
                f"this {type(self).__name__} is closed (by close(), aclose() or the end of its "
                f"with block): make calls inside the block, or create a new {type(self).__name__}"
            )
        return self._pools

    # -- the send path (shared by every operation) ------------------------------
    def _build(
        self,
        http: httpx.Client | httpx.AsyncClient,
        headers: dict[str, str],
        op: Operation[Any],
        values: Mapping[str, Any],
        options: RequestOptions,
    ) -> tuple[httpx.Request, bool, RetryConfig, float | None]:
        path, query, extra, body = op.build(values)
        if extra:
            headers = {**headers, **extra}
        base, retries, timeout, seconds = (
            self._server_url,
            self._retry_config,
            self._timeout,
            self._attempt_seconds,
        )
        if options:  # per-call options, each checked
            server_url = options.get("server_url")
            if server_url is not None:
                base = _check_server_url(server_url, "server_url")
            if options.get("http_headers"):
                headers = {**headers, **_check_headers(options.get("http_headers"))}
            retries = _check_retries(options.get("retries")) or retries
            if options.get("max_retries") is not None:
                retries = _retry_policy(retries, options.get("max_retries")) or retries
            per_call = options.get("timeout_ms")
            if per_call is not None:
                timeout, seconds = _timeout(per_call), _attempt_seconds(per_call)
        request = http.build_request(
            op.method,
            base + path,
            params=query or None,
            json=body,
            headers=headers,
            timeout=httpx.USE_CLIENT_DEFAULT if timeout is None else timeout,
        )
        return request, op.is_idempotent(values, body), retries, seconds

    def _exchange(
        self, op: Operation[Any], values: Mapping[str, Any], options: RequestOptions
    ) -> Outcome:
        """Send one checked call (retries included); a 2xx outcome, or the error raised."""
        pools = self._open_pools()
        http = pools.sync_client()
        request, idempotent, retries, seconds = self._build(
            http, pools.sync_headers, op, values, options
        )
        seconds = seconds or pools.sync_seconds
        try:
            outcome = send_with_retries(
                lambda: send_once(http, request, seconds),
                request,
                retries,
                idempotent,
                self._timing,
            )
        except GaveUp as gave_up:
            raise _connection_error(gave_up, request, idempotent) from gave_up.error
        self._settle(op, outcome)
        return outcome

    async def _exchange_async(
        self, op: Operation[Any], values: Mapping[str, Any], options: RequestOptions
    ) -> Outcome:
        """The async twin of ``_exchange``."""
        pools = self._open_pools()
        http = pools.async_client()
        request, idempotent, retries, seconds = self._build(
            http, pools.async_headers, op, values, options
        )
        seconds = seconds or pools.async_seconds
        try:
            outcome = await send_with_retries_async(
                lambda: send_once_async(http, request, seconds),
                request,
                retries,
                idempotent,
                self._timing,
            )
        except GaveUp as gave_up:
            raise _connection_error(gave_up, request, idempotent) from gave_up.error
        self._settle(op, outcome)
        return outcome

    def _settle(self, op: Operation[Any], outcome: Outcome) -> None:
        """Log the outcome of a call; raise the error its status names, unless a 2xx."""
        response = outcome.response
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %d (attempts: %d, %.1f ms, request id: %s)",
                response.request.method,
                response.request.url,
                response.status_code,
                outcome.attempts,
                outcome.elapsed * 1000.0,
                request_id_of(response) or "-",
            )
        if 200 <= response.status_code < 300:
            return
        error = error_from_response(
            response,
            attempts=outcome.attempts,
            classes=self.status_errors,
            model=self.error_model(),
        )
        error.retry_after = outcome.retry_after
        if outcome.note:
            error.message += f" ({outcome.note})"
        if error.status_code == 404 and op.method == "DELETE" and outcome.attempts > 1:
            error.message += (
                " (the request was retried: an earlier attempt may have deleted it before its"
                " response was lost)"
            )
        raise error

    # -- what the generated operations call ---------------------------------------------
    def _call(
        self, op: Operation[Any], request: Any, kwargs: Mapping[str, Any], raw: bool = False
    ) -> Any:
        """One call of ``op`` (``request=`` and keywords): checked, sent (retries included)
        and answered with its result, a ``Page`` for a list; ``raw``: a ``RawResponse``."""
        values, options = op.prepare(request, kwargs)
        return self._answer(op, values, options, raw)

    def _answer(
        self, op: Operation[Any], values: dict[str, Any], options: RequestOptions, raw: bool
    ) -> Any:
        outcome = self._exchange(op, values, options)
        paging = op.pagination
        if paging is None:  # the usual call: parsed without a RawResponse
            return _raw_response(op, outcome) if raw else _parse(op, outcome)
        from ._pagination import Page

        def fetch(page_values: dict[str, Any]) -> Any:  # the next page, the same way
            return self._answer(op, page_values, options, False)

        answer = _raw_response(op, outcome).with_parser(
            lambda first: Page(first.parse(), values, paging, fetch)
        )
        return answer if raw else answer.parse()

    async def _call_async(
        self, op: Operation[Any], request: Any, kwargs: Mapping[str, Any], raw: bool = False
    ) -> Any:
        """The async twin of ``_call`` (a list answers an ``AsyncPage``)."""
        values, options = op.prepare(request, kwargs)
        return await self._answer_async(op, values, options, raw)

    async def _answer_async(
        self, op: Operation[Any], values: dict[str, Any], options: RequestOptions, raw: bool
    ) -> Any:
        outcome = await self._exchange_async(op, values, options)
        paging = op.pagination
        if paging is None:
            return _raw_response(op, outcome) if raw else _parse(op, outcome)
        from ._pagination import AsyncPage

        async def fetch(page_values: dict[str, Any]) -> Any:
            return await self._answer_async(op, page_values, options, False)

        answer = _raw_response(op, outcome).with_parser(
            lambda first: AsyncPage(first.parse(), values, paging, fetch)
        )
        return answer if raw else answer.parse()

    def _pager(self, op: Operation[Any], request: Any, kwargs: Mapping[str, Any]) -> Any:
        """An async list call: an ``AsyncPager`` (``await`` it, or ``async for``), checked now."""
        from ._pagination import AsyncPager

        values, options = op.prepare(request, kwargs)
        return AsyncPager(values, lambda first: self._answer_async(op, first, options, False))


def _connection_error(
    gave_up: GaveUp, request: httpx.Request, idempotent: bool
) -> APIConnectionError:
    error = gave_up.error
    phase = next((p for cls, p in _TIMEOUT_PHASES.items() if isinstance(error, cls)), None)
    cls: type[APIConnectionError] = APITimeoutError
    if isinstance(error, AttemptTimeout):
        message = f"{request.method} {request.url}: {error}"
    elif isinstance(error, httpx.TimeoutException):
        limit = request.extensions.get("timeout", {}).get(phase) if phase else None
        after = f" after {limit:g} s" if isinstance(limit, int | float) else ""
        message = f"{request.method} {request.url}: {phase or 'a'} timeout{after}"
    else:
        cls = APIConnectionError
        detail = str(error) or type(error).__name__
        proxy = proxy_for(request.url) if isinstance(error, httpx.TransportError) else None
        via = f" through the proxy {proxy}" if proxy else ""
        message = f"{request.method} {request.url} failed{via}: {detail}"
    if not idempotent and not isinstance(error, NOT_SENT):
        message += (
            " (the request may have reached the server and been applied: it was not"
            " retried, since a retry could apply it twice)"
        )
    logger.debug("%s (attempts: %d)", message, gave_up.attempts)
    return cls(message, attempts=gave_up.attempts)


def _raw_response(op: Operation[T], outcome: Outcome) -> RawResponse[T]:
    parse = lambda: _parse(op, outcome)  # noqa: E731
    return RawResponse(outcome.response, outcome.attempts, outcome.elapsed, parse)


def _parse(op: Operation[T], outcome: Outcome) -> T:
    """The result of a 2xx answer, or the ResponseValidationError that keeps its body."""
    response = outcome.response
    try:
        content = response.content
        return op.parse(json.loads(content) if content else None)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        # a model's error names the path to the bad value (``where``) and what is wrong
        where, reason = getattr(exc, "where", ""), getattr(exc, "reason", None)
        if not isinstance(reason, str):
            reason = f"{type(exc).__name__}: {exc}"
        reason = f"at {where}: {reason}" if where else reason
        raise validation_error(response, reason, attempts=outcome.attempts) from exc
