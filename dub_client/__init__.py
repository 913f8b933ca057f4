"""dub-client: a Python client for Dub's customers API.

>>> from dub_client import Dub
>>> with Dub(token="dub_...") as dub:            # doctest: +SKIP
...     for customer in dub.customers.list(page_size=100):
...         print(customer.id, customer.email)

``import dub_client`` loads only the client, its retry policy and the errors;
the generated models (attrs classes) load with the first ``Dub(...)`` or the
first use of ``dub_client.models`` / ``dub_client.testing``. The cost is the
same, it just is not paid by programs that import the package without calling it.
"""

import importlib
from typing import TYPE_CHECKING, Any

from . import errors
from ._client import DEFAULT_SERVER_URL, DEFAULT_TIMEOUT, ConfigurationError, Dub
from ._retries import DEFAULT_RETRY_CONFIG, BackoffStrategy, RetryConfig
from ._version import __version__

if TYPE_CHECKING:
    from . import models, testing
    from ._customers import Customers

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
    "testing",
]


def __getattr__(name: str) -> Any:
    if name in ("models", "testing"):
        return importlib.import_module(f".{name}", __name__)
    if name == "Customers":
        from ._customers import Customers

        return Customers
    raise AttributeError(f"module 'dub_client' has no attribute {name!r}")
