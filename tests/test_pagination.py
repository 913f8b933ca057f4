"""Pagination over the sandbox's real cursor semantics, sync and async."""

from __future__ import annotations

import httpx
import pytest
from _spec import op_named
from conftest import Recorder, customer_json

from dub_client import Dub, errors
from dub_client._generated.api.customers import get_customers
from dub_client._pagination import next_values
from dub_client.models import Customer
from dub_client.testing import Sandbox


def ids_desc(sandbox: Sandbox) -> list[str]:
    return sorted((c["id"] for c in sandbox.customers()), reverse=True)


def test_every_customer_once_and_in_order_over_three_pages():
    sandbox = Sandbox(seed=250)
    with sandbox.dub() as dub:
        seen = [c.id for c in dub.customers.list(page_size=100)]
    assert seen == ids_desc(sandbox)
    assert len(seen) == len(set(seen)) == 250
    queries = [r.raw_query for r in sandbox.requests]
    assert queries == [
        "pageSize=100",
        f"startingAfter={seen[99]}&pageSize=100",
        f"startingAfter={seen[199]}&pageSize=100",
    ]


def test_page_by_page():
    sandbox = Sandbox(seed=250)
    with sandbox.dub() as dub:
        first = dub.customers.list(request={"page_size": 100, "sort_order": "asc"})
        pages = list(first.iter_pages())
    assert [len(p.items) for p in pages] == [100, 100, 50]
    assert [p.has_next_page() for p in pages] == [True, True, False]
    assert pages[-1].next_page() is None
    assert [c.id for p in pages for c in p.items] == sorted(c["id"] for c in sandbox.customers())


def test_exact_multiple_ends_on_an_empty_page():
    sandbox = Sandbox(seed=200)
    with sandbox.dub() as dub:
        assert len(list(dub.customers.list(page_size=100))) == 200
    assert len(sandbox.requests) == 3  # 100, 100, then an empty page


def test_filters_are_kept_on_every_page():
    sandbox = Sandbox(seed=60)
    with sandbox.dub() as dub:
        expected = [c["id"] for c in sandbox.customers() if c["country"] == "US"]
        got = [c.id for c in dub.customers.list(country="US", page_size=2)]
    assert sorted(got) == sorted(expected)
    assert all(r.query["country"] == "US" for r in sandbox.requests)


def test_walking_backwards_with_ending_before():
    sandbox = Sandbox(seed=30)
    everything = ids_desc(sandbox)
    with sandbox.dub() as dub:
        got = [c.id for c in dub.customers.list(ending_before=everything[-1], page_size=7)]
    # each page holds the 7 ids just before the cursor, in list order; pages walk towards the start
    assert sorted(got) == sorted(everything[:-1])
    assert "endingBefore" in sandbox.requests[1].query


def test_sorting_by_another_field_pages_by_offset():
    sandbox = Sandbox(seed=25)
    with sandbox.dub() as dub:
        got = [c.id for c in dub.customers.list(sort_by="saleAmount", page_size=10)]
    assert len(got) == len(set(got)) == 25
    queries = [r.raw_query for r in sandbox.requests]
    assert "page=2" in queries[1] and "page=3" in queries[2]
    assert not any("startingAfter" in q for q in queries)


async def test_async_for_walks_every_page():
    sandbox = Sandbox(seed=250)
    async with sandbox.dub() as dub:
        got = [c.id async for c in dub.customers.list_async(page_size=100)]
        first = await dub.customers.list_async(page_size=100)
        pages = [p async for p in first.iter_pages()]
    assert got == ids_desc(sandbox)
    assert [len(p.items) for p in pages] == [100, 100, 50]
    assert await pages[-1].next_page() is None


def test_a_cursor_that_does_not_advance_stops_with_an_error(dub: Dub, recorder: Recorder):
    same = [customer_json("cus_5"), customer_json("cus_5")]
    recorder.handler = lambda request: httpx.Response(200, json=same)
    page = dub.customers.list(page_size=2, starting_after="cus_5")
    with pytest.raises(errors.DubError, match="did not advance"):
        list(page)
    assert len(recorder.requests) == 1


def test_a_broken_page_midway_raises_a_typed_error(dub: Dub, recorder: Recorder):
    recorder.reply(
        httpx.Response(200, json=[customer_json("cus_2"), customer_json("cus_1")]),
        httpx.Response(
            422, json={"error": {"code": "unprocessable_entity", "message": "bad cursor"}}
        ),
    )
    seen = []
    with pytest.raises(errors.UnprocessableEntity):
        for c in dub.customers.list(page_size=2):
            seen.append(c.id)
    assert seen == ["cus_2", "cus_1"]


def customers(*ids: str) -> list[Customer]:
    return [Customer.from_dict(customer_json(i)) for i in ids]


def test_next_values_is_pure():
    paging = get_customers.OPERATION.pagination
    assert paging is not None
    cap = op_named("list").param("page")["schema"]["maximum"]
    size = op_named("list").param("pageSize")["schema"]["default"]
    params = {"page_size": 2, "page": cap, "sort_by": "saleAmount"}
    with pytest.raises(errors.DubError, match=f"at most {cap}"):
        next_values(paging, params, customers("a", "b"))
    assert next_values(paging, {"page_size": 2}, customers("a")) is None
    full = customers(*[f"c{i}" for i in range(size)])
    assert next_values(paging, {}, full) == {"starting_after": f"c{size - 1}"}
    assert next_values(paging, {"ending_before": "x"}, full) == {"ending_before": "c0"}
    assert next_values(paging, {"page": 4, "page_size": 1}, customers("x")) == {
        "page": 5,
        "page_size": 1,
    }


def test_a_full_last_page_is_not_followed_by_an_empty_one_sync_and_async():
    import asyncio

    sandbox = Sandbox(seed=10)
    with sandbox.dub() as dub:
        first = dub.customers.list(page_size=5)
        assert first.has_next_page()  # a full page: the API cannot say there is no more
        assert [len(p.items) for p in first.iter_pages()] == [5, 5]
        second = first.next()
        assert second is not None and second.next() is None  # not an empty Page
        assert len(sandbox.requests) == 5  # the last page's empty answer was asked for

        async def walk() -> tuple[list[int], object]:
            page = await dub.customers.list_async(page_size=5)
            sizes = [len(p.items) async for p in page.iter_pages()]
            last = await page.next()
            return sizes, await last.next() if last is not None else "no second page"

        assert asyncio.run(walk()) == ([5, 5], None)
