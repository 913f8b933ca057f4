"""Retry policy: pure decisions, plus the two thin loops (sync and async) that act on them.

Everything that decides *whether* and *how long* lives in ``decide``,
``backoff_delay`` and ``parse_retry_after``; they take the clock and
the random draw as arguments, so they are tested without sockets or sleeps.
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import time
from collections.abc import Awaitable, Callable, Generator, Mapping
from typing import Any, Literal, Self

import attrs
import httpx

from ._attempt import AttemptTimeout
from ._exceptions import APIConnectionError, APITimeoutError
from ._pools import proxy_for

logger = logging.getLogger("dub_client")

#: Statuses worth another try for an idempotent request.
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})

# Errors raised before a single byte of the request could reach the server:
# retrying them cannot duplicate a write.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Errors after which the server may or may not have acted on the request.
_MAYBE_SENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_PHASES = (httpx.ConnectTimeout, httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout)

# Numbers in Retry-After at or above these are absolute times, not delays:
# 1e11 ms is 1973, 1e8 s is three years of waiting (over any sane cap anyway).
_EPOCH_MS_FLOOR = 1e11
_EPOCH_S_FLOOR = 1e8


class _Replace:
    __slots__ = ()

    def replace(self, **changes: Any) -> Self:
        """A copy with the fields in ``changes`` replaced, checked as a new one is."""
        this: Any = self  # an attrs class: each subclass is one
        unknown = sorted(set(changes) - set(attrs.fields_dict(type(this))))
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field(s) {unknown}")
        copy: Self = attrs.evolve(this, **changes)
        return copy


@attrs.frozen
class BackoffStrategy(_Replace):
    """Exponential backoff, all times in milliseconds (the official SDK's shape).

    The n-th retry waits ``initial_interval * exponent ** (n - 1)`` capped at
    ``max_interval``, with "equal jitter" (a random value between half and all
    of it). ``max_elapsed_time`` bounds when retries may start: no backoff wait
    may end past it, and no retry starts after it; a server's ``Retry-After``
    (within ``RetryConfig.max_retry_after``) is honoured even if it ends later.
    It does not cut short a request already in flight (that is the timeout's job).
    """

    initial_interval: int = 500
    max_interval: int = 8_000
    exponent: float = 2.0
    max_elapsed_time: int = 60_000

    def __attrs_post_init__(self) -> None:
        if self.initial_interval < 0 or self.max_interval < 0 or self.max_elapsed_time < 0:
            raise ValueError("BackoffStrategy intervals must be >= 0 (milliseconds)")
        if not math.isfinite(self.exponent) or self.exponent < 1:
            raise ValueError("BackoffStrategy.exponent must be a finite number >= 1")


def _backoff(value: BackoffStrategy | None) -> BackoffStrategy:
    if value is None:
        return BackoffStrategy()
    if not isinstance(value, BackoffStrategy):
        raise TypeError("RetryConfig.backoff must be a BackoffStrategy")
    return value


@attrs.frozen
class RetryConfig(_Replace):
    """How a call is retried.

    ``RetryConfig("backoff", BackoffStrategy(...), retry_connection_errors)``
    mirrors the official SDK; ``RetryConfig("none")`` switches retries off.
    ``max_attempts`` bounds the number of requests (first one included) and
    ``max_retry_after`` (ms) is the longest server-requested wait that is
    honoured: a longer ``Retry-After`` raises ``RateLimitExceeded``
    at once instead of sleeping.
    """

    strategy: Literal["backoff", "none"] = "backoff"
    backoff: BackoffStrategy = attrs.field(default=None, converter=_backoff)
    retry_connection_errors: bool = True
    max_attempts: int = 5
    max_retry_after: int = 60_000

    def __attrs_post_init__(self) -> None:
        if self.strategy not in ("backoff", "none"):
            raise ValueError(
                f"RetryConfig.strategy must be 'backoff' or 'none', not {self.strategy!r}"
            )
        if self.max_attempts < 1:
            raise ValueError("RetryConfig.max_attempts must be >= 1")
        if self.max_retry_after < 0:
            raise ValueError("RetryConfig.max_retry_after must be >= 0 (milliseconds)")


DEFAULT_RETRY_CONFIG = RetryConfig()


@attrs.frozen
class Decision:
    """What to do after one attempt: retry after ``delay`` seconds, or stop.

    ``retry_after`` is the server's requested wait (seconds) when it sent one. ``reason``
    says why not; ``tell``: the error raised says it too (a wait past the cap).
    """

    retry: bool
    delay: float = 0.0
    retry_after: float | None = None
    reason: str = ""
    tell: bool = False


def _number_to_delay(value: float, now: float, *, unit_ms: bool) -> float | None:
    if not math.isfinite(value) or value < 0:
        return None
    if value >= _EPOCH_MS_FLOOR:  # an absolute time in epoch milliseconds (what Dub sends)
        delay = value / 1000.0 - now
    elif value >= _EPOCH_S_FLOOR and not unit_ms:  # an absolute time in epoch seconds
        delay = value - now
    else:
        delay = value / 1000.0 if unit_ms else value
    return delay if delay >= 0 else None


def _is_plain_number(text: str) -> bool:
    """ASCII digits with at most one dot: what a Retry-After number can look like."""
    digits = text.replace(".", "", 1)
    return 0 < len(text) <= 64 and digits.isascii() and digits.isdigit()


def parse_retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds to wait as asked by ``retry-after-ms`` or ``Retry-After``; ``None`` if unusable.

    Accepts a delay in seconds (int or float), an HTTP-date, and an absolute
    epoch timestamp in seconds or milliseconds. Negative, past, non-finite and
    garbage values give ``None`` (the caller falls back to backoff). ``now`` is
    wall-clock epoch seconds.
    """
    raw_ms = headers.get("retry-after-ms", "").strip()
    if _is_plain_number(raw_ms):
        delay = _number_to_delay(float(raw_ms), now, unit_ms=True)
        if delay is not None:
            return delay
    raw = headers.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    if len(raw) > 64:
        return None
    if _is_plain_number(raw):
        return _number_to_delay(float(raw), now, unit_ms=False)
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    delay = when.timestamp() - now  # naive (-0000) dates are read as UTC by email.utils
    return delay if math.isfinite(delay) and delay >= 0 else None


def backoff_delay(strategy: BackoffStrategy, retry_number: int, jitter: float) -> float:
    """Seconds before retry number ``retry_number`` (1-based); ``jitter`` in [0, 1)."""
    cap = strategy.max_interval
    try:
        base = min(cap, strategy.initial_interval * strategy.exponent ** (retry_number - 1))
    except OverflowError:
        base = cap
    return base * (0.5 + 0.5 * jitter) / 1000.0


def decide(
    config: RetryConfig,
    attempt: int,
    elapsed: float,
    idempotent: bool,
    now: float,
    jitter: float,
    status: int | None = None,
    headers: Mapping[str, str] | None = None,
    error: BaseException | None = None,
) -> Decision:
    """Whether attempt number ``attempt`` (1-based) that just ended should be retried.

    Give either ``status``/``headers`` (a response arrived) or ``error`` (it did
    not). ``elapsed`` is seconds since the first attempt started; ``now`` is
    wall-clock epoch seconds (for absolute Retry-After values).
    """
    retry_after = None
    if status is not None and headers is not None and status in RETRYABLE_STATUSES:
        retry_after = parse_retry_after(headers, now)
    if config.strategy == "none":
        return Decision(False, retry_after=retry_after, reason="retries are off")
    if error is not None:
        if not config.retry_connection_errors:
            return Decision(False, reason="connection errors are not retried")
        if not isinstance(error, NOT_SENT) and not (idempotent and isinstance(error, _MAYBE_SENT)):
            return Decision(False, reason="the request may have reached the server")
    elif status not in RETRYABLE_STATUSES:
        return Decision(False, reason=f"status {status} is not retryable")
    elif not idempotent and status != 429:
        return Decision(False, reason=f"a non-idempotent request is not retried after {status}")
    if attempt >= config.max_attempts:
        return Decision(False, retry_after=retry_after, reason="no attempts left")
    budget = config.backoff.max_elapsed_time / 1000.0
    if elapsed >= budget:
        return Decision(False, retry_after=retry_after, reason="the time budget is spent")
    if retry_after is not None:
        # the server's own wait is honoured up to the cap, even past the backoff budget
        if retry_after * 1000.0 > config.max_retry_after:
            reason = (
                f"not retried: the server asked to wait {retry_after:.6g} s, past the cap of "
                f"{config.max_retry_after / 1000.0:g} s set by RetryConfig.max_retry_after"
            )
            return Decision(False, retry_after=retry_after, reason=reason, tell=True)
        return Decision(True, delay=retry_after, retry_after=retry_after)
    delay = backoff_delay(config.backoff, attempt, jitter)
    if elapsed + delay > budget:
        return Decision(False, reason="the time budget is spent")
    return Decision(True, delay=delay)


async def _asyncio_sleep(seconds: float) -> None:
    # asyncio is imported here, not at module level: a sync-only program never pays for it
    import asyncio

    await asyncio.sleep(seconds)


@attrs.define
class Timing:
    """The clocks, sleeps and randomness the loops use (replaced in tests)."""

    monotonic: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    random: Callable[[], float] = random.random
    sleep: Callable[[float], None] = time.sleep
    async_sleep: Callable[[float], Awaitable[None]] = _asyncio_sleep


@attrs.frozen
class Outcome:
    """The last response of a retry loop, how many attempts it took and how long (seconds);
    ``note``: why it was not retried, when the error raised should say so."""

    response: httpx.Response
    attempts: int
    retry_after: float | None
    elapsed: float
    note: str = ""


#: what ``retry_steps`` gives: the waits before each attempt; ``Outcome`` at the end
Steps = Generator[float, httpx.Response | httpx.HTTPError, Outcome]


def retry_steps(
    request: httpx.Request, config: RetryConfig, idempotent: bool, timing: Timing
) -> Steps:
    """The one retry loop, without I/O: sent the result of each attempt (the response
    or the httpx error), it yields the wait before the next attempt, and returns the
    ``Outcome``, or raises the ``APIConnectionError`` of the last attempt's error.
    ``send_with_retries`` and its async twin drive it.
    """
    started = timing.monotonic()
    attempt = 0
    result = yield 0.0  # the first attempt starts now
    while True:
        attempt += 1
        response = result if isinstance(result, httpx.Response) else None
        error = result if isinstance(result, httpx.HTTPError) else None
        if response is not None and 200 <= response.status_code < 300:  # the usual case
            return Outcome(response, attempt, None, timing.monotonic() - started)
        status = response.status_code if response is not None else None
        headers = response.headers if response is not None else None
        elapsed, now, jitter = timing.monotonic() - started, timing.wall(), timing.random()
        decision = decide(config, attempt, elapsed, idempotent, now, jitter, status, headers, error)
        if not decision.retry:
            if response is None:
                assert error is not None
                raise connection_error(error, request, idempotent, attempt) from error
            note = decision.reason if decision.tell else ""
            elapsed = timing.monotonic() - started
            return Outcome(response, attempt, decision.retry_after, elapsed, note)
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                "%s %s: %s on attempt %d, retrying in %.2fs",
                request.method,
                request.url,
                status if status is not None else type(result).__name__,
                attempt,
                decision.delay,
            )
        if response is not None:
            response.close()  # read in full already: frees nothing but its state
        result = yield decision.delay


def send_with_retries(
    send: Callable[[], httpx.Response], steps: Steps, sleep: Callable[[float], None]
) -> Outcome:
    """Call ``send`` until ``steps`` (from ``retry_steps``) says stop."""
    next(steps)  # primed: started
    while True:
        result: httpx.Response | httpx.HTTPError
        try:
            result = send()
        except httpx.HTTPError as exc:
            result = exc
        try:  # only the steps' own end: a StopIteration from send or sleep is the caller's
            delay = steps.send(result)
        except StopIteration as done:
            outcome: Outcome = done.value
            return outcome
        sleep(delay)


async def send_with_retries_async(
    send: Callable[[], Awaitable[httpx.Response]],
    steps: Steps,
    sleep: Callable[[float], Awaitable[None]],
) -> Outcome:
    """The async twin of ``send_with_retries``."""
    next(steps)  # primed: started
    while True:
        result: httpx.Response | httpx.HTTPError
        try:
            result = await send()
        except httpx.HTTPError as exc:
            result = exc
        try:  # only the steps' own end: a StopIteration from send or sleep is the caller's
            delay = steps.send(result)
        except StopIteration as done:
            outcome: Outcome = done.value
            return outcome
        await sleep(delay)


def connection_error(
    error: httpx.HTTPError, request: httpx.Request, idempotent: bool, attempts: int
) -> APIConnectionError:
    """The ``APIConnectionError`` (``APITimeoutError``) of a last attempt that raised ``error``:
    which phase timed out and after how long, through which proxy, and whether a write
    may have been applied."""
    phase = next((c.__name__[:-7].lower() for c in _PHASES if isinstance(error, c)), None)
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
    logger.debug("%s (attempts: %d)", message, attempts)
    return cls(message, attempts=attempts)
