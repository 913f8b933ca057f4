"""``Dub``: the client core plus one resource per tag of ``openapi.yaml``.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._client import BaseClient
from .errors import STATUS_ERRORS, read_error

if TYPE_CHECKING:
    from .api.customers import Customers

__all__ = ["DEFAULT_SERVER_URL", "Dub"]

#: The spec's server: where requests go unless ``server_url`` (or ``$DUB_BASE_URL``) says.
DEFAULT_SERVER_URL = "https://api.dub.co"


class Dub(BaseClient):
    """A client for Dub's API (``dub.customers``).

    Args:
        token: The API key; default ``$DUB_API_KEY`` (none is a ``ConfigurationError``).
        server_url: Default ``$DUB_BASE_URL``, then the base URL of a given ``client``,
            then ``DEFAULT_SERVER_URL`` (the spec's server).
        timeout_ms: Milliseconds: each attempt (connect, send, headers, body) is over by
            then, and so is each phase. An ``httpx.Timeout`` sets each phase its own limit
            instead (attempts then end by 60 s). Default: 5 s to connect, 30 s for each
            read, write and pool wait, 60 s an attempt; with your own ``client`` /
            ``async_client``, its own timeouts and no attempt deadline.
        retry_config: The retry policy (``RetryConfig``); default: retries on.
        max_retries: At most this many retries on that policy (``0``: none).
        client: Your own ``httpx.Client`` (proxies, transports, limits), used as is and
            never closed by ``Dub``.
        async_client: Your own ``httpx.AsyncClient``, likewise.

    The httpx clients ``Dub`` builds itself are created on first use (one for sync
    calls, one per event loop for async calls: closed on that loop as it shuts down)
    and closed by ``close`` / ``aclose`` or the ``with`` / ``async with`` blocks, after
    which calls raise ``ClientClosedError``. ``with_options`` gives a client with
    other options that shares them. A misspelled or bad option is a
    ``ConfigurationError``.
    """

    default_server_url = DEFAULT_SERVER_URL
    status_errors = STATUS_ERRORS
    read_error = staticmethod(read_error)

    @cached_property
    def customers(self) -> Customers:
        """The customers operations (loaded on first use)."""
        from .api.customers import Customers

        return Customers(self)
