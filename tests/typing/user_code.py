"""User code as mypy --strict sees it: `assert_type` lines must hold, and every line marked
`# error: <code>` must be reported by mypy with that error code (and no other line)."""

import asyncio
import datetime
from typing import Any, assert_type

from dub_client import AsyncPager, Dub, Page, RetryConfig, errors
from dub_client.models import Customer, CustomerLink, DeletedCustomer, UpdateCustomerBody

dub = Dub(token="dub_xxx")

# -- results -------------------------------------------------------------------------------
customer = dub.customers.get("cus_123", include_expanded_fields=True)
assert_type(customer, Customer)
assert_type(customer.id, str)
assert_type(customer.created_at, datetime.datetime)
assert_type(customer.email, str | None)  # absent reads as None: one narrowing, not two
if customer.email is not None:
    customer.email.lower()
assert_type(customer.link, CustomerLink | None)
assert_type(customer.first_sale_at, datetime.datetime | None)
assert_type(dub.customers.delete("cus_123"), DeletedCustomer)
assert_type(dub.customers.delete(id="cus_123"), DeletedCustomer)
page = dub.customers.list(page_size=50, sort_by="saleAmount", sort_order="desc")
assert_type(page, Page[Customer])
assert_type(page.items, list[Customer])
for each in dub.customers.list():
    assert_type(each, Customer)

# -- both call styles of the seed document ---------------------------------------------------
dub.customers.list(request={"page_size": 50, "country": "US"})
dub.customers.get(request={"id": "cus_123"})
dub.customers.update(request={"id": "cus_123", "request_body": {"name": "Ada"}})
dub.customers.update("cus_123", name="Ada", email=None)
dub.customers.update("cus_123", request_body=UpdateCustomerBody(name="Ada"))
dub.customers.create(request={"external_id": "u1", "country": "DE"})
dub.customers.create(external_id="u1", country="DE", email=None)
dub.customers.get("cus_123", retries=RetryConfig("none"), timeout_ms=2_000)
dub.customers.list(http_headers={"x-trace": "1"}, server_url="https://api.dub.co")

# -- mistakes mypy must catch ---------------------------------------------------------------
dub.customers.get()  # error: call-overload
dub.customers.get(request={})  # error: call-overload
dub.customers.list(sort_by="created_at")  # error: arg-type
dub.customers.list(page_size="50")  # error: arg-type
dub.customers.list(emial="a@b.co")  # error: call-arg
dub.customers.update("cus_123", external_id=None)  # error: call-overload
dub.customers.create(email="a@b.co")  # error: call-overload
dub.customers.get("cus_123", include_expanded_fields="yes")  # error: call-overload
customer.email.lower()  # error: union-attr
print(customer.emial)  # error: attr-defined

# -- models and settings built by hand ------------------------------------------------------
made = Customer("cus_1", "ext_1", datetime.datetime.now(datetime.UTC), email="a@b.co")
assert_type(made.additional_properties, dict[str, Any])
Customer(id="cus_1", external_id="ext_1")  # error: call-arg
Customer(id=1, external_id="e", created_at=made.created_at)  # error: arg-type
assert_type(RetryConfig(max_attempts=2).replace(max_attempts=3), RetryConfig)
RetryConfig(max_attempts="3")  # error: arg-type
RetryConfig().max_attempts = 2  # error: misc

# -- errors ----------------------------------------------------------------------------------
try:
    dub.customers.get("cus_123")
except errors.NotFound as error:
    assert_type(error.status_code, int)
    assert_type(error.request_id, str | None)
    assert_type(error.code, str | None)
    assert_type(error.retry_after, float | None)
    assert_type(error.body, str)
except errors.DubError as error:
    assert_type(error.attempts, int)


# -- async ---------------------------------------------------------------------------------
async def main() -> None:
    async with Dub() as client:
        got = await client.customers.get_async("cus_123")
        assert_type(got, Customer)
        pager = client.customers.list_async(email="a@b.co")
        assert_type(pager, AsyncPager[Customer])
        first = await pager
        assert_type(first.items, list[Customer])
        async for item in client.customers.list_async():
            assert_type(item, Customer)
        await client.customers.get_async()  # error: call-overload


asyncio.run(main())
