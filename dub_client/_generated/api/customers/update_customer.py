"""Update a customer: ``PATCH /customers/{id}``.

Changes only the fields present in the body; an explicit null clears a nullable field. Send
`{}` for a no-op (a request without a body is a 400).

Generated from openapi.yaml by ``make generate``; do not edit.
"""

import datetime
from typing import TYPE_CHECKING, Any, Required, TypedDict

from ...._operation import (
    Operation,
    Param,
    Readdress,
    RequestOptions,
)
from ...models.customer import Customer
from ...models.update_customer_body import UpdateCustomerBody

if TYPE_CHECKING:
    from ...._client import BaseClient
    from ...._raw import RawResponse


class UpdateCustomerRequestBody(TypedDict, total=False):
    """The body of ``customers.update`` as a dict (snake_case keys)."""

    email: str | None
    name: str | None
    avatar: str | None
    external_id: str
    stripe_customer_id: str | None
    country: str
    subscription_canceled_at: datetime.datetime | str | None


class UpdateCustomerRequest(TypedDict, total=False):
    """``request=`` of ``customers.update``: the parameters as one dict (snake_case keys)."""

    id: Required[str]
    include_expanded_fields: bool
    request_body: UpdateCustomerRequestBody | UpdateCustomerBody


class UpdateCustomerParams(RequestOptions, total=False):
    """The keyword arguments of ``customers.update``: parameters, body fields and per-call options."""

    include_expanded_fields: bool
    email: str | None
    name: str | None
    avatar: str | None
    external_id: str
    stripe_customer_id: str | None
    country: str
    subscription_canceled_at: datetime.datetime | str | None
    request_body: UpdateCustomerRequestBody | UpdateCustomerBody


OPERATION: Operation[Customer] = Operation(
    name="customers.update",
    method="PATCH",
    path="/customers/{id}",
    params=(
        Param("id", "id", "path", "str", required=True, min_length=1),
        Param("include_expanded_fields", "includeExpandedFields", "query", "bool"),
    ),
    parse=Customer.from_dict,
    body=UpdateCustomerBody,
    body_fields=(
        Param("email", "email", "body", "str", nullable=True),
        Param("name", "name", "body", "str", nullable=True),
        Param("avatar", "avatar", "body", "str", nullable=True),
        Param("external_id", "externalId", "body", "str"),
        Param("stripe_customer_id", "stripeCustomerId", "body", "str", nullable=True),
        Param(
            "country",
            "country",
            "body",
            "str",
            ignored="Dub accepts country on update but does not store it (the call changes nothing)",
        ),
        Param(
            "subscription_canceled_at",
            "subscriptionCanceledAt",
            "body",
            "datetime",
            nullable=True,
            ignored="Dub accepts subscriptionCanceledAt on update but does not store it (the call changes nothing)",
        ),
    ),
    readdress=Readdress("id", "ext_", "externalId"),
)


def sync(client: "BaseClient", request: Any, kwargs: dict[str, Any]) -> Customer:
    """Update a customer (``customers.update`` runs this)."""
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
