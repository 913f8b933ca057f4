"""Retrieve a list of customers: ``GET /customers``.

Lists the customers of the authenticated workspace. The response is a bare array; there is
no envelope and no next cursor. Walk the list with `startingAfter` set to the id of the last
customer of the previous page; a page shorter than `pageSize` is the last one.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

from typing import TYPE_CHECKING, Any, Literal, TypedDict

from ...._operation import Operation, Pagination, Param, RequestOptions
from ...models.customer import Customer
from ...models.customers_sort_by import CustomersSortBy
from ...models.sort_order import SortOrder
from ...types import parse_items

if TYPE_CHECKING:
    from ...._client import BaseClient
    from ...._pagination import AsyncPage, AsyncPager, Page
    from ...._raw import RawResponse


class GetCustomersRequest(TypedDict, total=False):
    """``request=`` of ``customers.list``: the parameters as one dict (snake_case keys)."""

    email: str
    external_id: str
    search: str
    country: str
    link_id: str
    program_id: str
    partner_id: str
    include_expanded_fields: bool
    sort_by: (
        Literal["createdAt", "saleAmount", "firstSaleAt", "subscriptionCanceledAt"]
        | CustomersSortBy
    )
    sort_order: Literal["asc", "desc"] | SortOrder
    starting_after: str
    ending_before: str
    page: int
    page_size: int


class GetCustomersParams(GetCustomersRequest, RequestOptions, total=False):
    """The keyword arguments of ``customers.list``: its parameters (as in ``request=``) and per-call options."""


OPERATION: Operation[list[Customer]] = Operation(
    name="customers.list",
    method="GET",
    path="/customers",
    params=(
        Param("email", "email", "query", "str"),
        Param("external_id", "externalId", "query", "str"),
        Param("search", "search", "query", "str"),
        Param("country", "country", "query", "str"),
        Param("link_id", "linkId", "query", "str"),
        Param("program_id", "programId", "query", "str"),
        Param("partner_id", "partnerId", "query", "str"),
        Param("include_expanded_fields", "includeExpandedFields", "query", "bool"),
        Param(
            "sort_by",
            "sortBy",
            "query",
            "enum",
            choices=(
                "createdAt",
                "saleAmount",
                "firstSaleAt",
                "subscriptionCanceledAt",
            ),
            default="createdAt",
        ),
        Param(
            "sort_order",
            "sortOrder",
            "query",
            "enum",
            choices=(
                "asc",
                "desc",
            ),
            default="desc",
        ),
        Param("starting_after", "startingAfter", "query", "str", min_length=1),
        Param("ending_before", "endingBefore", "query", "str", min_length=1),
        Param("page", "page", "query", "int", minimum=1, maximum=1000),
        Param(
            "page_size", "pageSize", "query", "int", minimum=1, maximum=100, default=100
        ),
    ),
    parse=lambda data: parse_items(data, Customer.from_dict),
    pagination=Pagination(
        next="starting_after",
        previous="ending_before",
        cursor="id",
        page="page",
        max_page=1000,
        size="page_size",
        default_size=100,
        requires=("sort_by", "createdAt"),
    ),
)


def sync(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> "Page[Customer]":
    """Retrieve a list of customers (``customers.list`` runs this)."""
    return client._call(OPERATION, request, kwargs)


def sync_raw(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> "RawResponse[Page[Customer]]":
    """``sync``, answering with the HTTP response (``with_raw_response`` runs this)."""
    return client._call(OPERATION, request, kwargs, raw=True)


def asyncio(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> "AsyncPager[Customer]":
    """The async twin of ``sync``: ``await`` it for the first page, or ``async for`` every item."""
    return client._pager(OPERATION, request, kwargs)


async def asyncio_raw(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> "RawResponse[AsyncPage[Customer]]":
    """The async twin of ``sync_raw``: the first page's HTTP response."""
    return await client._call_async(OPERATION, request, kwargs, raw=True)
