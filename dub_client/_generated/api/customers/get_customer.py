"""Retrieve a customer: ``GET /customers/{id}``.

Returns one customer of the authenticated workspace.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

from typing import TYPE_CHECKING, Any, Required, TypedDict

from ...._operation import Operation, Param, RequestOptions
from ...models.customer import Customer

if TYPE_CHECKING:
    from ...._client import BaseClient
    from ...._raw import RawResponse


class GetCustomerRequest(TypedDict, total=False):
    """``request=`` of ``customers.get``: the parameters as one dict (snake_case keys)."""

    id: Required[str]
    include_expanded_fields: bool


class GetCustomerParams(RequestOptions, total=False):
    """The keyword arguments of ``customers.get``: parameters and per-call options."""

    include_expanded_fields: bool


OPERATION: Operation[Customer] = Operation(
    name="customers.get",
    method="GET",
    path="/customers/{id}",
    params=(
        Param("id", "id", "path", "str", required=True, min_length=1),
        Param("include_expanded_fields", "includeExpandedFields", "query", "bool"),
    ),
    parse=Customer.from_dict,
)


def sync(client: "BaseClient", request: Any, kwargs: dict[str, Any]) -> Customer:
    """Retrieve a customer (``customers.get`` runs this)."""
    return client._call(OPERATION, request, kwargs)


def sync_raw(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> "RawResponse[Customer]":
    """``sync``, answering with the HTTP response (``with_raw_response`` runs this)."""
    return client._call(OPERATION, request, kwargs, raw=True)


async def asyncio(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> Customer:
    """The async twin of ``sync``."""
    return await client._call_async(OPERATION, request, kwargs)


async def asyncio_raw(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> "RawResponse[Customer]":
    """The async twin of ``sync_raw``."""
    return await client._call_async(OPERATION, request, kwargs, raw=True)
