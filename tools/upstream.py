"""Track Dub's published API document: facts, drift, and what a change means for users.

``make upstream-check`` runs this script. It reads OpenAPI 3.x documents (Dub's whole
published document, ``openapi.yaml``, or any version of either) and reduces the
operations on ``/customers`` and ``/customers/...`` to their *facts*: one entry per
operation, parameter, request body, response status and field (recursively), keyed by
where it is (``GET /customers query pageSize``, ``PATCH /customers/{id} body email``,
``GET /customers 200 [].link.url``) and holding what it is (type, format, enum values,
nullable, required, bounds, default, deprecated, ...). ``$ref`` and ``allOf`` are
resolved first, so the layout of a document is never a difference; prose
(descriptions, summaries, examples) and vendor keys (``x-...``) are not facts.

Three comparisons come out of these facts:

* **what Dub changed**: the snapshot in ``upstream/snapshot.json`` (or ``--base``)
  against the new document; each change is breaking or not *for dub-client's users*
  (see ``_attribute_change`` and ``_node_change`` for the rules);
* **what openapi.yaml does not match**: ``openapi.yaml`` against the new document,
  less what ``upstream/deviations.yaml`` explains, each deviation with its reason;
* **the verdict**: the version bump that adopting the changes means.

Exit status: 1 when openapi.yaml differs from upstream in a way no deviation explains
(with ``--strict``, also when Dub changed anything since the snapshot or a deviation
explains nothing any more), 2 when a document cannot be read, else 0.
"""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import functools
import hashlib
import json
import math
import sys
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
SNAPSHOT = ROOT / "upstream" / "snapshot.json"
DEVIATIONS = ROOT / "upstream" / "deviations.yaml"
#: where Dub serves its published document (what Speakeasy reads for Dub's own SDKs)
LIVE_URL = "https://api.dub.co"

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
PARAM_PLACES = ("path", "query", "header", "cookie")
#: formats that give a value another Python type in the generated code
TYPED_FORMATS = frozenset({"date-time", "date", "uuid", "binary"})
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
#: the schema keywords kept as facts, as they are (bounds are normalised first)
PLAIN_KEYS = ("format", "default", "pattern", "uniqueItems", *LOWER_BOUNDS, *UPPER_BOUNDS)
MAX_DEPTH = 16

Bump = Literal["major", "minor", "patch", "none"]
BUMPS: tuple[Bump, ...] = ("none", "patch", "minor", "major")
Facts = dict[str, dict[str, Any]]


class DocumentError(Exception):
    """A document that cannot be read or is not an OpenAPI 3.x document."""


# -- reading ---------------------------------------------------------------------------------
def read_source(source: str, timeout: float = 60.0) -> bytes:
    """The bytes of ``source``: an http(s) URL (fetched with urllib) or a file path."""
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(
            source, headers={"Accept": "application/json, application/yaml;q=0.9"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                data: bytes = answer.read()
        except OSError as error:
            raise DocumentError(f"{source}: {error}") from error
        return data
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise DocumentError(f"{source}: {error.strerror or error}") from error


def parse_document(data: bytes, name: str) -> dict[str, Any]:
    """An OpenAPI document from JSON or YAML bytes (Dub's ``.yaml`` file is JSON)."""
    try:
        doc = json.loads(data)
    except ValueError:
        try:
            doc = yaml.safe_load(data)
        except yaml.YAMLError as error:
            raise DocumentError(f"{name}: neither JSON nor YAML ({error})") from error
    if not isinstance(doc, dict) or not str(doc.get("openapi", "")).startswith("3."):
        raise DocumentError(f"{name}: not an OpenAPI 3.x document")
    return doc


# -- facts -----------------------------------------------------------------------------------
def _pointer(doc: Mapping[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        raise DocumentError(f"only local references are supported, not {ref!r}")
    node: Any = doc
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, Mapping) or part not in node:
            raise DocumentError(f"unresolvable reference {ref!r}")
        node = node[part]
    return node


def _deref(doc: Mapping[str, Any], node: Any) -> Any:
    seen: set[str] = set()
    while isinstance(node, Mapping) and "$ref" in node:
        ref = str(node["$ref"])
        if ref in seen:
            raise DocumentError(f"reference cycle at {ref!r}")
        seen.add(ref)
        target = _pointer(doc, ref)
        # OpenAPI 3.1 lets keywords stand beside $ref: they apply on top of the target
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**target, **extra} if extra and isinstance(target, Mapping) else target
    return node


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _flatten(doc: Mapping[str, Any], schema: Any, depth: int = 0) -> dict[str, Any]:
    """``schema`` with ``$ref`` followed and ``allOf`` folded into one schema."""
    if depth > MAX_DEPTH:
        raise DocumentError("schema nested too deeply (a recursive schema?)")
    node = _deref(doc, schema)
    if not isinstance(node, Mapping):
        return {}
    out: dict[str, Any] = {}
    for part in node.get("allOf", []):
        _merge(out, _flatten(doc, part, depth + 1))
    _merge(out, {k: v for k, v in node.items() if k != "allOf"})
    return out


def _merge(into: dict[str, Any], part: Mapping[str, Any]) -> None:
    for key, value in part.items():
        if key == "properties" and isinstance(value, Mapping):
            into["properties"] = {**into.get("properties", {}), **value}
        elif key == "required" and isinstance(value, list):
            into["required"] = sorted({*into.get("required", []), *value})
        else:
            into[key] = value


def _is_null_schema(doc: Mapping[str, Any], schema: Any) -> bool:
    node = _deref(doc, schema)
    return isinstance(node, Mapping) and (
        node.get("type") == "null" or (node.get("enum") == [None])
    )


def _schema_facts(  # noqa: PLR0915 (one keyword after another)
    doc: Mapping[str, Any],
    schema: Any,
    where: str,
    field: str,
    out: Facts,
    base: dict[str, Any],
    depth: int = 0,
) -> None:
    """Record the facts of ``schema`` at ``where`` + ``field``, then of its parts."""
    if depth > MAX_DEPTH:
        raise DocumentError(f"{where} {field}: schema nested too deeply (recursive?)")
    node = _flatten(doc, schema)
    nullable = bool(node.get("nullable", False))
    # 3.1 and JSON Schema spellings of "or null": a type list, anyOf/oneOf with a null
    for key in ("anyOf", "oneOf"):
        variants = node.get(key)
        if isinstance(variants, list):
            rest = [v for v in variants if not _is_null_schema(doc, v)]
            if len(rest) < len(variants):
                nullable = True
            if len(rest) == 1:
                inner = _flatten(doc, rest[0])
                node = {**inner, **{k: v for k, v in node.items() if k != key}}
                nullable = nullable or bool(inner.get("nullable", False))
            else:
                node = {**node, key: rest}
    types = node.get("type")
    if isinstance(types, list):
        nullable = nullable or "null" in types
        kept = sorted(str(t) for t in types if t != "null")
        types = kept[0] if len(kept) == 1 else (kept or None)
    if types is None and "properties" in node:
        types = "object"
    if types is None and "items" in node:
        types = "array"
    facts: dict[str, Any] = dict(base)
    if types is not None:
        facts["type"] = types
    facts["nullable"] = nullable
    facts["deprecated"] = bool(facts.get("deprecated")) or bool(node.get("deprecated", False))
    enum = node.get("enum")
    if "const" in node:
        enum = [node["const"]]
    if isinstance(enum, list):
        if None in enum:
            facts["nullable"] = True
        facts["enum"] = sorted(
            {json.dumps(v) if not isinstance(v, str) else v for v in enum if v is not None}
        )
    for key in PLAIN_KEYS:
        if key in node and not (key.startswith("exclusive") and isinstance(node[key], bool)):
            facts[key] = _number(node[key])
    # OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if node.get(exclusive) is True and bound in node:
            facts[exclusive] = _number(node[bound])
            facts.pop(bound, None)
    if types == "integer":  # for integers, an exclusive bound is an inclusive one off by one
        if "exclusiveMinimum" in facts:
            facts["minimum"] = math.floor(facts.pop("exclusiveMinimum")) + 1
        if "exclusiveMaximum" in facts:
            facts["maximum"] = math.ceil(facts.pop("exclusiveMaximum")) - 1
    if types == "object" or "properties" in node:
        extra = node.get("additionalProperties", True)
        facts["additionalProperties"] = extra if isinstance(extra, bool) else "schema"
    for key in ("anyOf", "oneOf"):
        if isinstance(node.get(key), list):
            facts["union"] = f"{key} of {len(node[key])}"
    out[_join(where, field)] = facts
    required = set(node.get("required", []))
    for name, sub in (node.get("properties") or {}).items():
        child = f"{field}.{name}" if field else name
        _schema_facts(doc, sub, where, child, out, {"required": name in required}, depth + 1)
    if "items" in node:
        _schema_facts(doc, node["items"], where, f"{field}[]", out, {}, depth + 1)
    for key in ("anyOf", "oneOf"):
        for index, variant in enumerate(node.get(key) or []):
            _schema_facts(doc, variant, where, f"{field}<{index}>", out, {}, depth + 1)


def _join(where: str, field: str) -> str:
    return f"{where} {field}" if field else where


def _json_media(content: Mapping[str, Any]) -> Any:
    for media in sorted(content):
        if media == "application/json" or media.endswith("+json"):
            return content[media].get("schema")
    return None


def _security(doc: Mapping[str, Any], operation: Mapping[str, Any]) -> list[str]:
    requirements = operation.get("security", doc.get("security", []))
    schemes = doc.get("components", {}).get("securitySchemes", {})
    found: set[str] = set()
    for requirement in requirements or []:
        for name in requirement:
            scheme = _deref(doc, schemes.get(name, {}))
            kind = str(scheme.get("type", "?"))
            detail = scheme.get("scheme") or scheme.get("in") or ""
            found.add(f"{kind} {str(detail).lower()}".strip())
    return sorted(found) or ["none"]


def scope(doc: Mapping[str, Any]) -> tuple[str, ...]:
    """The first segment of each path of ``doc`` (openapi.yaml): the part of Dub's API
    this SDK covers (``/customers`` and what lies under it)."""
    return tuple(sorted({"/" + path.strip("/").split("/")[0] for path in doc.get("paths") or {}}))


@functools.cache
def _our_scope() -> tuple[str, ...]:
    return scope(yaml.safe_load(SPEC.read_text(encoding="utf-8")))


def facts(doc: Mapping[str, Any], within: tuple[str, ...] | None = None) -> Facts:
    """The facts of the operations of an OpenAPI 3.x document under the paths ``within``
    (default: ``scope`` of openapi.yaml)."""
    out: Facts = {}
    within = _our_scope() if within is None else within
    for path, raw_item in sorted((doc.get("paths") or {}).items()):
        if not any(path == top or path.startswith(top + "/") for top in within):
            continue
        item = _deref(doc, raw_item)
        shared = {}
        for ref in item.get("parameters", []):
            param = _deref(doc, ref)
            shared[(param["in"], param["name"])] = param
        for method in METHODS:
            if method not in item:
                continue
            operation = item[method]
            op = f"{method.upper()} {path}"
            out[op] = {
                "operationId": operation.get("operationId"),
                "deprecated": bool(operation.get("deprecated", False)),
                "security": _security(doc, operation),
            }
            params = dict(shared)
            for ref in operation.get("parameters", []):
                param = _deref(doc, ref)
                params[(param["in"], param["name"])] = param
            for (place, name), param in sorted(params.items()):
                schema = param.get("schema")
                if schema is None and "content" in param:
                    schema = _json_media(param["content"])
                base = {
                    "required": bool(param.get("required", place == "path")),
                    "deprecated": bool(param.get("deprecated", False)),
                }
                _schema_facts(doc, schema or {}, f"{op} {place}", name, out, base)
            if "requestBody" in operation:
                body = _deref(doc, operation["requestBody"])
                content = body.get("content", {})
                about: dict[str, Any] = {"required": bool(body.get("required", False))}
                about["content"] = sorted(content)
                _schema_facts(doc, _json_media(content) or {}, f"{op} body", "", out, about)
            for status, ref in sorted(operation.get("responses", {}).items()):
                response = _deref(doc, ref)
                content = response.get("content") or {}
                schema = _json_media(content)
                where = f"{op} {status}"
                if schema is None:
                    out[where] = {"content": sorted(content)}
                else:
                    _schema_facts(doc, schema, where, "", out, {"content": sorted(content)})
    return out


# -- where a fact is -------------------------------------------------------------------------
@dataclass(frozen=True)
class Where:
    """A facts key, parsed: ``op`` (``GET /customers``), ``section``, ``field``."""

    op: str
    section: str
    field: str

    @classmethod
    def parse(cls, where: str) -> Where:
        parts = where.split(" ", 3)
        return cls(
            " ".join(parts[:2]),
            parts[2] if len(parts) > 2 else "",
            parts[3] if len(parts) > 3 else "",
        )

    @property
    def direction(self) -> Literal["op", "in", "out"]:
        if not self.section:
            return "op"
        return "in" if self.section in (*PARAM_PLACES, "body") else "out"

    @property
    def is_param(self) -> bool:
        return self.section in PARAM_PLACES

    def parent(self) -> str | None:
        """The facts key this one is part of (``None`` for an operation)."""
        if not self.section:
            return None
        if not self.field:
            return self.op
        field = self.field
        if field.endswith("[]"):  # an array's items: part of the array
            field = field[:-2]
        elif field.endswith(">"):  # a union's variant: part of the union
            field = field[: field.rfind("<")]
        elif "." in field:  # an object's property
            field = field.rsplit(".", 1)[0]
        else:
            field = ""
        if not field:
            return self.op if self.is_param else f"{self.op} {self.section}"
        return f"{self.op} {self.section} {field}"

    def describe(self) -> str:
        """Where it is, for a reader: ``query parameter `pageSize```, ``404 response``."""
        if not self.section:
            return "operation"
        if self.is_param:
            return f"{self.section} parameter `{self.field}`"
        if self.section == "body":
            return f"request body field `{self.field}`" if self.field else "request body"
        kind = "response" if self.section.startswith("2") else "error response"
        return (
            f"{self.section} {kind} field `{self.field}`"
            if self.field
            else (f"{self.section} {kind}")
        )


def _topmost(keys: Iterable[str]) -> list[str]:
    """Those of ``keys`` that are not part of another of ``keys`` (an added object's fields)."""
    chosen = set(keys)
    out = []
    for key in sorted(chosen):
        parent = Where.parse(key).parent()
        while parent is not None and parent not in chosen:
            parent = Where.parse(parent).parent()
        if parent is None:
            out.append(key)
    return out


# -- what a change means for users ----------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One difference between two versions of the API, as users of dub-client meet it."""

    where: str
    what: str
    breaking: bool
    bump: Bump
    #: the CHANGELOG section it belongs in: Added, Changed, Deprecated or Removed
    section: str

    def as_json(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "what": self.what,
            "breaking": self.breaking,
            "bump": self.bump,
        }


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def _type_relation(old: Any, new: Any) -> str:
    """``wider``/``narrower``/``other``: how the set of values of ``new`` compares."""
    if old is None:
        return "narrower"  # any type -> one type
    if new is None:
        return "wider"
    olds = set(old) if isinstance(old, list) else {old}
    news = set(new) if isinstance(new, list) else {new}
    grow = {"number": {"integer", "number"}}  # a number may be an integer
    old_all = set().union(*(grow.get(t, {t}) for t in olds))
    new_all = set().union(*(grow.get(t, {t}) for t in news))
    if old_all < new_all:
        return "wider"
    if new_all < old_all:
        return "narrower"
    return "other"


def _tighter(attr: str, old: Any, new: Any) -> bool:
    if new is None:
        return False
    if old is None:
        return True
    return bool(new > old) if attr in LOWER_BOUNDS else bool(new < old)


def _attribute_change(where: Where, attr: str, old: Any, new: Any) -> tuple[Bump, str, str]:
    """How a changed fact reaches users: (bump, consequence, changelog section).

    Requests (parameters, body fields): what narrows the values a caller may send
    breaks, since the SDK checks types, enums, nullability, requiredness and bounds
    before sending. Answers: what widens the values users may read breaks (a new
    null, a wider type), except a new enum value (models keep unknown values); what
    narrows them does not.
    """
    inbound = where.direction == "in"
    if attr == "type":
        relation = _type_relation(old, new)
        if relation == "other":
            return "major", "a different type", "Changed"
        if relation == "wider":
            return (
                ("minor", "accepts more values", "Changed")
                if inbound
                else ("major", "answers may hold values of a wider type", "Changed")
            )
        return (
            ("major", "refuses values it took before", "Changed")
            if inbound
            else ("patch", "answers hold a narrower type", "Changed")
        )
    if attr == "format":
        if old in TYPED_FORMATS or new in TYPED_FORMATS:
            return "major", "the value's Python type changes", "Changed"
        return "patch", "no Python type changes: the SDK does not check this format", "Changed"
    if attr == "enum":
        if old is None:
            return (
                ("major", "only listed values are accepted now", "Changed")
                if inbound
                else ("minor", "answers hold listed values; unknown ones still parse", "Changed")
            )
        if new is None:
            return (
                ("minor", "any value is accepted now", "Changed")
                if inbound
                else ("major", "answers may hold any value; the enum type goes", "Changed")
            )
        if set(old) - set(new):
            return "major", "code naming a removed value breaks", "Removed"
        return (
            "minor",
            "new values to send"
            if inbound
            else "new in answers; models keep unknown values, nothing breaks",
            "Added",
        )
    if attr == "nullable":
        if new:
            return (
                ("minor", "null accepted now", "Changed")
                if inbound
                else ("major", "answers may hold null where code expects a value", "Changed")
            )
        return (
            ("major", "null is refused now", "Changed")
            if inbound
            else ("patch", "answers no longer hold null", "Changed")
        )
    if attr == "required":
        if new:
            return (
                ("major", "callers must send it now", "Changed")
                if inbound
                else ("patch", "answers always hold it now", "Changed")
            )
        return (
            ("minor", "callers may leave it out now", "Changed")
            if inbound
            else ("major", "answers may leave it out: it reads as None", "Changed")
        )
    if attr == "pattern":
        return "patch", "the SDK does not check patterns: the server decides", "Changed"
    if attr in (*LOWER_BOUNDS, *UPPER_BOUNDS, "uniqueItems"):
        tighter = _tighter(attr, old, new) if attr != "uniqueItems" else bool(new)
        if not inbound:
            return "patch", "the SDK does not check bounds in answers", "Changed"
        return (
            ("major", "the SDK refuses values it sent before", "Changed")
            if tighter
            else ("minor", "the SDK accepts values it refused before", "Changed")
        )
    if attr == "default":
        if inbound and old is not None and new is not None:
            return "major", "calls that leave it out behave differently", "Changed"
        return "patch", "the documented default changes", "Changed"
    if attr == "deprecated":
        return (
            ("minor", "deprecated", "Deprecated")
            if new
            else ("patch", "no longer deprecated", "Changed")
        )
    if attr == "content":
        if set(old or []) - set(new or []):
            return "major", "a media type is gone", "Changed"
        return "minor", "another media type", "Changed"
    if attr in ("security", "union"):
        return "major", "a different " + attr, "Changed"
    return "patch", "no change to the SDK's surface", "Changed"


def _node_change(where: Where, present: Mapping[str, Any], added: bool) -> tuple[Bump, str, str]:
    """How an added or removed operation, parameter, status or field reaches users."""
    inbound = where.direction == "in"
    if not where.section:
        return (
            ("minor", "a new operation", "Added")
            if added
            else ("major", "calls to it fail", "Removed")
        )
    if added:
        if inbound and present.get("required"):
            return "major", "required: callers must send it", "Added"
        if where.direction == "out" and not where.field:
            return "minor", "a new status", "Added"
        return "minor", "optional" if inbound else "a new field; nothing breaks", "Added"
    if where.direction == "out" and not where.field:
        if where.section.startswith("2"):
            return "major", "a success status is gone", "Removed"
        return "patch", "an error status no longer documented", "Removed"
    if inbound:
        return "major", "callers that send it get a TypeError", "Removed"
    return "major", "code that reads it breaks", "Removed"


ALREADY = "already so in openapi.yaml: nothing to adopt"


def compare(base: Facts, new: Facts, ours: Facts | None = None) -> list[Change]:
    """What changed from ``base`` to ``new``, each with what it means for users.

    With ``ours`` (openapi.yaml's facts), a change that openapi.yaml already states
    (a deviation that upstream has caught up with) means nothing to adopt: bump ``none``.
    """

    def already(key: str, attr: str | None, present: bool) -> bool:
        if ours is None:
            return False
        if attr is None:
            return (key in ours) == present
        return key in ours and ours[key].get(attr) == new[key].get(attr)

    changes: list[Change] = []

    def add(
        key: str, attr: str | None, present: bool, what: str, result: tuple[Bump, str, str]
    ) -> None:
        bump, note, section = result
        if already(key, attr, present):
            bump, note = "none", ALREADY
        changes.append(Change(key, f"{what} ({note})", bump == "major", bump, section))

    for diff in differences(base, new):  # base is "here", new is "upstream"
        key, attr, old, now = diff.where, diff.what, diff.ours, diff.upstream
        if attr in ("only-upstream", "only-here"):
            added = attr == "only-upstream"
            node = _node_change(Where.parse(key), (new if added else base)[key], added=added)
            add(key, None, added, "added" if added else "removed", node)
            continue
        if attr == "enum" and old is not None and now is not None:
            what = "; ".join(
                [f"enum value added: {v}" for v in sorted(set(now) - set(old))]
                + [f"enum value removed: {v}" for v in sorted(set(old) - set(now))]
            )
        else:
            what = f"{attr}: {_show(old)} -> {_show(now)}"
        add(key, attr, True, what, _attribute_change(Where.parse(key), attr, old, now))
    order = {key: index for index, key in enumerate(sorted(set(base) | set(new)))}
    return sorted(changes, key=lambda c: (order[c.where], c.what))


def verdict(changes: Iterable[Change]) -> Bump:
    """The largest bump among ``changes`` (``none`` when there are none)."""
    return max((c.bump for c in changes), key=BUMPS.index, default="none")


# -- openapi.yaml against upstream: deviations -----------------------------------------------
@dataclass(frozen=True)
class Difference:
    """One fact on which openapi.yaml (``ours``) and upstream disagree."""

    where: str
    #: the attribute, or ``only-here`` / ``only-upstream`` for a whole entry
    what: str
    ours: Any
    upstream: Any

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        if self.what in ("only-here", "only-upstream"):
            side = "openapi.yaml" if self.what == "only-here" else "upstream"
            return f"{self.where}: only in {side}"
        return (
            f"{self.where}: {self.what}: {_show(self.ours)} here, {_show(self.upstream)} upstream"
        )


@dataclass(frozen=True)
class Deviation:
    """A deliberate difference: ``where`` is a glob, ``ours``/``upstream`` optional values."""

    where: str
    what: str
    reason: str
    values: Mapping[str, Any]

    def explains(self, difference: Difference) -> bool:
        if self.what != difference.what or not fnmatch.fnmatchcase(difference.where, self.where):
            return False
        return all(getattr(difference, side) == value for side, value in self.values.items())


def differences(ours: Facts, upstream: Facts) -> list[Difference]:
    """Every fact on which ``ours`` and ``upstream`` disagree (top-most entries only)."""
    out = [Difference(k, "only-here", None, None) for k in _topmost(set(ours) - set(upstream))]
    out += [Difference(k, "only-upstream", None, None) for k in _topmost(set(upstream) - set(ours))]
    for key in sorted(set(ours) & set(upstream)):
        for attr in sorted(set(ours[key]) | set(upstream[key])):
            mine, theirs = ours[key].get(attr), upstream[key].get(attr)
            if mine != theirs:
                out.append(Difference(key, attr, mine, theirs))
    return sorted(out, key=lambda d: (d.where, d.what))


def load_deviations(path: Path) -> list[Deviation]:
    data = yaml.safe_load(path.read_text()) or {}
    out = []
    for index, entry in enumerate(data.get("deviations", [])):
        missing = {"where", "what", "reason"} - set(entry)
        if missing or not str(entry.get("reason", "")).strip():
            raise DocumentError(f"{path}: deviation #{index + 1} needs where, what and a reason")
        values = {side: entry[side] for side in ("ours", "upstream") if side in entry}
        out.append(
            Deviation(
                str(entry["where"]),
                str(entry["what"]),
                " ".join(str(entry["reason"]).split()),
                values,
            )
        )
    return out


def unexplained(
    found: Iterable[Difference], deviations: Iterable[Deviation]
) -> tuple[list[Difference], list[Deviation]]:
    """The differences no deviation explains, and the deviations that explain nothing."""
    rules = list(deviations)
    used: set[int] = set()
    left = []
    for difference in found:
        matched = [i for i, rule in enumerate(rules) if rule.explains(difference)]
        used.update(matched)
        if not matched:
            left.append(difference)
    return left, [rule for i, rule in enumerate(rules) if i not in used]


# -- the snapshot ----------------------------------------------------------------------------
def snapshot(
    data: bytes, doc: Mapping[str, Any], found: Facts, source: str, origin: str | None
) -> dict[str, Any]:
    """What ``upstream/snapshot.json`` holds: the facts ``found`` in ``doc`` (read from
    ``data``) and where they came from."""
    meta: dict[str, Any] = {
        # a local copy's path means nothing to others: --origin says where it came from
        "source": origin or source,
        "retrieved": datetime.datetime.now(datetime.UTC).date().isoformat(),
        "sha256": hashlib.sha256(data).hexdigest(),
        "openapi": str(doc.get("openapi")),
        "info.version": str((doc.get("info") or {}).get("version")),
    }
    return {"about": meta, "facts": found}


def write_snapshot(path: Path, content: Mapping[str, Any]) -> None:
    path.write_text(json.dumps(content, indent=1, sort_keys=True) + "\n")


# -- the report ------------------------------------------------------------------------------
def sdk_names(doc: Mapping[str, Any]) -> dict[str, str]:
    """``GET /customers`` -> ``customers.list`` from openapi.yaml's ``x-sdk-method``."""
    out = {}
    for path, item in (doc.get("paths") or {}).items():
        for method in METHODS:
            operation = item.get(method) if isinstance(item, Mapping) else None
            if isinstance(operation, Mapping) and "x-sdk-method" in operation:
                tag = str((operation.get("tags") or ["default"])[0]).lower()  # as generated
                out[f"{method.upper()} {path}"] = f"{tag}.{operation['x-sdk-method']}"
    return out


def changelog(changes: Iterable[Change], names: Mapping[str, str]) -> list[str]:
    """A draft for CHANGELOG.md's Unreleased section (Keep a Changelog headings)."""
    sections: dict[str, list[str]] = {}
    for change in changes:
        if change.bump == "none":
            continue
        where = Where.parse(change.where)
        name = names.get(where.op, where.op)
        mark = "**Breaking**: " if change.breaking else ""
        sections.setdefault(change.section, []).append(
            f"- {mark}`{name}` ({where.op}), {where.describe()}: {change.what}."
        )
    lines = []
    for heading in ("Removed", "Changed", "Deprecated", "Added"):
        if heading in sections:
            lines += [f"### {heading}", "", *sections[heading], ""]
    return lines


@dataclass
class Report:
    base_label: str
    upstream_label: str
    changes: list[Change]
    unexplained: list[Difference]
    stale: list[Deviation]
    names: dict[str, str]

    @property
    def bump(self) -> Bump:
        return verdict(self.changes)

    def as_json(self) -> dict[str, Any]:
        return {
            "base": self.base_label,
            "upstream": self.upstream_label,
            "changes": [c.as_json() for c in self.changes],
            "unexplained": [d.as_json() for d in self.unexplained],
            "stale_deviations": [{"where": d.where, "what": d.what} for d in self.stale],
            "bump": self.bump,
        }

    def text(self) -> str:
        lines = [f"upstream-check: {self.base_label} -> {self.upstream_label}", ""]
        lines.append(f"What Dub changed ({len(self.changes)}):")
        for change in self.changes:
            label = "BREAKING" if change.breaking else change.bump
            lines.append(f"  {label:<8} {change.where}: {change.what}")
        if not self.changes:
            lines.append("  nothing")
        lines += [
            "",
            "What openapi.yaml does not match, unexplained by upstream/deviations.yaml "
            f"({len(self.unexplained)}):",
        ]
        lines += [f"  {d}" for d in self.unexplained] or ["  nothing"]
        if self.stale:
            lines += ["", f"Deviations that explain nothing any more ({len(self.stale)}):"]
            lines += [f"  {d.where}: {d.what}" for d in self.stale]
        lines += ["", "CHANGELOG draft:", ""]
        lines += [f"  {line}" if line else "" for line in changelog(self.changes, self.names)]
        if not self.changes:
            lines += ["  (nothing to note)", ""]
        lines.append(f"verdict: {self.bump}")
        return "\n".join(lines)


def _label(source: str, data: bytes) -> str:
    return f"{source} (sha256 {hashlib.sha256(data).hexdigest()[:12]})"


def check(
    upstream_source: str,
    base_source: str | None = None,
    spec: Path = SPEC,
    snapshot_path: Path = SNAPSHOT,
    deviations_path: Path = DEVIATIONS,
) -> tuple[Report, bytes, dict[str, Any], Facts]:
    """The report for ``upstream_source``, with the bytes and document read from it and
    the facts found there."""
    ours_doc = parse_document(spec.read_bytes(), str(spec))
    within = scope(ours_doc)
    data = read_source(upstream_source)
    doc = parse_document(data, upstream_source)
    new = facts(doc, within)
    if base_source is None and not snapshot_path.exists():
        base, label = {}, f"no snapshot ({snapshot_path.name} is missing)"
    elif base_source is None:
        stored = json.loads(snapshot_path.read_text())
        base, about = stored["facts"], stored["about"]
        label = f"snapshot of {about['source']} (retrieved {about['retrieved']}, "
        label += f"sha256 {str(about['sha256'])[:12]})"
    else:
        base_data = read_source(base_source)
        base = facts(parse_document(base_data, base_source), within)
        label = _label(base_source, base_data)
    ours = facts(ours_doc, within)
    left, stale = unexplained(differences(ours, new), load_deviations(deviations_path))
    # against the snapshot, the question is what adopting Dub's change means for
    # dub-client; between two given documents, what the change itself means
    changes = compare(base, new, ours if base_source is None else None)
    report = Report(label, _label(upstream_source, data), changes, left, stale, sdk_names(ours_doc))
    return report, data, doc, new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("check", help="what Dub changed, what openapi.yaml does not match")
    run.add_argument("--upstream", default=LIVE_URL, help="a file or URL (default: live)")
    run.add_argument("--base", help="compare with this document instead of the snapshot")
    run.add_argument("--json", action="store_true", help="print one JSON object")
    run.add_argument("--update", action="store_true", help="rewrite the snapshot from upstream")
    run.add_argument(
        "--origin", help="with --update: where the document came from (default: --upstream)"
    )
    run.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 also when Dub changed anything or a deviation explains nothing any more",
    )
    run.add_argument("--spec", type=Path, default=SPEC)
    run.add_argument("--snapshot", type=Path, default=SNAPSHOT)
    run.add_argument("--deviations", type=Path, default=DEVIATIONS)
    show = sub.add_parser("facts", help="print the facts of a document as JSON")
    show.add_argument("source")
    args = parser.parse_args(argv)
    try:
        if args.command == "facts":
            source = str(args.source)
            print(json.dumps(facts(parse_document(read_source(source), source)), indent=1))
            return 0
        report, data, doc, found = check(
            args.upstream, args.base, args.spec, args.snapshot, args.deviations
        )
    except (DocumentError, OSError, KeyError) as error:
        print(f"upstream-check: {error}", file=sys.stderr)
        return 2
    print(json.dumps(report.as_json(), indent=1) if args.json else report.text())
    if args.update:
        write_snapshot(args.snapshot, snapshot(data, doc, found, args.upstream, args.origin))
        print(f"upstream-check: {args.snapshot} rewritten from {args.upstream}", file=sys.stderr)
    if args.strict and not args.update and (report.changes or report.stale):
        return 1
    return 1 if report.unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
