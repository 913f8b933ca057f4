"""The API's error statuses, one class each, from the ``components/responses`` of openapi.yaml.

Generated from openapi.yaml by ``make generate``; do not edit. Import them from
``dub_client.errors``.
"""

from collections.abc import Mapping
from typing import Any

import httpx

from .. import _exceptions
from .._exceptions import APIStatusError

__all__ = [
    "STATUS_ERRORS",
    "error_from_response",
    "read_error",
    "BadRequest",
    "Unauthorized",
    "Forbidden",
    "NotFound",
    "Conflict",
    "InviteExpired",
    "UnprocessableEntity",
    "RateLimitExceeded",
    "InternalServerError",
]


class BadRequest(APIStatusError):
    """400: The request is malformed (for example a bad Authorization header)."""


class Unauthorized(APIStatusError):
    """401: The API key is missing or unknown."""


class Forbidden(APIStatusError):
    """403: The plan or the role does not allow this (codes forbidden, exceeded_limit)."""


class NotFound(APIStatusError):
    """404: No such customer."""


class Conflict(APIStatusError):
    """409: A unique field is taken (codes conflict, invite_pending)."""


class InviteExpired(APIStatusError):
    """410: The invite has expired."""


class UnprocessableEntity(APIStatusError):
    """422: A value is invalid (bad email, unknown cursor, conflicting parameters)."""


class RateLimitExceeded(APIStatusError):
    """429: Too many requests for this key in the last minute."""


class InternalServerError(APIStatusError):
    """500: The server failed."""


#: The status -> class table; any other error status is an ``SDKError``.
STATUS_ERRORS: Mapping[int, type[APIStatusError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    410: InviteExpired,
    422: UnprocessableEntity,
    429: RateLimitExceeded,
    500: InternalServerError,
}


def read_error(data: Any) -> tuple[str | None, str | None, str | None]:
    """The code, message and documentation link of an error body (parsed JSON), where
    ``x-sdk-error`` of ``ErrorResponse`` in openapi.yaml says they are. Raises
    ``TypeError`` or ``ValueError`` (``AttributeError`` for a null on the way) when
    ``data`` is not such a body."""
    from .models.error_response import ErrorResponse

    body = ErrorResponse.from_dict(data)
    return (
        body.error.code,
        body.error.message,
        body.error.doc_url or None,
    )


def error_from_response(
    response: httpx.Response, *, attempts: int = 1
) -> APIStatusError:
    """The typed error for a non-2xx ``response`` (its class from ``STATUS_ERRORS``; any other
    status: ``SDKError``); the body is read with ``read_error``, defensively."""
    return _exceptions.error_from_response(
        response, attempts=attempts, classes=STATUS_ERRORS, read=read_error
    )
