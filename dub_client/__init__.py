"""dub-client: a Python client for Dub's customers API.

>>> from dub_client import Dub
>>> with Dub(token="dub_...") as dub:            # doctest: +SKIP
...     for customer in dub.customers.list(page_size=100):
...         print(customer.id, customer.email)
"""

from . import errors, models
from ._client import DEFAULT_SERVER_URL, DEFAULT_TIMEOUT, ConfigurationError, Dub
from ._customers import Customers
from ._generated.types import Unset
from ._retries import DEFAULT_RETRY_CONFIG, BackoffStrategy, RetryConfig
from ._version import __version__

# The generated sentinel has no repr of its own; show "UNSET" in model reprs.
Unset.__repr__ = lambda self: "UNSET"  # type: ignore[method-assign]

__all__ = [
    "DEFAULT_RETRY_CONFIG",
    "DEFAULT_SERVER_URL",
    "DEFAULT_TIMEOUT",
    "BackoffStrategy",
    "ConfigurationError",
    "Customers",
    "Dub",
    "RetryConfig",
    "__version__",
    "errors",
    "models",
]
