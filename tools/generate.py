"""Run openapi-python-client the one way this project does (``make generate`` calls it).

The generator (pinned in uv.lock) runs in this process, from the venv running this
script, and its ruff post-hooks too (the venv's bin is put first on PATH);
``--isolated`` in the hooks keeps the host's ruff settings out. The project's
templates live in templates/ and replace the generator's by file name (a template
not there is the generator's own).

The generator's parse of the operations keeps no ``x-`` vendor keys and no
parameter bounds, so this script reads them from the spec and hands them to the
templates as one Jinja global, ``SDK``:

* ``operations["<method> <path>"]``: the SDK method name (``x-sdk-method``),
  retry safety (``x-sdk-idempotent``, else derived from the HTTP method),
  ``x-sdk-readdress``, ``x-sdk-pagination``, ``x-sdk-deprecation``, and each
  parameter's ``minimum``/``maximum``/``minLength``/``default`` and ``example``;
* ``server``: the first server's URL (the client's default);
* ``errors``: one entry per ``components/responses`` that an operation uses for
  an error status (class name, its statuses, description).

The model template also reads ``MODELS`` (a ``Models``), built from the
generator's own parse: each field's ``Shape``, whether a model is a request body
or an answer (by use, whatever its name or place), and which properties the API
ignores (``x-sdk-ignored``). A shape it cannot write stops generation with a
message naming the schema and the property (``Refused``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
#: HTTP methods whose repetition has the effect of one request (RFC 9110), PATCH
#: included here because the API's PATCH sets fields (x-sdk-idempotent overrides).
IDEMPOTENT_METHODS = frozenset({"get", "put", "delete", "options", "head", "patch", "trace"})
PARAMETER_FACTS = ("minimum", "maximum", "minLength", "maxLength", "default")


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """``node`` with its ``$ref`` (local, ``#/...``) followed."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
        seen += 1
        if seen > 50:
            raise SystemExit(f"$ref loop at {node!r}")
    return node


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], list[Any]]]:
    for path, item in spec.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                yield path, method, item[method], shared


def sdk_facts(spec: dict[str, Any]) -> dict[str, Any]:
    """What the templates need that the generator's parsed model does not keep."""
    operations: dict[str, Any] = {}
    error_statuses: dict[str, set[int]] = {}
    for path, method, operation, shared in _operations(spec):
        where = f"{method.upper()} {path}"
        name = operation.get("x-sdk-method")
        if not isinstance(name, str) or not name.isidentifier():
            raise SystemExit(f"{where}: x-sdk-method (the SDK's method name) is missing or invalid")
        facts: dict[str, Any] = {
            "method_name": name,
            "idempotent": bool(operation.get("x-sdk-idempotent", method in IDEMPOTENT_METHODS)),
            "parameters": {},
        }
        for key in ("readdress", "pagination", "deprecation"):
            if f"x-sdk-{key}" in operation:
                facts[key] = operation[f"x-sdk-{key}"]
        if operation.get("deprecated") and "deprecation" not in facts:
            facts["deprecation"] = f"{operation.get('operationId', where)} is deprecated"
        for ref in [*shared, *operation.get("parameters", [])]:
            parameter = resolve(spec, ref)
            schema = resolve(spec, parameter.get("schema", {}))
            facts["parameters"][parameter["name"]] = {
                key: schema[key] for key in PARAMETER_FACTS if key in schema
            }
            if parameter.get("description"):
                facts["parameters"][parameter["name"]]["description"] = " ".join(
                    str(parameter["description"]).split()
                )
            if "example" in parameter:  # the value the docstring's example call shows
                facts["parameters"][parameter["name"]]["example"] = parameter["example"]
        operations[f"{method} {path}"] = facts
        for status, response in operation.get("responses", {}).items():
            ref = response.get("$ref", "") if isinstance(response, dict) else ""
            # a range key (4XX) or an inline response gets no class: SDKError
            exact = str(status).isdigit() and str(status)[:1] in "45"
            if exact and ref.startswith("#/components/responses/"):
                error_statuses.setdefault(ref.rsplit("/", 1)[1], set()).add(int(status))
    responses = spec.get("components", {}).get("responses", {})
    errors = [
        {
            "name": name,
            "statuses": sorted(statuses),
            "description": " ".join(str(responses[name].get("description", "")).split()),
        }
        for name, statuses in sorted(error_statuses.items(), key=lambda item: min(item[1]))
    ]
    servers = spec.get("servers") or [{"url": "/"}]
    return {
        "server": str(servers[0]["url"]).rstrip("/"),
        "operations": operations,
        "errors": errors,
    }


class Refused(Exception):
    """A spec shape the templates do not support: ``make generate`` stops and says why."""


@dataclass(frozen=True)
class Shape:
    """What a model field holds, as the model template writes its code.

    ``kind``: str, int, float, bool, any, datetime, date, enum, model or list; ``cls`` and
    ``module`` name an enum or a model class; ``item`` is a list's item shape;
    ``values`` is the type of an enum's values (str or int).
    """

    kind: str
    nullable: bool = False
    cls: str = ""
    module: str = ""
    item: Shape | None = None
    values: str = ""

    def classes(self) -> Iterator[Shape]:
        """This shape and its item's, where they name a class (for imports)."""
        if self.cls:
            yield self
        if self.item is not None:
            yield from self.item.classes()


@dataclass(frozen=True)
class Field:
    """One property of a model: wire and Python names, required-ness, shape, description."""

    wire: str
    name: str
    required: bool
    shape: Shape
    description: str


_SIMPLE = {
    "StringProperty": "str",
    "IntProperty": "int",
    "FloatProperty": "float",
    "BooleanProperty": "bool",
    "AnyProperty": "any",
    "DateTimeProperty": "datetime",
    "DateProperty": "date",
}


def _text(value: Any) -> str:
    """A generator string (plain or untrusted) as text."""
    if value is None:
        return ""
    getter = getattr(value, "get_untrusted_value", None)
    return str(getter() if getter is not None else value)


def shape_of(prop: Any, where: str) -> Shape:
    """The ``Shape`` of a property the generator parsed; ``Refused`` for one the model
    template cannot write (``where`` names it: schema and property)."""
    kind = type(prop).__name__
    if kind in _SIMPLE:
        return Shape(_SIMPLE[kind])
    if kind == "EnumProperty":
        values = "int" if prop.value_type is int else "str"
        return Shape(
            "enum", cls=prop.class_info.name, module=prop.class_info.module_name, values=values
        )
    if kind == "ModelProperty":
        return Shape("model", cls=prop.class_info.name, module=prop.class_info.module_name)
    if kind == "ListProperty":
        item = shape_of(prop.inner_property, f"{where} (its items)")
        if item.kind == "list" or item.nullable:
            raise Refused(f"{where}: arrays of arrays or of nullable items are not supported")
        return Shape("list", item=item)
    if kind == "UnionProperty":
        # (the generator may list one enum several times: one is enough)
        inner = list(
            {
                (type(p).__name__, _text(p.get_type_string())): p
                for p in prop.inner_properties
                if type(p).__name__ != "NoneProperty"
            }.values()
        )
        if len(inner) == 1:
            shape = shape_of(inner[0], where)
            return Shape(shape.kind, True, shape.cls, shape.module, shape.item, shape.values)
        raise Refused(
            f"{where}: a value of one of several types (oneOf/anyOf) is not supported; "
            "give the property one type (null allowed)"
        )
    raise Refused(f"{where}: {kind} (type {_text(prop.get_type_string())}) is not supported")


class Models:
    """What the model template needs of every model, beyond the generator's parse:
    each field's shape and whether the model is a request body or an answer.

    A model reachable from a request body is a *request* model (a field not given is
    ``UNSET`` and not sent); any other is a *response* model (an absent field reads as
    ``None``). Decided by use, whatever the schema's name, title or place (``$ref`` or
    inline); a model used both ways is refused.
    """

    def __init__(self, openapi: Any) -> None:
        self.by_class: dict[str, Any] = {m.class_info.name: m for m in openapi.models}
        uses: dict[str, set[str]] = {}
        for collection in openapi.endpoint_collections_by_tag.values():
            for endpoint in collection.endpoints:
                for body in endpoint.bodies:
                    self._mark(body.prop, "request", uses)
                for response in endpoint.responses:
                    self._mark(response.prop, "response", uses)
        both = sorted(name for name, seen in uses.items() if len(seen) > 1)
        if both:
            raise Refused(
                f"schema {both[0]!r} is used in a request body and in an answer: a request "
                "model keeps UNSET for what is not sent, a response model reads an absent "
                "field as None. Give each use its own schema."
            )
        self.requests = frozenset(name for name, seen in uses.items() if "request" in seen)
        error = next(
            (
                r.prop
                for collection in openapi.endpoint_collections_by_tag.values()
                for endpoint in collection.endpoints
                for r in endpoint.responses
                if _text(r.status_code.pattern)[:1] in "45"
                and type(r.prop).__name__ == "ModelProperty"
            ),
            None,
        )
        #: the model of the error answers' bodies (the first 4xx/5xx answer with one)
        self.error_model = (
            None
            if error is None
            else Shape("model", cls=error.class_info.name, module=error.class_info.module_name)
        )
        #: where that body holds the error's code, message and doc_url (``x-sdk-error``), as
        #: attribute paths of the parsed model (``error.code``)
        self.error_fields = self._error_fields(error) if error is not None else {}

    def _error_fields(self, model: Any) -> dict[str, str]:
        name = model.class_info.name
        schema = getattr(self.by_class.get(name, model), "data", None)
        wanted = (getattr(schema, "model_extra", None) or {}).get("x-sdk-error") or {}
        found = {}
        for role, path in wanted.items():
            where = f"schema {name!r}, x-sdk-error {role!r}"
            if role not in ("code", "message", "doc_url"):
                raise Refused(f"{where}: the roles are code, message and doc_url")
            current, names, wires = model, [], str(path).split(".")
            for i, wire in enumerate(wires):  # objects down to a string
                current = self.by_class.get(current.class_info.name, current)
                props = (current.required_properties or []) + (current.optional_properties or [])
                current = next((p for p in props if _text(p.name) == wire), None)
                kind = "StringProperty" if i == len(wires) - 1 else "ModelProperty"
                if current is None or type(current).__name__ != kind:
                    raise Refused(f"{where}: {path!r} is not a string property of the body")
                names.append(str(current.python_name))
            found[role] = ".".join(names)
        return found

    def _mark(self, prop: Any, use: str, uses: dict[str, set[str]]) -> None:
        kind = type(prop).__name__
        if kind == "ListProperty":
            self._mark(prop.inner_property, use, uses)
        elif kind == "UnionProperty":
            for inner in prop.inner_properties:
                self._mark(inner, use, uses)
        elif kind == "ModelProperty":
            name = prop.class_info.name
            if use in uses.setdefault(name, set()):
                return
            uses[name].add(use)
            model = self.by_class.get(name, prop)
            for inner in (model.required_properties or []) + (model.optional_properties or []):
                self._mark(inner, use, uses)
            if model.additional_properties not in (None, True, False):
                self._mark(model.additional_properties, use, uses)

    def is_request(self, model: Any) -> bool:
        return bool(model.class_info.name in self.requests)

    def fields(self, model: Any) -> list[Field]:
        """The model's fields, required ones first (the constructor's order)."""
        name = model.class_info.name
        props = (model.required_properties or []) + (model.optional_properties or [])
        raw = getattr(getattr(self.by_class.get(name, model), "data", None), "properties", None)
        fields = []
        for p in props:
            where = f"schema {name!r}, property {_text(p.name)!r}"
            shape = shape_of(p, where)
            schema = (raw or {}).get(_text(p.name))
            if shape.kind == "enum" and not shape.nullable and getattr(schema, "nullable", False):
                # the generator reads an enum's nullability from a null among its values
                # only (and then writes several classes): refused rather than not nullable
                raise Refused(f"{where}: a nullable enum is not supported")
            description = " ".join(_text(p.description).split())
            fields.append(
                Field(_text(p.name), str(p.python_name), bool(p.required), shape, description)
            )
        return [f for f in fields if f.required] + [f for f in fields if not f.required]

    def param(self, prop: Any) -> Shape:
        """A parameter's or a body field's shape, for the checks ``_operation.Param`` makes
        before a call is sent: its ``kind`` is what ``Param.kind`` reads (an array of
        objects is ``any``: its model checks it when it is written)."""
        shape = shape_of(prop, f"parameter or body field {_text(prop.name)!r}")
        if shape.kind == "list" and shape.item is not None and shape.item.kind in ("model", "any"):
            return Shape("any", shape.nullable)
        return shape

    def extra(self, model: Any) -> Shape | None:
        """How unknown keys are kept: ``any`` (as they came), a typed shape (each value
        parsed), or ``None`` (``additionalProperties: false``: dropped)."""
        extra = model.additional_properties
        if extra is None or extra is False:
            return None
        if extra is True:
            return Shape("any")
        return shape_of(extra, f"schema {model.class_info.name!r}, additionalProperties")

    def ignored(self, model: Any) -> dict[str, str]:
        """The properties the API accepts and ignores (``x-sdk-ignored``, by wire name):
        the warning users get when they send one."""
        model = self.by_class.get(model.class_info.name, model)
        properties = getattr(getattr(model, "data", None), "properties", None) or {}
        found = {}
        for wire, schema in properties.items():
            extra = getattr(schema, "model_extra", None) or {}
            if "x-sdk-ignored" in extra:
                found[_text(wire)] = " ".join(str(extra["x-sdk-ignored"]).split())
        return found

    def imports(self, model: Any) -> tuple[list[Shape], list[Shape]]:
        """The enums and the models this model's fields name (models imported last)."""
        shapes = [f.shape for f in self.fields(model)]
        extra = self.extra(model)
        if extra is not None:
            shapes.append(extra)
        named = {s.cls: s for shape in shapes for s in shape.classes()}
        named.pop(model.class_info.name, None)  # a model that holds itself
        ordered = [named[name] for name in sorted(named)]
        return [s for s in ordered if s.kind == "enum"], [s for s in ordered if s.kind == "model"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--output-path", type=Path, required=True)
    args = parser.parse_args(argv)
    spec = yaml.safe_load(args.spec.read_text(encoding="utf-8"))
    output = args.output_path.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    # written beside the output and moved in place only when it all worked: a refusal or
    # an error leaves the package as it was (the generator empties its output first)
    staging = Path(tempfile.mkdtemp(prefix=".generating-", dir=output.parent))
    try:
        done = _generate(spec, args.spec, staging / output.name)
        if done == 0:
            for cache in staging.rglob("__pycache__"):
                shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(output, ignore_errors=True)
            (staging / output.name).rename(output)
        return done
    except Refused as refused:
        print(f"make generate: REFUSED: {refused}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _generate(spec: dict[str, Any], source: Path, output: Path) -> int:
    """Run the pinned generator in this process, with the project's templates and the
    ``SDK`` facts and ``MODELS`` (``Models``) they read; 1 on any generator error."""
    try:
        from openapi_python_client import Project
        from openapi_python_client.config import Config, ConfigFile, MetaType
        from openapi_python_client.parser import GeneratorData
        from openapi_python_client.parser.errors import GeneratorError
    except ImportError:
        raise SystemExit(
            "openapi-python-client is not installed in this venv (run `make install`)"
        ) from None
    # the post-hooks (ruff) run from this venv
    bin_dir = str(Path(sys.executable).parent)
    os.environ["PATH"] = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    config = Config.from_sources(
        ConfigFile.load_from_path(ROOT / "generator-config.yaml"),
        MetaType.NONE,
        source,
        "utf-8",
        True,
        output_path=output,
    )
    openapi = GeneratorData.from_dict(spec, config=config)
    if isinstance(openapi, GeneratorError):
        print(f"make generate: {openapi.header}: {openapi.detail}", file=sys.stderr)
        return 1
    project = Project(openapi=openapi, config=config, custom_template_path=ROOT / "templates")
    project.env.globals["SDK"] = sdk_facts(spec)
    project.env.globals["MODELS"] = Models(openapi)
    errors = project.build()
    for error in errors:  # every warning fails too: a piece of the client would be missing
        print(f"make generate: {error.header or error.level}: {error.detail}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
