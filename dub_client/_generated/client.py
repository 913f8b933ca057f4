"""``Dub``: the client core plus one resource per tag of ``openapi.yaml``.

Generated from openapi.yaml by ``make generate``; do not edit.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._client import BaseClient

if TYPE_CHECKING:
    from .api.customers import Customers

__all__ = ["Dub"]


class Dub(BaseClient):
    __doc__ = BaseClient.__doc__

    @cached_property
    def customers(self) -> Customers:
        """The customers operations (loaded on first use)."""
        from .api.customers import Customers

        return Customers(self)
