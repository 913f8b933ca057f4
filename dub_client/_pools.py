"""The httpx clients a ``Dub`` sends through, and the environment they read.

``Pools`` holds one ``httpx.Client`` for sync calls and one ``httpx.AsyncClient``
per event loop; a child of ``os.fork()`` drops the clients it inherited. What httpx
reads from the environment (CA bundle, proxies) is checked when ``Dub`` is made, so
that a mistake is a ``ConfigurationError`` naming the variable.
"""

from __future__ import annotations

import contextlib
import math
import os
import threading
import weakref
from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any

import httpx

from ._exceptions import ConfigurationError

if TYPE_CHECKING:
    import asyncio

_CA_VARIABLES = ("SSL_CERT_FILE", "SSL_CERT_DIR")
_PROXY_VARIABLES = tuple(
    name
    for scheme in ("HTTPS", "HTTP", "ALL")
    for name in (f"{scheme}_PROXY", f"{scheme.lower()}_proxy")
)


def check_environment() -> None:
    """What httpx reads from the environment for the clients we build, checked now:
    a wrong CA bundle path or a malformed proxy URL is a ConfigurationError naming
    the variable, not a bare FileNotFoundError or InvalidURL at the first call."""
    for name in _CA_VARIABLES:
        path = os.environ.get(name)
        if path and not os.path.exists(path):
            raise ConfigurationError(
                f"{name}={path!r} does not exist: point it at a CA bundle or unset it"
            )
    for name in _PROXY_VARIABLES:
        value = os.environ.get(name)
        if not value:
            continue
        try:
            url = httpx.URL(value if "://" in value else f"http://{value}")
        except httpx.InvalidURL as exc:
            raise ConfigurationError(f"{name} is not a valid proxy URL: {exc}") from None
        if url.scheme not in ("http", "https", "socks5", "socks5h") or not url.host:
            raise ConfigurationError(
                f"{name} is not a usable proxy URL (http, https or socks5 with a host): "
                f"{_without_credentials(url)}"
            )


def _without_credentials(url: httpx.URL) -> str:
    return str(url.copy_with(username=None, password=None)) if url.userinfo else str(url)


def proxy_for(url: httpx.URL) -> str | None:
    """The proxy the environment names for ``url`` (credentials removed), if any."""
    import urllib.request

    if urllib.request.proxy_bypass(url.host):
        return None
    proxies = urllib.request.getproxies()
    found = proxies.get(url.scheme) or proxies.get("all")
    if not found:
        return None
    try:
        return _without_credentials(httpx.URL(found if "://" in found else f"http://{found}"))
    except httpx.InvalidURL:
        return None


#: How long one attempt may take through a client ``Dub`` built (see ``_client``).
DEFAULT_ATTEMPT_SECONDS = 60.0


class _NoCookies(httpx.Cookies):
    """The cookie jar of the clients ``Dub`` builds: it keeps none. The API key alone
    authenticates, so no state may ride along from one answer to the next request;
    and httpx's cookie bookkeeping is 6-9 us a response. (A client you pass in keeps
    its own jar.)"""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


class _Jarless:
    """The clients ``Dub`` builds answer ``cookies`` with an empty ``_NoCookies`` jar."""

    @property
    def cookies(self) -> httpx.Cookies:
        return _NoCookies()

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        return None


class _Client(_Jarless, httpx.Client):
    pass


class _AsyncClient(_Jarless, httpx.AsyncClient):
    pass


class Pools:
    """The httpx clients that one ``BaseClient``, and every client derived from it
    with ``with_options``, send through.

    One ``httpx.Client`` for sync calls; one ``httpx.AsyncClient`` per event loop (an
    AsyncClient belongs to the loop it first ran on), so any number of loops, in any
    threads, each reuse their own connections. A loop's client is closed on that loop
    when the loop shuts down (``asyncio.run`` ends it with ``shutdown_asyncgens()``, which
    finishes the async generator ``_closer`` registered with it), or at ``aclose``.
    Clients given by the user are used as they are and never closed. In a child of
    ``os.fork()`` the clients inherited from the parent are dropped unused (their sockets
    are the parent's) and new ones are built on first use.
    """

    def __init__(
        self,
        headers: dict[str, str],
        timeout: httpx.Timeout,
        client: httpx.Client | None,
        async_client: httpx.AsyncClient | None,
    ) -> None:
        self.headers = headers
        self.timeout = timeout
        self.given = client
        self.given_async = async_client
        # a client we build carries the headers itself (set once); a given one is left
        # untouched, so the headers travel with each request instead
        self.sync_headers = {} if client is None else headers
        self.async_headers = {} if async_client is None else headers
        # a given client keeps its own timeout and no other deadline
        self.sync_seconds = DEFAULT_ATTEMPT_SECONDS if client is None else math.inf
        self.async_seconds = DEFAULT_ATTEMPT_SECONDS if async_client is None else math.inf
        self.closed = False
        self._reset()
        _ALL_POOLS.add(self)

    def _reset(self) -> None:
        self.lock = threading.Lock()
        self.sync = self.given
        self.pid = os.getpid()
        self.by_loop: dict[asyncio.AbstractEventLoop, tuple[httpx.AsyncClient, _Closer]] = {}

    def _build(self, cls: type[httpx.Client] | type[httpx.AsyncClient]) -> Any:
        try:
            return cls(headers=self.headers, timeout=self.timeout, follow_redirects=False)
        except (OSError, ValueError, httpx.InvalidURL) as exc:  # the environment changed since
            check_environment()
            raise ConfigurationError(f"cannot build the HTTP client: {exc}") from None

    def sync_client(self) -> httpx.Client:
        client = self.sync
        if client is None:
            with self.lock:  # two threads' first calls must not build two clients
                if self.sync is None:
                    self.sync = self._build(_Client)
                client = self.sync
        return client

    def async_client(self) -> httpx.AsyncClient:
        if self.given_async is not None:
            return self.given_async
        import asyncio  # already loaded: we are inside a coroutine

        loop = asyncio.get_running_loop()
        entry = self.by_loop.get(loop)
        if entry is None:
            with self.lock:
                entry = self.by_loop.get(loop)
                if entry is None:
                    self._forget_closed_loops()
                    client = self._build(_AsyncClient)
                    closer = self._closer(loop, client)
                    # its first step registers it with this loop's shutdown_asyncgens()
                    # (the hook asyncio sets for the thread) and runs it to its `yield`
                    with contextlib.suppress(StopIteration):
                        closer.asend(None).send(None)
                    entry = self.by_loop[loop] = (client, closer)
        return entry[0]

    async def _closer(
        self, loop: asyncio.AbstractEventLoop, client: httpx.AsyncClient
    ) -> AsyncGenerator[None, None]:
        """Closes ``client`` on ``loop`` when finished: by the loop's shutdown, ``aclose``,
        ``close`` (scheduled on the loop) or when garbage collected with the pools."""
        pid = self.pid
        try:
            yield
        finally:
            if self.by_loop.get(loop, (None,))[0] is client:
                del self.by_loop[loop]
            if not loop.is_closed() and os.getpid() == pid:
                await client.aclose()

    def _forget_closed_loops(self) -> None:
        """Drop the clients of loops closed without ``shutdown_asyncgens()`` (a bare
        ``loop.close()``): nothing can run on such a loop any more, so their sockets are
        freed with them (Python may warn: close loops with ``asyncio.run``)."""
        for loop in [loop for loop in self.by_loop if loop.is_closed()]:
            _finish(self.by_loop[loop][1])

    def close(self) -> None:
        self.closed = True
        if self.given is None and self.sync is not None:
            self.sync.close()
            self.sync = None
        self._forget_closed_loops()
        for loop, (_, closer) in list(self.by_loop.items()):
            with contextlib.suppress(RuntimeError):  # closed since: nothing left to run
                loop.call_soon_threadsafe(_close_later, loop, closer)

    async def aclose(self) -> None:
        import asyncio

        entry = self.by_loop.get(asyncio.get_running_loop())
        if entry is not None:
            await entry[1].aclose()
        self.close()


_Closer = AsyncGenerator[None, None]
_PENDING: set[Any] = set()  # the tasks of _close_later, kept until done


def _close_later(loop: asyncio.AbstractEventLoop, closer: _Closer) -> None:
    task = loop.create_task(closer.aclose())
    _PENDING.add(task)
    task.add_done_callback(_PENDING.discard)


def _finish(closer: _Closer) -> None:
    """Run ``closer``'s ``finally`` now, outside any loop (its loop is closed or not ours)."""
    with contextlib.suppress(StopIteration, RuntimeError):
        closer.aclose().send(None)


_ALL_POOLS: weakref.WeakSet[Pools] = weakref.WeakSet()


def _forget_inherited_pools() -> None:
    for pools in list(_ALL_POOLS):
        closers = [closer for _, closer in pools.by_loop.values()]
        pools._reset()
        for closer in closers:  # in the child: finished without touching the parent's sockets
            _finish(closer)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_inherited_pools)
