"""Synthetic customers shared by the loopback server and the in-process benchmarks.

Every figure uses the same bytes: ``CUSTOMER_JSON`` is what ``GET /customers/{id}``
returns (and what the in-process transport returns), ``page_json`` builds the
bodies of ``GET /customers``.
"""

from __future__ import annotations

import json
from typing import Any

TOTAL_CUSTOMERS = 10_000
TOKEN = "dub_benchmark_token"


def customer_id(i: int) -> str:
    """Ids sort in creation order, like Dub's time-sortable ``cus_`` ids."""
    return f"cus_{i:021d}"


def make_customer(i: int, *, expanded: bool = False) -> dict[str, Any]:
    """One customer as the API returns it (camelCase, ISO dates with ``Z``)."""
    day = 1 + i % 28
    customer: dict[str, Any] = {
        "id": customer_id(i),
        "externalId": f"ext_{i:08d}",
        "name": f"Customer {i}",
        "email": f"customer{i}@example.com",
        "avatar": f"https://avatars.example.com/{i}.png",
        "stripeCustomerId": f"cus_stripe_{i:010d}",
        "country": ("US", "DE", "FR", "GB", "JP")[i % 5],
        "sales": i % 17,
        "saleAmount": (i % 17) * 1999.5,
        "createdAt": f"2024-05-{day:02d}T12:{i % 60:02d}:{(i * 7) % 60:02d}.000Z",
        "firstSaleAt": f"2024-06-{day:02d}T08:30:00.000Z" if i % 3 else None,
        "subscriptionCanceledAt": None,
    }
    if expanded:
        customer.update(
            {
                "link": {
                    "id": f"link_{i:012d}",
                    "domain": "dub.sh",
                    "key": f"k{i}",
                    "shortLink": f"https://dub.sh/k{i}",
                    "url": f"https://example.com/landing?ref={i}",
                    "programId": "prog_000000000001",
                },
                "programId": "prog_000000000001",
                "partner": {
                    "id": f"pn_{i:012d}",
                    "name": f"Partner {i}",
                    "email": f"partner{i}@example.com",
                    "image": None,
                },
                "discount": {
                    "id": "disc_000000000001",
                    "amount": 20,
                    "type": "percentage",
                    "maxDuration": 12,
                    "couponId": "coupon_1",
                    "couponTestId": None,
                    "description": "20% off for a year",
                    "partnersCount": 42,
                },
            }
        )
    return customer


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


#: The canned body of GET /customers/{id} (every field set, no expanded fields).
CUSTOMER_JSON = dumps(make_customer(1))


def page_json(items: list[bytes]) -> bytes:
    """A JSON array from already-encoded items."""
    return b"[" + b",".join(items) + b"]"


def encoded_customers(count: int = TOTAL_CUSTOMERS, *, expanded: bool = False) -> list[bytes]:
    return [dumps(make_customer(i, expanded=expanded)) for i in range(count)]


def expanded_page(size: int = 100) -> bytes:
    """A page of ``size`` customers with link, partner, discount and dates."""
    return page_json(encoded_customers(size, expanded=True))


def _keys(value: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (key, tuple(inner) if isinstance(inner, dict) else ()) for key, inner in value.items()
    )


#: Every key of an expanded customer, with the keys of its nested objects: what a
#: program reading everything reads (``_clients.read_page``, raw httpx).
CUSTOMER_KEYS = _keys(make_customer(0, expanded=True))
