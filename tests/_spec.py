"""openapi.yaml as the tests read it: every API fact a test needs comes from here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
METHODS = ("get", "put", "post", "delete", "patch")


def resolve(node: Any, spec: dict[str, Any] | None = None) -> Any:
    """``node`` with its ``$ref`` followed (in ``spec``, this repository's by default)."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = SPEC if spec is None else spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True)
class Op:
    path: str
    method: str
    data: dict[str, Any]

    @property
    def sdk_name(self) -> str:
        return str(self.data["x-sdk-method"])

    @property
    def params(self) -> list[dict[str, Any]]:
        return [resolve(p) for p in self.data.get("parameters", [])]

    def param(self, wire: str) -> dict[str, Any]:
        return next(p for p in self.params if p["name"] == wire)

    @property
    def path_params(self) -> list[str]:
        return [p["name"] for p in self.params if p["in"] == "path"]

    @property
    def body_schema(self) -> dict[str, Any] | None:
        body = self.data.get("requestBody")
        if body is None:
            return None
        return resolve(resolve(body)["content"]["application/json"]["schema"])

    @property
    def success(self) -> str:
        return next(s for s in self.data["responses"] if str(s).startswith("2"))

    @property
    def pagination(self) -> dict[str, Any] | None:
        return self.data.get("x-sdk-pagination")


def operations() -> list[Op]:
    return [
        Op(path, method, item[method])
        for path, item in SPEC["paths"].items()
        for method in METHODS
        if method in item
    ]


def op_named(sdk_name: str) -> Op:
    return next(op for op in operations() if op.sdk_name == sdk_name)


def error_responses() -> dict[int, str]:
    """status -> components/responses name, as the operations use them."""
    found: dict[int, str] = {}
    for op in operations():
        for status, response in op.data["responses"].items():
            ref = response.get("$ref", "")
            if str(status)[0] in "45" and ref:
                found.setdefault(int(status), ref.rsplit("/", 1)[1])
    return found
