"""A bounded soak: thousands of mixed calls, sync threads and async tasks, against a loopback
sandbox that injects faults into ~15% of requests (429 + Retry-After, 5xx, dropped connections,
slow answers). `make test` runs it for SOAK_SECONDS (default 20); `make soak` for 300.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import os
import random
import threading
import time
import warnings
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dub_client import BackoffStrategy, Dub, RetryConfig, errors
from dub_client.testing import Sandbox

SECONDS = float(os.environ.get("SOAK_SECONDS", "20"))
MAX_CALLS = int(os.environ.get("SOAK_MAX_CALLS", "200000"))
UNIQUE = itertools.count()  # next() on a count is atomic under the GIL
CONFIG = RetryConfig(
    backoff=BackoffStrategy(initial_interval=5, max_interval=50, max_elapsed_time=10_000),
    max_attempts=8,
    max_retry_after=1_000,
)


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.outcomes: Counter[str] = Counter()
        self.untyped: list[BaseException] = []
        self.wrong: list[str] = []
        self.calls = 0

    def add(self, key: str) -> None:
        with self.lock:
            self.outcomes[key] += 1
            self.calls += 1


def rss_kib() -> int:
    """Resident memory now (Linux), in KiB; 0 where /proc is missing."""
    statm = Path("/proc/self/statm")
    return (
        int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
        if statm.exists()
        else 0
    )


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").exists() else 0


def one_call(dub: Dub, stable: list[str], rng: random.Random, tally: Tally, n: int) -> None:
    roll = rng.random()
    try:
        if roll < 0.6:
            cid = rng.choice(stable)
            got = dub.customers.get(cid)
            if got.id != cid:
                tally.wrong.append(f"get {cid} -> {got.id}")
            tally.add("get ok")
        elif roll < 0.7:
            page = dub.customers.list(page_size=rng.choice((10, 50, 100)), sort_order="asc")
            if [c.id for c in page.items] != sorted(c.id for c in page.items):
                tally.wrong.append("list out of order")
            tally.add("list ok")
        elif roll < 0.85:
            cid = rng.choice(stable)
            got = dub.customers.update(cid, name=f"soak {n}")
            if got.id != cid or got.name != f"soak {n}":
                tally.wrong.append(f"update {cid}")
            tally.add("update ok")
        else:
            external_id = f"soak-{next(UNIQUE)}"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                try:
                    made = dub.customers.create(external_id=external_id, country="US")
                except errors.Conflict:  # only possible if one create was sent twice
                    tally.wrong.append(f"create {external_id} conflicted with itself")
                    raise
            tally.add("create ok")
            dub.customers.delete(made.id)
            tally.add("delete ok")
    except errors.DubError as error:
        tally.add(f"typed {type(error).__name__}")
    except BaseException as error:  # anything else is a bug
        tally.untyped.append(error)
        tally.add("UNTYPED")


def sync_worker(dub: Dub, stable: list[str], seed: int, deadline: float, tally: Tally) -> None:
    rng = random.Random(seed)
    n = 0
    while time.monotonic() < deadline and tally.calls < MAX_CALLS:
        n += 1
        one_call(dub, stable, rng, tally, n)


async def async_phase(url: str, stable: list[str], deadline: float, tally: Tally) -> None:
    rng = random.Random(99)
    async with Dub("dub_soak", server_url=url, retry_config=CONFIG, timeout_ms=2_000) as dub:

        async def task(worker: int) -> None:
            n = 0
            while time.monotonic() < deadline and tally.calls < MAX_CALLS:
                n += 1
                cid = rng.choice(stable)
                try:
                    if rng.random() < 0.8:
                        got = await dub.customers.get_async(cid)
                    else:
                        got = await dub.customers.update_async(cid, name=f"async {worker}-{n}")
                    if got.id != cid:
                        tally.wrong.append(f"async {cid} -> {got.id}")
                    tally.add("async ok")
                except errors.DubError as error:
                    tally.add(f"typed {type(error).__name__}")
                except BaseException as error:
                    tally.untyped.append(error)
                    tally.add("UNTYPED")

        await asyncio.gather(*(task(i) for i in range(20)))


@pytest.mark.slow
@pytest.mark.timeout(int(SECONDS * 4 + 60))
def test_soak(capsys: pytest.CaptureFixture[str]) -> None:
    sandbox = Sandbox(seed=300, rng_seed=7)
    stable = [c["id"] for c in sandbox.customers()]
    tally = Tally()
    gc.collect()
    fds_before, threads_before = open_fds(), threading.active_count()
    memory: list[int] = []
    started = time.monotonic()
    with sandbox.serve() as url:
        sandbox.chaos(0.15)
        with Dub("dub_soak", server_url=url, retry_config=CONFIG, timeout_ms=2_000) as dub:
            # two rounds of sync threads; memory is compared between the ends of the rounds
            for round_no in range(2):
                deadline = time.monotonic() + SECONDS * 0.3
                with ThreadPoolExecutor(4) as pool:
                    for i in range(4):
                        pool.submit(sync_worker, dub, stable, round_no * 10 + i, deadline, tally)
                sandbox.requests.clear()
                gc.collect()
                memory.append(rss_kib())
        asyncio.run(async_phase(url, stable, time.monotonic() + SECONDS * 0.4, tally))
        sandbox.chaos(0)
    gc.collect()
    elapsed = time.monotonic() - started
    fds_after, threads_after = open_fds(), threading.active_count()
    duplicates = {k: v for k, v in sandbox.creates.items() if v > 1}

    with capsys.disabled():
        print(
            f"\nsoak: {tally.calls} calls in {elapsed:.1f}s, "
            f"{sandbox.faults_injected} faults injected; "
            f"outcomes {dict(sorted(tally.outcomes.items()))}; creates {len(sandbox.creates)}, "
            f"duplicates {len(duplicates)}; fds {fds_before}->{fds_after}; "
            f"threads {threads_before}->{threads_after}; "
            f"RSS after round 1/2: {memory[0]} KiB / {memory[1]} KiB"
        )
    assert tally.untyped == []
    assert tally.wrong == []
    assert duplicates == {}
    assert tally.calls >= 500
    assert sandbox.faults_injected >= tally.calls * 0.05
    ok = sum(v for k, v in tally.outcomes.items() if k.endswith("ok"))
    assert ok >= tally.calls * 0.9  # with retries nearly every call ends well
    assert fds_after <= fds_before + 2
    assert threads_after <= threads_before + 1
    assert memory[1] - memory[0] < 8 * 1024  # KiB: flat, allowing for allocator noise
