"""A tour of dub-client: `make demo` (or `python examples/quickstart.py`).

Without DUB_API_KEY it starts a sandbox Dub on 127.0.0.1 (250 made-up
customers) and walks every operation. With DUB_API_KEY set it runs only the
read-only part against the real API (DUB_BASE_URL overrides the server).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time
from collections.abc import Iterator

from dub_client import Dub, errors
from dub_client.models import Customer
from dub_client.testing import Fault, Sandbox


def step(title: str) -> None:
    print(f"\n== {title}")


def show(customer: Customer) -> str:
    email = customer.email if customer.email is not None else "-"
    country = customer.country if customer.country is not None else "--"
    return f"{customer.id}  {customer.external_id:<10} {country}  {email}"


def read_only_tour(dub: Dub) -> Customer | None:
    step("List: the first page, 5 per page, newest first")
    page = dub.customers.list(page_size=5)
    for customer in page.items:
        print("  ", show(customer))
    print(f"   ({len(page.items)} on this page; more pages: {page.has_next_page()})")

    step("Iterate every page (the SDK follows startingAfter cursors for you)")
    started = time.perf_counter()
    count = 0
    for count, _customer in enumerate(dub.customers.list(page_size=100), start=1):
        if count >= 1000:
            print("   stopping at 1,000 customers for the demo")
            break
    print(f"   {count} customers in {time.perf_counter() - started:.2f}s")

    if not page.items:
        print("   (no customers in this workspace: nothing to get)")
        return None
    first = page.items[0]
    step("Get one customer by id, with expanded fields")
    customer = dub.customers.get(first.id, include_expanded_fields=True)
    print("  ", show(customer), "created", customer.created_at.isoformat())
    print("   link:", customer.link.short_link if customer.link else "(none)")
    return customer


def write_tour(dub: Dub, sandbox: Sandbox) -> None:
    step("List with filters: customers in Germany (country='DE')")
    for customer in dub.customers.list(request={"country": "DE", "page_size": 3}).items:
        print("  ", show(customer))

    step("Get by your own id: 'ext_' + externalId, with expanded fields")
    referred = dub.customers.get("ext_user-3", include_expanded_fields=True)
    print("  ", show(referred))
    if referred.link and referred.partner and referred.discount:
        print(f"   link {referred.link.short_link}, partner {referred.partner.name}, ", end="")
        print(f"discount {referred.discount.amount} {referred.discount.type_}")
    ada = dub.customers.get("ext_user-7")
    print("  ", show(ada))

    step("Update: set a name, clear the email (None sends null)")
    ada = dub.customers.update(ada.id, name="Ada Lovelace", email=None)
    print(f"   name={ada.name!r} email={ada.email!r}")

    step("Retries: the next two requests fail with 503, the call still succeeds")
    sandbox.fail_next(Fault(status=503), Fault(status=503))
    before = len(sandbox.requests)
    again = dub.customers.get(ada.id)
    print(f"   got {again.id} after {len(sandbox.requests) - before} attempts")

    step("Delete by external id; the answer names the Dub id")
    deleted = dub.customers.delete("ext_user-7")
    print(f"   deleted {deleted.id}")

    step("Typed errors: getting it again is a 404")
    try:
        dub.customers.get("ext_user-7")
    except errors.NotFound as error:
        print(f"   {type(error).__name__}: {error}  (doc: {error.doc_url})")

    step("Bad input is refused before anything is sent")
    try:
        dub.customers.list(page_size=500)
    except ValueError as error:
        print(f"   ValueError: {error}")


async def async_tour(dub: Dub) -> None:
    step("Async: 20 concurrent gets, then `async for` over every page")
    page = await dub.customers.list_async(page_size=20)
    fetched = await asyncio.gather(*(dub.customers.get_async(c.id) for c in page.items))
    print(f"   fetched {len(fetched)} customers concurrently")
    total = 0
    async for _customer in dub.customers.list_async(page_size=100):
        total += 1
    print(f"   async for saw {total} customers")


@contextlib.contextmanager
def local_sandbox() -> Iterator[tuple[Sandbox, str]]:
    sandbox = Sandbox(seed=250)
    with sandbox.serve() as url:
        yield sandbox, url


def main() -> int:
    if os.environ.get("DUB_API_KEY"):
        print("DUB_API_KEY is set: read-only tour of the real API")
        try:
            with Dub() as dub:
                read_only_tour(dub)
        except errors.DubError as error:
            print(f"\nstopped: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
        return 0
    print("DUB_API_KEY is not set: starting a sandbox Dub on 127.0.0.1 (no network, no key)")
    with local_sandbox() as (sandbox, url), Dub("dub_sandbox", server_url=url) as dub:
        print(f"   sandbox at {url}")
        read_only_tour(dub)
        write_tour(dub, sandbox)
        asyncio.run(async_tour_with_client(url))
    print("\nDone.")
    return 0


async def async_tour_with_client(url: str) -> None:
    async with Dub("dub_sandbox", server_url=url) as dub:
        await async_tour(dub)


if __name__ == "__main__":
    sys.exit(main())
