"""An in-memory Dub: the five customers operations with the real API's semantics.

It speaks HTTP (bytes in, bytes out) through ``handle``, so the
same object serves an in-process httpx transport and a loopback HTTP server.
"""

from __future__ import annotations

import datetime
import difflib
import inspect
import json
import math
import random
import re
import string
import threading
import time
import typing
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import httpx

from .._retries import BackoffStrategy, RetryConfig
from ._server import IN_PROCESS_URL, Reply, SandboxServer, async_transport, transport

if TYPE_CHECKING:
    from .._generated.client import Dub
    from ..models import Customer

__all__ = ["FAST_RETRIES", "Fault", "RecordedRequest", "Reply", "Sandbox"]

_DOC = "https://dub.co/docs/api-reference/errors#"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    410: "invite_expired",
    422: "unprocessable_entity",
    429: "rate_limit_exceeded",
    500: "internal_server_error",
}
_KNOWN = frozenset(s.value for s in HTTPStatus)
_EPOCH = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
_COUNTRIES = ("US", "GB", "DE", "FR", "BR", "IN", "JP", "CA", "AU", "NL")
_FIRST = ("Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Margaret", "Linus", "Radia", "Tim")


@dataclass(slots=True)
class Fault:
    """A planned misbehaviour for one upcoming request.

    ``status`` answers with that status and a Dub error body (or ``body``, text or bytes);
    ``retry_after`` adds a ``Retry-After`` header (sent verbatim); ``drop``
    closes the connection without an answer (for writes: after the write was
    applied — the worst case for a client); ``delay`` sleeps that many seconds
    first. ``method`` limits the fault to requests of that method.
    """

    status: int | None = None
    retry_after: str | None = None
    body: bytes | str | None = None
    drop: bool = False
    delay: float = 0.0
    method: str | None = None

    def __post_init__(self) -> None:
        if self.method is not None:
            self.method = self.method.upper()
        if isinstance(self.body, str):  # the same bytes in-process and over HTTP
            self.body = self.body.encode("utf-8")


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request the sandbox received: ``query`` parsed (``query["pageSize"]`` is the
    first value, ``query.get_list(name)`` every one) and ``raw_query`` as sent;
    ``headers`` with the API key redacted; ``body`` the parsed JSON (``None`` without a
    body, the text if it is not JSON)."""

    method: str
    path: str
    query: httpx.QueryParams
    raw_query: str
    headers: dict[str, str]
    body: Any


#: What the sandbox answers for each query parameter of the list operation, by its meaning
#: in Dub's API; any other parameter the spec gives the operation filters by exact match on
#: the customer field of that name (``<object>Id``: that object's id), or is refused.
_INTERPRETED = frozenset({"search", "includeExpandedFields", "sortBy", "sortOrder"})


def _read_query(spec: Any, raw: str | None) -> Any:
    """One query value as the parameter's spec says (its default when absent), or the 422
    the API answers for it."""
    if raw is None:
        return spec.default
    value: Any = raw
    if spec.kind == "int":
        try:
            value = int(raw)
        except ValueError:
            return _error(422, f"{spec.wire} must be an integer")
        low = spec.minimum if spec.minimum is not None else -math.inf
        high = spec.maximum if spec.maximum is not None else math.inf
        if not low <= value <= high:
            return _error(422, f"{spec.wire} must be between {low} and {high}")
    elif spec.kind == "bool":
        if raw not in ("true", "false"):
            return _error(422, f"{spec.wire} must be true or false")
        value = raw == "true"
    elif spec.kind == "enum" and raw not in [str(choice) for choice in spec.choices]:
        return _error(422, f"{spec.wire} must be one of {list(spec.choices)}")
    elif spec.min_length is not None and len(raw) < spec.min_length:
        return _error(422, f"{spec.wire} must have at least {spec.min_length} characters")
    return value


def _as_query(value: Any) -> str | None:
    """A stored value as it would be written in a query string (``None``: matches nothing)."""
    if value is None or isinstance(value, dict | list):
        return None
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _nullable_update_fields() -> tuple[str, ...]:
    """The update body's nullable fields that Dub stores (one it accepts and ignores,
    ``x-sdk-ignored`` in the spec, is neither checked nor stored, as on the live API)."""
    from .._generated.api.customers.update_customer import OPERATION as UPDATE

    return tuple(p.wire for p in UPDATE.body_fields if p.nullable and not p.ignored)


def _error(status: int, message: str, code: str | None = None) -> Reply:
    code = code or _CODES.get(status, "internal_server_error")
    payload = {
        "error": {"code": code, "message": message, "doc_url": _DOC + code.replace("_", "-")}
    }
    return Reply(status, json.dumps(payload).encode(), {"content-type": "application/json"})


def _json(status: int, payload: Any) -> Reply:
    return Reply(
        status,
        json.dumps(payload, separators=(",", ":")).encode(),
        {"content-type": "application/json"},
    )


def _iso(moment: datetime.datetime) -> str:
    """How Dub writes a date-time: UTC, milliseconds, ``Z`` (``2024-01-01T00:00:00.000Z``)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="milliseconds") + "Z"


def _instant(value: str) -> str | None:
    """``value`` as Dub stores and returns it (see ``_iso``); ``None`` if it is no date-time.

    A value without an offset is read as UTC; ``t``/``z`` may be lower case (RFC 3339).
    """
    try:
        moment = datetime.datetime.fromisoformat(value.upper())
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        return _iso(moment)
    except (ValueError, OverflowError):  # OverflowError: e.g. year 1 at +14:00 is year 0 in UTC
        return None


class Sandbox:
    """A stateful, thread-safe fake of Dub's customers API.

    ``token`` (optional) is the only key accepted; any ``Bearer`` key is
    accepted when it is ``None``. ``seed`` adds that many generated customers;
    ``rng_seed`` makes them (and ids) reproducible.
    """

    def __init__(self, *, token: str | None = None, seed: int = 0, rng_seed: int = 0) -> None:
        self.token = token
        self._rng = random.Random(rng_seed)
        self._lock = threading.Lock()
        self._customers: dict[str, dict[str, Any]] = {}
        self._expanded: dict[str, dict[str, Any]] = {}
        self._counter = 0
        self._faults: deque[Fault] = deque()
        self._chaos: tuple[float, Callable[[random.Random], Fault]] | None = None
        #: Every request seen, in order.
        self.requests: list[RecordedRequest] = []
        self._served = 0
        #: How many times each externalId was created (a retry bug shows as > 1).
        self.creates: dict[str, int] = {}
        self.faults_injected = 0
        for _ in range(seed):
            self._add_generated()

    # -- state -----------------------------------------------------------------------
    def _new_id(self, prefix: str) -> str:
        self._counter += 1
        tail = "".join(self._rng.choices(string.ascii_uppercase + string.digits, k=13))
        return f"{prefix}_{self._counter:08X}{tail}"

    def add_customer(self, **fields: Any) -> Customer:
        """Add one customer and return it (as ``get`` with expanded fields would).

        Fields by the SDK's names (``external_id`` required), checked like the SDK
        checks its input: an unknown name, a wrong type or a missing ``external_id``
        raises ``TypeError``/``ValueError``. ``id`` may be given (``"cus_123"`` for
        documentation examples); otherwise a time-sortable ``cus_…`` id is made.
        ``link``, ``program_id``, ``partner`` and ``discount`` (models or dicts of their
        fields) are expanded fields, returned only with ``include_expanded_fields``.
        """
        wire = _customer_wire(fields)
        with self._lock:
            if wire.get("id") in self._customers:
                raise ValueError(f"a customer with id {wire['id']!r} exists already")
            stored = self._insert(wire)
            data = self._out(stored, expanded=True)
        from ..models import Customer

        return Customer.from_dict(data)

    def _insert(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        cid = fields.get("id") or self._new_id("cus")
        created = _EPOCH + datetime.timedelta(minutes=self._counter)
        customer: dict[str, Any] = {
            "id": cid,
            "externalId": fields["externalId"],
            "name": None,
            "email": None,
            "avatar": None,
            "stripeCustomerId": None,
            "country": None,
            "sales": 0,
            "saleAmount": 0,
            "createdAt": _iso(created),
            "firstSaleAt": None,
            "subscriptionCanceledAt": None,
        }
        expanded = {}
        for key, value in fields.items():
            if key in ("link", "programId", "partner", "discount"):
                expanded[key] = value
            elif key != "id":
                customer[key] = value
        self._customers[cid] = customer
        self._expanded[cid] = expanded
        return dict(customer)

    def _add_generated(self) -> None:
        n = len(self._customers) + 1
        first = self._rng.choice(_FIRST)
        sales = self._rng.randint(0, 5)
        fields: dict[str, Any] = {
            "externalId": f"user-{n}",
            "name": f"{first} {n}",
            "email": f"{first.lower()}.{n}@example.com",
            "country": self._rng.choice(_COUNTRIES),
            "sales": sales,
            "saleAmount": sales * self._rng.randint(500, 5000),
        }
        if sales:
            fields["firstSaleAt"] = _iso(_EPOCH + datetime.timedelta(days=n % 365, hours=3))
        if n % 3 == 0:
            link = self._new_id("link")
            fields["link"] = {
                "id": link,
                "domain": "dub.sh",
                "key": f"k{n}",
                "shortLink": f"https://dub.sh/k{n}",
                "url": f"https://example.com/landing/{n}",
                "programId": "prog_1" if n % 2 else None,
            }
            fields["programId"] = "prog_1"
            fields["partner"] = {
                "id": f"pn_{n:06d}",
                "name": f"Partner {n}",
                "email": f"partner{n}@example.com",
                "image": None,
            }
            fields["discount"] = {
                "id": "disc_1",
                "amount": 20,
                "type": "percentage",
                "maxDuration": 12,
                "couponId": None,
                "couponTestId": None,
            }
        self._insert(fields)

    def customers(self) -> list[dict[str, Any]]:
        """A snapshot of every stored customer (without expanded fields)."""
        with self._lock:
            return [dict(c) for c in self._customers.values()]

    # -- ways in ---------------------------------------------------------------------------
    def transport(self) -> httpx.MockTransport:
        """An in-process httpx transport (sync and async) answered by this sandbox."""
        return transport(self)

    def client(self) -> httpx.Client:
        """An ``httpx.Client`` wired to this sandbox (pass it as ``Dub(client=...)``)."""
        return httpx.Client(transport=self.transport(), base_url=IN_PROCESS_URL)

    def async_client(self) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` wired to this sandbox (``Dub(async_client=...)``)."""
        return httpx.AsyncClient(transport=async_transport(self), base_url=IN_PROCESS_URL)

    def dub(self, **options: Any) -> Dub:
        """A ``Dub`` talking to this sandbox in-process (no network).

        It retries like the default policy but waits milliseconds, not seconds
        (``FAST_RETRIES``), so a test with planned faults runs fast; pass
        ``retry_config=`` to choose another. A ``Retry-After`` a fault sends is honoured
        as sent.
        """
        from .._generated.client import Dub

        options.setdefault("token", self.token or "dub_sandbox")
        options.setdefault("server_url", IN_PROCESS_URL)
        if "retry_config" not in options and "max_retries" not in options:
            options["retry_config"] = FAST_RETRIES
        return Dub(client=self.client(), async_client=self.async_client(), **options)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> SandboxServer:
        """A loopback HTTP server for this sandbox: ``with sandbox.serve() as url: ...``."""
        return SandboxServer(self, host, port)

    # -- faults ------------------------------------------------------------------------
    def fail_next(self, *faults: Fault) -> None:
        """Queue faults; each is used by the next matching request."""
        with self._lock:
            self._faults.extend(faults)

    def clear_faults(self) -> None:
        """Forget the queued faults and stop random ones."""
        with self._lock:
            self._faults.clear()
            self._chaos = None

    def chaos(self, rate: float, make: Callable[[random.Random], Fault] | None = None) -> None:
        """Inject a random fault (from ``make``) into a ``rate`` share of requests; 0 stops it."""
        with self._lock:
            self._chaos = (rate, make or _default_chaos) if rate > 0 else None

    def _take_fault(self, method: str) -> Fault | None:
        for i, fault in enumerate(self._faults):
            if fault.method is None or fault.method == method:
                del self._faults[i]
                return fault
        if self._chaos is not None and self._rng.random() < self._chaos[0]:
            return self._chaos[1](self._rng)
        return None

    # -- HTTP ---------------------------------------------------------------------------
    def handle(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        body: bytes,
        wait: Callable[[float], None] = time.sleep,
    ) -> Reply:
        """Answer one request. ``target`` is the raw path with its query string;
        ``wait`` spends a fault's delay (the in-process transport's raises the
        client's read timeout when the delay is longer, as a socket would)."""
        fault = self.receive(method, target, headers, body)
        if fault is not None and fault.delay:
            wait(fault.delay)
        return self.answer(method, target, headers, body, fault)

    def receive(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> Fault | None:
        """Record one request and take the fault planned for it (``handle``'s first half)."""
        path, _, query = target.partition("?")
        with self._lock:
            self.requests.append(_record(method.upper(), path, query, headers, body))
            fault = self._take_fault(method.upper())
            if fault is not None:
                self.faults_injected += 1
        return fault

    def answer(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        body: bytes,
        fault: Fault | None,
    ) -> Reply:
        """The reply to a request ``receive`` recorded (``handle``'s second half)."""
        method = method.upper()
        path, _, query = target.partition("?")
        if fault is not None and fault.status is not None:
            if isinstance(fault.body, bytes):  # (a str body became bytes in Fault)
                reply = Reply(fault.status, fault.body, {"content-type": "text/html"})
            elif fault.status in _CODES:  # Dub's own errors carry Dub's body
                reply = _error(fault.status, f"injected {fault.status}")
            else:  # the platform in front of Dub (502, 503, 504 …) answers in plain text
                phrase = HTTPStatus(fault.status).phrase if fault.status in _KNOWN else "Error"
                reply = Reply(fault.status, phrase.encode(), {"content-type": "text/plain"})
            if fault.retry_after is not None:
                reply.headers["retry-after"] = fault.retry_after
            return reply
        with self._lock:
            reply = self._route(method, path, query, headers, body)
            self._served += 1
            reply.headers["x-request-id"] = f"req_sandbox_{self._served:06d}"
        if fault is not None and fault.drop:
            return Reply(0, drop=True)
        return reply

    def _route(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Reply:
        lowered = {k.lower(): v for k, v in headers.items()}
        auth = lowered.get("authorization", "")
        if auth and not auth.startswith("Bearer "):
            return _error(400, "Misconfigured authorization header: it must start with 'Bearer '.")
        key = auth[len("Bearer ") :].strip()
        if not key or (self.token is not None and key != self.token):
            return _error(401, "Unauthorized: Invalid API key.")
        params = httpx.QueryParams(query)
        segments = path.split("/")
        if path.rstrip("/") == "/customers":
            if method == "GET":
                return self._list(params)
            if method == "POST":
                return self._create(body)
            return _error(405, f"Method {method} not allowed", "method_not_allowed")
        if len(segments) == 3 and segments[1] == "customers" and segments[2]:
            ref = unquote(segments[2])
            if method == "GET":
                return self._get(ref, params)
            if method == "PATCH":
                return self._update(ref, params, body)
            if method == "DELETE":
                return self._delete(ref)
            return _error(405, f"Method {method} not allowed", "method_not_allowed")
        return _error(404, f"No route for {method} {path}")

    # -- operations -------------------------------------------------------------------------
    def _find(self, ref: str) -> dict[str, Any] | None:
        if ref.startswith("ext_"):
            external = ref[len("ext_") :]
            return next((c for c in self._customers.values() if c["externalId"] == external), None)
        return self._customers.get(ref)

    def _out(self, customer: Mapping[str, Any], expanded: bool) -> dict[str, Any]:
        out = dict(customer)
        if expanded:
            out.update({k: v for k, v in self._expanded[customer["id"]].items() if v is not None})
        return out

    @staticmethod
    def _flag(params: Mapping[str, str]) -> bool | Reply:
        raw = params.get("includeExpandedFields")
        if raw is None or raw == "false":
            return False
        if raw == "true":
            return True
        return _error(422, "includeExpandedFields must be true or false")

    def _list(self, params: httpx.QueryParams) -> Reply:
        """The list operation as the generated one describes it: each query parameter read
        (bounds, enum values, defaults) from its spec; the paging ones by the pagination."""
        from .._generated.api.customers.get_customers import OPERATION as LIST

        paging = LIST.pagination
        assert paging is not None and paging.size and paging.page and paging.previous
        wire = {spec.name: spec.wire for spec in LIST.params}
        values: dict[str, Any] = {}
        for spec in LIST.params:
            value = values[spec.wire] = _read_query(spec, params.get(spec.wire))
            if isinstance(value, Reply):
                return value
        size: int = values[wire[paging.size]] or paging.default_size or 1
        page_wire = wire[paging.page]
        offset = ((values[page_wire] or 1) - 1) * size
        sort_by, sort_order = values["sortBy"], values["sortOrder"]
        after, before = values[wire[paging.next]], values[wire[paging.previous]]
        cursor = after or before
        if after and before:
            return _error(422, "You cannot use both startingAfter and endingBefore.")
        if cursor and page_wire in params:
            return _error(422, "You cannot use both page and startingAfter/endingBefore.")
        if cursor and sort_by != "createdAt":
            return _error(422, "Cursor pagination only supports sortBy=createdAt.")
        if cursor and cursor not in self._customers:
            return _error(422, f"Cursor {cursor} does not exist.")
        skip = {
            *_INTERPRETED,
            *(wire[n] for n in (paging.next, paging.previous, paging.page, paging.size)),
        }
        found = self._filter(params, [p for p in LIST.params if p.wire not in skip])
        if isinstance(found, Reply):
            return found
        reverse = sort_order == "desc"
        if cursor:
            found.sort(key=lambda c: c["id"], reverse=reverse)
            ids = [c["id"] for c in found]
            pos = ids.index(cursor) if cursor in ids else _insertion(ids, cursor, reverse)
            if after:
                start = pos + 1 if cursor in ids else pos
                page = found[start : start + size]
            else:
                page = found[max(0, pos - size) : pos]
        elif sort_by == "createdAt":
            # Dub's ids are time-sortable: creation order is id order, in both modes (and a
            # customer added with a hand-picked id cannot fall between the two)
            found.sort(key=lambda c: c["id"], reverse=reverse)
            page = found[offset : offset + size]
        else:
            found.sort(
                key=lambda c: (c[sort_by] is not None, c[sort_by] or 0, c["id"]), reverse=reverse
            )
            page = found[offset : offset + size]
        expanded = bool(values["includeExpandedFields"])
        return _json(200, [self._out(c, expanded) for c in page])

    def _filter(
        self, params: httpx.QueryParams, filters: list[Any]
    ) -> list[dict[str, Any]] | Reply:
        """The customers the list's filters keep: ``email``, else ``externalId``, else
        ``search`` (Dub's precedence), and every other filter the spec gives by exact match
        on the customer field of its name, or the error naming one the sandbox cannot read."""
        rows: Iterable[dict[str, Any]] = self._customers.values()
        if "email" in params:
            rows = (c for c in rows if c["email"] == params["email"])
        elif "externalId" in params:
            rows = (c for c in rows if c["externalId"] == params["externalId"])
        elif params.get("search"):
            needle = params["search"].lower()
            rows = (
                c
                for c in rows
                if any(needle in str(c[k] or "").lower() for k in ("email", "name", "id"))
            )
        for spec in filters:
            if spec.wire in ("email", "externalId") or spec.wire not in params:
                continue
            key = _filter_key(spec.wire) if spec.kind != "list" else None
            if key is None:
                return _error(
                    501,
                    f"the sandbox cannot interpret the query parameter {spec.wire!r} of "
                    f"GET /customers: no customer field is named {spec.wire!r} "
                    "(teach dub_client/testing/_sandbox.py what it means)",
                    "not_implemented",
                )
            want = params[spec.wire]
            rows = [c for c in rows if _as_query(self._field(c, *key)) == want]
        return list(rows)

    def _field(self, customer: Mapping[str, Any], name: str, nested: bool) -> Any:
        value = customer.get(name, self._expanded[customer["id"]].get(name))
        return (value or {}).get("id") if nested else value

    def _lookup(self, ref: str, params: Mapping[str, str]) -> tuple[dict[str, Any], bool] | Reply:
        """The customer ``ref`` names and the includeExpandedFields flag, or the error reply."""
        expanded = self._flag(params)
        if isinstance(expanded, Reply):
            return expanded
        customer = self._find(ref)
        if customer is None:
            return _error(404, "Customer not found.")
        return customer, expanded

    def _get(self, ref: str, params: Mapping[str, str]) -> Reply:
        found = self._lookup(ref, params)
        if isinstance(found, Reply):
            return found
        customer, expanded = found
        return _json(200, self._out(customer, expanded))

    @staticmethod
    def _read_body(body: bytes) -> dict[str, Any] | Reply:
        if not body.strip():
            return _error(400, "Request body is required.")
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):  # RecursionError: nested too deeply to parse
            return _error(400, "Request body is not valid JSON.")
        if not isinstance(data, dict):
            return _error(422, "Request body must be a JSON object.")
        return data

    def _check_fields(self, data: Mapping[str, Any], exclude: str | None) -> Reply | None:
        for key in ("externalId", "country"):
            if key in data and not isinstance(data[key], str):
                return _error(422, f"{key} must be a string")
        for key in _nullable_update_fields():
            if key in data and data[key] is not None and not isinstance(data[key], str):
                return _error(422, f"{key} must be a string or null")
        if isinstance(data.get("email"), str) and not _EMAIL.match(data["email"]):
            return _error(422, "Invalid email")
        for key in ("externalId", "stripeCustomerId"):
            value = data.get(key)
            if value is not None and any(
                c[key] == value and c["id"] != exclude for c in self._customers.values()
            ):
                return _error(409, f"A customer with {key} {value} already exists.")
        return None

    def _create(self, body: bytes) -> Reply:
        data = self._read_body(body)
        if isinstance(data, Reply):
            return data
        for key in ("externalId", "country"):
            if not isinstance(data.get(key), str) or not data[key]:
                return _error(422, f"{key} is required")
        problem = self._check_fields(data, None)
        if problem is not None:
            return problem
        allowed = ("externalId", "email", "name", "avatar", "stripeCustomerId", "country")
        customer = self._insert({k: data[k] for k in allowed if k in data})
        self.creates[data["externalId"]] = self.creates.get(data["externalId"], 0) + 1
        return _json(201, customer)

    def _update(self, ref: str, params: Mapping[str, str], body: bytes) -> Reply:
        found = self._lookup(ref, params)
        if isinstance(found, Reply):
            return found
        customer, expanded = found
        data = self._read_body(body)
        if isinstance(data, Reply):
            return data
        problem = self._check_fields(data, customer["id"])
        if problem is not None:
            return problem
        # country, subscriptionCanceledAt: accepted, not stored (x-sdk-ignored)
        for key in ("externalId", *_nullable_update_fields()):
            if key in data:
                customer[key] = data[key]
        return _json(200, self._out(customer, expanded))

    def _delete(self, ref: str) -> Reply:
        customer = self._find(ref)
        if customer is None:
            return _error(404, "Customer not found.")
        del self._customers[customer["id"]]
        del self._expanded[customer["id"]]
        return _json(200, {"id": customer["id"]})


#: The default policy's attempts and budget, with waits of milliseconds: what
#: ``dub`` uses, so planned faults cost no real time.
FAST_RETRIES = RetryConfig(
    backoff=BackoffStrategy(initial_interval=1, max_interval=5, max_elapsed_time=5_000)
)
_ADD_CUSTOMER = "sandbox.add_customer"


def _filter_key(wire: str) -> tuple[str, bool] | None:
    """The Customer field a list filter named ``wire`` matches: (that field, False), or
    (the object, True) for ``<object>Id`` (its id); ``None`` when there is none."""
    params, models = _customer_params()
    if wire in {"id", "createdAt", *(spec.wire for spec in params)}:
        return wire, False
    if wire.endswith("Id") and wire[:-2] in {_camel(name) for name in models}:
        return wire[:-2], True
    return None


def _customer_wire(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``add_customer``'s keywords (SDK names, checked as the SDK checks) as API fields."""
    from .._operation import Operation, _check_all
    from ..models import Customer

    params, models = _customer_params()
    given = dict(fields)
    cid = given.pop("id", None)
    if cid is not None and (not isinstance(cid, str) or not cid.strip()):
        raise TypeError(f"{_ADD_CUSTOMER}: id must be a non-empty str, not {cid!r}")
    as_sent: dict[str, Any] = {}  # nested objects given as the API sends them: kept as given
    for name, model in models.items():
        value = given.get(name)
        if isinstance(value, Mapping):  # its fields by SDK names, or as the API sends them
            if not set(value) <= set(_sdk_names(model)):
                as_sent[name] = dict(value)
            value = given[name] = _nested(name, model, value)
        if value is not None and name in given and not isinstance(value, model):
            raise TypeError(
                f"{_ADD_CUSTOMER}: {name} must be {model.__name__}, a dict or None, "
                f"not {type(value).__name__}"
            )
    op: Operation[Any] = Operation(_ADD_CUSTOMER, "POST", "/", params, lambda data: data)
    checked = _check_all(op, op.param_specs, given, f"{_ADD_CUSTOMER}: ")
    full = Customer(id=cid or "-", created_at=_EPOCH, **checked).to_dict()
    wire = {spec.wire: full[spec.wire] for spec in params if spec.name in checked}
    for spec in params:  # dates as Dub writes them
        if spec.kind == "datetime" and isinstance(wire.get(spec.wire), str):
            wire[spec.wire] = _instant(wire[spec.wire])
        if spec.name in as_sent:
            wire[spec.wire] = as_sent[spec.name]
    if cid is not None:
        wire["id"] = cid
    return wire


def _nested(field: str, model: type[Any], value: Mapping[str, Any]) -> Any:
    """A nested object given as a dict, as ``model`` (through ``from_dict``): keys by the
    SDK's names (its constructor's) or as the API sends them (camelCase, extra keys kept
    as additional properties), not mixed; a missing or misspelled key or a bad value is a
    ``TypeError``/``ValueError`` naming the field, the model and the key."""
    by_name = _sdk_names(model)
    names = list(dict.fromkeys(by_name.values()))
    wire = {name: _camel(name) for name in names}
    required = [n for n in names if _init_parameter(model, n).default is inspect.Parameter.empty]
    where = f"{_ADD_CUSTOMER}: {field} ({model.__name__})"
    snake = set(value) <= set(by_name)
    if not snake and set(value) & (set(names) - set(wire.values())):
        raise TypeError(
            f"{where}: give its keys as the SDK names them or as the API does, not mixed: "
            f"{sorted(value)}"
        )
    data = {wire[by_name[k]]: item for k, item in value.items()} if snake else dict(value)
    # messages name keys in the style the caller used (type, not the SDK's type_)
    missing = [
        name.rstrip("_") if snake else wire[name] for name in required if wire[name] not in data
    ]
    if missing:
        unknown = sorted(set(data) - set(wire.values()))
        style = [name.rstrip("_") for name in names] if snake else list(wire.values())
        hint = difflib.get_close_matches(unknown[0], style, n=1) if unknown else []
        also = f"; unknown: {unknown[0]!r}" if unknown else ""
        also += f" (did you mean {hint[0]!r}?)" if hint else ""
        raise TypeError(f"{where}: missing required key(s) {missing}{also}")
    from ..models import FieldError

    try:
        return model.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        kind = ValueError if isinstance(exc, ValueError) else TypeError
        detail = f"{exc.where}: {exc.reason}" if isinstance(exc, FieldError) else str(exc)
        raise kind(f"{where}: {detail}") from None


def _sdk_names(model: type[Any]) -> dict[str, str]:
    """A model's fields by the SDK's names (its constructor's), each also without the "_"
    the generator adds to a reserved word (``type`` for ``type_``)."""
    names = [p.name for p in _init_parameters(model) if p.name != "additional_properties"]
    return {name.rstrip("_"): name for name in names} | {name: name for name in names}


def _init_parameter(model: type[Any], name: str) -> inspect.Parameter:
    return inspect.signature(model).parameters[name]


def _init_parameters(model: type[Any]) -> list[inspect.Parameter]:
    """A generated model's fields, as its constructor takes them."""
    return list(inspect.signature(model).parameters.values())


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


_PARAMS: list[tuple[tuple[Any, ...], dict[str, Any]]] = []


def _customer_params() -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The Customer model's fields as checkable parameters, and the nested model types."""
    if _PARAMS:
        return _PARAMS[0]
    from .._operation import Param
    from ..models import Customer

    hints = typing.get_type_hints(Customer)
    params, models = [], {}
    for parameter in _init_parameters(Customer):
        name = parameter.name
        if name in ("id", "created_at"):
            continue
        members = typing.get_args(hints[name]) or (hints[name],)
        base = next(m for m in members if m is not type(None))
        kind = {str: "str", int: "int", float: "float", bool: "bool"}.get(base, "any")
        if base is datetime.datetime:
            kind = "datetime"
        elif kind == "any" and isinstance(base, type) and hasattr(base, "from_dict"):
            models[name] = base
        required = parameter.default is inspect.Parameter.empty
        nullable = type(None) in members
        params.append(Param(name, _camel(name), "body", kind, required, nullable))  # type: ignore[arg-type]
    _PARAMS.append((tuple(params), models))
    return _PARAMS[0]


def _record(
    method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
) -> RecordedRequest:
    """``RecordedRequest``'s fields from the request as it came."""
    shown = {
        name.lower(): ("Bearer <redacted>" if name.lower() == "authorization" else value)
        for name, value in headers.items()
    }
    data: Any = None
    if body:
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            data = body.decode("utf-8", "replace")
    return RecordedRequest(method, path, httpx.QueryParams(query), query, shown, data)


def _insertion(ids: list[str], cursor: str, reverse: bool) -> int:
    for i, value in enumerate(ids):
        if (value < cursor) if reverse else (value > cursor):
            return i
    return len(ids)


def _default_chaos(rng: random.Random) -> Fault:
    roll = rng.random()
    if roll < 0.35:
        return Fault(status=429, retry_after=str(rng.choice((0, 0.01, 0.02))))
    if roll < 0.65:
        return Fault(status=rng.choice((500, 502, 503, 504)))
    if roll < 0.85:
        return Fault(drop=True)
    return Fault(delay=0.05)
