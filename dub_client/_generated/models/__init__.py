"""Contains all the data models used in inputs/outputs"""

from .create_customer_body import CreateCustomerBody
from .customer import Customer
from .customer_discount import CustomerDiscount
from .customer_link import CustomerLink
from .customer_partner import CustomerPartner
from .customers_sort_by import CustomersSortBy
from .deleted_customer import DeletedCustomer
from .discount_type import DiscountType
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .sort_order import SortOrder
from .update_customer_body import UpdateCustomerBody

__all__ = (
    "CreateCustomerBody",
    "Customer",
    "CustomerDiscount",
    "CustomerLink",
    "CustomerPartner",
    "CustomersSortBy",
    "DeletedCustomer",
    "DiscountType",
    "ErrorDetail",
    "ErrorResponse",
    "SortOrder",
    "UpdateCustomerBody",
)
