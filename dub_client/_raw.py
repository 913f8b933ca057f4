"""``RawResponse``: the HTTP response of a call, for ``with_raw_response``."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Generic, TypeVar

import attrs
import httpx

from ._exceptions import request_id_of

T = TypeVar("T")
U = TypeVar("U")


@attrs.define(eq=False, repr=False)
class RawResponse(Generic[T]):
    """The HTTP response of one call made through ``dub.<resource>.with_raw_response``.

    ``status_code``, ``headers`` (Dub's ``X-RateLimit-*`` among them when it sends
    them), ``request_id``, ``attempts`` (requests sent, retries included),
    ``elapsed`` (from the first attempt to this answer) and ``http_response`` (the
    ``httpx.Response``); ``parse`` gives what the plain call returns. An error
    status raises at the call, as in the plain call; a 2xx body that does not match
    the spec raises ``ResponseValidationError`` from ``parse``.
    """

    http_response: httpx.Response
    #: requests sent, retries included
    attempts: int
    _elapsed: float
    _parse: Callable[[], T]
    _result: list[T] = attrs.field(init=False, factory=list)  # once parsed (None can be one)

    @property
    def elapsed(self) -> datetime.timedelta:
        """From the start of the first attempt to this answer."""
        return datetime.timedelta(seconds=self._elapsed)

    @property
    def status_code(self) -> int:
        """The HTTP status (2xx: error statuses raise instead)."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive)."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The platform's id of the request (``x-request-id``/``x-vercel-id``), if sent."""
        return request_id_of(self.http_response)

    def parse(self) -> T:
        """The result of the call (parsed once; later calls return the same object)."""
        if not self._result:
            self._result.append(self._parse())
        return self._result[0]

    def with_parser(self, parse: Callable[[RawResponse[T]], U]) -> RawResponse[U]:
        """The same response, whose ``parse`` gives ``parse(self)``."""
        return RawResponse(self.http_response, self.attempts, self._elapsed, lambda: parse(self))

    def __repr__(self) -> str:
        return f"<RawResponse {self.status_code} attempts={self.attempts}>"
