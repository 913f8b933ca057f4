"""Create a customer: ``POST /customers``.

Deprecated: customers are created by tracking a lead event (POST /track/lead). The route
still answers. Not idempotent: a retry after a lost response can create a second customer.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

from typing import TYPE_CHECKING, Any, Required, TypedDict

from ...._operation import Operation, Param, RequestOptions
from ...models.create_customer_body import CreateCustomerBody
from ...models.customer import Customer

if TYPE_CHECKING:
    from ...._client import BaseClient
    from ...._raw import RawResponse


class CreateCustomerRequestBody(TypedDict, total=False):
    """The body of ``customers.create`` as a dict (snake_case keys)."""

    external_id: Required[str]
    country: Required[str]
    email: str | None
    name: str | None
    avatar: str | None
    stripe_customer_id: str | None


CreateCustomerRequest = CreateCustomerRequestBody


class CreateCustomerParams(RequestOptions, total=False):
    """The keyword arguments of ``customers.create``: parameters, body fields and per-call options."""

    external_id: Required[str]
    country: Required[str]
    email: str | None
    name: str | None
    avatar: str | None
    stripe_customer_id: str | None


OPERATION: Operation[Customer] = Operation(
    name="customers.create",
    method="POST",
    path="/customers",
    params=(),
    parse=Customer.from_dict,
    body=CreateCustomerBody,
    body_fields=(
        Param("external_id", "externalId", "body", "str", required=True),
        Param("country", "country", "body", "str", required=True),
        Param("email", "email", "body", "str", nullable=True),
        Param("name", "name", "body", "str", nullable=True),
        Param("avatar", "avatar", "body", "str", nullable=True),
        Param("stripe_customer_id", "stripeCustomerId", "body", "str", nullable=True),
    ),
    idempotent=False,
    deprecation="customers.create is deprecated by Dub: customers are created by tracking a lead event (POST /track/lead)",
)


def sync(client: "BaseClient", request: Any, kwargs: dict[str, Any]) -> Customer:
    """Create a customer (``customers.create`` runs this)."""
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
