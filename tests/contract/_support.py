"""Helpers of the Prism contract tests: starting Prism, reading its verdicts, checking models.

How Prism (5.x, ``prism mock``) reports a request that breaks the contract:

* it adds an ``sl-violations`` response header, a JSON list of
  ``{"location": [...], "severity": "Error" | "Warning", "code": ..., "message": ...}``;
* it answers with the spec's 422 (or 400) response when the operation documents
  one (so for this spec: a 422 with the ``ErrorResponse`` example body), and with
  its own ``application/problem+json`` body (``type: https://stoplight.io/prism/errors#...``,
  with a ``validation`` list) when it does not, or when it cannot route the
  request at all (``NO_PATH_MATCHED_ERROR``, ``NOT_FOUND`` for an undocumented
  ``Prefer: code=``).

A request is accepted only when neither happens. ``Warning`` entries are
tolerated only for the documented deprecations (``page``, ``POST /customers``).
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from dub_client.models import (
    Customer,
    CustomerDiscount,
    CustomerLink,
    CustomerPartner,
    DeletedCustomer,
    DiscountType,
    Unset,
)

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi.yaml"
PRISM_BIN = ROOT / "tools" / "prism" / "node_modules" / ".bin" / "prism"
READY_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
TOKEN = "dub_contract_T0ken"
#: Warnings Prism may attach to a valid request: the spec deprecates them on purpose.
TOLERATED_WARNINGS = frozenset({"deprecated"})


# -- counters for the terminal summary ------------------------------------------------------
@dataclass
class Stats:
    validated: int = 0
    parsed: int = 0
    customers: int = 0
    error_bodies: int = 0


STATS = Stats()


# -- Prism process ---------------------------------------------------------------------------
def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def missing_prism(reason: str) -> None:
    """Skip locally, fail in CI: CI must never silently lose the contract tests."""
    hint = f"{reason} (run `make test`, or `cd tools/prism && npm ci`; Node 20 is needed)"
    if in_ci():
        pytest.fail(f"CI=true but the Prism contract tests cannot run: {hint}", pytrace=False)
    pytest.skip(hint)


def prism_command() -> list[str]:
    node = shutil.which("node")
    if node is None:
        missing_prism("node is not on the PATH")
    if not PRISM_BIN.exists():
        missing_prism(f"Prism is not installed at {PRISM_BIN.relative_to(ROOT)}")
    assert node is not None
    return [node, str(PRISM_BIN)]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group, SIGKILL it if it lingers; always reap."""
    for sig, wait in ((signal.SIGTERM, STOP_TIMEOUT), (signal.SIGKILL, STOP_TIMEOUT)):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    # Children left in the group (there should be none) go too.
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    if proc.poll() is None:
        proc.wait(timeout=STOP_TIMEOUT)


def _tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _is_prism(response: httpx.Response) -> bool:
    # GET / is not in the spec: Prism answers its own problem+json NO_PATH_MATCHED.
    return "stoplight.io/prism" in response.text


@contextmanager
def running_prism(log_dir: Path, *, dynamic: bool) -> Iterator[str]:
    """Start ``prism mock`` on 127.0.0.1 on a free port; yield its URL; always stop it."""
    command = prism_command()
    kind = "dynamic" if dynamic else "static"
    last_error = ""
    for attempt in range(3):  # the free port can be taken between probe and bind
        port = _free_port()
        log = log_dir / f"prism-{kind}-{attempt}.log"
        args = [*command, "mock", "--host", "127.0.0.1", "--port", str(port)]
        if dynamic:
            args.append("--dynamic")
        args.append(str(SPEC))
        with log.open("wb") as out:
            proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
                start_new_session=True,  # its own process group, killed as a whole
            )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + READY_TIMEOUT
            ready = False
            with httpx.Client(timeout=1.0) as probe:
                while time.monotonic() < deadline and proc.poll() is None:
                    try:
                        ready = _is_prism(probe.get(url + "/"))
                    except httpx.TransportError:
                        ready = False
                    if ready:
                        break
                    time.sleep(0.1)  # the bounded readiness poll
            if ready and proc.poll() is None:
                yield url
                return
            if proc.poll() is None:
                last_error = f"Prism ({kind}) did not answer on {url} within {READY_TIMEOUT:.0f} s"
            else:
                last_error = f"Prism ({kind}) exited with status {proc.returncode}"
            last_error += f"; log tail:\n{_tail(log)}"
        finally:
            _stop(proc)
        if "EADDRINUSE" not in last_error:
            break
    pytest.fail(last_error, pytrace=False)


# -- reading Prism's verdict ------------------------------------------------------------------
@dataclass(frozen=True)
class Exchange:
    """One request that reached Prism and its answer (bodies read in full)."""

    method: str
    url: httpx.URL
    request_headers: httpx.Headers
    request_body: bytes
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def path(self) -> str:
        return self.url.raw_path.decode("ascii").split("?", 1)[0]

    @property
    def query(self) -> dict[str, str]:
        return dict(self.url.params)

    def json(self) -> Any:
        return json.loads(self.body)

    def request_json(self) -> Any:
        return json.loads(self.request_body) if self.request_body else None

    def describe(self) -> str:
        return f"{self.method} {self.url} -> {self.status}"


def violations(exchange: Exchange) -> list[str]:
    """What Prism found wrong with the request; empty when it accepted it."""
    found: list[str] = []
    raw = exchange.headers.get("sl-violations")
    if raw is not None:
        try:
            entries = json.loads(raw)
        except ValueError:
            entries = [{"severity": "Error", "message": f"unreadable sl-violations: {raw!r}"}]
        for entry in entries if isinstance(entries, list) else [entries]:
            severity = str(entry.get("severity", "Error"))
            code = entry.get("code")
            if severity != "Error" and code in TOLERATED_WARNINGS:
                continue
            where = ".".join(str(part) for part in entry.get("location", []))
            found.append(f"[{severity} {code}] {where}: {entry.get('message')}")
    content_type = exchange.headers.get("content-type", "")
    if content_type.startswith("application/problem+json"):
        try:
            problem = exchange.json()
        except ValueError:
            problem = {"title": exchange.body.decode("utf-8", "replace")}
        text = f"[Prism {exchange.status}] {problem.get('title')}: {problem.get('detail', '')}"
        found.append(text.rstrip(": "))
        for entry in problem.get("validation", []) or []:
            where = ".".join(str(part) for part in entry.get("location", []))
            found.append(
                f"[{entry.get('severity')} {entry.get('code')}] {where}: {entry.get('message')}"
            )
    return found


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    # Prism is plain http; sharing one default context only saves loading the CA
    # bundle for each of the hundreds of clients (verification stays on).
    return ssl.create_default_context()


@dataclass
class Witness:
    """httpx clients whose response hook records every exchange with Prism."""

    stats: Stats
    exchanges: list[Exchange] = field(default_factory=list)
    _checked: int = 0

    def _record(self, response: httpx.Response) -> None:
        request = response.request
        self.exchanges.append(
            Exchange(
                method=request.method,
                url=request.url,
                request_headers=request.headers,
                request_body=request.content,
                status=response.status_code,
                headers=response.headers,
                body=response.content,
            )
        )

    def _hook(self, response: httpx.Response) -> None:
        response.read()
        self._record(response)

    async def _ahook(self, response: httpx.Response) -> None:
        await response.aread()
        self._record(response)

    def client(self) -> httpx.Client:
        return httpx.Client(
            timeout=10.0, verify=_ssl_context(), event_hooks={"response": [self._hook]}
        )

    def async_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=10.0, verify=_ssl_context(), event_hooks={"response": [self._ahook]}
        )

    def take(self) -> list[Exchange]:
        new = self.exchanges[self._checked :]
        self._checked = len(self.exchanges)
        return new

    def assert_accepted(self) -> list[Exchange]:
        """Fail, naming each violation, unless Prism accepted every request since the last check."""
        new = self.take()
        if not new:
            pytest.fail("no request reached Prism", pytrace=False)
        problems = [(ex, v) for ex in new if (v := violations(ex))]
        if problems:
            lines = [f"Prism rejected {len(problems)} of {len(new)} request(s):"]
            for ex, found in problems:
                lines.append(f"  {ex.describe()}")
                lines.extend(f"    {v}" for v in found)
                if ex.request_body:
                    lines.append(f"    body sent: {ex.request_body.decode('utf-8', 'replace')}")
            pytest.fail("\n".join(lines), pytrace=False)
        self.stats.validated += len(new)
        return new

    @contextmanager
    def accepted(self) -> Iterator[list[Exchange]]:
        """Around SDK calls: Prism must accept what they sent (checked even if they raised).

        A violation fails the test by name; otherwise an exception of the call
        propagates unchanged. The yielded list is filled with the exchanges.
        """
        seen: list[Exchange] = []
        try:
            yield seen
        finally:
            seen.extend(self.assert_accepted())


# -- checking parsed models against the raw JSON -----------------------------------------------
def _as_datetime(value: Any) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _same(expected: Any, actual: Any, where: str) -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        assert sorted(actual) == sorted(expected), (
            f"{where}: keys {sorted(actual)} != {sorted(expected)}"
        )
        for key, value in expected.items():
            _same(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: expected an array, got {actual!r}"
        assert len(actual) == len(expected), f"{where}: length {len(actual)} != {len(expected)}"
        for index, (e, a) in enumerate(zip(expected, actual, strict=True)):
            _same(e, a, f"{where}[{index}]")
    elif isinstance(expected, str) and isinstance(actual, str) and expected != actual:
        left, right = _as_datetime(expected), _as_datetime(actual)
        assert left is not None and left == right, f"{where}: {actual!r} != {expected!r}"
    else:
        assert type(actual) is type(expected) and actual == expected, (
            f"{where}: {actual!r} != {expected!r}"
        )


#: Nested models (same name in JSON and Python); the generated from_dict silently keeps a
#: dict it failed to parse, so each one is checked explicitly.
_NESTED = {"link": CustomerLink, "partner": CustomerPartner, "discount": CustomerDiscount}
_WIRE_DATES = {
    "created_at": "createdAt",
    "first_sale_at": "firstSaleAt",
    "subscription_canceled_at": "subscriptionCanceledAt",
}


def check_customer(customer: Any, raw: Any, where: str = "customer") -> None:
    """``customer`` is a fully parsed :class:`Customer` holding exactly ``raw``."""
    assert isinstance(customer, Customer), f"{where}: {type(customer).__name__}, not Customer"
    assert isinstance(raw, dict)
    for attr, key in _WIRE_DATES.items():
        value = getattr(customer, attr)
        if key not in raw:
            assert isinstance(value, Unset), f"{where}.{attr}: {value!r} for an absent field"
        elif raw[key] is None:
            assert value is None, f"{where}.{attr}: {value!r} for null"
        else:
            assert isinstance(value, datetime.datetime), f"{where}.{attr}: {value!r} not parsed"
            assert value.tzinfo is not None, f"{where}.{attr}: {value!r} lost its offset"
    for attr, model in _NESTED.items():
        value = getattr(customer, attr)
        if isinstance(raw.get(attr), dict):
            assert isinstance(value, model), (
                f"{where}.{attr}: left as {type(value).__name__} ({value!r}), not {model.__name__}"
            )
    if isinstance(customer.discount, CustomerDiscount):
        assert isinstance(customer.discount.type_, DiscountType)
    _same(raw, customer.to_dict(), where)


def check_customers(customers: Any, raw: Any) -> None:
    assert isinstance(customers, list) and isinstance(raw, list)
    assert len(customers) == len(raw), f"{len(customers)} customers parsed from {len(raw)}"
    for index, (customer, item) in enumerate(zip(customers, raw, strict=True)):
        check_customer(customer, item, f"customers[{index}]")


def check_deleted(deleted: Any, raw: Any) -> None:
    assert isinstance(deleted, DeletedCustomer), f"{type(deleted).__name__}, not DeletedCustomer"
    assert isinstance(deleted.id, str)
    _same(raw, deleted.to_dict(), "deleted")


def wire_value(value: Any) -> str:
    """How httpx writes a query value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)
