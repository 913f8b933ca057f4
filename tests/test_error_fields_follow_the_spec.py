"""Where an error body keeps its code, message and doc link is read from the spec
(``x-sdk-error`` on the error schema), not known by the hand-written core: a spec whose
envelope differs is read after `make generate`, one without the extension keeps the body
as the message, and a path that is not there stops generation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import _regen

USER = """
import json, sys
import httpx
from dub_client import Dub, errors

body = json.loads(sys.argv[1])
client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(404, json=body)))
with Dub("dub_t", client=client) as dub:
    try:
        dub.customers.get("cus_1")
    except errors.NotFound as exc:
        print(exc.code, exc.message, exc.doc_url, sep="|")
"""


def _envelope(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec's schemas, where the error body's are."""
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def test_a_differently_shaped_error_body_is_read_where_the_spec_says(tmp_path: Path):
    spec = _regen.spec_copy()
    schemas = _envelope(spec)
    detail = schemas["ErrorDetail"]
    detail["properties"]["detail"] = detail["properties"].pop("message")
    detail["required"] = ["code", "detail"]
    schemas["ErrorResponse"]["x-sdk-error"] = {"code": "error.code", "message": "error.detail"}
    site = _regen.package_copy(spec, tmp_path)
    body = '{"error": {"code": "not_found", "detail": "No such customer", "doc_url": "u"}}'
    assert _regen.run_user_code(site, USER, body) == ["not_found|No such customer|None"]


def test_without_the_extension_the_body_is_the_message(tmp_path: Path):
    spec = _regen.spec_copy()
    del _envelope(spec)["ErrorResponse"]["x-sdk-error"]
    site = _regen.package_copy(spec, tmp_path)
    body = '{"error": {"code": "not_found", "message": "gone"}}'
    [line] = _regen.run_user_code(site, USER, body)
    code, message, doc_url = line.split("|")
    assert (code, doc_url) == ("None", "None")
    assert message == '{"error":{"code":"not_found","message":"gone"}}'  # the body, kept


def test_a_path_the_body_does_not_have_stops_generation(tmp_path: Path):
    spec = _regen.spec_copy()
    _envelope(spec)["ErrorResponse"]["x-sdk-error"] = {"message": "error.text"}
    done = _regen.run_generator(_regen.write_spec(spec, tmp_path), tmp_path / "out", check=False)
    assert done.returncode == 1, done.stdout
    assert "REFUSED: schema 'ErrorResponse', x-sdk-error 'message'" in done.stderr
    assert "Traceback" not in done.stderr
