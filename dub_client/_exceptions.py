"""The error classes that do not depend on the spec; ``errors`` adds the
ones generated from ``openapi.yaml`` (one per ``components/responses`` error).

``error_from_response`` is given the status → class table (the generated
``STATUS_ERRORS``, which the generated ``Dub`` hands the client) and the reader of
the error body (``read_error``); any other 4xx/5xx (405, 418, 502, 520 …) becomes
``SDKError``. Error bodies are read defensively: an HTML page, an empty body, an
unknown ``code`` or a JSON body of the wrong shape never masks the status — the raw
text is kept in ``body``.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "ClientClosedError",
    "ConfigurationError",
    "DubError",
    "ResponseValidationError",
    "SDKError",
]

_EXCERPT = 200
#: finds (code, message, doc_url) in a parsed error body; raises if it is not one
ErrorReader = Callable[[Any], tuple[str | None, str | None, str | None]]


class DubError(Exception):
    """Base class of every error dub-client raises on purpose.

    ``status_code``, ``body``, ``headers`` and ``raw_response`` are set when an
    HTTP response was received (``None``/empty otherwise); ``attempts`` is how
    many requests were sent before giving up.
    """

    status_code: int | None = None
    body: str = ""
    headers: httpx.Headers
    raw_response: httpx.Response | None = None

    def __init__(self, message: str, *, attempts: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.attempts = attempts
        self.headers = httpx.Headers()

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled by state, not by constructor arguments: the error crosses process
        # pools (multiprocessing, ProcessPoolExecutor) with its class and every field
        return (_rebuild, (type(self), self.__dict__))

    def __str__(self) -> str:
        suffix = f" (after {self.attempts} attempts)" if self.attempts > 1 else ""
        return f"{self.message}{suffix}"


class ConfigurationError(DubError, ValueError):
    """The client was configured wrongly (no API key, a bad server URL…)."""


class ClientClosedError(DubError, RuntimeError):
    """A call on a ``Dub`` after its ``close()``, ``aclose()`` or ``with`` block."""


class APIStatusError(DubError):
    """The API answered with an error status (4xx/5xx, or an unexpected 1xx/3xx).

    Attributes: ``status_code``, ``code`` (the API's machine-readable code, an
    open set, ``None`` when the body had none), ``message``, ``doc_url``,
    ``headers``, ``body`` (raw text), ``raw_response``, ``request_id`` (when
    the platform sent one) and ``retry_after``: the wait the server asked for, in
    seconds, as read from ``Retry-After``/``retry-after-ms`` on a retryable status
    (``None`` when absent or unreadable). When it is longer than the retry
    policy's cap the SDK raises at once rather than sleep.
    """

    status_code: int
    request_id: str | None
    retry_after: float | None = None
    raw_response: httpx.Response

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: str,
        code: str | None = None,
        doc_url: str | None = None,
        attempts: int = 1,
    ) -> None:
        super().__init__(message, attempts=attempts)
        self.status_code = response.status_code
        self.code = code
        self.doc_url = doc_url
        self.body = body
        self.headers = response.headers
        self.raw_response = response
        self.request_id = request_id_of(response)

    def __str__(self) -> str:
        head = f"{self.status_code} {self.code}" if self.code else f"{self.status_code}"
        text = f"{head}: {self.message}"
        if self.request_id:
            text += f" [request {self.request_id}]"
        if self.attempts > 1:
            text += f" (after {self.attempts} attempts)"
        return text

    def __repr__(self) -> str:
        name = type(self).__name__
        fields = f"status_code={self.status_code}, code={self.code!r}"
        return f"{name}({fields}, message={self.message!r})"


class SDKError(APIStatusError):
    """Any other error status (405, 418, 502, 503, 520 …), whatever the body."""


class ResponseValidationError(APIStatusError):
    """A 2xx response whose body does not match the spec (``body`` keeps it)."""


class APIConnectionError(DubError):
    """No usable response: the connection failed or dropped. ``__cause__`` is the httpx error."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool). ``__cause__`` is the httpx error."""


def warn_user(message: str, category: type[Warning]) -> None:
    """A warning that points at the first frame outside dub_client: the user's call."""
    frame, level = sys._getframe(1), 2
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith(
        "dub_client."
    ):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, category, stacklevel=level)


def did_you_mean(name: str, known: tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` for the known name closest to ``name``, else ``""``."""
    import difflib  # only on the error path

    hint = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean {hint[0]!r}?)" if hint else ""


def _rebuild(cls: type[DubError], state: dict[str, Any]) -> DubError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


def request_id_of(response: httpx.Response) -> str | None:
    """The platform's id of the request, when it sent one."""
    found: str | None = response.headers.get("x-request-id") or response.headers.get("x-vercel-id")
    return found


def _read_error_body(text: str, read: ErrorReader) -> tuple[str | None, str | None, str | None]:
    """(code, message, doc_url) of an error body, as ``read`` (the spec's) finds them;
    ``{"error": "text"}``, which platforms in front of an API send, gives its text as the
    message; Nones for any other shape."""
    if not text or text.lstrip()[:1] not in ("{", "["):
        return None, None, None
    try:
        data: Any = json.loads(text)
        if isinstance(data, dict) and isinstance(data.get("error"), str):
            return None, data["error"], None
        return read(data)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None, None, None


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"


def error_from_response(
    response: httpx.Response,
    *,
    attempts: int = 1,
    classes: Mapping[int, type[APIStatusError]],
    read: ErrorReader,
) -> APIStatusError:
    """The typed error for a non-2xx response. Never raises, whatever the body.

    ``classes`` maps a status to its class (any other status gives ``SDKError``);
    ``read`` finds the code, message and doc_url in the parsed body (the generated
    ``errors.read_error``), raising when the body is not the spec's.
    """
    try:
        body = response.text
    except Exception:  # undecodable bytes: keep what we can
        body = response.content.decode("utf-8", "replace")
    code, message, doc_url = _read_error_body(body, read)
    if message is None:
        message = _excerpt(body) if body.strip() else (response.reason_phrase or "error")
    cls = classes.get(response.status_code, SDKError)
    return cls(message, response=response, body=body, code=code, doc_url=doc_url, attempts=attempts)


def validation_error(
    response: httpx.Response, reason: str, *, attempts: int = 1, raw: bytes | None = None
) -> ResponseValidationError:
    """A ``ResponseValidationError`` for a body that did not parse (or decode: then
    ``raw`` is the body as it came)."""
    body = (response.content if raw is None else raw).decode("utf-8", "replace")
    return ResponseValidationError(
        f"the response body does not match the spec: {reason}",
        response=response,
        body=body,
        attempts=attempts,
    )
