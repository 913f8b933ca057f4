"""Generic pages over an API that answers a list with a bare array and no next cursor.

The next request is decided by the pure ``next_values`` from the operation's
``Pagination`` (declared in ``openapi.yaml`` as
``x-sdk-pagination``): the cursor set to the last item's id (or the first item's
when walking backwards), or the offset page + 1 when the caller chose offsets or
the sort does not allow cursors. A short or empty page is the last one; after a full
page the API cannot say whether more follow, so one more request asks, and an empty
answer to it ends the list (``next_page`` gives ``None``, ``iter_pages`` stops).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Generic, TypeVar

from ._exceptions import DubError
from ._operation import Pagination

T = TypeVar("T")


def next_values(
    paging: Pagination, values: dict[str, Any], items: list[Any]
) -> dict[str, Any] | None:
    """The values of the call for the page after the one ``values`` fetched (``None``: done)."""
    size = values.get(paging.size, paging.default_size) if paging.size else paging.default_size
    if not items or (size is not None and len(items) < size):
        return None
    requires = paging.requires
    if paging.previous and paging.previous in values:
        key, value = paging.previous, getattr(items[0], paging.cursor)
    elif paging.page and (
        paging.page in values or (requires is not None and values.get(*requires) != requires[1])
    ):
        key, value = paging.page, values.get(paging.page, 1) + 1
        if paging.max_page is not None and value > paging.max_page:
            raise DubError(
                f"the API serves at most {paging.max_page} offset pages; "
                "use the cursor order to walk further"
            )
    else:
        key, value = paging.next, getattr(items[-1], paging.cursor)
    if values.get(key) == value:
        raise DubError(f"pagination did not advance ({key}={value!r} twice); stopping")
    return {**values, key: value}


class _PageBase(Generic[T]):
    __slots__ = ("_fetch", "_next", "items", "params")

    def __init__(
        self,
        items: list[T],
        params: dict[str, Any],
        paging: Pagination,
        fetch: Callable[[dict[str, Any]], Any],
    ) -> None:
        self.items = items
        #: the values (Python names) of the request that fetched this page
        self.params = params
        #: gets the page of the given values (a ``Page``, or an awaitable ``AsyncPage``)
        self._fetch = fetch
        self._next: dict[str, Any] | DubError | None
        try:
            self._next = next_values(paging, params, items)
        except DubError as error:  # raised when the next page is asked for
            self._next = error

    @property
    def result(self) -> list[T]:
        """``items``, under the official SDK's name."""
        return self.items

    def has_next_page(self) -> bool:
        """Whether another request may return more items: ``False`` after a short page;
        ``True`` after a full one, since the API answers a bare list and cannot say (the
        next request then finds out: ``next_page`` gives ``None`` when it finds none)."""
        return self._next is not None

    def _next_values(self) -> dict[str, Any] | None:
        if isinstance(self._next, DubError):
            raise self._next
        return self._next

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(items={len(self.items)}, has_next_page={self.has_next_page()})"
        )


class Page(_PageBase[T]):
    """One page of a list.

    ``items`` holds this page. Iterating the page yields every item from here to
    the end of the list, fetching further pages lazily; use ``iter_pages`` for
    page-by-page work, ``next_page`` for one step.
    """

    __slots__ = ()

    def next_page(self) -> Page[T] | None:
        """Fetch the following page (``None`` after the last one, never an empty page)."""
        values = self._next_values()
        page = self._fetch(values) if values is not None else None
        return page if page is not None and page.items else None

    #: ``next_page`` under the official SDK's name: ``while res: ...; res = res.next()``
    next = next_page

    def iter_pages(self) -> Iterator[Page[T]]:
        """This page and every following one."""
        page: Page[T] | None = self
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_PageBase[T]):
    """The async twin of ``Page`` (``async for`` walks every page)."""

    __slots__ = ()

    async def next_page(self) -> AsyncPage[T] | None:
        """Fetch the following page (``None`` after the last one, never an empty page)."""
        values = self._next_values()
        page = await self._fetch(values) if values is not None else None
        return page if page is not None and page.items else None

    #: ``next_page`` under the official SDK's name
    next = next_page

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """This page and every following one."""
        page: AsyncPage[T] | None = self
        while page is not None:
            yield page
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPager(Generic[T]):
    """What an async list call returns: ``await`` it for the first page, or
    ``async for`` every item."""

    __slots__ = ("_fetch", "_params")

    def __init__(
        self,
        params: dict[str, Any],
        fetch: Callable[[dict[str, Any]], Awaitable[AsyncPage[T]]],
    ) -> None:
        self._params = params
        self._fetch = fetch

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]:
        return self._fetch(self._params).__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        first = await self._fetch(self._params)
        async for item in first:
            yield item
