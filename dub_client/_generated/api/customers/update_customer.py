from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer import Customer
from ...models.error_response import ErrorResponse
from ...models.update_customer_body import UpdateCustomerBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: UpdateCustomerBody,
    include_expanded_fields: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["includeExpandedFields"] = include_expanded_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/customers/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Customer | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = Customer.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = ErrorResponse.from_dict(response.json())

        return response_410

    if response.status_code == 422:
        response_422 = ErrorResponse.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Customer | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomerBody,
    include_expanded_fields: bool | Unset = UNSET,
) -> Response[Customer | ErrorResponse]:
    """Update a customer

     Changes only the fields present in the body; an explicit null clears a nullable field. Send `{}` for
    a no-op (a request without a body is a 400).

    Args:
        id (str):
        include_expanded_fields (bool | Unset):
        body (UpdateCustomerBody): Every field is optional; only the fields sent change. null
            clears a nullable field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Customer | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        include_expanded_fields=include_expanded_fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomerBody,
    include_expanded_fields: bool | Unset = UNSET,
) -> Customer | ErrorResponse | None:
    """Update a customer

     Changes only the fields present in the body; an explicit null clears a nullable field. Send `{}` for
    a no-op (a request without a body is a 400).

    Args:
        id (str):
        include_expanded_fields (bool | Unset):
        body (UpdateCustomerBody): Every field is optional; only the fields sent change. null
            clears a nullable field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Customer | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        include_expanded_fields=include_expanded_fields,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomerBody,
    include_expanded_fields: bool | Unset = UNSET,
) -> Response[Customer | ErrorResponse]:
    """Update a customer

     Changes only the fields present in the body; an explicit null clears a nullable field. Send `{}` for
    a no-op (a request without a body is a 400).

    Args:
        id (str):
        include_expanded_fields (bool | Unset):
        body (UpdateCustomerBody): Every field is optional; only the fields sent change. null
            clears a nullable field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Customer | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        include_expanded_fields=include_expanded_fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateCustomerBody,
    include_expanded_fields: bool | Unset = UNSET,
) -> Customer | ErrorResponse | None:
    """Update a customer

     Changes only the fields present in the body; an explicit null clears a nullable field. Send `{}` for
    a no-op (a request without a body is a 400).

    Args:
        id (str):
        include_expanded_fields (bool | Unset):
        body (UpdateCustomerBody): Every field is optional; only the fields sent change. null
            clears a nullable field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Customer | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            include_expanded_fields=include_expanded_fields,
        )
    ).parsed
