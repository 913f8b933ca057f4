"""dub-client: a Python client for Dub's customers API.

>>> from dub_client import Dub
>>> with Dub(token="dub_...") as dub:            # doctest: +SKIP
...     for customer in dub.customers.list(page_size=100):
...         print(customer.id, customer.email)

``import dub_client`` loads only the client core, its retry policy and the
errors; the generated operations and models load with the first use of a
resource (``dub.customers``) or of ``dub_client.models`` / ``dub_client.testing``.
"""

import importlib
from typing import TYPE_CHECKING, Any

from . import errors
from ._client import DEFAULT_TIMEOUT
from ._exceptions import ConfigurationError
from ._generated.client import DEFAULT_SERVER_URL, Dub
from ._raw import RawResponse
from ._retries import DEFAULT_RETRY_CONFIG, BackoffStrategy, RetryConfig
from ._version import __version__

if TYPE_CHECKING:
    from . import models, testing
    from ._operation import RequestOptions
    from ._pagination import AsyncPage, AsyncPager, Page

# loaded with the first use of a resource (the generated operations import them)
_LAZY = {
    "RequestOptions": "._operation",
    "Page": "._pagination",
    "AsyncPage": "._pagination",
    "AsyncPager": "._pagination",
}

__all__ = [
    "DEFAULT_RETRY_CONFIG",
    "DEFAULT_SERVER_URL",
    "DEFAULT_TIMEOUT",
    "AsyncPage",
    "AsyncPager",
    "BackoffStrategy",
    "ConfigurationError",
    "Dub",
    "Page",
    "RawResponse",
    "RequestOptions",
    "RetryConfig",
    "__version__",
    "errors",
    "models",
    "testing",
]


def __getattr__(name: str) -> Any:
    if name in ("models", "testing"):
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'dub_client' has no attribute {name!r}")
