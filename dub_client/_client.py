"""The client core: configuration, the httpx clients, and the one send path.

``BaseClient`` knows no operation: the generated ``Dub`` subclass adds one
resource per tag of the spec (``dub.customers``), whose generated methods call
``_call`` (``_call_async``, ``_pager``) with the operation's ``Operation``.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Never, Self, TypeVar

import attrs
import httpx

from ._attempt import send_once, send_once_async
from ._exceptions import (
    ClientClosedError,
    ConfigurationError,
    did_you_mean,
    error_from_response,
    request_id_of,
    validation_error,
    warn_user,
)
from ._pools import DEFAULT_ATTEMPT_SECONDS, Pools, check_environment
from ._raw import RawResponse
from ._retries import (
    DEFAULT_RETRY_CONFIG,
    Outcome,
    RetryConfig,
    Steps,
    Timing,
    retry_steps,
    send_with_retries,
    send_with_retries_async,
)
from ._version import __version__

if TYPE_CHECKING:  # at run time the generated operations bring these modules in
    from ._exceptions import APIStatusError
    from ._operation import Operation, RequestOptions

logger = logging.getLogger("dub_client")

#: 5 s to connect, 30 s for each read/write/pool wait. Finite, always.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
_PYTHON = ".".join(map(str, sys.version_info[:3]))  # not platform: its import costs 1 ms
USER_AGENT = f"dub-client/{__version__} (python {_PYTHON}; httpx {httpx.__version__})"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING")
_WITH_OPTIONS = ("server_url", "timeout_ms", "retry_config", "max_retries")
_INIT_OPTIONS = ("token", *_WITH_OPTIONS, "client", "async_client")
_MAX_TIMEOUT_MS = 24 * 3600 * 1000

T = TypeVar("T")


def _check_server_url(url: Any, source: str) -> str:
    if not isinstance(url, str):
        raise ConfigurationError(f"{source} must be a str, not {type(url).__name__}")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"{source}={url!r} is not a valid URL: {exc}") from None
    if parsed.userinfo or parsed.query or parsed.fragment:  # not echoed: it may hold secrets
        raise ConfigurationError(
            f"{source} must not carry credentials, a query or a fragment (the API key is sent "
            "as a header)"
        )
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(
            f"{source}={url!r} must be an http(s) URL with a host, such as 'https://api.dub.co'"
        )
    return url.rstrip("/")


@attrs.frozen
class _Settings:
    """Where a client's calls go, how long an attempt may take, how they are retried."""

    server_url: str
    #: each phase's limit (``None``: the httpx client's own)
    timeout: httpx.Timeout | None = None
    #: the deadline of one attempt in seconds (``None``: the pools' default)
    seconds: float | None = None
    retries: RetryConfig = DEFAULT_RETRY_CONFIG

    def change(
        self,
        server_url: Any = None,
        timeout_ms: Any = None,
        retries: Any = None,
        max_retries: Any = None,
        retries_name: str = "retries",
    ) -> _Settings:
        """These settings with each option given (not ``None``) checked and applied.

        ``timeout_ms`` as a number bounds each phase and the whole attempt; as an
        httpx.Timeout each phase keeps its limit and an attempt ends by
        ``DEFAULT_ATTEMPT_SECONDS``. ``max_retries`` sets the attempts of ``retries``
        (or of these settings' policy) to ``max_retries + 1``.
        """
        url, timeout, seconds = self.server_url, self.timeout, self.seconds
        if server_url is not None:
            url = _check_server_url(server_url, "server_url")
        if isinstance(timeout_ms, httpx.Timeout):
            timeout, seconds = timeout_ms, DEFAULT_ATTEMPT_SECONDS
        elif timeout_ms is not None:
            if (
                isinstance(timeout_ms, bool)
                or not isinstance(timeout_ms, int | float)
                or not 0 < timeout_ms <= _MAX_TIMEOUT_MS  # NaN and inf fail this too
            ):
                raise ValueError(
                    f"timeout_ms must be a number of milliseconds in (0, {_MAX_TIMEOUT_MS}] or "
                    f"an httpx.Timeout, not {timeout_ms!r}"
                )
            timeout, seconds = httpx.Timeout(timeout_ms / 1000.0), timeout_ms / 1000.0
        if retries is not None and not isinstance(retries, RetryConfig):
            raise TypeError(
                f"{retries_name} must be a dub_client.RetryConfig (e.g. RetryConfig('none')), "
                f"not {type(retries).__module__}.{type(retries).__name__}"
            )
        retries = retries or self.retries
        if max_retries is not None:
            if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
                raise ValueError(f"max_retries must be an int >= 0, not {max_retries!r}")
            retries = retries.replace(max_attempts=max_retries + 1)
        return _Settings(url, timeout, seconds, retries)


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


def _auth_headers(token: Any) -> dict[str, str]:
    """The headers every request carries; ``token`` (default ``$DUB_API_KEY``) checked."""
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
    return {
        "Authorization": f"Bearer {token}",
        "User-Agent": USER_AGENT,
        "Accept": "application/json",
    }


def _refuse_unknown(call: str, unknown: Mapping[str, Any], known: tuple[str, ...]) -> None:
    """A ConfigurationError for the first keyword ``call`` does not take (its value shown
    unless a str: a misnamed API key must not reach a log)."""
    for name, value in unknown.items():
        shown = name if isinstance(value, str) else f"{name}={value!r}"
        also = did_you_mean(name, known)
        raise ConfigurationError(
            f"{call}: unknown option {shown}{also}; expected one of {list(known)}"
        )


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
    def read_error(data: Any) -> tuple[str | None, str | None, str | None]:
        """The code, message and doc_url of a parsed error body (``Dub`` sets the spec's
        reader); here: none found."""
        return None, None, None

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
        try:  # each error named for the class the user called
            headers = _auth_headers(token)
            for name, given, cls in (
                ("client", client, httpx.Client),
                ("async_client", async_client, httpx.AsyncClient),
            ):
                if given is not None and not isinstance(given, cls):
                    raise TypeError(
                        f"{name} must be an httpx.{cls.__name__}, not {type(given).__name__}"
                    )
            base = _Settings(self._base_url(server_url, client, async_client))
            self._settings = base.change(
                None, timeout_ms, retry_config, max_retries, "retry_config"
            )
            if client is None or async_client is None:
                check_environment()
            timeout = self._settings.timeout or DEFAULT_TIMEOUT
            self._pools = Pools(headers, timeout, client, async_client)
        except (TypeError, ValueError) as exc:
            raise ConfigurationError(f"{call}: {exc}") from None
        self._owns_pools, self._closed, self._timing = True, False, Timing()
        _configure_logging_from_env()

    def _base_url(self, server_url: Any, *clients: httpx.Client | httpx.AsyncClient | None) -> str:
        """``server_url``, else ``$DUB_BASE_URL``, else the given clients' base URL, else
        the spec's server; checked."""
        if server_url is not None:
            return _check_server_url(server_url, "server_url")
        if os.environ.get("DUB_BASE_URL"):
            return _check_server_url(os.environ["DUB_BASE_URL"], "DUB_BASE_URL")
        urls = {str(c.base_url).rstrip("/") for c in clients if c is not None and str(c.base_url)}
        if len(urls) > 1:
            raise ValueError("client.base_url and async_client.base_url differ; pass server_url=")
        if urls:
            return _check_server_url(urls.pop(), "the base_url of the given client")
        return _check_server_url(
            self.default_server_url, "the spec's server (servers[0].url in openapi.yaml)"
        )

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
        try:
            derived._settings = self._settings.change(
                server_url, timeout_ms, retry_config, max_retries, "retry_config"
            )
        except (TypeError, ValueError) as exc:
            raise ConfigurationError(f"{call}: {exc}") from None
        derived._pools, derived._timing, derived._closed = self._pools, self._timing, self._closed
        derived._owns_pools = False
        return derived

    # -- configuration views -------------------------------------------------
    @property
    def server_url(self) -> str:
        """The base URL requests go to."""
        return self._settings.server_url

    @property
    def retry_config(self) -> RetryConfig:
        """The client-wide retry policy (a call's ``retries=`` overrides it)."""
        return self._settings.retries

    def __repr__(self) -> str:
        closed = ", closed" if self._closed or self._pools.closed else ""
        return f"Dub(server_url={self.server_url!r}, token=<redacted>{closed})"

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
    def _call(
        self, op: Operation[Any], request: Any, kwargs: Mapping[str, Any], raw: bool = False
    ) -> Any:
        """One call of ``op`` (``request=`` and keywords): checked, sent (retries included)
        and answered with its result, a ``Page`` for a list; ``raw``: a ``RawResponse``."""
        values, options = op.prepare(request, kwargs)
        return self._answer(op, values, options, raw)

    async def _call_async(
        self, op: Operation[Any], request: Any, kwargs: Mapping[str, Any], raw: bool = False
    ) -> Any:
        """The async twin of ``_call`` (a list answers an ``AsyncPage``)."""
        values, options = op.prepare(request, kwargs)
        return await self._answer_async(op, values, options, raw)

    def _pager(self, op: Operation[Any], request: Any, kwargs: Mapping[str, Any]) -> Any:
        """An async list call: an ``AsyncPager`` (``await`` it, or ``async for``), checked now."""
        values, options = op.prepare(request, kwargs)
        from ._pagination import AsyncPager

        return AsyncPager(values, lambda first: self._answer_async(op, first, options))

    def _answer(
        self, op: Operation[Any], values: dict[str, Any], options: RequestOptions, raw: bool = False
    ) -> Any:
        pools = self._open_pools()
        http = pools.sync_client()
        request, steps, seconds = self._build(
            http, pools.sync_headers, pools.sync_seconds, op, values, options
        )
        outcome = send_with_retries(
            lambda: send_once(http, request, seconds), steps, self._timing.sleep
        )
        return self._result(op, outcome, raw, values, lambda more: self._answer(op, more, options))

    async def _answer_async(
        self, op: Operation[Any], values: dict[str, Any], options: RequestOptions, raw: bool = False
    ) -> Any:
        pools = self._open_pools()
        http = pools.async_client()
        request, steps, seconds = self._build(
            http, pools.async_headers, pools.async_seconds, op, values, options
        )
        outcome = await send_with_retries_async(
            lambda: send_once_async(http, request, seconds), steps, self._timing.async_sleep
        )
        fetch = lambda more: self._answer_async(op, more, options)  # noqa: E731
        return self._result(op, outcome, raw, values, fetch, asynchronous=True)

    def _build(
        self,
        http: httpx.Client | httpx.AsyncClient,
        headers: dict[str, str],
        seconds: float,
        op: Operation[Any],
        values: Mapping[str, Any],
        options: RequestOptions,
    ) -> tuple[httpx.Request, Steps, float]:
        """The request of one checked call, the steps of its retries and the deadline of
        an attempt (``seconds``: the pools' default)."""
        path, query, extra, body = op.build(values)
        settings = self._settings
        if options:  # per-call options, each checked
            settings = settings.change(
                options.get("server_url"),
                options.get("timeout_ms"),
                options.get("retries"),
                options.get("max_retries"),
            )
            if options.get("http_headers"):
                extra = {**extra, **_check_headers(options.get("http_headers"))}
        request = http.build_request(
            op.method,
            settings.server_url + path,
            params=query or None,
            json=body,
            headers={**headers, **extra} if extra else headers,
            timeout=httpx.USE_CLIENT_DEFAULT if settings.timeout is None else settings.timeout,
        )
        idempotent = op.is_idempotent(values, body)
        steps = retry_steps(request, settings.retries, idempotent, self._timing)
        return request, steps, settings.seconds or seconds

    def _result(
        self,
        op: Operation[Any],
        outcome: Outcome,
        raw: bool,
        values: dict[str, Any],
        fetch: Callable[[dict[str, Any]], Any],
        asynchronous: bool = False,
    ) -> Any:
        """Log the outcome of a call; raise the error its status names, unless a 2xx; else
        the parsed answer (for a list, its ``Page`` or ``AsyncPage``, which gets the next
        page's ``values`` with ``fetch``), or its ``RawResponse`` if ``raw``."""
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
        if not 200 <= response.status_code < 300:
            raise self._error(op, outcome)
        if op.pagination is None and not raw:  # the usual call: parsed without a RawResponse
            return _parse(op, outcome)
        answer = RawResponse(
            response, outcome.attempts, outcome.elapsed, lambda: _parse(op, outcome)
        )
        if op.pagination is not None:
            from ._pagination import AsyncPage, Page

            cls = AsyncPage if asynchronous else Page
            paging = op.pagination
            answer = answer.with_parser(lambda first: cls(first.parse(), values, paging, fetch))
        return answer if raw else answer.parse()

    def _error(self, op: Operation[Any], outcome: Outcome) -> APIStatusError:
        """The typed error of a non-2xx outcome, saying why it was not retried when that
        matters to the caller."""
        error = error_from_response(
            outcome.response,
            attempts=outcome.attempts,
            classes=self.status_errors,
            read=self.read_error,
        )
        error.retry_after = outcome.retry_after
        if outcome.note:
            error.message += f" ({outcome.note})"
        if error.status_code == 404 and op.method == "DELETE" and outcome.attempts > 1:
            error.message += (
                " (the request was retried: an earlier attempt may have deleted it before its"
                " response was lost)"
            )
        return error


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
