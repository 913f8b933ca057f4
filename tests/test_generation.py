"""The generator workflow a maintainer relies on: regenerate from a changed spec, detect drift."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import _regen
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def generate(spec: Path, out: Path) -> None:
    """The same command `make generate` runs."""
    _regen.run_generator(spec, out)


HAND_WRITTEN = [
    p.relative_to(ROOT / "dub_client")
    for p in (ROOT / "dub_client").rglob("*.py")
    if "_generated" not in p.parts
]

# What a maintainer adds to openapi.yaml for a new operation: path, query and header
# parameters and a JSON answer, plus a new filter on the list operation and a new field.
NEW_OPERATION = {
    "operationId": "getCustomerActivity",
    "x-sdk-method": "activity",
    "summary": "Retrieve a customer's activity",
    "tags": ["Customers"],
    "parameters": [
        {"$ref": "#/components/parameters/CustomerId"},
        {
            "name": "days",
            "in": "query",
            "schema": {"type": "integer", "minimum": 1, "maximum": 90},
        },
        {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["click", "sale"]}},
        {"name": "X-Trace-Tag", "in": "header", "schema": {"type": "string"}},
    ],
    "responses": {
        "200": {
            "description": "The activity.",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/CustomerActivity"}}
            },
        },
        "404": {"$ref": "#/components/responses/NotFound"},
    },
}
# A second one with no answer body (204), an array and an integer-enum query parameter,
# and a range status key; the spec's BadRequest response is also used for 418 here.
CLEAR_ACTIVITY = {
    "operationId": "clearCustomerActivity",
    "x-sdk-method": "clear_activity",
    "summary": "Clear a customer's activity",
    "tags": ["Customers"],
    "parameters": [
        {"$ref": "#/components/parameters/CustomerId"},
        {"name": "kinds", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "olderThan", "in": "query", "schema": {"type": "integer", "enum": [1, 7, 30]}},
    ],
    "responses": {
        "204": {"description": "Cleared."},
        "418": {"$ref": "#/components/responses/BadRequest"},
        "4XX": {"$ref": "#/components/responses/NotFound"},
    },
}
ACTIVITY = {
    "type": "object",
    "required": ["customerId", "events"],
    "properties": {
        "customerId": {"type": "string"},
        "events": {"type": "integer"},
        "lastSeenAt": {"type": "string", "format": "date-time"},
    },
}

# A loopback server that answers the new operation (a 503 first, then the activity;
# 404 for an unknown id) and the list; it prints what it saw on the wire.
USER_SCRIPT = """
import asyncio, json, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl

import dub_client
from dub_client import BackoffStrategy, Dub, RetryConfig, errors

seen = []
failed_once = set()


class Handler(BaseHTTPRequestHandler):
    def do_DELETE(self):
        url = urlsplit(self.path)
        seen.append((url.path, sorted(parse_qsl(url.query)), None))
        if url.path.startswith("/customers/busy"):
            return self.answer(418, {"error": {"code": "teapot", "message": "busy"}})
        self.send_response(204)
        self.end_headers()

    def do_GET(self):
        url = urlsplit(self.path)
        query = dict(parse_qsl(url.query))
        seen.append((url.path, query, self.headers.get("x-trace-tag")))
        if url.path == "/customers":
            return self.answer(200, [])
        if url.path == "/customers/missing/activity":
            error = {"code": "not_found", "message": "Customer not found."}
            return self.answer(404, {"error": error})
        key = (url.path, query.get("days"))
        if key not in failed_once:
            failed_once.add(key)
            return self.answer(503, {})
        cid = url.path.split("/")[2]
        return self.answer(200, {"customerId": cid, "events": 7, "surprise": 1})

    def answer(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}"
fast = RetryConfig(backoff=BackoffStrategy(initial_interval=1, max_interval=1))
assert dub_client.__file__.startswith(SITE), dub_client.__file__

with Dub(token="dub_test", server_url=url, retry_config=fast) as dub:
    got = dub.customers.activity("cus_1", days=30, kind="sale", x_trace_tag="abc")
    print("sync", type(got).__name__, got.customer_id, got.events, got.last_seen_at,
          got.additional_properties)
    got = dub.customers.activity(request={"id": "cus_2", "days": 5})
    print("request-style", got.customer_id)
    try:
        dub.customers.activity("missing")
    except errors.NotFound as error:
        print("404", type(error).__name__, error.status_code)
    for bad in ({"dayz": 3}, {"days": 91}, {"kind": "view"}, {"dayz": None}):
        try:
            dub.customers.activity("cus_1", **bad)
        except (TypeError, ValueError) as error:
            print("refused", type(error).__name__, str(error).split(";")[0])
    print("list", len(dub.customers.list(tier="gold").items))

    async def main():
        got = await dub.customers.activity_async("cus_3", days=2, x_trace_tag="xyz")
        print("async", got.customer_id, got.events)
        try:
            await dub.customers.activity_async("missing")
        except errors.NotFound:
            print("async-404")

    asyncio.run(main())
    print("clear", dub.customers.clear_activity("cus_1", kinds=["click", "sale"], older_than=7))
    for bad in ({"older_than": 5}, {"kinds": "click"}):
        try:
            dub.customers.clear_activity("cus_1", **bad)
        except (TypeError, ValueError) as error:
            print("refused", type(error).__name__, str(error).split(";")[0])
    try:
        dub.customers.clear_activity("busy")
    except errors.BadRequest as error:
        print("418 is", type(error).__name__, error.status_code)
    print("418 class", errors.STATUS_ERRORS[418].__name__, errors.STATUS_ERRORS[400].__name__)

for path, query, tag in seen:
    pairs = sorted(query.items()) if isinstance(query, dict) else query
    print("wire", path, pairs, tag)
"""


def test_a_new_operation_reaches_users_by_regenerating_only(tmp_path: Path):
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    spec["paths"]["/customers/{id}/activity"] = {"get": NEW_OPERATION, "delete": CLEAR_ACTIVITY}
    spec["components"]["schemas"]["CustomerActivity"] = ACTIVITY
    list_op = spec["paths"]["/customers"]["get"]
    list_op["parameters"].append({"name": "tier", "in": "query", "schema": {"type": "string"}})
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False))
    # a copy of the package whose hand-written part is byte-for-byte the checked-in one
    site = tmp_path / "site"
    pkg = site / "dub_client"
    shutil.copytree(
        ROOT / "dub_client", pkg, ignore=shutil.ignore_patterns("_generated", "__pycache__")
    )
    generate(spec_path, pkg / "_generated")
    for rel in HAND_WRITTEN:
        assert (pkg / rel).read_bytes() == (ROOT / "dub_client" / rel).read_bytes(), rel

    lines = _regen.run_user_code(site, f"SITE = {str(site)!r}\n" + USER_SCRIPT)
    assert lines[0] == "sync CustomerActivity cus_1 7 None {'surprise': 1}"
    assert lines[1] == "request-style cus_2"
    assert lines[2] == "404 NotFound 404"
    assert lines[3].startswith("refused TypeError customers.activity: unknown parameter 'dayz'")
    assert "did you mean 'days'?" in lines[3]
    assert (
        lines[4] == "refused ValueError customers.activity: days must be between 1 and 90, not 91"
    )
    assert lines[5].startswith("refused ValueError customers.activity: kind must be one of")
    assert lines[6].startswith("refused TypeError customers.activity: unknown parameter 'dayz'")
    assert lines[7] == "list 0"
    assert lines[8:10] == ["async cus_3 7", "async-404"]
    assert lines[10] == "clear None"
    refused = "refused ValueError customers.clear_activity: older_than must be one of"
    assert lines[11] == f"{refused} [1, 7, 30], not 5"
    assert lines[12].startswith("refused TypeError customers.clear_activity: kinds must be list")
    assert lines[13] == "418 is BadRequest 418"
    assert lines[14] == "418 class BadRequest BadRequest"
    wire = [line for line in lines[15:] if "olderThan" not in line and "busy" not in line]
    clears = [line for line in lines[15:] if "olderThan" in line]
    pairs = "[('kinds', 'click'), ('kinds', 'sale'), ('olderThan', '7')]"
    assert clears == [f"wire /customers/cus_1/activity {pairs} None"]
    # each first call met a 503 and was retried: the same request twice
    assert wire[:2] == ["wire /customers/cus_1/activity [('days', '30'), ('kind', 'sale')] abc"] * 2
    assert wire[2:4] == ["wire /customers/cus_2/activity [('days', '5')] None"] * 2
    assert wire[4] == "wire /customers/missing/activity [] None"
    assert wire[5] == "wire /customers [('pageSize', '100'), ('tier', 'gold')] None"
    assert wire[6:8] == ["wire /customers/cus_3/activity [('days', '2')] xyz"] * 2
    assert wire[8:] == ["wire /customers/missing/activity [] None"]


def test_generation_is_reproducible(tmp_path: Path):
    generate(ROOT / "openapi.yaml", tmp_path / "a")
    generate(ROOT / "openapi.yaml", tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.py"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.py"))
    assert files_a == files_b and len(files_a) > 15
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_check_generated_fails_on_an_unregenerated_spec_edit(tmp_path: Path):
    for name in ("openapi.yaml", "generator-config.yaml", "Makefile", "pyproject.toml", "uv.lock"):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "tools").mkdir()
    shutil.copy2(ROOT / "tools" / "generate.py", tmp_path / "tools" / "generate.py")
    shutil.copytree(
        ROOT / "dub_client" / "_generated",
        tmp_path / "dub_client" / "_generated",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    # use this venv as it is: a stamp newer than pyproject.toml means "installed"
    stamp = tmp_path / "installed.stamp"
    stamp.touch()
    venv = VENV_BIN.parent
    make = ["make", "-s", "-C", str(tmp_path), "check-generated", f"VENV={venv}", f"STAMP={stamp}"]
    clean = subprocess.run(make, capture_output=True, text=True, timeout=120, check=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "matches openapi.yaml" in clean.stdout

    spec = (tmp_path / "openapi.yaml").read_text()
    edited = spec.replace("description: Number of sales.", "description: How many sales.")
    assert edited != spec
    (tmp_path / "openapi.yaml").write_text(edited)
    drift = subprocess.run(make, capture_output=True, text=True, timeout=120, check=False)
    assert drift.returncode != 0
    assert "out of date" in drift.stdout
    assert "models/customer.py" in drift.stdout
    assert "make generate" in drift.stdout


def test_models_that_refer_to_each_other_still_load(tmp_path: Path):
    """The model template override imports nested models at the bottom of the module:
    a cycle (Customer -> CustomerLink -> Customer) must still import and parse."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    spec["components"]["schemas"]["CustomerLink"]["properties"]["owner"] = {
        "$ref": "#/components/schemas/Customer"
    }
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False))
    generate(spec_path, tmp_path / "cyclic" / "_generated")
    (tmp_path / "cyclic" / "__init__.py").write_text("")
    script = textwrap.dedent(
        """
        from cyclic._generated.models.customer_link import CustomerLink
        from cyclic._generated.models.customer import Customer
        link = {"id": "link_1", "domain": "d", "key": "k", "shortLink": "s", "url": "u",
                "programId": None}
        owner = {"id": "cus_1", "externalId": "e", "createdAt": "2024-01-01T00:00:00Z"}
        c = Customer.from_dict({**owner, "link": {**link, "owner": owner}})
        assert c.link.owner.id == "cus_1", c
        assert Customer.from_dict(c.to_dict()) == c
        print("ok")
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


# Schema shapes the real spec does not have (yet): a required nested model, arrays of
# models and of strings, an integer enum, a nested model with only optional plain
# fields (alone and in an array), typed additionalProperties, a date inside a nested
# model.
SHAPE_SCHEMAS = {
    "Shapes": {
        "type": "object",
        "required": ["id", "owner", "links", "tags", "level"],
        "properties": {
            "id": {"type": "string"},
            "owner": {"$ref": "#/components/schemas/CustomerPartner"},
            "links": {"type": "array", "items": {"$ref": "#/components/schemas/CustomerLink"}},
            "tags": {"type": "array", "items": {"type": "string"}},
            "level": {"type": "integer", "enum": [1, 2, 3]},
            "seenAt": {"type": "string", "format": "date-time"},
            "note": {"$ref": "#/components/schemas/Note"},
            "stamped": {"$ref": "#/components/schemas/Stamped"},
            "scores": {
                "type": "object",
                "additionalProperties": {"$ref": "#/components/schemas/Stamped"},
            },
            "notes": {"type": "array", "items": {"$ref": "#/components/schemas/Note"}},
        },
    },
    "Note": {
        "type": "object",
        "properties": {"text": {"type": "string"}, "count": {"type": "integer"}},
    },
    "Stamped": {
        "type": "object",
        "required": ["at"],
        "properties": {"at": {"type": "string", "format": "date-time"}, "by": {"type": "string"}},
    },
}


def test_models_of_other_schema_shapes_refuse_each_break_with_its_path(tmp_path: Path):
    """Each model's `from_dict` (what the SDK parses answers with) accepts what the spec
    allows and names the path to anything else, for shapes beyond today's spec
    (tests/_parsers.py)."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    spec["components"]["schemas"].update(SHAPE_SCHEMAS)
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False))
    generate(spec_path, tmp_path / "shaped" / "_generated")
    (tmp_path / "shaped" / "__init__.py").write_text("")
    script = textwrap.dedent(
        f"""
        import yaml
        import _parsers
        import _spec
        from shaped._generated import models

        spec = yaml.safe_load(open({str(spec_path)!r}))

        def resolve(node):
            return _spec.resolve(node, spec)

        for name in {sorted(SHAPE_SCHEMAS)!r}:
            schema = spec["components"]["schemas"][name]
            cls = getattr(models, name)
            print(name, _parsers.check_breaks(cls, schema, resolve, request=False))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT / 'tests'}"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    counts = dict(line.split() for line in out.stdout.splitlines())
    assert sorted(counts) == sorted(SHAPE_SCHEMAS)
    assert all(int(count) >= 2 for count in counts.values()), counts


@pytest.mark.parametrize(
    ("prop", "named"),
    [
        ({"oneOf": [{"type": "string"}, {"type": "integer"}]}, "oneOf/anyOf"),
        ({"type": "array", "items": {"type": "array", "items": {"type": "string"}}}, "arrays"),
        ({"type": "string", "format": "uuid"}, "UuidProperty"),
        ({"type": "string", "enum": ["a", "b"], "nullable": True}, "a nullable enum"),
    ],
)
def test_a_shape_the_model_template_cannot_write_stops_generation(
    tmp_path: Path, prop: dict[str, object], named: str
):
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    spec["components"]["schemas"]["CustomerLink"]["properties"]["odd"] = prop
    done = _regen.run_generator(_regen.write_spec(spec, tmp_path), tmp_path / "out", check=False)
    assert done.returncode == 1, done.stdout
    assert "REFUSED: schema 'CustomerLink', property 'odd'" in done.stderr
    assert named in done.stderr and "Traceback" not in done.stderr


def test_text_beyond_the_basic_plane_reaches_the_generated_code(tmp_path: Path):
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    spec["components"]["responses"]["NotFound"]["description"] = "No such customer 🚀"
    out = tmp_path / "out"
    done = _regen.run_generator(_regen.write_spec(spec, tmp_path), out, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "No such customer 🚀" in (out / "errors.py").read_text(encoding="utf-8")


def test_a_refused_spec_leaves_the_generated_package_as_it_was(tmp_path: Path):
    out = tmp_path / "out"
    _regen.run_generator(ROOT / "openapi.yaml", out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.py")}
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    spec["components"]["schemas"]["CustomerLink"]["properties"]["odd"] = {
        "type": "string",
        "format": "uuid",
    }
    done = _regen.run_generator(_regen.write_spec(spec, tmp_path), out, check=False)
    assert done.returncode == 1 and "REFUSED" in done.stderr
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*.py")} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".generating")] == []


NESTED_BODY_SCRIPT = """
import datetime, json
import httpx
from dub_client import Dub
from dub_client.models import Address

sent = []

def answer(request):
    sent.append(request.content.decode())
    return httpx.Response(
        200, json={"id": "cus_1", "externalId": "e", "createdAt": "2024-01-01T00:00:00Z"}
    )

with Dub("dub_t", client=httpx.Client(transport=httpx.MockTransport(answer))) as dub:
    for given in (
        {"address": {"city": "Paris"}},
        {"address": Address(city="Paris")},
        {"born": datetime.date(2000, 1, 2)},
        {"born": "2000-01-02"},
        {"address": 5},
        {"born": "the second of January"},
        {"born": datetime.datetime(2000, 1, 2)},
    ):
        try:
            dub.customers.update("cus_1", **given)
            print("sent", sent[-1])
        except (TypeError, ValueError) as exc:
            print(type(exc).__name__, exc)
"""


def test_a_body_field_holding_an_object_or_a_date_is_checked_before_sending(tmp_path: Path):
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    fields = spec["components"]["schemas"]["UpdateCustomerBody"]["properties"]
    fields["address"] = {
        "title": "Address",
        "type": "object",
        "properties": {"city": {"type": "string"}},
    }
    fields["born"] = {"type": "string", "format": "date"}
    site = _regen.package_copy(spec, tmp_path)
    assert _regen.run_user_code(site, NESTED_BODY_SCRIPT) == [
        'sent {"address":{"city":"Paris"}}',
        'sent {"address":{"city":"Paris"}}',
        'sent {"born":"2000-01-02"}',
        'sent {"born":"2000-01-02"}',
        "TypeError customers.update body: address must be a dict or model, not int (5)",
        "ValueError customers.update body: born is not an ISO-8601 date: 'the second of January'",
        "TypeError customers.update body: born must be date, not datetime "
        "(datetime.datetime(2000, 1, 2, 0, 0))",
    ]
