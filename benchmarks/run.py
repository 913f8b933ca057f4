"""dub-client benchmarks: every figure is a ratio to raw httpx measured in the same run.

    python benchmarks/run.py            # the full run (a few minutes)
    python benchmarks/run.py --quick    # fewer repetitions and calls (under a minute)

The contestants run interleaved (raw, ours, official, raw, ours, official, ...);
each cell is the median of the repetitions with [min-max]. A ratio is computed
per repetition (ours / raw of the same round) and summarised the same way.
A loopback server (``_server.py``) runs in its own process on 127.0.0.1.
See benchmarks/README.md for the method and the latest results.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import httpx  # noqa: E402
from _clients import (  # noqa: E402
    IMPLS,
    in_process_call,
    paginate_all,
    parse_page,
    read_page,
    sync_call,
)
from _clients import async_call as make_async_call  # noqa: E402
from _data import TOTAL_CUSTOMERS, expanded_page  # noqa: E402

FRESH = str(HERE / "_fresh.py")
SERVER = str(HERE / "_server.py")


@dataclass(frozen=True)
class Plan:
    """How much of everything one run does."""

    reps: int
    fresh_reps: int
    loopback_calls: int
    in_process_calls: int
    parse_pages: int
    async_reps: int
    async_total: int
    async_concurrency: int
    paginate_reps: int
    memory_calls: tuple[int, int]
    #: tracemalloc makes the official SDK ~13 ms a call (a pydantic model is
    #: created per call), so it gets fewer calls, or none in --quick.
    official_memory_calls: tuple[int, int] | None


QUICK = Plan(
    reps=5,
    fresh_reps=3,
    loopback_calls=100,
    in_process_calls=200,
    parse_pages=10,
    async_reps=3,
    async_total=200,
    async_concurrency=50,
    paginate_reps=2,
    memory_calls=(400, 2_000),
    official_memory_calls=None,
)
FULL = Plan(
    reps=15,
    fresh_reps=9,
    loopback_calls=300,
    in_process_calls=600,
    parse_pages=30,
    async_reps=3,
    async_total=2_000,
    async_concurrency=50,
    paginate_reps=5,
    memory_calls=(2_000, 10_000),
    official_memory_calls=(400, 2_000),
)


@dataclass
class Figure:
    """One row: samples per contestant (one per repetition, same order)."""

    name: str
    unit: str
    target: float | None
    samples: dict[str, list[float]] = field(default_factory=lambda: {i: [] for i in IMPLS})
    note: str = ""

    def ratios(self, impl: str) -> list[float]:
        if not self.samples[impl]:
            return []
        pairs = zip(self.samples[impl], self.samples["raw"], strict=True)
        return [a / b for a, b in pairs if b]


# -- the server ---------------------------------------------------------------------------
@contextmanager
def loopback_server() -> Iterator[str]:
    """Start ``_server.py`` in its own process; yield its base URL; stop it."""
    proc = subprocess.Popen(
        [sys.executable, SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # "PORT n", or "" if it died
        if not line.startswith("PORT "):
            raise RuntimeError(f"the loopback server did not start (said {line!r})")
        base = f"http://127.0.0.1:{int(line.split()[1])}"
        deadline = time.monotonic() + 10
        while True:  # bounded: 10 s
            try:
                httpx.get(f"{base}/__stats", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield base
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def requests_served(base: str) -> int:
    return int(httpx.get(f"{base}/__stats", timeout=5).json()["requests"])


# -- measuring ------------------------------------------------------------------------------
def bytecode_cache_env(prefix: str) -> dict[str, str]:
    """The environment of the fresh interpreters: bytecode cached under ``prefix``.

    This machine sets PYTHONDONTWRITEBYTECODE=1, so an editable dub_client would be
    compiled from source by every fresh interpreter while httpx loads the .pyc
    files pip wrote at install: an unfair ~30 ms. With a cache prefix (outside
    the source tree) and a warm-up run, every module of every contestant loads
    from cached bytecode, as after a normal ``pip install``.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = prefix
    return env


FRESH_ENV: dict[str, str] = dict(os.environ)


def fresh(*args: str) -> Any:
    out = subprocess.run(
        [sys.executable, FRESH, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=FRESH_ENV,
    )
    if out.returncode != 0:
        raise RuntimeError(f"_fresh.py {' '.join(args)} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def per_call(fn: Callable[[], Any], calls: int, clock: Callable[[], float]) -> float:
    """Seconds per call over ``calls`` calls (GC collected before, enabled during)."""
    gc.collect()
    start = clock()
    for _ in range(calls):
        fn()
    return (clock() - start) / calls


#: Wall-clock for everything that crosses a socket; CPU time of this process for
#: the pure client-side figures, where being descheduled by other load on a shared
#: machine is noise, not cost.
WALL = time.perf_counter
CPU = time.process_time


def interleave(fig: Figure, reps: int, sample: Callable[[str], float]) -> Figure:
    for _ in range(reps):
        for impl in IMPLS:
            fig.samples[impl].append(sample(impl))
    return fig


def interleave_calls(
    fig: Figure,
    reps: int,
    calls: dict[str, Callable[[], Any]],
    per_rep: int,
    clock: Callable[[], float],
    scale: float = 1e6,
    blocks: int = 5,
) -> Figure:
    """One sample per repetition and contestant: seconds per call (times ``scale``).

    Within a repetition the contestants alternate in ``blocks`` short blocks
    (A,B,C,A,B,C...), so a burst of load from elsewhere lands on all of them,
    not on one; the ratio of a repetition is then a fair pair.
    """
    size = max(1, per_rep // blocks)
    for _ in range(reps):
        spent = dict.fromkeys(IMPLS, 0.0)
        for _ in range(blocks):
            for impl in IMPLS:
                spent[impl] += per_call(calls[impl], size, clock) * size
        for impl in IMPLS:
            fig.samples[impl].append(spent[impl] / (size * blocks) * scale)
    return fig


def bench_import(plan: Plan) -> list[Figure]:
    dev = Figure(
        "import, this venv (httpx loads its CLI deps)",
        "ms CPU",
        1.10,
        note="CPU time of the import; baseline: import httpx, which here also imports "
        "click/rich/pygments for its CLI because schemathesis installed click",
    )
    minimal = Figure(
        "import, minimal install (no click)",
        "ms CPU",
        1.10,
        note="the same with click hidden, as after `pip install dub-client`",
    )
    walls: dict[str, list[float]] = {impl: [] for impl in IMPLS}
    for _ in range(plan.fresh_reps):
        for fig, extra in ((dev, ()), (minimal, ("minimal",))):
            for impl in IMPLS:
                result = fresh("import", impl, *extra)
                fig.samples[impl].append(result["cpu"] * 1e3)
                if fig is dev:
                    walls[impl].append(result["wall"] * 1e3)
    dev.note += "; wall-clock: " + ", ".join(
        f"{impl} {statistics.median(walls[impl]):.0f} ms" for impl in IMPLS
    )
    return [dev, minimal]


def bench_cold(plan: Plan, base: str) -> Figure:
    fig = Figure(
        "cold start: import+construct+1st get",
        "ms",
        None,
        note="fresh interpreter, loopback, wall-clock from the script's first line",
    )
    return interleave(fig, plan.fresh_reps, lambda impl: fresh("cold", impl, base) * 1e3)


def bench_cold_in_process(plan: Plan) -> list[Figure]:
    script = Figure(
        "cold start in-process: import+construct+1st get",
        "ms",
        None,
        note="fresh interpreter, in-process transport (no sockets), wall-clock from the "
        "script's first line to the parsed answer: the library's own cost to a short script",
    )
    whole = Figure(
        "cold start in-process, whole process (start to exit)",
        "ms",
        1.40,
        note="the same script timed from outside, as a user meets it: interpreter start, "
        "import, construct, first get, interpreter exit",
    )
    for _ in range(plan.fresh_reps):
        for impl in IMPLS:
            started = time.perf_counter()
            inside = fresh("cold-inprocess", impl)
            whole.samples[impl].append((time.perf_counter() - started) * 1e3)
            script.samples[impl].append(inside * 1e3)
    return [script, whole]


def bench_loopback_get(plan: Plan, base: str) -> Figure:
    calls = {impl: sync_call(impl, base) for impl in IMPLS}
    for fn in calls.values():  # connect and warm up
        per_call(fn, 20, WALL)
    fig = Figure(
        f"get over loopback, sequential ({plan.reps}x{plan.loopback_calls})",
        "us",
        1.05,
        note="wall-clock per call; baseline: httpx get(url, headers=auth).json()",
    )
    return interleave_calls(fig, plan.reps, calls, plan.loopback_calls, WALL)


def bench_in_process_get(plan: Plan) -> Figure:
    calls = {impl: in_process_call(impl) for impl in IMPLS}
    for fn in calls.values():
        per_call(fn, 20, CPU)
    fig = Figure(
        f"get in-process, MockTransport ({plan.reps}x{plan.in_process_calls})",
        "us CPU",
        1.30,
        note="CPU time per call; baseline: httpx get + json.loads",
    )
    return interleave_calls(fig, plan.reps, calls, plan.in_process_calls, CPU)


def bench_parse(plan: Plan) -> list[Figure]:
    """A page of 100 expanded customers parsed, then read as programs read an answer:
    every field (nested objects too), or only ``id`` and ``email``; parsed alone for
    information. The baseline is ``json.loads`` and reading its dicts."""
    body = expanded_page(100)
    parsers = {impl: parse_page(impl) for impl in IMPLS}
    for impl, parse in parsers.items():
        result = parse(body)
        if len(result) != 100:
            raise AssertionError(f"{impl} parsed {len(result)} customers, not 100")
        counts = {read_page(impl, True)(result), read_page("raw", True)(json.loads(body))}
        if impl != "official" and len(counts) != 1:
            raise AssertionError(f"{impl} read {counts} values: not every field")
        per_call(lambda parse=parse: parse(body), 3, CPU)
    kib = len(body) // 1024
    figures = []
    for what, everything, target in (
        ("then read every field", True, 1.45),
        ("then read id and email", False, 1.45),
        ("only (information)", None, None),
    ):
        fig = Figure(
            f"parse 100 expanded customers {what} ({plan.reps}x{plan.parse_pages})",
            "us CPU",
            target,
            note=f"CPU time per {kib} KiB page; baseline: json.loads and reading its dicts",
        )
        calls = {}
        for impl, parse in parsers.items():
            if everything is None:
                calls[impl] = lambda parse=parse: parse(body)
            else:
                read = read_page(impl, everything)
                calls[impl] = lambda parse=parse, read=read: read(parse(body))
        figures.append(interleave_calls(fig, plan.reps, calls, plan.parse_pages, CPU))
    return figures


def bench_async(plan: Plan, base: str) -> Figure:
    total, width = plan.async_total, plan.async_concurrency
    fig = Figure(
        f"async: {total:,} gets, {width} concurrent ({plan.async_reps}x)",
        "ms",
        1.05,
        note="wall-clock for the batch; asyncio.Semaphore + gather; each client's default limits",
    )

    async def main() -> None:
        calls = {impl: make_async_call(impl, base) for impl in IMPLS}

        async def burst(call: Callable[[], Any], count: int) -> float:
            gate = asyncio.Semaphore(width)

            async def one() -> None:
                async with gate:
                    await call()

            gc.collect()
            start = time.perf_counter()
            await asyncio.gather(*(one() for _ in range(count)))
            return time.perf_counter() - start

        for call in calls.values():  # open the connections, warm up
            await burst(call, width * 2)
        for _ in range(plan.async_reps):
            for impl in IMPLS:
                fig.samples[impl].append(await burst(calls[impl], total) * 1e3)

    asyncio.run(main())
    return fig


def bench_paginate(plan: Plan, base: str) -> Figure:
    walks = {impl: paginate_all(impl, base) for impl in IMPLS}
    requests: dict[str, set[int]] = {impl: set() for impl in IMPLS}
    fig = Figure(
        f"paginate {TOTAL_CUSTOMERS:,} customers, 100/page ({plan.paginate_reps}x)", "ms", 1.20
    )

    def sample(impl: str) -> float:
        before = requests_served(base)
        gc.collect()
        start = time.perf_counter()
        seen = walks[impl]()
        elapsed = time.perf_counter() - start
        requests[impl].add(requests_served(base) - before)
        if seen != TOTAL_CUSTOMERS:
            raise AssertionError(f"{impl} saw {seen} customers, not {TOTAL_CUSTOMERS}")
        return elapsed * 1e3

    interleave(fig, plan.paginate_reps, sample)
    fig.note = "wall-clock; requests made: " + ", ".join(
        f"{impl} {'/'.join(map(str, sorted(n)))}" for impl, n in requests.items()
    )
    return fig


def bench_memory(plan: Plan) -> list[Figure]:
    first, total = plan.memory_calls
    official_calls = plan.official_memory_calls
    official_note = (
        "official SDK not run in --quick (tracemalloc makes it ~13 ms a call)"
        if official_calls is None
        else f"official SDK: {official_calls[1]:,} calls (tracemalloc makes it ~13 ms a call)"
    )
    peak = Figure(
        f"peak memory after {total:,} in-process gets",
        "KiB",
        None,
        note=f"tracemalloc from interpreter start (import + client + calls); {official_note}",
    )
    working = Figure(
        f"memory used by the {total:,} calls themselves",
        "KiB",
        None,
        note="peak during the calls minus what was allocated before them",
    )
    growth = Figure(
        f"retained growth {first:,} -> {total:,} calls",
        "KiB",
        None,
        note="allocated after N2 calls minus after N1 (gc.collect() first); ~0 = no leak; "
        "the ratio columns show the difference to raw httpx in KiB",
    )
    for impl in IMPLS:
        calls = official_calls if impl == "official" else plan.memory_calls
        if calls is None:
            continue
        result = fresh("memory", impl, str(calls[0]), str(calls[1]))
        peak.samples[impl].append(result["peak_total"] / 1024)
        working.samples[impl].append(result["calls_peak"] / 1024)
        growth.samples[impl].append((result["after_total"] - result["after_first"]) / 1024)
    return [peak, working, growth]


def bench_rss(plan: Plan) -> Figure:
    calls = plan.memory_calls[1]
    fig = Figure(
        f"peak RSS after {calls:,} in-process gets",
        "KiB",
        1.10,
        note="fresh interpreter, click hidden (a user's install), no tracemalloc: the "
        "process's peak RSS (VmHWM) after import, client and calls",
    )
    return interleave(fig, plan.fresh_reps, lambda impl: float(fresh("rss", impl, str(calls))))


# -- the table -------------------------------------------------------------------------------
def _fmt(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _cell(values: list[float], unit: str = "") -> str:
    if not values:
        return "-"
    mid = statistics.median(values)
    suffix = f" {unit}" if unit else ""
    if len(values) == 1:
        return f"{_fmt(mid)}{suffix}"
    return f"{_fmt(mid)}{suffix} [{_fmt(min(values))}-{_fmt(max(values))}]"


def _ratio_cell(ratios: list[float]) -> str:
    if not ratios:
        return "-"
    mid = statistics.median(ratios)
    if len(ratios) == 1:
        return f"{mid:.2f}x"
    return f"{mid:.2f}x [{min(ratios):.2f}-{max(ratios):.2f}]"


def _growth_ratio(fig: Figure, impl: str) -> str:
    """Growth is compared in absolute KiB (a ratio of two near-zero numbers means nothing)."""
    if not fig.samples[impl]:
        return "-"
    diff = statistics.median(fig.samples[impl]) - statistics.median(fig.samples["raw"])
    return f"{diff:+.1f} KiB"


def table(figures: list[Figure]) -> str:
    head = ["figure", "dub_client", "official dub", "baseline (raw httpx)"]
    head += ["ratio (ours/baseline)", "official ratio", "target"]
    rows = [head]
    for fig in figures:
        if fig.name.startswith("retained growth"):
            ours_ratio, official_ratio = _growth_ratio(fig, "ours"), _growth_ratio(fig, "official")
        else:
            ours_ratio = _ratio_cell(fig.ratios("ours"))
            official_ratio = _ratio_cell(fig.ratios("official"))
        if fig.target is None:
            target = "-"
        else:
            ok = statistics.median(fig.ratios("ours")) <= fig.target
            target = f"<= {fig.target:.2f}x {'PASS' if ok else 'FAIL'}"
        rows.append(
            [
                fig.name,
                _cell(fig.samples["ours"], fig.unit),
                _cell(fig.samples["official"], fig.unit),
                _cell(fig.samples["raw"], fig.unit),
                ours_ratio,
                official_ratio,
                target,
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    notes = [f"- {fig.name}: {fig.note}" for fig in figures if fig.note]
    return "\n".join([*lines, "", "Notes:", *notes])


def environment() -> str:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return (
        f"python {platform.python_version()} ({platform.python_implementation()}), "
        f"{os.cpu_count()} CPUs, {platform.platform()}; httpx {version('httpx')}, "
        f"dub-client {version('dub-client')}, dub {version('dub')}, "
        f"pydantic {version('pydantic')}"
    )


FIGURES = (
    "import",
    "cold",
    "coldinprocess",
    "loopback",
    "inprocess",
    "parse",
    "async",
    "paginate",
    "rss",
    "memory",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a reduced run (under a minute)")
    parser.add_argument("--only", default="", help=f"comma-separated subset of {','.join(FIGURES)}")
    parser.add_argument("--json", type=Path, help="also write the raw samples to this file")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    only = {name for name in args.only.split(",") if name} or set(FIGURES)
    unknown = only - set(FIGURES)
    if unknown:
        parser.error(f"unknown figure(s): {sorted(unknown)}")

    try:
        import dub  # noqa: F401
    except ImportError:
        parser.error("the official SDK is missing: `make bench` installs the bench group")

    with tempfile.TemporaryDirectory(prefix="dub-bench-pycache-") as cache:
        FRESH_ENV.clear()
        FRESH_ENV.update(bytecode_cache_env(cache))
        fresh("warm", "all")
        run_all(args.quick, plan, only, args.json)


def run_all(quick: bool, plan: Plan, only: set[str], json_path: Path | None) -> None:
    started = time.perf_counter()
    print(f"# dub-client benchmarks ({'quick' if quick else 'full'})", flush=True)
    print(environment(), flush=True)
    figures: list[Figure] = []

    def step(name: str, run: Callable[[], Figure | list[Figure]]) -> None:
        if name not in only:
            return
        t = time.perf_counter()
        result = run()
        figures.extend(result if isinstance(result, list) else [result])
        print(f"  {name}: {time.perf_counter() - t:.1f}s", file=sys.stderr, flush=True)

    step("import", lambda: bench_import(plan))
    step("coldinprocess", lambda: bench_cold_in_process(plan))
    step("inprocess", lambda: bench_in_process_get(plan))
    step("parse", lambda: bench_parse(plan))
    if only & {"cold", "loopback", "async", "paginate"}:
        with loopback_server() as base:
            step("cold", lambda: bench_cold(plan, base))
            step("loopback", lambda: bench_loopback_get(plan, base))
            step("async", lambda: bench_async(plan, base))
            step("paginate", lambda: bench_paginate(plan, base))
    step("rss", lambda: bench_rss(plan))
    step("memory", lambda: bench_memory(plan))

    order = {name: i for i, name in enumerate(FIGURES)}
    figures.sort(key=lambda f: order[_key(f)])
    print()
    print(table(figures))
    print(f"\n{len(figures)} figures in {time.perf_counter() - started:.0f}s", flush=True)
    if json_path:
        json_path.write_text(
            json.dumps(
                {
                    "environment": environment(),
                    "plan": plan.__dict__,
                    "figures": [f.__dict__ for f in figures],
                },
                indent=2,
            )
        )


def _key(fig: Figure) -> str:
    prefixes = {
        "import": "import",
        "cold start in-process": "coldinprocess",
        "cold": "cold",
        "get over loopback": "loopback",
        "get in-process": "inprocess",
        "parse": "parse",
        "async": "async",
        "paginate": "paginate",
        "peak RSS": "rss",
    }
    for prefix, key in prefixes.items():
        if fig.name.startswith(prefix):
            return key
    return "memory"


if __name__ == "__main__":
    main()
