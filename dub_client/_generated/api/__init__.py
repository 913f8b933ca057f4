"""The resource classes and request types of every tag.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

from .customers import CreateCustomerParams as CreateCustomerParams
from .customers import CreateCustomerRequest as CreateCustomerRequest
from .customers import CreateCustomerRequestBody as CreateCustomerRequestBody
from .customers import Customers as Customers
from .customers import CustomersWithRawResponse as CustomersWithRawResponse
from .customers import DeleteCustomerParams as DeleteCustomerParams
from .customers import DeleteCustomerRequest as DeleteCustomerRequest
from .customers import GetCustomerParams as GetCustomerParams
from .customers import GetCustomerRequest as GetCustomerRequest
from .customers import GetCustomersParams as GetCustomersParams
from .customers import GetCustomersRequest as GetCustomersRequest
from .customers import UpdateCustomerParams as UpdateCustomerParams
from .customers import UpdateCustomerRequest as UpdateCustomerRequest
from .customers import UpdateCustomerRequestBody as UpdateCustomerRequestBody

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
