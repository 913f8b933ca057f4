"""Delete a customer: ``DELETE /customers/{id}``.

Deletes the customer. The response names the Dub id even when the call used an `ext_` id. A
later GET of the same id is a 404.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

from typing import TYPE_CHECKING, Any, Required, TypedDict

from ...._operation import Operation, Param, RequestOptions
from ...models.deleted_customer import DeletedCustomer

if TYPE_CHECKING:
    from ...._client import BaseClient
    from ...._raw import RawResponse


class DeleteCustomerRequest(TypedDict, total=False):
    """``request=`` of ``customers.delete``: the parameters as one dict (snake_case keys)."""

    id: Required[str]


class DeleteCustomerParams(RequestOptions, total=False):
    """The keyword arguments of ``customers.delete``: parameters and per-call options."""


OPERATION: Operation[DeletedCustomer] = Operation(
    name="customers.delete",
    method="DELETE",
    path="/customers/{id}",
    params=(Param("id", "id", "path", "str", required=True, min_length=1),),
    parse=DeletedCustomer.from_dict,
)


def sync(client: "BaseClient", request: Any, kwargs: dict[str, Any]) -> DeletedCustomer:
    """Delete a customer (``customers.delete`` runs this)."""
    return client._call(OPERATION, request, kwargs)


def sync_raw(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> "RawResponse[DeletedCustomer]":
    """``sync``, answering with the HTTP response (``with_raw_response`` runs this)."""
    return client._call(OPERATION, request, kwargs, raw=True)


async def asyncio(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> DeletedCustomer:
    """The async twin of ``sync``."""
    return await client._call_async(OPERATION, request, kwargs)


async def asyncio_raw(
    client: "BaseClient", request: Any, kwargs: dict[str, Any]
) -> "RawResponse[DeletedCustomer]":
    """The async twin of ``sync_raw``."""
    return await client._call_async(OPERATION, request, kwargs, raw=True)
