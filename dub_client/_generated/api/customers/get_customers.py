from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer import Customer
from ...models.customers_sort_by import CustomersSortBy
from ...models.error_response import ErrorResponse
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    search: str | Unset = UNSET,
    country: str | Unset = UNSET,
    link_id: str | Unset = UNSET,
    program_id: str | Unset = UNSET,
    partner_id: str | Unset = UNSET,
    include_expanded_fields: bool | Unset = UNSET,
    sort_by: CustomersSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    ending_before: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["email"] = email

    params["externalId"] = external_id

    params["search"] = search

    params["country"] = country

    params["linkId"] = link_id

    params["programId"] = program_id

    params["partnerId"] = partner_id

    params["includeExpandedFields"] = include_expanded_fields

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sortBy"] = json_sort_by

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sortOrder"] = json_sort_order

    params["startingAfter"] = starting_after

    params["endingBefore"] = ending_before

    params["page"] = page

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/customers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[Customer] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Customer.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ErrorResponse | list[Customer]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    search: str | Unset = UNSET,
    country: str | Unset = UNSET,
    link_id: str | Unset = UNSET,
    program_id: str | Unset = UNSET,
    partner_id: str | Unset = UNSET,
    include_expanded_fields: bool | Unset = UNSET,
    sort_by: CustomersSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    ending_before: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = 100,
) -> Response[ErrorResponse | list[Customer]]:
    """Retrieve a list of customers

     Lists the customers of the authenticated workspace. The response is a bare array; there is no
    envelope and no next cursor. Walk the list with `startingAfter` set to the id of the last customer
    of the previous page; a page shorter than `pageSize` is the last one.

    Args:
        email (str | Unset):
        external_id (str | Unset):
        search (str | Unset):
        country (str | Unset):
        link_id (str | Unset):
        program_id (str | Unset):
        partner_id (str | Unset):
        include_expanded_fields (bool | Unset):
        sort_by (CustomersSortBy | Unset):
        sort_order (SortOrder | Unset):
        starting_after (str | Unset):
        ending_before (str | Unset):
        page (int | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Customer]]
    """

    kwargs = _get_kwargs(
        email=email,
        external_id=external_id,
        search=search,
        country=country,
        link_id=link_id,
        program_id=program_id,
        partner_id=partner_id,
        include_expanded_fields=include_expanded_fields,
        sort_by=sort_by,
        sort_order=sort_order,
        starting_after=starting_after,
        ending_before=ending_before,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    search: str | Unset = UNSET,
    country: str | Unset = UNSET,
    link_id: str | Unset = UNSET,
    program_id: str | Unset = UNSET,
    partner_id: str | Unset = UNSET,
    include_expanded_fields: bool | Unset = UNSET,
    sort_by: CustomersSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    ending_before: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = 100,
) -> ErrorResponse | list[Customer] | None:
    """Retrieve a list of customers

     Lists the customers of the authenticated workspace. The response is a bare array; there is no
    envelope and no next cursor. Walk the list with `startingAfter` set to the id of the last customer
    of the previous page; a page shorter than `pageSize` is the last one.

    Args:
        email (str | Unset):
        external_id (str | Unset):
        search (str | Unset):
        country (str | Unset):
        link_id (str | Unset):
        program_id (str | Unset):
        partner_id (str | Unset):
        include_expanded_fields (bool | Unset):
        sort_by (CustomersSortBy | Unset):
        sort_order (SortOrder | Unset):
        starting_after (str | Unset):
        ending_before (str | Unset):
        page (int | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Customer]
    """

    return sync_detailed(
        client=client,
        email=email,
        external_id=external_id,
        search=search,
        country=country,
        link_id=link_id,
        program_id=program_id,
        partner_id=partner_id,
        include_expanded_fields=include_expanded_fields,
        sort_by=sort_by,
        sort_order=sort_order,
        starting_after=starting_after,
        ending_before=ending_before,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    search: str | Unset = UNSET,
    country: str | Unset = UNSET,
    link_id: str | Unset = UNSET,
    program_id: str | Unset = UNSET,
    partner_id: str | Unset = UNSET,
    include_expanded_fields: bool | Unset = UNSET,
    sort_by: CustomersSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    ending_before: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = 100,
) -> Response[ErrorResponse | list[Customer]]:
    """Retrieve a list of customers

     Lists the customers of the authenticated workspace. The response is a bare array; there is no
    envelope and no next cursor. Walk the list with `startingAfter` set to the id of the last customer
    of the previous page; a page shorter than `pageSize` is the last one.

    Args:
        email (str | Unset):
        external_id (str | Unset):
        search (str | Unset):
        country (str | Unset):
        link_id (str | Unset):
        program_id (str | Unset):
        partner_id (str | Unset):
        include_expanded_fields (bool | Unset):
        sort_by (CustomersSortBy | Unset):
        sort_order (SortOrder | Unset):
        starting_after (str | Unset):
        ending_before (str | Unset):
        page (int | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[Customer]]
    """

    kwargs = _get_kwargs(
        email=email,
        external_id=external_id,
        search=search,
        country=country,
        link_id=link_id,
        program_id=program_id,
        partner_id=partner_id,
        include_expanded_fields=include_expanded_fields,
        sort_by=sort_by,
        sort_order=sort_order,
        starting_after=starting_after,
        ending_before=ending_before,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    search: str | Unset = UNSET,
    country: str | Unset = UNSET,
    link_id: str | Unset = UNSET,
    program_id: str | Unset = UNSET,
    partner_id: str | Unset = UNSET,
    include_expanded_fields: bool | Unset = UNSET,
    sort_by: CustomersSortBy | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    ending_before: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = 100,
) -> ErrorResponse | list[Customer] | None:
    """Retrieve a list of customers

     Lists the customers of the authenticated workspace. The response is a bare array; there is no
    envelope and no next cursor. Walk the list with `startingAfter` set to the id of the last customer
    of the previous page; a page shorter than `pageSize` is the last one.

    Args:
        email (str | Unset):
        external_id (str | Unset):
        search (str | Unset):
        country (str | Unset):
        link_id (str | Unset):
        program_id (str | Unset):
        partner_id (str | Unset):
        include_expanded_fields (bool | Unset):
        sort_by (CustomersSortBy | Unset):
        sort_order (SortOrder | Unset):
        starting_after (str | Unset):
        ending_before (str | Unset):
        page (int | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[Customer]
    """

    return (
        await asyncio_detailed(
            client=client,
            email=email,
            external_id=external_id,
            search=search,
            country=country,
            link_id=link_id,
            program_id=program_id,
            partner_id=partner_id,
            include_expanded_fields=include_expanded_fields,
            sort_by=sort_by,
            sort_order=sort_order,
            starting_after=starting_after,
            ending_before=ending_before,
            page=page,
            page_size=page_size,
        )
    ).parsed
