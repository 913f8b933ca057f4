"""A closed Dub refuses calls, and nothing it opened stays open: not after close() or its
with block, and not after an event loop it served ends, aclose() or not."""

from __future__ import annotations

import asyncio
import gc
import threading
import warnings
from collections.abc import Callable, Iterator

import httpx
import pytest

from dub_client import Dub, errors
from dub_client.testing import Sandbox


@pytest.fixture
def served() -> Iterator[tuple[Sandbox, str]]:
    sandbox = Sandbox(seed=3)
    with sandbox.serve() as url:
        yield sandbox, url


def _resource_warnings(run: Callable[[], None]) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        run()
        gc.collect()
    return [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


def test_a_closed_dub_refuses_calls_sync_async_and_pages(served):
    sandbox, url = served
    with Dub("dub_t", server_url=url) as dub:
        page = dub.customers.list(page_size=1)
    for call in (
        lambda: dub.customers.list(page_size=1),
        lambda: dub.customers.get("cus_1"),
        page.next_page,
        lambda: asyncio.run(dub.customers.get_async("cus_1")),
    ):
        with pytest.raises(errors.ClientClosedError, match=r"this Dub is closed .*new Dub"):
            call()
    assert isinstance(errors.ClientClosedError("x"), RuntimeError)
    assert len(sandbox.requests) == 1  # nothing was sent after the block
    dub.close()
    dub.close()  # twice is fine
    assert repr(dub).endswith("closed)")


def test_after_close_nothing_is_left_open(served):
    _, url = served

    def use_then_close() -> None:
        dub = Dub("dub_t", server_url=url)
        dub.customers.list(page_size=1)
        dub.close()
        with pytest.raises(errors.ClientClosedError):
            dub.customers.list(page_size=1)  # used to build a new client and leak its socket
        del dub

    assert _resource_warnings(use_then_close) == []


def test_aclose_closes_and_with_options_clients_follow_their_parent(served):
    _, url = served

    async def main() -> None:
        async with Dub("dub_t", server_url=url) as dub:
            fast = dub.with_options(max_retries=0)
            fast.close()  # closes only itself: the parent keeps working
            with pytest.raises(errors.ClientClosedError):
                await fast.customers.get_async("cus_1")
            await dub.customers.list_async(page_size=1)
            later = dub.with_options(timeout_ms=1_000)
        with pytest.raises(errors.ClientClosedError):
            await later.customers.list_async(page_size=1)

    asyncio.run(main())


def test_loops_ended_by_asyncio_run_close_their_connections(served):
    sandbox, url = served
    cid = sandbox.customers()[0]["id"]
    dub = Dub("dub_t", server_url=url)
    pools: list[httpx.AsyncClient] = []

    async def one_call() -> None:
        await dub.customers.get_async(cid)
        pools.append(dub._pools.async_client())

    def run() -> None:
        for _ in range(3):
            asyncio.run(one_call())  # no aclose() in any of them
        dub.customers.get(cid)  # sync calls still work
        dub.close()

    assert _resource_warnings(run) == []
    assert len(pools) == 3 and all(pool.is_closed for pool in pools)
    assert dub._pools.by_loop == {}


def test_a_loop_per_thread_with_aclose_in_only_the_last_one(served):
    sandbox, url = served
    cid = sandbox.customers()[0]["id"]
    dub = Dub("dub_t", server_url=url)
    failures: list[BaseException] = []

    def worker(close: bool) -> None:
        async def main() -> None:
            for _ in range(3):
                await dub.customers.get_async(cid)
            if close:
                await dub.aclose()

        try:
            asyncio.run(main())
        except BaseException as exc:  # reported below
            failures.append(exc)

    def run() -> None:
        threads = [threading.Thread(target=worker, args=(False,)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        worker(True)

    assert _resource_warnings(run) == []
    assert failures == []
    assert dub._pools.by_loop == {}
    with pytest.raises(errors.ClientClosedError):
        dub.customers.get(cid)


def test_close_from_another_thread_closes_a_running_loops_client(served):
    sandbox, url = served
    cid = sandbox.customers()[0]["id"]
    dub = Dub("dub_t", server_url=url)
    used, closed = threading.Event(), threading.Event()
    seen: list[httpx.AsyncClient] = []

    async def main() -> None:
        await dub.customers.get_async(cid)
        seen.append(dub._pools.async_client())
        used.set()
        assert closed.wait(10)
        for _ in range(1_000):  # closed on this loop, as close() scheduled it
            if seen[0].is_closed:
                break
            await asyncio.sleep(0)
        with pytest.raises(errors.ClientClosedError):
            await dub.customers.get_async(cid)

    def run() -> None:
        thread = threading.Thread(target=asyncio.run, args=(main(),))
        thread.start()
        assert used.wait(10)
        dub.close()  # another thread's close(): this loop's client closes on its loop
        closed.set()
        thread.join(timeout=10)
        assert not thread.is_alive()

    assert _resource_warnings(run) == []
    assert seen[0].is_closed


def test_a_loop_closed_without_shutdown_drops_its_client_on_the_next_use(served):
    sandbox, url = served
    cid = sandbox.customers()[0]["id"]
    dub = Dub("dub_t", server_url=url)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(dub.customers.get_async(cid))
    loop.close()  # no shutdown_asyncgens(): nothing can close its sockets on it any more
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        asyncio.run(dub.customers.get_async(cid))
        assert loop not in dub._pools.by_loop
        dub.close()
        gc.collect()
