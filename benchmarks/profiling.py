"""Where dub_client's time goes: the import, one in-process ``get``, one 100-customer parse.

    python benchmarks/profiling.py                 # all three sections
    python benchmarks/profiling.py get parse       # some of them
    python benchmarks/profiling.py --pyinstrument  # also print pyinstrument call trees

``import``  ``python -X importtime -c "import dub_client"`` (bytecode cached, median of
            several runs): the time outside httpx's own import, grouped by cause, and
            the CPU cost of asyncio and attrs imported alone after httpx.
``get``     the in-process ``customers.get`` next to raw httpx, interleaved and best of
            15 rounds; then each step of the send path timed alone, then cProfile.
``parse``   what ``customers.list`` does with a page of 100 expanded customers next to
            ``json.loads``; each model's ``from_dict`` alone; then cProfile.

Nothing here changes dub_client.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import attrs  # noqa: E402
import httpx  # noqa: E402
from _clients import AUTH, IN_PROCESS_URL, canned_transport  # noqa: E402
from _data import CUSTOMER_JSON, TOKEN, expanded_page  # noqa: E402
from run import FRESH_ENV, bytecode_cache_env  # noqa: E402


def best_us(fn: Callable[[], Any], number: int, repeat: int = 9) -> float:
    """CPU microseconds per call: the best of ``repeat`` runs of ``number`` calls."""
    runs = timeit.repeat(fn, number=number, repeat=repeat, timer=time.process_time)
    return min(runs) / number * 1e6


def compare_us(
    cases: list[tuple[str, Callable[[], Any], Callable[[], Any] | None]],
    number: int,
    rounds: int = 15,
) -> dict[str, float]:
    """CPU microseconds per call of each case, best of ``rounds`` interleaved rounds.

    The cases alternate within every round (A,B,C,A,B,C...), so a spell of load
    from elsewhere on this shared machine hits all of them, not one. A case may
    bring a context manager factory (a patch applied only while it runs).
    """
    best = dict.fromkeys((label for label, _, _ in cases), float("inf"))
    for _ in range(rounds):
        for label, fn, context in cases:
            with context() if context is not None else contextlib.nullcontext():
                start = time.process_time()
                for _ in range(number):
                    fn()
                spent = time.process_time() - start
            best[label] = min(best[label], spent / number * 1e6)
    return best


def cprofile(fn: Callable[[], Any], calls: int, pattern: str, top: int = 18) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(pattern, top)
    text = out.getvalue()
    return text[text.find("   ncalls") :].replace(str(Path(sys.prefix)), "$VENV")


def pyinstrument_tree(fn: Callable[[], Any], calls: int) -> str:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0001)
    profiler.start()
    for _ in range(calls):
        fn()
    profiler.stop()
    return profiler.output_text(unicode=False, color=False, show_all=False)


def table(rows: list[tuple[str, float]], total: float | None = None) -> str:
    width = max(len(name) for name, _ in rows)
    lines = []
    for name, value in rows:
        share = f"  {value / total:6.1%}" if total else ""
        lines.append(f"  {name.ljust(width)}  {value:9.2f} us{share}")
    return "\n".join(lines)


# -- import -------------------------------------------------------------------------------
def _importtime(module: str, prelude: str = "") -> list[tuple[int, int, int, str]]:
    """(depth, self us, cumulative us, name) per module, in the order -X importtime prints."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"{prelude}import {module}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=FRESH_ENV,
    )
    rows = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line.split(":", 1)[1].split("|")
        depth = (len(name) - len(name.lstrip(" "))) // 2
        rows.append((depth, int(self_us), int(cumulative), name.strip()))
    return rows


def _cause(name: str, stack: list[str]) -> str:
    """Who is to blame for importing ``name`` (given the importers above it)."""
    if name.startswith("dub_client._generated.models"):
        return "dub_client._generated.models (attrs classes)"
    if name.startswith("dub_client._generated.api"):
        return "dub_client._generated.api (endpoint modules)"
    if name.startswith("dub_client._generated"):
        return "dub_client._generated (client.py, types.py, errors.py)"
    if name.startswith("dub_client"):
        return f"{name} (module body)"
    top = name.split(".", maxsplit=1)[0]
    importer = next((m for m in reversed(stack) if m.startswith("dub_client")), "?")
    return f"{top} (imported by {importer})"


def _import_costs(runs: int) -> list[str]:
    """CPU ms of importing X in a fresh interpreter after httpx (click hidden), median."""
    extras = {
        "asyncio (dub_client._retries imports it for Timing.async_sleep)": "asyncio",
        "attrs (every generated model; unavoidable while models are attrs classes)": "attrs",
        "dub_client (everything)": "dub_client",
    }
    code = (
        "import sys, time; sys.modules['click'] = None; import httpx; "
        "t = time.process_time(); import {}; print(time.process_time() - t)"
    )
    lines = ["CPU ms to import X after httpx in a fresh interpreter (click hidden), median:"]
    for label, module in extras.items():
        samples = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code.format(module)],
                    capture_output=True,
                    text=True,
                    check=True,
                    timeout=120,
                    env=FRESH_ENV,
                ).stdout
            )
            for _ in range(runs)
        ]
        lines.append(f"  {statistics.median(samples) * 1e3:7.1f} ms  {label}")
    return lines


def profile_import(runs: int) -> str:
    with tempfile.TemporaryDirectory(prefix="dub-profile-pycache-") as cache:
        FRESH_ENV.clear()
        FRESH_ENV.update(bytecode_cache_env(cache))
        subprocess.run(
            [sys.executable, "-c", "import dub_client, httpx, attrs, asyncio"],
            check=True,
            timeout=120,
            env=FRESH_ENV,
        )
        return _profile_import(runs)


def _profile_import(runs: int) -> str:
    per_cause: dict[str, list[float]] = defaultdict(list)
    totals: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        baseline = _importtime("httpx")
        totals["httpx"].append(baseline[-1][2] / 1000)
        loaded_by_httpx = {name for *_, name in baseline}
        rows = _importtime("dub_client")
        totals["dub_client"].append(rows[-1][2] / 1000)
        hidden = "import sys; sys.modules['click'] = None; "
        totals["httpx, no click"].append(_importtime("httpx", hidden)[-1][2] / 1000)
        # The modules httpx loads anyway are the baseline; the rest is dub_client's.
        # importtime prints children before their parent: walk it backwards so
        # the stack holds the importers of each module.
        run: dict[str, float] = defaultdict(float)
        stack: list[str] = []
        for depth, self_us, _cum, name in reversed(rows):
            del stack[depth:]
            stack.append(name)
            if name not in loaded_by_httpx:
                run[_cause(name, stack[:-1])] += self_us / 1000
        for cause, ms in run.items():
            per_cause[cause].append(ms)
    lines = [
        "import, -X importtime, median of "
        f"{runs} runs: httpx {statistics.median(totals['httpx']):.0f} ms, "
        f"dub_client {statistics.median(totals['dub_client']):.0f} ms (httpx included); "
        "httpx without click (a user's install) "
        f"{statistics.median(totals['httpx, no click']):.0f} ms",
    ]
    lines += _import_costs(runs)
    lines.append("time outside httpx's subtree in `import dub_client`, by cause (self time):")
    ranked = sorted(per_cause.items(), key=lambda kv: -statistics.median(kv[1]))
    total = sum(statistics.median(v) for _, v in ranked)
    for cause, values in ranked[:22]:
        lines.append(f"  {statistics.median(values):7.1f} ms  {cause}")
    lines.append(f"  {total:7.1f} ms  total outside httpx")
    return "\n".join(lines)


# -- get ---------------------------------------------------------------------------------
RAW_GET = "raw httpx: json.loads(client.get(url, headers=auth).content)"


def profile_get(pyinstrument: bool) -> str:
    """The in-process ``customers.get`` next to raw httpx, then each step of the send path."""
    from dub_client import Dub
    from dub_client._attempt import send_once
    from dub_client._generated.api.customers.get_customer import OPERATION
    from dub_client._generated.models.customer import Customer
    from dub_client._retries import retry_steps, send_with_retries

    http = httpx.Client(transport=canned_transport())
    dub = Dub(token=TOKEN, server_url=IN_PROCESS_URL, client=http)
    url = f"{IN_PROCESS_URL}/customers/cus_1"
    values, options = OPERATION.prepare(None, {"id": "cus_1"})
    pools = dub._pools
    request, _, seconds = dub._build(
        http, pools.sync_headers, pools.sync_seconds, OPERATION, values, options
    )
    response = http.send(request)
    data = json.loads(CUSTOMER_JSON)

    def retry_loop() -> Any:
        steps = retry_steps(request, dub.retry_config, True, dub._timing)
        return send_with_retries(lambda: response, steps, dub._timing.sleep)

    outcome = retry_loop()
    n = 2000

    def result() -> Any:
        return dub._result(OPERATION, outcome, False, values, lambda more: None)

    cases = compare_us(
        [
            (RAW_GET, lambda: json.loads(http.get(url, headers=AUTH).content), None),
            ("dub_client: dub.customers.get('cus_1')", lambda: dub.customers.get("cus_1"), None),
        ],
        number=400,
    )
    raw_total, ours_total = cases[RAW_GET], cases["dub_client: dub.customers.get('cus_1')"]
    steps = [
        (
            "Operation.prepare (checks)",
            best_us(lambda: OPERATION.prepare(None, {"id": "cus_1"}), n),
        ),
        (
            "_build (path, query, headers, build_request, retry steps)",
            best_us(
                lambda: dub._build(
                    http, pools.sync_headers, pools.sync_seconds, OPERATION, values, options
                ),
                n,
            ),
        ),
        ("  http.build_request alone", best_us(lambda: http.build_request("GET", url), n)),
        (
            "send_once (send, watched body, deadline)",
            best_us(lambda: send_once(http, request, seconds), n),
        ),
        ("  http.send alone", best_us(lambda: http.send(request), n)),
        ("retry_steps + send_with_retries around a stub send", best_us(retry_loop, n)),
        ("_result (status, json.loads, from_dict)", best_us(result, n)),
        ("  json.loads alone", best_us(lambda: json.loads(response.content), n)),
        ("  Customer.from_dict alone", best_us(lambda: Customer.from_dict(data), n)),
    ]
    parts = [
        "in-process get, CPU per call, best of 15 interleaved rounds of 400 calls:",
        table([(label, value) for label, value in cases.items()]),
        f"  ratio {ours_total / raw_total:.2f}x; dub_client's own cost "
        f"{ours_total - raw_total:.1f} us a call",
        "",
        "the steps, each timed alone (best of 9 x 2000):",
        table(steps),
        "",
        "cProfile of 3000 calls (dub_client's functions):",
        cprofile(lambda: dub.customers.get("cus_1"), 3000, r"dub_client"),
    ]
    if pyinstrument:
        parts.append(pyinstrument_tree(lambda: dub.customers.get("cus_1"), 3000))
    return "\n".join(parts)


# -- parse -------------------------------------------------------------------------------
def profile_parse(pyinstrument: bool) -> str:
    """What ``customers.list`` does with a 100-customer page, next to ``json.loads``."""
    from dub_client._generated.api.customers.get_customers import OPERATION
    from dub_client._generated.models.customer import Customer
    from dub_client._generated.models.customer_discount import CustomerDiscount
    from dub_client._generated.models.customer_link import CustomerLink
    from dub_client._generated.models.customer_partner import CustomerPartner

    body = expanded_page()
    items = json.loads(body)
    first = items[0]
    parse = OPERATION.parse
    n = 40

    def read_all(model: Any) -> None:  # every field, nested models too
        for field in attrs.fields(type(model)):
            value = getattr(model, field.name)
            if attrs.has(type(value)):
                read_all(value)

    def parse_and_read(data: bytes) -> None:
        for customer in parse(json.loads(data)):
            read_all(customer)

    rows = [
        ("json.loads(body)", best_us(lambda: json.loads(body), n)),
        ("OPERATION.parse(json.loads(body))", best_us(lambda: parse(json.loads(body)), n)),
        ("OPERATION.parse(items) (no json.loads)", best_us(lambda: parse(items), n)),
        ("  ... then reading every field (nested too)", best_us(lambda: parse_and_read(body), n)),
    ]
    nested: list[tuple[Any, str]] = [
        (CustomerLink, "link"),
        (CustomerPartner, "partner"),
        (CustomerDiscount, "discount"),
    ]
    models = [("Customer.from_dict (expanded)", best_us(lambda: Customer.from_dict(first), 4000))]

    def per_object(method: Callable[[dict[str, Any]], Any], key: str) -> float:
        return best_us(lambda: method(first[key]), 4000)

    models += [(f"{c.__name__}.from_dict", per_object(c.from_dict, key)) for c, key in nested]
    parts = [
        f"one page of {len(items)} expanded customers ({len(body):,} bytes), CPU per page:",
        table(rows),
        f"  ratio {rows[1][1] / rows[0][1]:.2f}x json.loads",
        "",
        "per object (best of 9 x 4000):",
        table(models),
        "",
        "cProfile of 200 pages:",
        cprofile(lambda: parse(json.loads(body)), 200, r"."),
    ]
    if pyinstrument:
        parts.append(pyinstrument_tree(lambda: parse(json.loads(body)), 300))
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sections", nargs="*", default=["import", "get", "parse"])
    parser.add_argument("--pyinstrument", action="store_true")
    parser.add_argument("--import-runs", type=int, default=7)
    args = parser.parse_args()
    for section in args.sections:
        print(f"\n=== {section} ===", flush=True)
        if section == "import":
            print(profile_import(args.import_runs))
        elif section == "get":
            print(profile_get(args.pyinstrument))
        elif section == "parse":
            print(profile_parse(args.pyinstrument))
        else:
            parser.error(f"unknown section {section!r}")


if __name__ == "__main__":
    main()
