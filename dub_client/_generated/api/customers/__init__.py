"""``dub.customers``: the customers operations of the API, sync and async.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Unpack, overload

from ...._operation import RequestOptions
from ...models.create_customer_body import CreateCustomerBody
from ...models.customer import Customer
from ...models.deleted_customer import DeletedCustomer
from ...models.update_customer_body import UpdateCustomerBody
from . import (
    create_customer,
    delete_customer,
    get_customer,
    get_customers,
    update_customer,
)
from .create_customer import (
    CreateCustomerParams,
    CreateCustomerRequest,
    CreateCustomerRequestBody,
)
from .delete_customer import DeleteCustomerParams, DeleteCustomerRequest
from .get_customer import GetCustomerParams, GetCustomerRequest
from .get_customers import GetCustomersParams, GetCustomersRequest
from .update_customer import (
    UpdateCustomerParams,
    UpdateCustomerRequest,
    UpdateCustomerRequestBody,
)

if TYPE_CHECKING:
    from ...._client import BaseClient
    from ...._pagination import AsyncPage, AsyncPager, Page
    from ...._raw import RawResponse

__all__ = [
    "Customers",
    "CustomersWithRawResponse",
    "GetCustomersParams",
    "GetCustomersRequest",
    "CreateCustomerParams",
    "CreateCustomerRequest",
    "CreateCustomerRequestBody",
    "GetCustomerParams",
    "GetCustomerRequest",
    "DeleteCustomerParams",
    "DeleteCustomerRequest",
    "UpdateCustomerParams",
    "UpdateCustomerRequest",
    "UpdateCustomerRequestBody",
]


class Customers:
    """The customers of the workspace, reached as ``dub.customers``.

    Every method has an ``_async`` twin and takes, for that call only, ``retries=``
    (a ``RetryConfig``), ``max_retries=``, ``timeout_ms=``,
    ``http_headers=`` and ``server_url=``. ``with_raw_response`` has the same methods, answering with the
    HTTP response (``RawResponse``).
    """

    __slots__ = ("_client",)

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<Customers of {self._client!r}>"

    @property
    def with_raw_response(self) -> CustomersWithRawResponse:
        """The same methods, answering with the HTTP response: status, headers (e.g.
        ``X-RateLimit-Remaining``), request id, attempts, elapsed; ``parse()`` gives
        the result."""
        return CustomersWithRawResponse(self._client)

    def list(
        self,
        request: GetCustomersRequest | None = None,
        **kwargs: Unpack[GetCustomersParams],
    ) -> Page[Customer]:
        """Retrieve a list of customers.

        Lists the customers of the authenticated workspace. The response is a bare array; there
        is no envelope and no next cursor. Walk the list with `startingAfter` set to the id of
        the last customer of the previous page; a page shorter than `pageSize` is the last one.

        Takes keywords, or ``request={...}`` (the official
        SDK's style: snake_case keys). Every call also
        takes ``retries=``, ``max_retries=``, ``timeout_ms=``, ``http_headers=`` and ``server_url=``.

        Args:
            request: All the parameters as one dict, snake_case keys.

        Keyword Args:
            email (str, optional): Exact, case-sensitive email filter. Takes precedence over externalId and search.
            external_id (str, optional): Filter by the customer's id in your own system. Takes precedence over search.
            search (str, optional): Free-text match on email, name or customer id.
            country (str, optional): ISO 3166-1 alpha-2 country code filter.
            link_id (str, optional): Only customers attributed to this link.
            program_id (str, optional): Only customers of this partner program.
            partner_id (str, optional): Only customers referred by this partner.
            include_expanded_fields (bool, optional): Also return link, programId, partner and discount (when they exist).
            sort_by (Literal["createdAt", "saleAmount", "firstSaleAt", "subscriptionCanceledAt"] | CustomersSortBy, optional): Sort field. Cursor pagination only works with `createdAt`. Default: ``createdAt``.
            sort_order (Literal["asc", "desc"] | SortOrder, optional): Sort direction. Default: ``desc``.
            starting_after (str, optional): Cursor: a customer id; returns the customers that come after it. Cannot be combined with
                    endingBefore, page, or a sortBy other than createdAt.
            ending_before (str, optional): Cursor: a customer id; returns the customers that come before it. Cannot be combined with
                    startingAfter, page, or a sortBy other than createdAt.
            page (int, optional): Offset page number (deprecated; use the cursors). Capped at 1000. From 1 to 1000.
            page_size (int, optional): Number of customers per page. Default: ``100``. From 1 to 100.

        Returns:
            The first page of Customer items; iterate it to walk every page.

        Raises:
            TypeError: an unknown or missing parameter, or a wrong type (nothing is sent).
            ValueError: a value out of bounds (nothing is sent).
            dub_client.errors.BadRequest: 400, The request is malformed (for example a bad Authorization header).
            dub_client.errors.Unauthorized: 401, The API key is missing or unknown.
            dub_client.errors.Forbidden: 403, The plan or the role does not allow this (codes forbidden,
                exceeded_limit).
            dub_client.errors.NotFound: 404, No such customer.
            dub_client.errors.Conflict: 409, A unique field is taken (codes conflict, invite_pending).
            dub_client.errors.InviteExpired: 410, The invite has expired.
            dub_client.errors.UnprocessableEntity: 422, A value is invalid (bad email, unknown cursor, conflicting
                parameters).
            dub_client.errors.RateLimitExceeded: 429, Too many requests for this key in the last minute.
            dub_client.errors.InternalServerError: 500, The server failed.
            dub_client.errors.SDKError: any other error status (502, 503 …).
            dub_client.errors.ResponseValidationError: a 2xx body that does not match the spec.
            dub_client.errors.APIConnectionError: no usable response (APITimeoutError: too slow).

        Examples:
            ```python
            for item in dub.customers.list():  # every page
                print(item)
            page = dub.customers.list(request={"page_size": 50})  # first page
            ```
        """
        return get_customers.sync(self._client, request, dict(kwargs))

    def list_async(
        self,
        request: GetCustomersRequest | None = None,
        **kwargs: Unpack[GetCustomersParams],
    ) -> AsyncPager[Customer]:
        """The async twin of ``list``: ``await`` it for the first page, or ``async for`` every item."""
        return get_customers.asyncio(self._client, request, dict(kwargs))

    @overload
    def create(
        self,
        **kwargs: Unpack[CreateCustomerParams],
    ) -> Customer: ...

    @overload
    def create(
        self,
        request: CreateCustomerRequest | CreateCustomerBody,
        **options: Unpack[RequestOptions],
    ) -> Customer: ...

    def create(
        self,
        request: CreateCustomerRequest | CreateCustomerBody | None = None,
        **kwargs: Any,
    ) -> Customer:
        """Create a customer.

        Deprecated: customers are created by tracking a lead event (POST /track/lead). The route
        still answers. Not idempotent: a retry after a lost response can create a second
        customer.

        Deprecated: every call emits a ``DeprecationWarning``.

        Takes keywords, or ``request={...}`` (the official
        SDK's style: snake_case keys). Every call also
        takes ``retries=``, ``max_retries=``, ``timeout_ms=``, ``http_headers=`` and ``server_url=``.

        Args:
            request: All the parameters as one dict, snake_case keys (the body's fields), or the body model.

        Keyword Args:
            external_id (str):
            country (str): ISO 3166-1 alpha-2. Required by the live server (not by older docs).
            email (str | None, optional):
            name (str | None, optional):
            avatar (str | None, optional):
            stripe_customer_id (str | None, optional):

        Returns:
            The customer that was created.

        Raises:
            TypeError: an unknown or missing parameter, or a wrong type (nothing is sent).
            ValueError: a value out of bounds (nothing is sent).
            dub_client.errors.BadRequest: 400, The request is malformed (for example a bad Authorization header).
            dub_client.errors.Unauthorized: 401, The API key is missing or unknown.
            dub_client.errors.Forbidden: 403, The plan or the role does not allow this (codes forbidden,
                exceeded_limit).
            dub_client.errors.NotFound: 404, No such customer.
            dub_client.errors.Conflict: 409, A unique field is taken (codes conflict, invite_pending).
            dub_client.errors.InviteExpired: 410, The invite has expired.
            dub_client.errors.UnprocessableEntity: 422, A value is invalid (bad email, unknown cursor, conflicting
                parameters).
            dub_client.errors.RateLimitExceeded: 429, Too many requests for this key in the last minute.
            dub_client.errors.InternalServerError: 500, The server failed.
            dub_client.errors.SDKError: any other error status (502, 503 …).
            dub_client.errors.ResponseValidationError: a 2xx body that does not match the spec.
            dub_client.errors.APIConnectionError: no usable response (APITimeoutError: too slow).

        Examples:
            ```python
            result = dub.customers.create(external_id="...", country="...")
            result = dub.customers.create(request={"external_id": "...", "country": "..."})
            ```
        """
        return create_customer.sync(self._client, request, kwargs)

    @overload
    async def create_async(
        self,
        **kwargs: Unpack[CreateCustomerParams],
    ) -> Customer: ...

    @overload
    async def create_async(
        self,
        request: CreateCustomerRequest | CreateCustomerBody,
        **options: Unpack[RequestOptions],
    ) -> Customer: ...

    async def create_async(
        self,
        request: CreateCustomerRequest | CreateCustomerBody | None = None,
        **kwargs: Any,
    ) -> Customer:
        """The async twin of ``create``."""
        return await create_customer.asyncio(self._client, request, kwargs)

    @overload
    def get(
        self,
        id: str,
        **kwargs: Unpack[GetCustomerParams],
    ) -> Customer: ...

    @overload
    def get(
        self,
        *,
        request: GetCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> Customer: ...

    def get(
        self,
        id: str | None = None,
        *,
        request: GetCustomerRequest | None = None,
        **kwargs: Any,
    ) -> Customer:
        """Retrieve a customer.

        Returns one customer of the authenticated workspace.

        Takes keywords (path parameters also positionally), or ``request={...}`` (the official
        SDK's style: snake_case keys). Every call also
        takes ``retries=``, ``max_retries=``, ``timeout_ms=``, ``http_headers=`` and ``server_url=``.

        Args:
            id (str): The customer's Dub id (`cus_...`), or its external id prefixed with `ext_` (e.g.
                    `ext_123`). One path segment.
            request: All the parameters as one dict, snake_case keys.

        Keyword Args:
            include_expanded_fields (bool, optional): Also return link, programId, partner and discount (when they exist).

        Returns:
            The customer.

        Raises:
            TypeError: an unknown or missing parameter, or a wrong type (nothing is sent).
            ValueError: a value out of bounds (nothing is sent).
            dub_client.errors.BadRequest: 400, The request is malformed (for example a bad Authorization header).
            dub_client.errors.Unauthorized: 401, The API key is missing or unknown.
            dub_client.errors.Forbidden: 403, The plan or the role does not allow this (codes forbidden,
                exceeded_limit).
            dub_client.errors.NotFound: 404, No such customer.
            dub_client.errors.Conflict: 409, A unique field is taken (codes conflict, invite_pending).
            dub_client.errors.InviteExpired: 410, The invite has expired.
            dub_client.errors.UnprocessableEntity: 422, A value is invalid (bad email, unknown cursor, conflicting
                parameters).
            dub_client.errors.RateLimitExceeded: 429, Too many requests for this key in the last minute.
            dub_client.errors.InternalServerError: 500, The server failed.
            dub_client.errors.SDKError: any other error status (502, 503 …).
            dub_client.errors.ResponseValidationError: a 2xx body that does not match the spec.
            dub_client.errors.APIConnectionError: no usable response (APITimeoutError: too slow).

        Examples:
            ```python
            result = dub.customers.get("cus_123")
            result = dub.customers.get(request={"id": "cus_123"})
            ```
        """
        if id is not None:
            kwargs["id"] = id
        return get_customer.sync(self._client, request, kwargs)

    @overload
    async def get_async(
        self,
        id: str,
        **kwargs: Unpack[GetCustomerParams],
    ) -> Customer: ...

    @overload
    async def get_async(
        self,
        *,
        request: GetCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> Customer: ...

    async def get_async(
        self,
        id: str | None = None,
        *,
        request: GetCustomerRequest | None = None,
        **kwargs: Any,
    ) -> Customer:
        """The async twin of ``get``."""
        if id is not None:
            kwargs["id"] = id
        return await get_customer.asyncio(self._client, request, kwargs)

    @overload
    def delete(
        self,
        id: str,
        **kwargs: Unpack[DeleteCustomerParams],
    ) -> DeletedCustomer: ...

    @overload
    def delete(
        self,
        *,
        request: DeleteCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> DeletedCustomer: ...

    def delete(
        self,
        id: str | None = None,
        *,
        request: DeleteCustomerRequest | None = None,
        **kwargs: Any,
    ) -> DeletedCustomer:
        """Delete a customer.

        Deletes the customer. The response names the Dub id even when the call used an `ext_`
        id. A later GET of the same id is a 404.

        Takes keywords (path parameters also positionally), or ``request={...}`` (the official
        SDK's style: snake_case keys). Every call also
        takes ``retries=``, ``max_retries=``, ``timeout_ms=``, ``http_headers=`` and ``server_url=``.

        Args:
            id (str): The customer's Dub id (`cus_...`), or its external id prefixed with `ext_` (e.g.
                    `ext_123`). One path segment.
            request: All the parameters as one dict, snake_case keys.

        Returns:
            The id of the deleted customer.

        Raises:
            TypeError: an unknown or missing parameter, or a wrong type (nothing is sent).
            ValueError: a value out of bounds (nothing is sent).
            dub_client.errors.BadRequest: 400, The request is malformed (for example a bad Authorization header).
            dub_client.errors.Unauthorized: 401, The API key is missing or unknown.
            dub_client.errors.Forbidden: 403, The plan or the role does not allow this (codes forbidden,
                exceeded_limit).
            dub_client.errors.NotFound: 404, No such customer.
            dub_client.errors.Conflict: 409, A unique field is taken (codes conflict, invite_pending).
            dub_client.errors.InviteExpired: 410, The invite has expired.
            dub_client.errors.UnprocessableEntity: 422, A value is invalid (bad email, unknown cursor, conflicting
                parameters).
            dub_client.errors.RateLimitExceeded: 429, Too many requests for this key in the last minute.
            dub_client.errors.InternalServerError: 500, The server failed.
            dub_client.errors.SDKError: any other error status (502, 503 …).
            dub_client.errors.ResponseValidationError: a 2xx body that does not match the spec.
            dub_client.errors.APIConnectionError: no usable response (APITimeoutError: too slow).

        Examples:
            ```python
            result = dub.customers.delete("cus_123")
            result = dub.customers.delete(request={"id": "cus_123"})
            ```
        """
        if id is not None:
            kwargs["id"] = id
        return delete_customer.sync(self._client, request, kwargs)

    @overload
    async def delete_async(
        self,
        id: str,
        **kwargs: Unpack[DeleteCustomerParams],
    ) -> DeletedCustomer: ...

    @overload
    async def delete_async(
        self,
        *,
        request: DeleteCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> DeletedCustomer: ...

    async def delete_async(
        self,
        id: str | None = None,
        *,
        request: DeleteCustomerRequest | None = None,
        **kwargs: Any,
    ) -> DeletedCustomer:
        """The async twin of ``delete``."""
        if id is not None:
            kwargs["id"] = id
        return await delete_customer.asyncio(self._client, request, kwargs)

    @overload
    def update(
        self,
        id: str,
        **kwargs: Unpack[UpdateCustomerParams],
    ) -> Customer: ...

    @overload
    def update(
        self,
        *,
        request: UpdateCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> Customer: ...

    def update(
        self,
        id: str | None = None,
        *,
        request: UpdateCustomerRequest | None = None,
        **kwargs: Any,
    ) -> Customer:
        """Update a customer.

        Changes only the fields present in the body; an explicit null clears a nullable field.
        Send `{}` for a no-op (a request without a body is a 400).

        Takes keywords (path parameters also positionally), or ``request={...}`` (the official
        SDK's style: snake_case keys, the body under ``request_body``). Every call also
        takes ``retries=``, ``max_retries=``, ``timeout_ms=``, ``http_headers=`` and ``server_url=``.

        Args:
            id (str): The customer's Dub id (`cus_...`), or its external id prefixed with `ext_` (e.g.
                    `ext_123`). One path segment.
            request: All the parameters as one dict, snake_case keys (the body under ``request_body``).

        Keyword Args:
            include_expanded_fields (bool, optional): Also return link, programId, partner and discount (when they exist).
            email (str | None, optional):
            name (str | None, optional):
            avatar (str | None, optional):
            external_id (str, optional):
            stripe_customer_id (str | None, optional):
            country (str, optional): Accepted, currently not stored by the server. Sending it warns (once): Dub accepts country on update but does not store it (the call changes nothing).
            subscription_canceled_at (datetime.datetime | str | None, optional): Not in Dub's published API document; the live server's update handler ignores it. Sending it warns (once): Dub accepts subscriptionCanceledAt on update but does not store it (the call changes
                    nothing).
            request_body (UpdateCustomerRequestBody | UpdateCustomerBody, optional): The body as one dict or model, instead of its fields as keywords.

        Returns:
            The customer after the update.

        Raises:
            TypeError: an unknown or missing parameter, or a wrong type (nothing is sent).
            ValueError: a value out of bounds (nothing is sent).
            dub_client.errors.BadRequest: 400, The request is malformed (for example a bad Authorization header).
            dub_client.errors.Unauthorized: 401, The API key is missing or unknown.
            dub_client.errors.Forbidden: 403, The plan or the role does not allow this (codes forbidden,
                exceeded_limit).
            dub_client.errors.NotFound: 404, No such customer.
            dub_client.errors.Conflict: 409, A unique field is taken (codes conflict, invite_pending).
            dub_client.errors.InviteExpired: 410, The invite has expired.
            dub_client.errors.UnprocessableEntity: 422, A value is invalid (bad email, unknown cursor, conflicting
                parameters).
            dub_client.errors.RateLimitExceeded: 429, Too many requests for this key in the last minute.
            dub_client.errors.InternalServerError: 500, The server failed.
            dub_client.errors.SDKError: any other error status (502, 503 …).
            dub_client.errors.ResponseValidationError: a 2xx body that does not match the spec.
            dub_client.errors.APIConnectionError: no usable response (APITimeoutError: too slow).

        Examples:
            ```python
            result = dub.customers.update("cus_123")
            result = dub.customers.update(request={"id": "cus_123"})
            ```
        """
        if id is not None:
            kwargs["id"] = id
        return update_customer.sync(self._client, request, kwargs)

    @overload
    async def update_async(
        self,
        id: str,
        **kwargs: Unpack[UpdateCustomerParams],
    ) -> Customer: ...

    @overload
    async def update_async(
        self,
        *,
        request: UpdateCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> Customer: ...

    async def update_async(
        self,
        id: str | None = None,
        *,
        request: UpdateCustomerRequest | None = None,
        **kwargs: Any,
    ) -> Customer:
        """The async twin of ``update``."""
        if id is not None:
            kwargs["id"] = id
        return await update_customer.asyncio(self._client, request, kwargs)


class CustomersWithRawResponse:
    """``dub.customers.with_raw_response``: every method of ``Customers``, answering
    with the HTTP response (``RawResponse``). Error statuses raise
    as in the plain call; a list answers with its first page's response."""

    __slots__ = ("_client",)

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def list(
        self,
        request: GetCustomersRequest | None = None,
        **kwargs: Unpack[GetCustomersParams],
    ) -> RawResponse[Page[Customer]]:
        """``Customers.list``, answering with the HTTP response (``parse()`` gives the result: the first page)."""
        return get_customers.sync_raw(self._client, request, dict(kwargs))

    async def list_async(
        self,
        request: GetCustomersRequest | None = None,
        **kwargs: Unpack[GetCustomersParams],
    ) -> RawResponse[AsyncPage[Customer]]:
        """``Customers.list_async``, answering with the HTTP response (``parse()`` gives the result: the first page)."""
        return await get_customers.asyncio_raw(self._client, request, dict(kwargs))

    @overload
    def create(
        self,
        **kwargs: Unpack[CreateCustomerParams],
    ) -> RawResponse[Customer]: ...

    @overload
    def create(
        self,
        request: CreateCustomerRequest | CreateCustomerBody,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Customer]: ...

    def create(
        self,
        request: CreateCustomerRequest | CreateCustomerBody | None = None,
        **kwargs: Any,
    ) -> RawResponse[Customer]:
        """``Customers.create``, answering with the HTTP response (``parse()`` gives the result)."""
        return create_customer.sync_raw(self._client, request, kwargs)

    @overload
    async def create_async(
        self,
        **kwargs: Unpack[CreateCustomerParams],
    ) -> RawResponse[Customer]: ...

    @overload
    async def create_async(
        self,
        request: CreateCustomerRequest | CreateCustomerBody,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Customer]: ...

    async def create_async(
        self,
        request: CreateCustomerRequest | CreateCustomerBody | None = None,
        **kwargs: Any,
    ) -> RawResponse[Customer]:
        """``Customers.create_async``, answering with the HTTP response (``parse()`` gives the result)."""
        return await create_customer.asyncio_raw(self._client, request, kwargs)

    @overload
    def get(
        self,
        id: str,
        **kwargs: Unpack[GetCustomerParams],
    ) -> RawResponse[Customer]: ...

    @overload
    def get(
        self,
        *,
        request: GetCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Customer]: ...

    def get(
        self,
        id: str | None = None,
        *,
        request: GetCustomerRequest | None = None,
        **kwargs: Any,
    ) -> RawResponse[Customer]:
        """``Customers.get``, answering with the HTTP response (``parse()`` gives the result)."""
        if id is not None:
            kwargs["id"] = id
        return get_customer.sync_raw(self._client, request, kwargs)

    @overload
    async def get_async(
        self,
        id: str,
        **kwargs: Unpack[GetCustomerParams],
    ) -> RawResponse[Customer]: ...

    @overload
    async def get_async(
        self,
        *,
        request: GetCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Customer]: ...

    async def get_async(
        self,
        id: str | None = None,
        *,
        request: GetCustomerRequest | None = None,
        **kwargs: Any,
    ) -> RawResponse[Customer]:
        """``Customers.get_async``, answering with the HTTP response (``parse()`` gives the result)."""
        if id is not None:
            kwargs["id"] = id
        return await get_customer.asyncio_raw(self._client, request, kwargs)

    @overload
    def delete(
        self,
        id: str,
        **kwargs: Unpack[DeleteCustomerParams],
    ) -> RawResponse[DeletedCustomer]: ...

    @overload
    def delete(
        self,
        *,
        request: DeleteCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[DeletedCustomer]: ...

    def delete(
        self,
        id: str | None = None,
        *,
        request: DeleteCustomerRequest | None = None,
        **kwargs: Any,
    ) -> RawResponse[DeletedCustomer]:
        """``Customers.delete``, answering with the HTTP response (``parse()`` gives the result)."""
        if id is not None:
            kwargs["id"] = id
        return delete_customer.sync_raw(self._client, request, kwargs)

    @overload
    async def delete_async(
        self,
        id: str,
        **kwargs: Unpack[DeleteCustomerParams],
    ) -> RawResponse[DeletedCustomer]: ...

    @overload
    async def delete_async(
        self,
        *,
        request: DeleteCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[DeletedCustomer]: ...

    async def delete_async(
        self,
        id: str | None = None,
        *,
        request: DeleteCustomerRequest | None = None,
        **kwargs: Any,
    ) -> RawResponse[DeletedCustomer]:
        """``Customers.delete_async``, answering with the HTTP response (``parse()`` gives the result)."""
        if id is not None:
            kwargs["id"] = id
        return await delete_customer.asyncio_raw(self._client, request, kwargs)

    @overload
    def update(
        self,
        id: str,
        **kwargs: Unpack[UpdateCustomerParams],
    ) -> RawResponse[Customer]: ...

    @overload
    def update(
        self,
        *,
        request: UpdateCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Customer]: ...

    def update(
        self,
        id: str | None = None,
        *,
        request: UpdateCustomerRequest | None = None,
        **kwargs: Any,
    ) -> RawResponse[Customer]:
        """``Customers.update``, answering with the HTTP response (``parse()`` gives the result)."""
        if id is not None:
            kwargs["id"] = id
        return update_customer.sync_raw(self._client, request, kwargs)

    @overload
    async def update_async(
        self,
        id: str,
        **kwargs: Unpack[UpdateCustomerParams],
    ) -> RawResponse[Customer]: ...

    @overload
    async def update_async(
        self,
        *,
        request: UpdateCustomerRequest,
        **options: Unpack[RequestOptions],
    ) -> RawResponse[Customer]: ...

    async def update_async(
        self,
        id: str | None = None,
        *,
        request: UpdateCustomerRequest | None = None,
        **kwargs: Any,
    ) -> RawResponse[Customer]:
        """``Customers.update_async``, answering with the HTTP response (``parse()`` gives the result)."""
        if id is not None:
            kwargs["id"] = id
        return await update_customer.asyncio_raw(self._client, request, kwargs)
