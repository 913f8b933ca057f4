"""Run openapi-python-client the one way this project does (``make generate`` calls it).

The generator comes from the venv running this script, and its ruff post-hooks
too (the venv's bin is put first on PATH); ``--isolated`` in the hooks keeps the
host's ruff settings out. The project's template overrides live in templates/;
they reach the generator's own templates through an ``upstream/`` link made in
a temporary copy, so an override can replace one macro and keep the rest.

The generator's parsed model keeps no ``x-`` vendor keys and no parameter
bounds, so before it runs this script reads them from the spec and hands them
to the templates as one Jinja variable, ``SDK`` (in ``_sdk.jinja``):

* ``operations["<method> <path>"]``: the SDK method name (``x-sdk-method``),
  retry safety (``x-sdk-idempotent``, else derived from the HTTP method),
  ``x-sdk-readdress``, ``x-sdk-pagination``, ``x-sdk-deprecation``, and each
  parameter's ``minimum``/``maximum``/``minLength``/``default``;
* ``server``: the first server's URL (the client's default);
* ``errors``: one entry per ``components/responses`` that an operation uses for
  an error status (class name, its statuses, description);
* ``request_models``: the schemas reachable from a request body;
* ``ignored``: per schema, the properties the API accepts and ignores
  (``x-sdk-ignored``: the warning users get when they send one).

It also gives the generator one change of the spec: in a schema that only ever
appears in responses, an optional property becomes nullable, so an absent field
reads as ``None`` (requests keep the absent/null distinction PATCH needs).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
#: HTTP methods whose repetition has the effect of one request (RFC 9110), PATCH
#: included here because the API's PATCH sets fields (x-sdk-idempotent overrides).
IDEMPOTENT_METHODS = frozenset({"get", "put", "delete", "options", "head", "patch", "trace"})
PARAMETER_FACTS = ("minimum", "maximum", "minLength", "maxLength", "default")


def upstream_templates() -> Path:
    spec = importlib.util.find_spec("openapi_python_client")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("openapi-python-client is not installed in this venv (run `make install`)")
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


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


def _refs(node: Any) -> Iterator[str]:
    """Every schema name that ``node`` refers to, at any depth."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[1]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _closure(spec: dict[str, Any], roots: Iterator[str]) -> set[str]:
    schemas = spec.get("components", {}).get("schemas", {})
    found: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in found or name not in schemas:
            continue
        found.add(name)
        todo.extend(_refs(schemas[name]))
    return found


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
            # the schema of its JSON body: the model the client reads error bodies with
            "model": next(iter(_refs(responses[name].get("content", {}))), None),
        }
        for name, statuses in sorted(error_statuses.items(), key=lambda item: min(item[1]))
    ]
    ignored = {
        name: {
            prop: str(schema["x-sdk-ignored"])
            for prop, schema in model.get("properties", {}).items()
            if isinstance(schema, dict) and "x-sdk-ignored" in schema
        }
        for name, model in spec.get("components", {}).get("schemas", {}).items()
    }
    servers = spec.get("servers") or [{"url": "/"}]
    return {
        "server": str(servers[0]["url"]).rstrip("/"),
        "operations": operations,
        "errors": errors,
        "request_models": sorted(_request_models(spec)),
        "ignored": {name: props for name, props in ignored.items() if props},
    }


def _request_models(spec: dict[str, Any]) -> set[str]:
    roots = [
        name
        for _, _, operation, _ in _operations(spec)
        for name in _refs(operation.get("requestBody", {}))
    ]
    for body in spec.get("components", {}).get("requestBodies", {}).values():
        roots.extend(_refs(body))
    return _closure(spec, iter(roots))


def for_generator(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec the generator reads: optional properties of response-only schemas nullable."""
    spec = json.loads(json.dumps(spec))
    requests = _request_models(spec)
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        if name in requests or not isinstance(schema, dict):
            continue
        required = set(schema.get("required", []))
        for prop_name, prop in schema.get("properties", {}).items():
            if prop_name in required or not isinstance(prop, dict) or prop.get("nullable"):
                continue
            if "$ref" in prop:
                schema["properties"][prop_name] = {"allOf": [prop], "nullable": True}
            else:
                prop["nullable"] = True
    return spec


def _jinja_literal(value: Any) -> str:
    """``value`` as a Jinja literal (JSON, with ``none`` for null)."""
    if value is None:
        return "none"
    if isinstance(value, dict):
        items = ", ".join(f"{json.dumps(str(k))}: {_jinja_literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_jinja_literal(v) for v in value) + "]"
    return json.dumps(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--output-path", type=Path, required=True)
    args = parser.parse_args(argv)
    spec = yaml.safe_load(args.spec.read_text(encoding="utf-8"))
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory(prefix="dub-templates-") as tmp:
        templates = Path(tmp) / "templates"
        shutil.copytree(ROOT / "templates", templates)
        (templates / "upstream").symlink_to(upstream_templates(), target_is_directory=True)
        (templates / "_sdk.jinja").write_text(
            "{% set SDK = " + _jinja_literal(sdk_facts(spec)) + " %}\n", encoding="utf-8"
        )
        generator_spec = Path(tmp) / "openapi.json"
        generator_spec.write_text(json.dumps(for_generator(spec)), encoding="utf-8")
        command = [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path", str(generator_spec),
            "--config", str(ROOT / "generator-config.yaml"),
            "--custom-template-path", str(templates),
            "--meta", "none",
            "--overwrite",
            "--fail-on-warning",
            "--output-path", str(args.output_path),
        ]  # fmt: skip
        done = subprocess.run(command, env=env, check=False)
    for cache in args.output_path.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
