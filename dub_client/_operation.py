"""What one API operation is, as data, and the generic checks that turn a call into a request.

The generated module of each operation (``_generated/api/<tag>/<operation>.py``)
holds one ``Operation``: its method and path, every parameter with its wire
name, place and constraints (from ``openapi.yaml``), its body model, how to parse
its answer, its retry safety and its pagination. Nothing here names an operation:
``prepare`` checks any call against its ``Operation`` and
``build`` turns the checked values into method, path, query, headers and body.

Bad input raises ``TypeError`` (unknown name, wrong type, missing value) or
``ValueError`` (a value out of bounds), naming the operation and the parameter,
before anything is sent.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping
from typing import Any, Generic, Literal, TypedDict, TypeVar
from urllib.parse import quote

import attrs
import httpx

from ._exceptions import did_you_mean, warn_user
from ._retries import RetryConfig

T = TypeVar("T")
Kind = Literal["str", "int", "float", "bool", "datetime", "date", "enum", "model", "list", "any"]
#: The key under which ``request={...}`` carries the body of an operation that also has
#: parameters (the official SDK's name).
BODY_KEY = "request_body"


class RequestOptions(TypedDict, total=False):
    """The per-call options every operation takes (``None`` means "the client's")."""

    retries: RetryConfig | None
    max_retries: int | None
    timeout_ms: int | float | httpx.Timeout | None
    http_headers: Mapping[str, str] | None
    server_url: str | None


OPTION_NAMES = frozenset(RequestOptions.__annotations__)


@attrs.frozen
class Param:
    """One parameter or body field: Python name, wire name, place and constraints."""

    name: str
    wire: str
    where: Literal["path", "query", "header", "body"]
    kind: Kind = "any"
    required: bool = False
    nullable: bool = False
    choices: tuple[str | int, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    #: the API accepts this field and does nothing with it: sending it warns (once)
    ignored: str | None = None
    #: what the API assumes when the parameter is not sent (the SDK sends nothing)
    default: Any = None

    def describe(self) -> str:
        choices = " | ".join(repr(c) for c in self.choices)
        names = {"enum": choices, "model": "a dict or model"}.get(self.kind, self.kind)
        return f"{names} | None" if self.nullable else names


@attrs.frozen
class Pagination:
    """How the next page is asked for (``x-sdk-pagination``), in Python names.

    The answer is a bare list: the next page starts after the last item's
    ``cursor`` (``next``), or ends before the first one when the caller walks
    backwards (``previous``); an offset ``page`` is used instead when the caller
    chose it or when ``requires`` (a parameter and the value cursors need) does
    not hold. A page shorter than ``size`` (default ``default_size``) is the last.
    """

    next: str
    cursor: str
    previous: str | None = None
    page: str | None = None
    max_page: int | None = None
    size: str | None = None
    default_size: int | None = None
    requires: tuple[str, str] | None = None


@attrs.frozen
class Readdress:
    """A write that is not safe to retry when it renames what its path addresses
    (``x-sdk-readdress``): path ``parameter`` starts with ``prefix`` and the body
    sets ``field`` (a wire name)."""

    parameter: str
    prefix: str
    field: str


@attrs.define(eq=False, repr=False)
class Operation(Generic[T]):
    """One operation of the spec, as the generated code declares it."""

    name: str
    method: str
    path: str
    params: tuple[Param, ...]
    parse: Callable[[Any], T]
    body: type[Any] | None = None
    body_fields: tuple[Param, ...] = ()
    idempotent: bool = True
    readdress: Readdress | None = None
    pagination: Pagination | None = None
    deprecation: str | None = None
    #: every name a call may use (parameters, body fields, ``request_body``), for messages
    known: tuple[str, ...] = attrs.field(init=False)
    #: the parameters and the body fields by Python name; the body's by wire name
    param_specs: dict[str, Param] = attrs.field(init=False)
    body_specs: dict[str, Param] = attrs.field(init=False)
    body_names: dict[str, str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        names = [spec.name for spec in (*self.params, *self.body_fields)]
        self.known = tuple(sorted([*names, BODY_KEY] if self.body and self.params else names))
        self.param_specs = {spec.name: spec for spec in self.params}
        self.body_specs = {spec.name: spec for spec in self.body_fields}
        self.body_names = {spec.wire: spec.name for spec in self.body_fields}

    def __repr__(self) -> str:
        return f"<Operation {self.name}: {self.method} {self.path}>"

    def prepare(
        self, request: Any, kwargs: Mapping[str, Any]
    ) -> tuple[dict[str, Any], RequestOptions]:
        """The checked values of one call (Python names) and its per-call options.

        ``request`` is the official SDK's ``request={...}``: the parameters as one dict,
        with the body under ``request_body``; for an operation with a body and no
        parameters, ``request`` is the body itself (a dict or the body model).
        ``kwargs`` are the keyword arguments: parameters, body fields and options.
        """
        where = f"{self.name}: "
        if self.deprecation:
            warn_user(self.deprecation, DeprecationWarning)
        given = dict(kwargs)
        options: Any = {}
        if not OPTION_NAMES.isdisjoint(given):
            options = {name: given.pop(name) for name in OPTION_NAMES if name in given}
        if request is not None:
            if self.body is not None and not self.params:  # request= is the body itself
                request = {BODY_KEY: request}
            elif not isinstance(request, Mapping):
                raise TypeError(f"{where}request must be a dict, not {type(request).__name__}")
            given = _merge(where, request, given)
        body_names = self.body_specs
        fields = {k: given.pop(k) for k in list(given) if k in body_names} if body_names else {}
        body: Any = given.pop(BODY_KEY, None) if self.body is not None else None
        if fields:
            if body is not None:
                raise TypeError(
                    f"{where}give the body's fields as keywords or as one body ({BODY_KEY}= "
                    "or request=), not both"
                )
            body = fields
        values = _check_all(self, self.param_specs, given, where)
        if self.body is not None:
            values[BODY_KEY] = _check_body(self, body)
        if self.pagination is not None:
            _check_paging(where, self.pagination, values)
        return values, options

    def build(
        self, values: Mapping[str, Any]
    ) -> tuple[str, dict[str, str | list[str]], dict[str, str], Any]:
        """Path, query, headers and JSON body (``None`` without a body) for checked ``values``."""
        path = self.path
        query: dict[str, str | list[str]] = {}
        headers: dict[str, str] = {}
        for spec in self.params:
            value = values.get(spec.name)
            if value is None:
                continue
            if spec.where == "query":  # a list repeats the name (form, explode)
                query[spec.wire] = [*map(_wire, value)] if spec.kind == "list" else _wire(value)
                continue
            text = ",".join(map(_wire, value)) if spec.kind == "list" else _wire(value)
            if spec.where == "path":
                path = path.replace("{" + spec.wire + "}", quote(text, safe=""))
            elif spec.where == "header":
                headers[spec.wire] = text
        body = values.get(BODY_KEY)
        return path, query, headers, (body.to_dict() if body is not None else None)

    def is_idempotent(self, values: Mapping[str, Any], body: Any) -> bool:
        """Whether sending this call twice has the effect of sending it once."""
        rule = self.readdress
        if not self.idempotent or rule is None:
            return self.idempotent
        renames = isinstance(body, dict) and rule.field in body
        return not (renames and str(values.get(rule.parameter, "")).startswith(rule.prefix))


# -- checking -------------------------------------------------------------------------------
#: (operation, field) pairs already warned about as ignored by the API: once per process
_WARNED: set[tuple[str, str]] = set()


def _fail_unknown(op: Operation[Any], key: Any) -> TypeError:
    snake = "".join("_" + c.lower() if c.isupper() else c for c in str(key)).lstrip("_")
    also = did_you_mean(snake, op.known)
    return TypeError(
        f"{op.name}: unknown parameter {key!r}{also}; expected one of {list(op.known)}"
    )


def _warn_ignored(op: Operation[Any], spec: Param) -> None:
    if (op.name, spec.name) not in _WARNED:
        _WARNED.add((op.name, spec.name))
        warn_user(f"{op.name}: {spec.ignored}", UserWarning)


def _coerce(where: str, spec: Param, value: Any) -> Any:
    kind = spec.kind
    if value is None:
        if spec.nullable:
            return None
        raise TypeError(f"{where}{spec.name} must be {spec.describe()}, not None")
    if kind == "str":
        if isinstance(value, str):
            _check_length(where, spec, value)
            return value
    elif kind == "enum":
        if not isinstance(value, bool) and value in spec.choices:
            return value.value if isinstance(value, enum.Enum) else value
        if isinstance(value, str | int) and not isinstance(value, bool):
            raise ValueError(
                f"{where}{spec.name} must be one of {list(spec.choices)}, not {value!r}"
            )
    elif kind == "list":
        scalars = str | int | float
        if isinstance(value, list | tuple) and all(
            isinstance(item, scalars) and not isinstance(item, bool) for item in value
        ):
            return list(value)
    elif kind == "bool":
        if isinstance(value, bool):
            return value
    elif kind in ("int", "float"):
        if isinstance(value, int | float) and not isinstance(value, bool):
            if kind == "int" and not isinstance(value, int):
                raise TypeError(f"{where}{spec.name} must be int, not float ({value!r})")
            _check_bounds(f"{where}{spec.name}", spec, value)
            return value
    elif kind == "datetime":
        return _coerce_datetime(f"{where}{spec.name}", value)
    elif kind == "date":
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"{where}{spec.name} is not an ISO-8601 date: {value!r}") from None
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
    elif kind == "model":  # its own model checks it when the body is written
        if isinstance(value, Mapping) or hasattr(value, "to_dict"):
            return value
    else:
        return value
    raise TypeError(
        f"{where}{spec.name} must be {spec.describe()}, not {type(value).__name__} ({value!r})"
    )


def _check_bounds(name: str, spec: Param, value: float) -> None:
    low, high = spec.minimum, spec.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = (
            f"between {low:g} and {high:g}"
            if low is not None and high is not None
            else (f"at least {low:g}" if low is not None else f"at most {high:g}")
        )
        raise ValueError(f"{name} must be {bounds}, not {value}")


def _check_length(where: str, spec: Param, value: str) -> None:
    path = spec.where == "path"
    if (spec.min_length or path) and not value.strip():
        raise ValueError(f"{where}{spec.name} must not be empty")
    if spec.max_length is not None and len(value) > spec.max_length:
        raise ValueError(f"{where}{spec.name} must be at most {spec.max_length} characters")
    if path and value in (".", ".."):
        raise ValueError(
            f"{where}{spec.name} must not be {value!r} (it would address another path)"
        )
    if not value.isascii():  # only then can it hold a lone surrogate
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{where}{spec.name} is not valid text (a lone surrogate)") from None


def _coerce_datetime(name: str, value: Any) -> datetime.datetime:
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{name} is not an ISO-8601 date-time: {value!r}") from None
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (e.g. datetime.now(timezone.utc))")
    return value


def _check_all(
    op: Operation[Any], specs: dict[str, Param], given: Mapping[str, Any], where: str
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in given.items():
        spec = specs.get(key)
        if spec is None:
            raise _fail_unknown(op, key)
        if value is None and not spec.nullable and spec.where != "body":
            continue  # a parameter given as None is a parameter not given
        out[key] = _coerce(where, spec, value)
        if spec.ignored:
            _warn_ignored(op, spec)
    missing = [name for name, spec in specs.items() if spec.required and name not in out]
    if missing:
        raise TypeError(f"{where}missing required parameter(s): {', '.join(missing)}")
    return out


def _check_body(op: Operation[Any], body: Any) -> Any:
    assert op.body is not None
    extra: dict[str, Any] = {}
    if isinstance(body, op.body):
        # a body model is checked as its fields given as keywords would be (its wire form:
        # what would be sent), and keeps the keys the spec does not name
        names = op.body_names
        sent = body.to_dict()
        body = {names[key]: value for key, value in sent.items() if key in names}
        extra = {key: value for key, value in sent.items() if key not in names}
    elif body is None:
        body = {}
    elif not isinstance(body, Mapping):
        raise TypeError(f"{op.name}: {BODY_KEY} must be a dict, not {type(body).__name__}")
    model = op.body(**_check_all(op, op.body_specs, body, f"{op.name} body: "))
    if extra:
        model.additional_properties.update(extra)
    return model


def _merge(where: str, request: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    clash = set(request) & set(given)
    if clash:
        raise TypeError(f"{where}{sorted(clash)} given both in request= and as keywords")
    return {**request, **given}


def _check_paging(where: str, paging: Pagination, values: dict[str, Any]) -> None:
    if paging.size and paging.default_size is not None:
        # sent even when not given: "a short page is the last" must use the server's size
        values.setdefault(paging.size, paging.default_size)
    cursors = [name for name in (paging.next, paging.previous) if name and name in values]
    if len(cursors) == 2:
        raise ValueError(f"{where}give {cursors[0]} or {cursors[1]}, not both")
    if cursors and paging.page and paging.page in values:
        raise ValueError(f"{where}{paging.page} cannot be combined with a cursor")
    if cursors and paging.requires is not None:
        name, wanted = paging.requires
        if values.get(name, wanted) != wanted:
            raise ValueError(f"{where}cursors only work with {name}={wanted!r}")


# -- building --------------------------------------------------------------------------------
def _wire(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


# -- parsing ---------------------------------------------------------------------------------
def parse_nothing(data: Any) -> None:
    """The parser of an answer without a body (or one the spec gives no schema)."""
    return None
