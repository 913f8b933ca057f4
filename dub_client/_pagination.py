"""Pages of customers over Dub's real pagination (a bare array; no next cursor).

The next request is decided by the pure :func:`next_params`: ``startingAfter``
set to the last id (or ``endingBefore`` to the first id when walking
backwards); offset ``page`` + 1 when the caller sorts by something other than
``createdAt`` (the API refuses cursors there) or started in offset mode. A
short or empty page is the last one.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any

from ._generated.models.customer import Customer
from ._generated.models.customers_sort_by import CustomersSortBy
from .errors import DubError

__all__ = ["AsyncCustomerPage", "AsyncCustomerPager", "CustomerPage", "next_params"]

DEFAULT_PAGE_SIZE = 100  # the spec's default for pageSize
MAX_OFFSET_PAGE = 1000  # the spec's maximum for the deprecated page


def _next_or_error(
    params: dict[str, Any], items: builtins.list[Customer]
) -> dict[str, Any] | DubError | None:
    """:func:`next_params`, with a refusal kept to be raised when the next page is asked for."""
    try:
        return next_params(params, items)
    except DubError as error:
        return error


def next_params(params: dict[str, Any], items: builtins.list[Customer]) -> dict[str, Any] | None:
    """The parameters of the page after the one ``params`` fetched, or ``None`` at the end."""
    page_size = params.get("page_size", DEFAULT_PAGE_SIZE)
    if len(items) < page_size or not items:
        return None
    nxt = dict(params)
    if "ending_before" in params:
        cursor_key, cursor = "ending_before", items[0].id
    elif "page" in params or params.get("sort_by", CustomersSortBy.CREATEDAT) != (
        CustomersSortBy.CREATEDAT
    ):
        page = params.get("page", 1) + 1
        if page > MAX_OFFSET_PAGE:
            raise DubError(
                f"the API serves at most {MAX_OFFSET_PAGE} offset pages; "
                "sort by createdAt to walk further with cursors"
            )
        nxt["page"] = page
        return nxt
    else:
        cursor_key, cursor = "starting_after", items[-1].id
    if params.get(cursor_key) == cursor:
        raise DubError(f"pagination did not advance ({cursor_key}={cursor!r} twice); stopping")
    nxt[cursor_key] = cursor
    return nxt


class CustomerPage:
    """One page of customers.

    ``items`` holds this page. Iterating the page yields every customer from
    here to the end of the list, fetching further pages lazily; use
    :meth:`iter_pages` for page-by-page work, :meth:`next_page` for one step.
    """

    __slots__ = ("_fetch", "_next", "items", "params")

    def __init__(
        self,
        items: builtins.list[Customer],
        params: dict[str, Any],
        fetch: Callable[[dict[str, Any]], CustomerPage],
    ) -> None:
        self.items = items
        self.params = params
        self._fetch = fetch
        self._next = _next_or_error(params, items)

    @property
    def result(self) -> builtins.list[Customer]:
        """``items``, under the official SDK's name."""
        return self.items

    def has_next_page(self) -> bool:
        """Whether another request may return more customers."""
        return self._next is not None

    def next(self) -> CustomerPage | None:
        """:meth:`next_page` under the official SDK's name: ``while res: ...; res = res.next()``."""
        return self.next_page()

    def next_page(self) -> CustomerPage | None:
        """Fetch the following page (``None`` after the last one)."""
        if isinstance(self._next, DubError):
            raise self._next
        return self._fetch(self._next) if self._next is not None else None

    def iter_pages(self) -> Iterator[CustomerPage]:
        """This page and every following one."""
        page: CustomerPage | None = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[Customer]:
        for page in self.iter_pages():
            yield from page.items

    def __repr__(self) -> str:
        return f"CustomerPage(items={len(self.items)}, has_next_page={self.has_next_page()})"


class AsyncCustomerPage:
    """The async twin of :class:`CustomerPage` (``async for`` walks every page)."""

    __slots__ = ("_fetch", "_next", "items", "params")

    def __init__(
        self,
        items: builtins.list[Customer],
        params: dict[str, Any],
        fetch: Callable[[dict[str, Any]], Awaitable[AsyncCustomerPage]],
    ) -> None:
        self.items = items
        self.params = params
        self._fetch = fetch
        self._next = _next_or_error(params, items)

    @property
    def result(self) -> builtins.list[Customer]:
        """``items``, under the official SDK's name."""
        return self.items

    def has_next_page(self) -> bool:
        """Whether another request may return more customers."""
        return self._next is not None

    async def next(self) -> AsyncCustomerPage | None:
        """:meth:`next_page`, under the official SDK's name."""
        return await self.next_page()

    async def next_page(self) -> AsyncCustomerPage | None:
        """Fetch the following page (``None`` after the last one)."""
        if isinstance(self._next, DubError):
            raise self._next
        return await self._fetch(self._next) if self._next is not None else None

    async def iter_pages(self) -> AsyncIterator[AsyncCustomerPage]:
        """This page and every following one."""
        page: AsyncCustomerPage | None = self
        while page is not None:
            yield page
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[Customer]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    def __repr__(self) -> str:
        return f"AsyncCustomerPage(items={len(self.items)}, has_next_page={self.has_next_page()})"


class AsyncCustomerPager:
    """What ``list_async`` returns.

    ``await`` it for the first page, or ``async for`` every customer.
    """

    __slots__ = ("_fetch", "_params")

    def __init__(
        self,
        params: dict[str, Any],
        fetch: Callable[[dict[str, Any]], Awaitable[AsyncCustomerPage]],
    ) -> None:
        self._params = params
        self._fetch = fetch

    def __await__(self) -> Generator[Any, None, AsyncCustomerPage]:
        return self._fetch(self._params).__await__()

    async def __aiter__(self) -> AsyncIterator[Customer]:
        first = await self._fetch(self._params)
        async for item in first:
            yield item
