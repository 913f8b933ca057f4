"""``dub.customers``: one method per operation, each with an ``_async`` twin.

Each operation is prepared once by a pure ``_prepare_*`` function (checks the
input, asks the generated ``_get_kwargs`` for method, path, query and body);
the sync and async methods differ only in which send path they call.
"""

import builtins
import datetime
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Required, TypedDict, Unpack

from ._client import CallOptions
from ._generated.api.customers import (
    create_customer,
    delete_customer,
    get_customer,
    get_customers,
    update_customer,
)
from ._generated.models.create_customer_body import CreateCustomerBody
from ._generated.models.customer import Customer
from ._generated.models.customers_sort_by import CustomersSortBy
from ._generated.models.deleted_customer import DeletedCustomer
from ._generated.models.sort_order import SortOrder
from ._generated.models.update_customer_body import UpdateCustomerBody
from ._generated.types import Unset
from ._pagination import AsyncCustomerPage, AsyncCustomerPager, CustomerPage
from ._retries import RetryConfig
from ._validation import check_fields, check_id, fields_of_function, fields_of_model
from .errors import NotFound

if TYPE_CHECKING:
    from ._client import Dub

__all__ = [
    "CreateCustomerFields",
    "Customers",
    "GetCustomerRequest",
    "ListCustomersRequest",
    "UpdateCustomerFields",
    "UpdateCustomerRequest",
]


# The generated sentinel has no repr of its own; show "UNSET" in model reprs.
Unset.__repr__ = lambda self: "UNSET"  # type: ignore[method-assign]


# -- what callers may pass (typing only; the runtime checks come from the generated code) --
class ListCustomersRequest(TypedDict, total=False):
    """Filters, sorting and paging of ``customers.list`` (snake_case keys)."""

    email: str
    external_id: str
    search: str
    country: str
    link_id: str
    program_id: str
    partner_id: str
    include_expanded_fields: bool
    sort_by: CustomersSortBy | str
    sort_order: SortOrder | str
    starting_after: str
    ending_before: str
    page: int
    page_size: int


class GetCustomerRequest(TypedDict, total=False):
    """``customers.get(request={...})``."""

    id: Required[str]
    include_expanded_fields: bool


class UpdateCustomerFields(TypedDict, total=False):
    """The fields ``customers.update`` can change; ``None`` clears a nullable field."""

    email: str | None
    name: str | None
    avatar: str | None
    external_id: str
    stripe_customer_id: str | None
    country: str
    subscription_canceled_at: datetime.datetime | str | None


class UpdateCustomerRequest(TypedDict, total=False):
    """``customers.update(request={...})``."""

    id: Required[str]
    include_expanded_fields: bool
    request_body: UpdateCustomerFields | UpdateCustomerBody


class CreateCustomerFields(TypedDict, total=False):
    """The body of the deprecated ``customers.create``."""

    external_id: Required[str]
    country: Required[str]
    email: str | None
    name: str | None
    avatar: str | None
    stripe_customer_id: str | None


# -- runtime checks, derived from the generated code once at import ---------------------------
_LIST = fields_of_function(get_customers._get_kwargs)
_GET = fields_of_function(get_customer._get_kwargs, skip=("id",))
_UPDATE_QUERY = fields_of_function(update_customer._get_kwargs, skip=("id", "body"))
_UPDATE_BODY = fields_of_model(UpdateCustomerBody)
_CREATE_BODY = fields_of_model(CreateCustomerBody)
#: Bounds from openapi.yaml (a test keeps them equal to the spec).
BOUNDS = {"page_size": (1, 100), "page": (1, 1000)}
_CURSORS = ("starting_after", "ending_before")


def _merge(
    name: str, request: Mapping[str, Any] | None, given: Mapping[str, Any]
) -> dict[str, Any]:
    """``request=`` and keyword parameters as one dict, without ``None`` values (query
    parameters are never nullable: ``None`` means "not given")."""
    given = _drop_none(given)
    if request is None:
        return given
    if not isinstance(request, Mapping):
        raise TypeError(f"{name}: request must be a dict, not {type(request).__name__}")
    clash = set(request) & set(given)
    if clash:
        raise TypeError(f"{name}: {sorted(clash)} given both in request= and as keywords")
    return _drop_none({**request, **given})


def _drop_none(values: Mapping[str, Any]) -> dict[str, Any]:
    """Query parameters are never nullable: ``None`` means "not given"."""
    return {k: v for k, v in values.items() if v is not None}


def _prepare_list(params: Mapping[str, Any]) -> dict[str, Any]:
    checked = check_fields(_LIST, params, "customers.list: ")
    for key, (low, high) in BOUNDS.items():
        value = checked.get(key)
        if value is not None and not low <= value <= high:
            raise ValueError(f"customers.list: {key} must be between {low} and {high}, not {value}")
    cursors = [c for c in _CURSORS if c in checked]
    if len(cursors) == 2:
        raise ValueError("customers.list: give starting_after or ending_before, not both")
    if cursors and "page" in checked:
        raise ValueError("customers.list: page cannot be combined with a cursor")
    if cursors and checked.get("sort_by", CustomersSortBy.CREATEDAT) != CustomersSortBy.CREATEDAT:
        raise ValueError("customers.list: cursors only work with sort_by='createdAt'")
    for cursor in cursors:
        check_id(checked[cursor], cursor)
    return checked


def _split_id(name: str, id: Any, request: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
    """The id (positional, ``id=`` or ``request["id"]``) and the rest of the request."""
    if request is not None and not isinstance(request, Mapping):
        raise TypeError(f"{name}: request must be a dict, not {type(request).__name__}")
    rest = dict(request) if request is not None else {}
    if "id" in rest:
        if id is not None:
            raise TypeError(f"{name}: id given both positionally and in request=")
        id = rest.pop("id")
    if id is None:
        raise TypeError(f"{name}: missing the customer id")
    return check_id(id), rest


def _prepare_get(
    id: Any, request: Mapping[str, Any] | None, query: Mapping[str, Any]
) -> dict[str, Any]:
    cid, rest = _split_id("customers.get", id, request)
    checked = check_fields(_GET, _merge("customers.get", rest, query), "customers.get: ")
    return get_customer._get_kwargs(cid, **checked)


def _body(
    name: str,
    model: type[UpdateCustomerBody] | type[CreateCustomerBody],
    specs: Mapping[str, Any],
    body: Any,
) -> Any:
    if isinstance(body, model):
        return body
    checked = check_fields(specs, body if body is not None else {}, f"{name} body: ")
    return model(**checked)


def _prepare_update(
    id: Any,
    request: Mapping[str, Any] | None,
    query: Mapping[str, Any],
    fields: Mapping[str, Any],
) -> dict[str, Any]:
    cid, rest = _split_id("customers.update", id, request)
    body: Any = rest.pop("request_body", None)
    if fields:
        if body is not None:
            raise TypeError(
                "customers.update: give the fields as keywords or as request_body, not both"
            )
        body = fields
    merged = _merge("customers.update", rest, query)
    checked = check_fields(_UPDATE_QUERY, merged, "customers.update: ")
    model = _body("customers.update", UpdateCustomerBody, _UPDATE_BODY, body)
    return update_customer._get_kwargs(cid, body=model, **checked)


def _update_is_idempotent(spec: Mapping[str, Any]) -> bool:
    """Sending the same PATCH twice gives the same customer, except when the path names
    the customer by ``ext_<externalId>`` and the body changes that externalId: the
    second attempt would then look for a name that no longer exists."""
    renames = "externalId" in spec.get("json", {})
    return not (renames and spec["url"].startswith("/customers/ext_"))


def _prepare_delete(id: Any, request: Mapping[str, Any] | None) -> dict[str, Any]:
    cid, rest = _split_id("customers.delete", id, request)
    if rest:
        raise TypeError(f"customers.delete: unknown parameter(s) {sorted(rest)}; expected only id")
    return delete_customer._get_kwargs(cid)


def _prepare_create(request: Any, fields: Mapping[str, Any]) -> dict[str, Any]:
    if request is not None and fields:
        raise TypeError("customers.create: give the fields as keywords or as request=, not both")
    model = _body("customers.create", CreateCustomerBody, _CREATE_BODY, request or fields)
    return create_customer._get_kwargs(body=model)


def _wire_list(params: Mapping[str, Any]) -> dict[str, Any]:
    return get_customers._get_kwargs(**params)


def _check_customer(customer: Customer) -> Customer:
    """What the generated parser does not check: identity fields are strings, dates carry
    their offset (RFC 3339 requires one; a naive datetime would be silently wrong)."""
    if type(customer.id) is not str or type(customer.external_id) is not str:
        raise TypeError("id and externalId must be strings")
    for moment in (customer.created_at, customer.first_sale_at, customer.subscription_canceled_at):
        if type(moment) is datetime.datetime and moment.tzinfo is None:
            raise ValueError(f"date-time without a UTC offset: {moment.isoformat()}")
    return customer


def _parse_customer(data: Any) -> Customer:
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, got {type(data).__name__}")
    return _check_customer(Customer.from_dict(data))


def _parse_customers(data: Any) -> builtins.list[Customer]:
    if not isinstance(data, builtins.list):
        raise TypeError(f"expected a JSON array, got {type(data).__name__}")
    if not all(type(item) is dict for item in data):
        raise TypeError("expected a JSON array of objects")
    from_dict = Customer.from_dict
    return [_check_customer(from_dict(item)) for item in data]


def _parse_deleted(data: Any) -> DeletedCustomer:
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, got {type(data).__name__}")
    return DeletedCustomer.from_dict(data)


def _warn_create() -> None:
    warnings.warn(
        "customers.create is deprecated by Dub: customers are created by tracking a lead "
        "event (POST /track/lead)",
        DeprecationWarning,
        stacklevel=3,
    )


def _explain_delete_404(error: NotFound) -> None:
    if error.attempts > 1:
        error.message += (
            " (the request was retried: an earlier attempt may have deleted it before its"
            " response was lost)"
        )


class Customers:
    """The customers of the workspace. Reached as ``dub.customers``.

    Every method takes ``retries=`` (a :class:`RetryConfig`), ``timeout_ms=``,
    ``http_headers=`` and ``server_url=`` for this call only.
    """

    __slots__ = ("_dub",)

    def __init__(self, dub: "Dub") -> None:
        self._dub = dub

    def __repr__(self) -> str:
        return f"<Customers of {self._dub!r}>"

    # -- list ---------------------------------------------------------------------------
    def list(
        self,
        request: ListCustomersRequest | None = None,
        *,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
        **params: Unpack[ListCustomersRequest],
    ) -> CustomerPage:
        """The first page of customers; iterate the result to walk every page.

        ``list(request={"page_size": 50})`` and ``list(page_size=50)`` are the same.
        """
        checked = _prepare_list(_merge("customers.list", request, params))
        return self._list_page(checked, CallOptions(retries, timeout_ms, http_headers, server_url))

    def _list_page(self, params: dict[str, Any], options: CallOptions) -> CustomerPage:
        items = self._dub._call(
            _wire_list(params), _parse_customers, idempotent=True, options=options
        )
        return CustomerPage(items, params, lambda nxt: self._list_page(nxt, options))

    def list_async(
        self,
        request: ListCustomersRequest | None = None,
        *,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
        **params: Unpack[ListCustomersRequest],
    ) -> AsyncCustomerPager:
        """``await`` it for the first page, or ``async for`` every customer."""
        checked = _prepare_list(_merge("customers.list_async", request, params))
        options = CallOptions(retries, timeout_ms, http_headers, server_url)
        return AsyncCustomerPager(checked, lambda p: self._list_page_async(p, options))

    async def _list_page_async(
        self, params: dict[str, Any], options: CallOptions
    ) -> AsyncCustomerPage:
        items = await self._dub._call_async(
            _wire_list(params), _parse_customers, idempotent=True, options=options
        )
        return AsyncCustomerPage(items, params, lambda nxt: self._list_page_async(nxt, options))

    # -- get -------------------------------------------------------------------------
    def get(
        self,
        id: str | None = None,
        *,
        request: GetCustomerRequest | None = None,
        include_expanded_fields: bool | None = None,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
    ) -> Customer:
        """One customer by Dub id (``cus_…``) or external id (``ext_…``)."""
        spec = _prepare_get(id, request, {"include_expanded_fields": include_expanded_fields})
        options = CallOptions(retries, timeout_ms, http_headers, server_url)
        return self._dub._call(spec, _parse_customer, idempotent=True, options=options)

    async def get_async(
        self,
        id: str | None = None,
        *,
        request: GetCustomerRequest | None = None,
        include_expanded_fields: bool | None = None,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
    ) -> Customer:
        """The async twin of :meth:`get`."""
        spec = _prepare_get(id, request, {"include_expanded_fields": include_expanded_fields})
        options = CallOptions(retries, timeout_ms, http_headers, server_url)
        return await self._dub._call_async(spec, _parse_customer, idempotent=True, options=options)

    # -- update ----------------------------------------------------------------------
    def update(
        self,
        id: str | None = None,
        *,
        request: UpdateCustomerRequest | None = None,
        include_expanded_fields: bool | None = None,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
        **fields: Unpack[UpdateCustomerFields],
    ) -> Customer:
        """Change the fields given (and only those); ``None`` clears a nullable field."""
        spec = _prepare_update(
            id, request, {"include_expanded_fields": include_expanded_fields}, fields
        )
        options = CallOptions(retries, timeout_ms, http_headers, server_url)
        idempotent = _update_is_idempotent(spec)
        return self._dub._call(spec, _parse_customer, idempotent=idempotent, options=options)

    async def update_async(
        self,
        id: str | None = None,
        *,
        request: UpdateCustomerRequest | None = None,
        include_expanded_fields: bool | None = None,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
        **fields: Unpack[UpdateCustomerFields],
    ) -> Customer:
        """The async twin of :meth:`update`."""
        spec = _prepare_update(
            id, request, {"include_expanded_fields": include_expanded_fields}, fields
        )
        options = CallOptions(retries, timeout_ms, http_headers, server_url)
        idempotent = _update_is_idempotent(spec)
        return await self._dub._call_async(
            spec, _parse_customer, idempotent=idempotent, options=options
        )

    # -- delete ----------------------------------------------------------------------
    def delete(
        self,
        id: str | None = None,
        *,
        request: Mapping[str, str] | None = None,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
    ) -> DeletedCustomer:
        """Delete a customer; the result names its Dub id even when called with ``ext_…``.

        A retried DELETE that meets 404 raises :class:`~dub_client.errors.NotFound`
        whose message says an earlier attempt may have done the deletion.
        """
        spec = _prepare_delete(id, request)
        options = CallOptions(retries, timeout_ms, http_headers, server_url)
        try:
            return self._dub._call(spec, _parse_deleted, idempotent=True, options=options)
        except NotFound as error:
            _explain_delete_404(error)
            raise

    async def delete_async(
        self,
        id: str | None = None,
        *,
        request: Mapping[str, str] | None = None,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
    ) -> DeletedCustomer:
        """The async twin of :meth:`delete`."""
        spec = _prepare_delete(id, request)
        options = CallOptions(retries, timeout_ms, http_headers, server_url)
        try:
            return await self._dub._call_async(
                spec, _parse_deleted, idempotent=True, options=options
            )
        except NotFound as error:
            _explain_delete_404(error)
            raise

    # -- create (deprecated) -----------------------------------------------------------
    def create(
        self,
        request: CreateCustomerFields | CreateCustomerBody | None = None,
        *,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
        **fields: Unpack[CreateCustomerFields],
    ) -> Customer:
        """Deprecated by Dub (use lead tracking). Not idempotent, so it is retried only
        when the request certainly never reached the server (connect error, 429)."""
        _warn_create()
        spec = _prepare_create(request, fields)
        options = CallOptions(retries, timeout_ms, http_headers, server_url)
        return self._dub._call(spec, _parse_customer, idempotent=False, options=options)

    async def create_async(
        self,
        request: CreateCustomerFields | CreateCustomerBody | None = None,
        *,
        retries: RetryConfig | None = None,
        timeout_ms: int | None = None,
        http_headers: Mapping[str, str] | None = None,
        server_url: str | None = None,
        **fields: Unpack[CreateCustomerFields],
    ) -> Customer:
        """The async twin of :meth:`create` (deprecated)."""
        _warn_create()
        spec = _prepare_create(request, fields)
        options = CallOptions(retries, timeout_ms, http_headers, server_url)
        return await self._dub._call_async(spec, _parse_customer, idempotent=False, options=options)
