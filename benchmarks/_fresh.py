"""The fresh-interpreter figures; ``run.py`` starts one process per sample.

``python benchmarks/_fresh.py import IMPL [minimal]``
    seconds spent importing the library (``httpx``, ``dub_client`` or ``dub``),
    wall-clock and CPU time of the process; ``minimal`` hides ``click`` first, as
    in an install without httpx's CLI extras.
``python benchmarks/_fresh.py cold IMPL BASE_URL``
    seconds from the first line of this script to the first parsed ``get`` over
    loopback: import, construct, connect, send, parse.
``python benchmarks/_fresh.py cold-inprocess IMPL``
    the same without sockets (an in-process transport): what a short script pays in
    the library itself, import and first use included.
``python benchmarks/_fresh.py memory IMPL N1 N2``
    tracemalloc from interpreter start: the process-wide peak after N2 in-process
    ``get`` calls, the peak of the calls themselves, and what stays allocated after
    N1 and after N2 calls (growth means something accumulates per call).

``python benchmarks/_fresh.py rss IMPL N``
    the process's peak resident set size (``VmHWM``, KiB) after N in-process
    ``get`` calls, without tracemalloc and with click hidden (a user's install).

``python benchmarks/_fresh.py warm all``
    imports everything once, to fill the bytecode cache (see ``run.py``).

Each prints one JSON object. IMPL is ``raw`` (plain httpx), ``ours`` (dub_client)
or ``official`` (the ``dub`` SDK). Only ``time`` and ``sys`` (both built in) are
loaded before the clock starts.
"""

import time

T0 = time.perf_counter()

import sys  # noqa: E402

IMPORTS = {"raw": "httpx", "ours": "dub_client", "official": "dub"}


def _import(impl: str, minimal: bool) -> dict[str, float]:
    if minimal:
        # httpx imports its command-line extras (click, rich, pygments) whenever
        # click is installed, as it is in the dev venv (schemathesis needs it).
        # A user's `pip install dub-client` has no click: hide it to measure that.
        sys.modules["click"] = None  # type: ignore[assignment]
    wall, cpu = time.perf_counter(), time.process_time()
    __import__(IMPORTS[impl])
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def _cold(impl: str, base: str) -> float:
    from _data import TOKEN

    if impl == "raw":
        import httpx

        client = httpx.Client()
        client.get(f"{base}/customers/cus_1", headers={"Authorization": f"Bearer {TOKEN}"}).json()
    elif impl == "ours":
        from dub_client import Dub

        Dub(token=TOKEN, server_url=base).customers.get("cus_1")
    else:
        from dub import Dub as OfficialDub

        OfficialDub(token=TOKEN, server_url=base).customers.get(request={"id": "cus_1"})
    return time.perf_counter() - T0


def _cold_in_process(impl: str) -> float:
    from _clients import in_process_call

    in_process_call(impl)()
    return time.perf_counter() - T0


def _memory(impl: str, first: int, total: int) -> dict[str, int]:
    import tracemalloc

    tracemalloc.start()
    import gc

    from _clients import in_process_call

    call = in_process_call(impl)
    call()  # the first call may import or cache things: part of setup
    gc.collect()
    setup_current, setup_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    for _ in range(first):
        call()
    gc.collect()
    after_first, _ = tracemalloc.get_traced_memory()
    for _ in range(total - first):
        call()
    gc.collect()
    after_total, calls_peak = tracemalloc.get_traced_memory()
    return {
        "peak_total": max(setup_peak, calls_peak),
        "calls_peak": calls_peak - setup_current,
        "setup_current": setup_current,
        "after_first": after_first,
        "after_total": after_total,
    }


def _rss(impl: str, calls: int) -> int:
    sys.modules["click"] = None  # type: ignore[assignment]  # as in a user's install
    import resource

    from _clients import in_process_call

    call = in_process_call(impl)
    for _ in range(calls):
        call()
    try:  # this process's own high-water mark (ru_maxrss can carry the parent's peak)
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    import json

    mode, impl = sys.argv[1], sys.argv[2]
    if mode == "warm":  # compile and cache everything the other modes load
        import _clients  # noqa: F401
        import dub  # noqa: F401

        import dub_client  # noqa: F401

        result: object = None
    elif mode == "import":
        result = _import(impl, minimal=sys.argv[3:] == ["minimal"])
    elif mode == "cold":
        result = _cold(impl, sys.argv[3])
    elif mode == "cold-inprocess":
        result = _cold_in_process(impl)
    elif mode == "rss":
        result = _rss(impl, int(sys.argv[3]))
    elif mode == "memory":
        result = _memory(impl, int(sys.argv[3]), int(sys.argv[4]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
