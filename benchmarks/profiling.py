"""Where dub_client's time goes: the import, one in-process ``get``, one 100-customer parse.

    python benchmarks/profiling.py                 # all three sections
    python benchmarks/profiling.py get parse       # some of them
    python benchmarks/profiling.py --pyinstrument  # also print pyinstrument call trees

``import``  ``python -X importtime -c "import dub_client"`` (bytecode cached, median of
            several runs): the time outside httpx's own import, grouped by cause, and
            the CPU cost of asyncio and attrs imported alone after httpx.
``get``     the in-process ``customers.get`` next to raw httpx and to what-if variants
            (the facade / generated code patched in memory: no ``params={}``, lean
            ``from_dict``), interleaved and best of 15 rounds; then each step timed
            alone, then cProfile.
``parse``   ``_parse_customers`` of 100 expanded customers next to ``json.loads`` and
            to what-if variants of the generated ``from_dict`` (its source rewritten
            in memory as template overrides would emit it, plus a hand-written
            parse), all checked to build equal objects; then each model and step
            timed alone, then cProfile.

Nothing here changes dub_client on disk; the what-ifs live in this process only.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime
import io
import json
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import types
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import httpx  # noqa: E402
from _clients import AUTH, IN_PROCESS_URL, canned_transport, in_process_call  # noqa: E402
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


def _get_cases(http: httpx.Client, dub: Any) -> dict[str, float]:
    """raw httpx, ``dub.customers.get`` as is, and with fixes patched in memory."""
    from dub_client import _customers

    prepare = _customers._prepare_get
    lean_model = what_if(2)
    url = f"{IN_PROCESS_URL}/customers/cus_1"

    def prepare_without_empty_params(*args: Any) -> dict[str, Any]:
        spec = prepare(*args)
        if not spec.get("params"):
            spec.pop("params", None)  # httpx then skips URL.copy_merge_params
        return spec

    @contextlib.contextmanager
    def patched(lean: bool) -> Iterator[None]:
        saved = _customers._prepare_get, _customers.Customer
        _customers._prepare_get = prepare_without_empty_params  # type: ignore[assignment]
        if lean:
            _customers.Customer = lean_model  # type: ignore[misc]
        try:
            yield
        finally:
            _customers._prepare_get, _customers.Customer = saved  # type: ignore[misc]

    def get() -> Any:
        return dub.customers.get("cus_1")

    with_headers = httpx.Client(transport=canned_transport(), headers=dub._headers)

    return compare_us(
        [
            (
                RAW_GET,
                lambda: json.loads(http.get(url, headers=AUTH).content),
                None,
            ),
            (
                "raw httpx with dub_client's 3 headers per request",
                lambda: json.loads(http.get(url, headers=dub._headers).content),
                None,
            ),
            (
                "raw httpx with those 3 headers set once on the client",
                lambda: json.loads(with_headers.get(url).content),
                None,
            ),
            ("dub_client as is", get, None),
            ("a. no params={} to build_request (facade: _build)", get, lambda: patched(False)),
            (
                "b. = a + lean generated from_dict (what-if 2, parse section)",
                get,
                lambda: patched(True),
            ),
        ],
        number=400,
    )


def profile_get(pyinstrument: bool) -> str:
    from dub_client._customers import _parse_customer, _prepare_get

    from dub_client import Dub
    from dub_client._client import NO_OPTIONS, CallOptions, _finish
    from dub_client._generated.models.customer import Customer
    from dub_client._retries import send_with_retries

    http = httpx.Client(transport=canned_transport())
    dub = Dub(token=TOKEN, server_url=IN_PROCESS_URL, client=http)
    url = f"{IN_PROCESS_URL}/customers/cus_1"
    spec = _prepare_get("cus_1", None, {"include_expanded_fields": None})
    request = dub._build(http, spec, NO_OPTIONS)
    response = http.send(request)
    data = json.loads(CUSTOMER_JSON)
    outcome = send_with_retries(
        lambda: response, request, dub.retry_config, True, dub._timing
    )  # a stub send: only the loop's own cost
    n = 2000
    cases = _get_cases(http, dub)
    raw_total, ours_total = cases[RAW_GET], cases["dub_client as is"]
    headers = dub._headers
    steps = [
        (
            "_prepare_get (check_id, _merge, check_fields, _get_kwargs)",
            best_us(lambda: _prepare_get("cus_1", None, {"include_expanded_fields": None}), n),
        ),
        ("CallOptions(...) per call", best_us(lambda: CallOptions(None, None, None, None), n)),
        (
            "Dub._build -> build_request(params={}, 3 headers)",
            best_us(lambda: dub._build(http, spec, NO_OPTIONS), n),
        ),
        (
            "  same with params=None (no 2nd URL parse)",
            best_us(lambda: http.build_request("get", url, params=None, headers=headers), n),
        ),
        ("http.send(request) (transport, Response)", best_us(lambda: http.send(request), n)),
        (
            "send_with_retries loop around a stub send",
            best_us(
                lambda: send_with_retries(
                    lambda: response, request, dub.retry_config, True, dub._timing
                ),
                n,
            ),
        ),
        (
            "_finish: json.loads + _parse_customer",
            best_us(lambda: _finish(outcome, _parse_customer), n),
        ),
        ("  json.loads alone", best_us(lambda: json.loads(response.content), n)),
        ("  Customer.from_dict alone", best_us(lambda: Customer.from_dict(data), n)),
    ]
    raw_steps = [
        (
            "raw: client.build_request(get, url, headers=auth)",
            best_us(lambda: http.build_request("get", url, headers=AUTH), n),
        ),
    ]
    parts = [
        "in-process get, CPU per call, best of 15 interleaved rounds of 400 calls; "
        "what-ifs patched in memory for this process only (ratio to raw httpx):",
        "\n".join(
            f"  {us:7.1f} us  {us / raw_total:5.2f}x  {label}" for label, us in cases.items()
        ),
        "steps of dub_client's get (each timed alone):",
        table(steps, ours_total),
        table(raw_steps),
        "",
        "cProfile of 3,000 dub_client gets (tottime, dub_client + httpx URL/model code):",
        cprofile(
            lambda: dub.customers.get("cus_1"),
            3000,
            r"dub_client|_urlparse|_urls|httpx/_models|httpx/_client|json",
        ),
    ]
    if pyinstrument:
        parts += ["pyinstrument, 3,000 gets:", pyinstrument_tree(in_process_call("ours"), 3000)]
    return "\n".join(parts)


# -- parse -------------------------------------------------------------------------------
def _prototype_parse() -> Callable[[list[dict[str, Any]]], list[Any]]:
    """A hand-written parse building the very same attrs objects, with what a template
    override could emit: no per-field closures, no per-call ``from ... import``,
    ``fromisoformat`` only on strings, nested models inline, unknown keys kept."""
    from dub_client._generated.models.customer import Customer
    from dub_client._generated.models.customer_discount import CustomerDiscount
    from dub_client._generated.models.customer_link import CustomerLink
    from dub_client._generated.models.customer_partner import CustomerPartner
    from dub_client._generated.models.discount_type import DiscountType
    from dub_client._generated.types import UNSET

    fromiso = datetime.datetime.fromisoformat

    def link(src: dict[str, Any]) -> CustomerLink:
        d = dict(src)
        obj = CustomerLink(
            id=d.pop("id"),
            domain=d.pop("domain"),
            key=d.pop("key"),
            short_link=d.pop("shortLink"),
            url=d.pop("url"),
            program_id=d.pop("programId"),
        )
        obj.additional_properties = d
        return obj

    def partner(src: dict[str, Any]) -> CustomerPartner:
        d = dict(src)
        obj = CustomerPartner(
            id=d.pop("id"), name=d.pop("name"), email=d.pop("email"), image=d.pop("image")
        )
        obj.additional_properties = d
        return obj

    def discount(src: dict[str, Any]) -> CustomerDiscount:
        d = dict(src)
        obj = CustomerDiscount(
            id=d.pop("id"),
            amount=d.pop("amount"),
            type_=DiscountType(d.pop("type")),
            max_duration=d.pop("maxDuration"),
            coupon_id=d.pop("couponId"),
            coupon_test_id=d.pop("couponTestId"),
            description=d.pop("description", UNSET),
            partners_count=d.pop("partnersCount", UNSET),
        )
        obj.additional_properties = d
        return obj

    def customer(src: dict[str, Any]) -> Customer:
        d = dict(src)
        first_sale_at = d.pop("firstSaleAt", UNSET)
        if isinstance(first_sale_at, str):
            first_sale_at = fromiso(first_sale_at)
        canceled = d.pop("subscriptionCanceledAt", UNSET)
        if isinstance(canceled, str):
            canceled = fromiso(canceled)
        lk = d.pop("link", UNSET)
        pn = d.pop("partner", UNSET)
        dc = d.pop("discount", UNSET)
        obj = Customer(
            id=d.pop("id"),
            external_id=d.pop("externalId"),
            created_at=fromiso(d.pop("createdAt")),
            name=d.pop("name", UNSET),
            email=d.pop("email", UNSET),
            avatar=d.pop("avatar", UNSET),
            stripe_customer_id=d.pop("stripeCustomerId", UNSET),
            country=d.pop("country", UNSET),
            sales=d.pop("sales", UNSET),
            sale_amount=d.pop("saleAmount", UNSET),
            first_sale_at=first_sale_at,
            subscription_canceled_at=canceled,
            link=link(lk) if isinstance(lk, dict) else lk,
            program_id=d.pop("programId", UNSET),
            partner=partner(pn) if isinstance(pn, dict) else pn,
            discount=discount(dc) if isinstance(dc, dict) else dc,
        )
        obj.additional_properties = d
        return obj

    return lambda items: [customer(item) for item in items]


_MODEL_MODULES = ("customer_link", "customer_partner", "customer_discount", "customer")
_LAZY_IMPORT = re.compile(r"^\s+(from \.\.models\.\w+ import \w+)  # noqa: PLC0415\n", re.M)
_PASS_THROUGH = re.compile(
    r"\n(\s+)def (_parse_\w+)\(data: object\) -> [^\n]+:\n"
    r"(?:\s+if data is None:\n\s+return data\n)?"
    r"(?:\s+if isinstance\(data, Unset\):\n\s+return data\n)?"
    r"\s+return cast\([^\n]+\)\n\n\s+(\w+) = \2\(((?:[^\n]|\n\s+)*?)\)\n"
)


def what_if(level: int) -> type[Any]:
    """The generated Customer model with the output of a template override simulated
    by rewriting the generated source (in memory only, never on disk):

    1. no per-call ``from ..models.x import X`` inside ``from_dict``/``to_dict``: the
       model imports happen once, at module level (what moving ``model.lazy_imports``
       out of the methods in a ``model.py.jinja`` override gives);
    2. and no closure for a union whose members need no conversion (``None | str |
       Unset``, ``int | None | Unset``...): ``name = d.pop("name", UNSET)`` instead of
       defining and calling ``_parse_name`` + ``typing.cast`` (what a
       ``property_templates/union_property.py.jinja`` override gives).
    """
    package = "dub_client._generated.models"
    root = Path(sys.modules[package].__file__ or "").parent
    for name in _MODEL_MODULES:
        source = (root / f"{name}.py").read_text()
        if level >= 1:
            source = _LAZY_IMPORT.sub("", source).replace("\nif TYPE_CHECKING:\n", "\nif True:\n")
        if level >= 2:
            source = _PASS_THROUGH.sub(
                lambda m: f"\n{m.group(1)}{m.group(3)} = {m.group(4).strip()}\n", source
            )
        # Siblings resolve to the rewritten modules, not the generated ones.
        source = re.sub(
            r"from \.\.models\.(customer_\w+) import",
            lambda m: f"from ..models.whatif{level}_{m.group(1)} import",
            source,
        )
        module = types.ModuleType(f"{package}.whatif{level}_{name}")
        module.__package__ = package
        sys.modules[module.__name__] = module
        exec(compile(source, module.__name__, "exec"), module.__dict__)
    return sys.modules[f"{package}.whatif{level}_customer"].Customer


def profile_parse(pyinstrument: bool) -> str:
    from dub_client._customers import _parse_customers

    from dub_client._generated.models.customer import Customer
    from dub_client._generated.models.customer_discount import CustomerDiscount
    from dub_client._generated.models.customer_link import CustomerLink
    from dub_client._generated.models.customer_partner import CustomerPartner
    from dub_client._generated.models.discount_type import DiscountType

    body = expanded_page(100)
    items = json.loads(body)
    plain = [
        {k: v for k, v in c.items() if k not in ("link", "partner", "discount")} for c in items
    ]
    links = [c["link"] for c in items]
    partners = [c["partner"] for c in items]
    discounts = [c["discount"] for c in items]
    dates = [c["createdAt"] for c in items] + [c["firstSaleAt"] for c in items if c["firstSaleAt"]]
    prototype = _prototype_parse()
    if prototype(items) != _parse_customers(items):
        raise AssertionError("the prototype parse must build equal objects")
    attrs_init = best_us(
        lambda: [
            Customer(id="a", external_id="b", created_at=None)  # type: ignore[arg-type]
            for _ in range(100)
        ],
        20,
    )
    n = 20
    models = {level: what_if(level) for level in (1, 2)}
    for level, model in models.items():
        if [model.from_dict(c).to_dict() for c in items] != [
            c.to_dict() for c in _parse_customers(items)
        ]:
            raise AssertionError(f"what-if {level} must parse the same values")
    m1, m2 = models[1], models[2]
    options = compare_us(
        [
            ("json.loads alone (the baseline)", lambda: json.loads(body), None),
            (
                "generated code as is: _parse_customers(json.loads(body))",
                lambda: _parse_customers(json.loads(body)),
                None,
            ),
            (
                "1. model imports at module level, not per from_dict call",
                lambda: [m1.from_dict(c) for c in json.loads(body)],
                None,
            ),
            (
                "2. = 1 + no closure/cast for pass-through unions",
                lambda: [m2.from_dict(c) for c in json.loads(body)],
                None,
            ),
            (
                "3. = 2 + nested models and nullable dates inline (hand-written)",
                lambda: prototype(json.loads(body)),
                None,
            ),
        ],
        number=10,
    )
    loads, total_ours = list(options.values())[:2]
    steps = [
        ("json.loads (82 KiB)", loads),
        ("Customer.from_dict x100, expanded", best_us(lambda: _parse_customers(items), n)),
        (
            "  Customer.from_dict x100 without link/partner/discount",
            best_us(lambda: [Customer.from_dict(c) for c in plain], n),
        ),
        (
            "  CustomerLink.from_dict x100",
            best_us(lambda: [CustomerLink.from_dict(c) for c in links], n),
        ),
        (
            "  CustomerPartner.from_dict x100",
            best_us(lambda: [CustomerPartner.from_dict(c) for c in partners], n),
        ),
        (
            "  CustomerDiscount.from_dict x100",
            best_us(lambda: [CustomerDiscount.from_dict(c) for c in discounts], n),
        ),
        (
            f"  datetime.fromisoformat x{len(dates)}",
            best_us(lambda: [datetime.datetime.fromisoformat(s) for s in dates], n),
        ),
        (
            "  DiscountType('percentage') x100",
            best_us(lambda: [DiscountType("percentage") for _ in range(100)], n),
        ),
        ("  attrs Customer(...) __init__ x100 (3 args)", attrs_init),
    ]
    parts = [
        "parse of 100 expanded customers (82 KiB), CPU per page, best of 15 interleaved "
        "rounds of 10; what-ifs build the same objects (ratio to json.loads):",
        "\n".join(f"  {us:8.0f} us  {us / loads:5.2f}x  {label}" for label, us in options.items()),
        "steps of the generated parse (each timed alone):",
        table(steps, total_ours),
        "",
        "cProfile of 200 page parses (tottime):",
        cprofile(lambda: _parse_customers(json.loads(body)), 200, r".", top=16),
    ]
    if pyinstrument:
        parts += [
            "pyinstrument, 300 page parses:",
            pyinstrument_tree(lambda: _parse_customers(json.loads(body)), 300),
        ]
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
