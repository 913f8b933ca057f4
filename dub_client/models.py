"""Stable public names for the response and request models.

The classes are the generated attrs models (``dub_client._generated`` is
private and may be reorganised by a regeneration); import them from here.
``UNSET`` marks a field that was absent from a response (as opposed to ``None``,
an explicit null).
"""

from ._customers import (
    CreateCustomerFields,
    GetCustomerRequest,
    ListCustomersRequest,
    UpdateCustomerFields,
    UpdateCustomerRequest,
)
from ._generated.models.create_customer_body import CreateCustomerBody
from ._generated.models.customer import Customer
from ._generated.models.customer_discount import CustomerDiscount
from ._generated.models.customer_link import CustomerLink
from ._generated.models.customer_partner import CustomerPartner
from ._generated.models.customers_sort_by import CustomersSortBy
from ._generated.models.deleted_customer import DeletedCustomer
from ._generated.models.discount_type import DiscountType
from ._generated.models.error_detail import ErrorDetail
from ._generated.models.error_response import ErrorResponse
from ._generated.models.sort_order import SortOrder
from ._generated.models.update_customer_body import UpdateCustomerBody
from ._generated.types import UNSET, Unset
from ._pagination import AsyncCustomerPage, AsyncCustomerPager, CustomerPage

__all__ = [
    "UNSET",
    "AsyncCustomerPage",
    "AsyncCustomerPager",
    "CreateCustomerBody",
    "CreateCustomerFields",
    "Customer",
    "CustomerDiscount",
    "CustomerLink",
    "CustomerPage",
    "CustomerPartner",
    "CustomersSortBy",
    "DeletedCustomer",
    "DiscountType",
    "ErrorDetail",
    "ErrorResponse",
    "GetCustomerRequest",
    "ListCustomersRequest",
    "SortOrder",
    "Unset",
    "UpdateCustomerBody",
    "UpdateCustomerFields",
    "UpdateCustomerRequest",
]
