"""`make upstream-check`: Dub's API changes classified for dub-client's users.

Every fixture here is derived from the committed snapshot of Dub's published document
(`upstream/snapshot.json`): `document_from_facts` writes an inline OpenAPI document with
exactly those facts (checked by a round trip), and each test changes one thing in it.
No test needs the network (the URL test serves a document on loopback).
"""

from __future__ import annotations

import copy
import http.server
import importlib.util
import json
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _spec import SPEC

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("upstream_tool", ROOT / "tools" / "upstream.py")
assert _spec is not None and _spec.loader is not None
upstream = importlib.util.module_from_spec(_spec)
sys.modules["upstream_tool"] = upstream
_spec.loader.exec_module(upstream)

SNAPSHOT: dict[str, Any] = json.loads((ROOT / "upstream" / "snapshot.json").read_text())
FACTS: dict[str, dict[str, Any]] = SNAPSHOT["facts"]


# -- fixtures: an OpenAPI document with the snapshot's facts ------------------------------------
def _schema(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    kind = attrs.get("type")
    if kind is not None:
        out["type"] = kind
    for key in ("format", "default", "pattern", "uniqueItems", "minLength", "maxLength"):
        if key in attrs:
            out[key] = attrs[key]
    for key in ("minimum", "maximum", "minItems", "maxItems"):
        if key in attrs:
            out[key] = attrs[key]
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if exclusive in attrs:  # written the OpenAPI 3.0 way, as the tool must read it
            out[bound], out[exclusive] = attrs[exclusive], True
    if "enum" in attrs:
        out["enum"] = [v if kind == "string" else json.loads(v) for v in attrs["enum"]]
    if attrs.get("nullable"):
        out["nullable"] = True
    if attrs.get("deprecated"):
        out["deprecated"] = True
    if "additionalProperties" in attrs:
        extra = attrs["additionalProperties"]
        out["additionalProperties"] = {} if extra == "schema" else extra
    return out


def document_from_facts(
    facts: dict[str, dict[str, Any]],
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """An inline OpenAPI 3.0 document with ``facts``, and each facts key's object in it."""
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "fixture", "version": "0"},
        "paths": {},
        "components": {"securitySchemes": {}},
    }
    at: dict[str, dict[str, Any]] = {}
    for key in sorted(facts):  # a parent's key is a prefix of its parts' keys: it comes first
        attrs, where = facts[key], upstream.Where.parse(key)
        method, path = where.op.split(" ", 1)
        if not where.section:
            security = []
            for entry in attrs["security"]:
                if entry != "none":
                    kind, scheme = entry.split(" ")
                    doc["components"]["securitySchemes"][kind] = {"type": kind, "scheme": scheme}
                    security.append({kind: []})
            at[key] = doc["paths"].setdefault(path, {})[method.lower()] = {
                "operationId": attrs["operationId"],
                "deprecated": attrs["deprecated"],
                "security": security,
                "parameters": [],
                "responses": {},
            }
            continue
        parent = where.parent()
        if where.is_param and parent == where.op:
            schema = _schema(attrs)
            at[where.op]["parameters"].append(
                {
                    "name": where.field,
                    "in": where.section,
                    "required": attrs["required"],
                    "deprecated": attrs["deprecated"],
                    "schema": schema,
                }
            )
        elif where.section == "body" and not where.field:
            schema = _schema(attrs)
            at[where.op]["requestBody"] = {
                "required": attrs["required"],
                "content": {media: {"schema": schema} for media in attrs["content"]},
            }
        elif not where.field:
            schema = _schema(attrs)
            response: dict[str, Any] = {"description": "-"}
            if set(attrs) != {"content"}:
                response["content"] = {media: {"schema": schema} for media in attrs["content"]}
            at[where.op]["responses"][where.section] = response
        else:
            assert parent is not None
            schema, container = _schema(attrs), at[parent]
            if where.field.endswith("[]"):
                container["items"] = schema
            else:
                name = where.field.rsplit(".", 1)[-1]
                container.setdefault("properties", {})[name] = schema
                if attrs.get("required"):
                    container.setdefault("required", []).append(name)
        at[key] = schema
    return doc, at


def changed(mutate: Callable[[dict[str, Any], dict[str, dict[str, Any]]], None]) -> list[Any]:
    """The changes from the snapshot to a copy of it that ``mutate`` edited."""
    doc, at = document_from_facts(FACTS)
    mutate(doc, at)
    return list(upstream.compare(FACTS, upstream.facts(doc)))


def _op(doc: dict[str, Any], key: str) -> dict[str, Any]:
    method, path = key.split(" ")
    operation: dict[str, Any] = doc["paths"][path][method.lower()]
    return operation


def _param(doc: dict[str, Any], op: str, name: str) -> dict[str, Any]:
    return next(p for p in _op(doc, op)["parameters"] if p["name"] == name)


def _drop(container: dict[str, Any], name: str) -> None:
    del container["properties"][name]
    if name in container.get("required", []):
        container["required"].remove(name)


# -- the snapshot and the fixture builder -------------------------------------------------------
def test_the_snapshot_holds_facts_of_the_customers_operations_and_where_they_came_from():
    about = SNAPSHOT["about"]
    assert len(about["sha256"]) == 64 and about["retrieved"] and about["source"].startswith("https")
    ops = sorted(key for key in FACTS if " " not in key.split(" ", 1)[1])
    assert ops == [
        "DELETE /customers/{id}",
        "GET /customers",
        "GET /customers/{id}",
        "PATCH /customers/{id}",
    ]
    text = json.dumps(SNAPSHOT)
    assert "description" not in text.replace('discount.description"', "")  # prose is no fact
    assert "example" not in text and "x-speakeasy" not in text


def test_a_document_rebuilt_from_the_snapshot_has_exactly_its_facts():
    doc, _ = document_from_facts(FACTS)
    assert upstream.facts(doc) == FACTS
    assert upstream.compare(FACTS, upstream.facts(doc)) == []


def test_only_the_paths_openapi_yaml_covers_are_facts():
    doc, _ = document_from_facts(FACTS)
    doc["paths"]["/links"] = copy.deepcopy(doc["paths"]["/customers"])
    doc["paths"]["/customersx"] = copy.deepcopy(doc["paths"]["/customers"])
    assert upstream.facts(doc) == FACTS
    wider = copy.deepcopy(SPEC)  # a spec that covers /links too: its facts are checked
    wider["paths"]["/links"] = {}
    assert set(upstream.facts(doc, upstream.scope(wider))) > set(FACTS)


# -- each kind of change, classified for users ---------------------------------------------------
def _only(changes: list[Any]) -> Any:
    assert len(changes) == 1, changes
    return changes[0]


def test_a_removed_response_field_breaks():
    change = _only(changed(lambda doc, at: _drop(at["GET /customers 200 []"], "email")))
    assert change.where == "GET /customers 200 [].email"
    assert (change.breaking, change.bump, change.section) == (True, "major", "Removed")


def test_a_new_optional_response_field_does_not_break():
    def add(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        at["GET /customers/{id} 200"]["properties"]["tier"] = {"type": "string", "nullable": True}

    change = _only(changed(add))
    assert change.where == "GET /customers/{id} 200 tier"
    assert (change.breaking, change.bump) == (False, "minor")


def test_a_new_object_in_an_answer_is_one_change_not_one_per_field():
    def add(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        at["GET /customers/{id} 200"]["properties"]["plan"] = {
            "type": "object",
            "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
        }

    assert _only(changed(add)).where == "GET /customers/{id} 200 plan"


def test_a_renamed_parameter_is_a_removal_and_an_addition_and_breaks():
    changes = changed(lambda doc, at: _param(doc, "GET /customers", "search").update(name="q"))
    assert {(c.where, c.bump) for c in changes} == {
        ("GET /customers query search", "major"),
        ("GET /customers query q", "minor"),
    }
    assert upstream.verdict(changes) == "major"


def test_a_new_required_parameter_breaks():
    def add(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        _op(doc, "GET /customers")["parameters"].append(
            {"name": "workspaceId", "in": "query", "required": True, "schema": {"type": "string"}}
        )

    change = _only(changed(add))
    assert (change.where, change.breaking, change.bump) == (
        "GET /customers query workspaceId",
        True,
        "major",
    )


def test_an_enum_value_added_to_a_request_is_minor():
    change = _only(
        changed(
            lambda doc, at: _param(doc, "GET /customers", "sortBy")["schema"]["enum"].append("name")
        )
    )
    assert change.where == "GET /customers query sortBy"
    assert (change.breaking, change.bump, change.section) == (False, "minor", "Added")
    assert "enum value added: name" in change.what


def test_an_enum_value_added_to_a_response_does_not_break():
    change = _only(
        changed(lambda doc, at: at["GET /customers/{id} 200 discount.type"]["enum"].append("bogo"))
    )
    assert change.where == "GET /customers/{id} 200 discount.type"
    assert (change.breaking, change.bump) == (False, "minor")
    assert "models keep unknown values" in change.what


def test_a_removed_enum_value_breaks_in_a_request_and_in_an_answer():
    def drop(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        _param(doc, "GET /customers", "sortOrder")["schema"]["enum"].remove("asc")
        at["GET /customers/{id} 200 discount.type"]["enum"].remove("flat")

    changes = changed(drop)
    assert [(c.where, c.breaking) for c in changes] == [
        ("GET /customers query sortOrder", True),
        ("GET /customers/{id} 200 discount.type", True),
    ]


def test_a_type_narrowed_breaks_a_request_but_not_an_answer():
    def narrow(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        _param(doc, "GET /customers", "pageSize")["schema"]["type"] = "integer"
        at["GET /customers 200 [].saleAmount"]["type"] = "integer"

    changes = {c.where: c for c in changed(narrow)}
    size = [c for c in changed(narrow) if c.where == "GET /customers query pageSize"]
    # number > 0 became integer > 0: the type narrows, and the bound is rewritten as minimum 1
    assert {c.what.split(":")[0] for c in size} == {"type", "exclusiveMinimum", "minimum"}
    assert any(c.what.startswith("type") and c.breaking for c in size)
    answer = changes["GET /customers 200 [].saleAmount"]
    assert (answer.breaking, answer.bump) == (False, "patch")


def test_a_type_widened_in_an_answer_breaks():
    def widen(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        at["GET /customers/{id} 200 name"]["type"] = "number"

    change = _only(changed(widen))
    assert (change.breaking, change.bump) == (True, "major")


def test_a_nullable_field_made_required_breaks_a_request_body_only():
    def require(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        at["PATCH /customers/{id} body"]["required"] = ["name"]
        at["GET /customers/{id} 200"]["required"].append("email")
        del at["GET /customers/{id} 200 email"]["nullable"]

    changes = {(c.where, c.what.split(":")[0]): c for c in changed(require)}
    body = changes[("PATCH /customers/{id} body name", "required")]
    assert (body.breaking, body.bump) == (True, "major")
    # in an answer, always present and never null is a promise kept: nothing breaks
    for what in ("required", "nullable"):
        answer = changes[("GET /customers/{id} 200 email", what)]
        assert (answer.breaking, answer.bump) == (False, "patch")
    assert len(changes) == 3


def test_a_field_that_may_now_be_null_breaks_readers():
    """What Dub really did to `name` in June 2026 (dub-ts 1d8c4b3)."""

    def loosen(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        at["GET /customers/{id} 200 email"]["nullable"] = False

    # the reverse of the fixture: from non-null to nullable
    doc, at = document_from_facts(FACTS)
    loosen(doc, at)
    change = _only(upstream.compare(upstream.facts(doc), FACTS))
    assert (change.where, change.breaking) == ("GET /customers/{id} 200 email", True)


def test_a_new_operation_is_minor_and_reported_once():
    def add(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        doc["paths"]["/customers/{id}/merge"] = {
            "post": {
                "operationId": "mergeCustomer",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "-"}},
            }
        }

    change = _only(changed(add))
    assert (change.where, change.breaking, change.bump) == (
        "POST /customers/{id}/merge",
        False,
        "minor",
    )


def test_a_removed_operation_breaks():
    change = _only(changed(lambda doc, at: doc["paths"]["/customers/{id}"].pop("delete")))
    assert (change.where, change.bump) == ("DELETE /customers/{id}", "major")


def test_a_bound_tightened_breaks_a_request_not_an_answer():
    def tighten(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        _param(doc, "GET /customers", "pageSize")["schema"]["maximum"] = 50
        at["GET /customers/{id} 200 partner.name"]["maxLength"] = 100

    changes = {c.where: c for c in changed(tighten)}
    assert (
        changes["GET /customers query pageSize"].bump,
        changes["GET /customers query pageSize"].breaking,
    ) == ("major", True)
    assert changes["GET /customers/{id} 200 partner.name"].bump == "patch"


def test_a_bound_loosened_in_a_request_is_minor():
    change = _only(
        changed(
            lambda doc, at: _param(doc, "GET /customers", "pageSize")["schema"].update(maximum=500)
        )
    )
    assert (change.breaking, change.bump) == (False, "minor")


def test_prose_is_no_change():
    def reword(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        at["GET /customers/{id} 200 email"]["description"] = "The customer's email, reworded."
        at["GET /customers/{id} 200 email"]["example"] = "ada@example.com"
        _op(doc, "GET /customers")["summary"] = "List customers"

    assert changed(reword) == []


def test_a_ref_to_inline_restructure_is_no_change():
    """Dub's layout (everything inline) against openapi.yaml's ($ref, allOf, shared parts)."""
    doc, at = document_from_facts(FACTS)
    components = doc["components"]
    customer = at["GET /customers/{id} 200"]
    link = customer["properties"]["link"]
    del link["nullable"]
    components["schemas"] = {"Customer": customer, "Link": link}
    customer["properties"]["link"] = {
        "allOf": [{"$ref": "#/components/schemas/Link"}],
        "nullable": True,
    }
    for key in ("GET /customers/{id}", "PATCH /customers/{id}"):
        content = _op(doc, key)["responses"]["200"]["content"]["application/json"]
        content["schema"] = {"$ref": "#/components/schemas/Customer"}
    lst = _op(doc, "GET /customers")["responses"]["200"]["content"]["application/json"]
    lst["schema"]["items"] = {"allOf": [{"$ref": "#/components/schemas/Customer"}]}
    components["parameters"] = {"Id": _param(doc, "GET /customers/{id}", "id")}
    components["responses"] = {"NotFound": _op(doc, "GET /customers")["responses"]["404"]}
    for op in ("GET /customers/{id}", "PATCH /customers/{id}", "DELETE /customers/{id}"):
        params = _op(doc, op)["parameters"]
        params[:] = [
            {"$ref": "#/components/parameters/Id"} if p["name"] == "id" else p for p in params
        ]
    for path in doc["paths"].values():
        for operation in path.values():
            operation["responses"]["404"] = {"$ref": "#/components/responses/NotFound"}

    assert "$ref" in json.dumps(doc["paths"])
    new = upstream.facts(doc)
    assert upstream.compare(FACTS, new) == []
    assert upstream.verdict(upstream.compare(FACTS, new)) == "none"


def test_openapi_yaml_and_an_inlined_copy_of_it_have_the_same_facts():
    spec = copy.deepcopy(SPEC)

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                target: Any = spec
                for part in node["$ref"][2:].split("/"):
                    target = target[part]
                return inline(copy.deepcopy(target))
            return {k: inline(v) for k, v in node.items()}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    schemes = spec["components"]["securitySchemes"]  # named by the requirements: not inlined
    inlined = {**spec, "paths": inline(spec["paths"]), "components": {"securitySchemes": schemes}}
    assert "$ref" not in json.dumps(inlined)
    assert upstream.facts(inlined) == upstream.facts(spec)


def test_openapi_3_1_spellings_are_the_same_facts():
    doc, at = document_from_facts(FACTS)
    doc["openapi"] = "3.1.0"
    email = at["GET /customers/{id} 200 email"]
    del email["nullable"]
    email["type"] = ["string", "null"]
    name = at["GET /customers/{id} 200 name"]
    del name["nullable"]
    del name["type"]
    name["anyOf"] = [{"type": "string"}, {"type": "null"}]
    size = _param(doc, "GET /customers", "pageSize")["schema"]
    size["exclusiveMinimum"] = size.pop("minimum")  # 3.1: the bound itself
    assert upstream.compare(FACTS, upstream.facts(doc)) == []


def test_the_verdict_is_the_largest_bump():
    make = upstream.Change
    assert upstream.verdict([]) == "none"
    patch, minor, major = (
        make("w", "x", b == "major", b, "Changed") for b in ("patch", "minor", "major")
    )
    assert upstream.verdict([patch]) == "patch"
    assert upstream.verdict([patch, minor]) == "minor"
    assert upstream.verdict([minor, major, patch]) == "major"


# -- openapi.yaml against upstream: every deliberate difference has its reason ------------------
def test_every_difference_from_the_snapshot_is_a_recorded_deviation_and_each_is_used():
    ours = upstream.facts(SPEC)
    deviations = upstream.load_deviations(ROOT / "upstream" / "deviations.yaml")
    left, stale = upstream.unexplained(upstream.differences(ours, FACTS), deviations)
    assert left == []
    assert stale == []
    assert all(len(d.reason) > 20 for d in deviations)


def test_the_fixes_the_check_found_are_in_openapi_yaml():
    ours = upstream.facts(SPEC)
    assert "format" not in ours["GET /customers/{id} 200 link.url"]  # empty URLs since 2026-07
    spec = copy.deepcopy(SPEC)
    body = spec["components"]["schemas"]["UpdateCustomerBody"]["properties"]
    assert "x-sdk-ignored" in body["subscriptionCanceledAt"]


def test_a_deviation_applies_only_where_and_as_it_says(tmp_path: Path):
    difference = upstream.Difference("GET /customers query page", "type", "integer", "number")
    rule = upstream.Deviation("GET /customers query page*", "type", "a reason", {"ours": "integer"})
    assert rule.explains(difference)
    assert not rule.explains(
        upstream.Difference("GET /customers query page", "type", "string", "number")
    )
    assert not rule.explains(
        upstream.Difference("GET /customers query page", "minimum", "integer", "number")
    )
    assert not rule.explains(
        upstream.Difference("GET /customers/{id} path id", "type", "integer", "number")
    )
    bad = tmp_path / "deviations.yaml"
    bad.write_text("deviations:\n  - {where: 'POST /customers', what: only-here}\n")
    with pytest.raises(upstream.DocumentError, match="reason"):
        upstream.load_deviations(bad)


# -- the command ---------------------------------------------------------------------------------
@pytest.fixture
def snapshot_document(tmp_path: Path) -> Path:
    doc, _ = document_from_facts(FACTS)
    path = tmp_path / "dub.json"
    path.write_text(json.dumps(doc))
    return path


def _write_changed(
    tmp_path: Path, mutate: Callable[[dict[str, Any], dict[str, dict[str, Any]]], None]
) -> Path:
    doc, at = document_from_facts(FACTS)
    mutate(doc, at)
    path = tmp_path / "dub-changed.json"
    path.write_text(json.dumps(doc))
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = upstream.main(["check", *args])
    return code, capsys.readouterr().out


def test_the_check_against_the_snapshots_own_source_says_none(capsys, snapshot_document: Path):
    code, out = run(capsys, "--upstream", str(snapshot_document))
    assert code == 0
    assert "What Dub changed (0)" in out and "unexplained by upstream/deviations.yaml (0)" in out
    assert out.rstrip().splitlines()[-1] == "verdict: none"


def test_a_removed_field_is_breaking_drift(capsys, tmp_path: Path):
    changed_doc = _write_changed(
        tmp_path, lambda doc, at: _drop(at["GET /customers/{id} 200"], "country")
    )
    code, out = run(capsys, "--upstream", str(changed_doc))
    assert code == 1  # openapi.yaml still has it, and no deviation says why
    assert "BREAKING GET /customers/{id} 200 country: removed" in out
    assert "GET /customers/{id} 200 country: only in openapi.yaml" in out
    assert "- **Breaking**: `customers.get` (GET /customers/{id})" in out  # the CHANGELOG draft
    assert out.rstrip().splitlines()[-1] == "verdict: major"


def test_the_json_report(capsys, tmp_path: Path):
    def change(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        at["GET /customers/{id} 200 discount.type"]["enum"].append("bogo")

    code, out = run(capsys, "--upstream", str(_write_changed(tmp_path, change)), "--json")
    report = json.loads(out)
    assert code == 1
    assert report["bump"] == "minor"
    assert report["changes"] == [
        {
            "where": "GET /customers/{id} 200 discount.type",
            "what": report["changes"][0]["what"],
            "breaking": False,
            "bump": "minor",
        }
    ]
    assert report["unexplained"] == [
        {
            "where": "GET /customers/{id} 200 discount.type",
            "what": "enum",
            "ours": ["flat", "percentage"],
            "upstream": ["bogo", "flat", "percentage"],
        }
    ]


def test_a_change_openapi_yaml_already_states_is_nothing_to_adopt(capsys, tmp_path: Path):
    def catch_up(doc: dict[str, Any], at: dict[str, dict[str, Any]]) -> None:
        _param(doc, "GET /customers", "page")["schema"]["maximum"] = 1000

    changed_doc = _write_changed(tmp_path, catch_up)
    code, out = run(capsys, "--upstream", str(changed_doc))
    assert code == 0
    assert "already so in openapi.yaml" in out
    assert "Deviations that explain nothing any more (1):" in out
    assert out.rstrip().splitlines()[-1] == "verdict: none"
    assert run(capsys, "--upstream", str(changed_doc), "--strict")[0] == 1


def test_base_compares_any_two_documents(capsys, snapshot_document: Path, tmp_path: Path):
    changed_doc = _write_changed(
        tmp_path,
        lambda doc, at: _param(doc, "GET /customers", "page")["schema"].update(maximum=1000),
    )
    # the same change as above, between two given documents: what it is, a tighter bound
    code, out = run(capsys, "--base", str(snapshot_document), "--upstream", str(changed_doc))
    assert code == 0  # openapi.yaml already says maximum 1000: nothing unexplained
    assert "BREAKING GET /customers query page: maximum: (none) -> 1000" in out
    assert out.rstrip().splitlines()[-1] == "verdict: major"
    spec = str(ROOT / "openapi.yaml")
    _, out = run(capsys, "--base", spec, "--upstream", spec, "--json")
    assert json.loads(out)["changes"] == [] and json.loads(out)["bump"] == "none"


def test_update_rewrites_the_snapshot(capsys, tmp_path: Path):
    changed_doc = _write_changed(
        tmp_path, lambda doc, at: _drop(at["GET /customers/{id} 200"], "country")
    )
    snap = tmp_path / "snapshot.json"
    snap.write_text((ROOT / "upstream" / "snapshot.json").read_text())
    origin = "https://example.invalid/dub.json"
    args = ("--upstream", str(changed_doc), "--snapshot", str(snap))
    run(capsys, *args, "--update", "--origin", origin)
    written = json.loads(snap.read_text())
    assert written["about"]["source"] == origin
    assert written["facts"] == upstream.facts(json.loads(changed_doc.read_text()))
    assert run(capsys, *args)[1].rstrip().splitlines()[-1] == "verdict: none"


def test_an_unreadable_document_is_exit_2(capsys, tmp_path: Path):
    (tmp_path / "swagger.json").write_text('{"swagger": "2.0", "paths": {}}')
    (tmp_path / "broken.json").write_text('{"openapi": "3.0.3", "paths": {')
    assert upstream.main(["check", "--upstream", str(tmp_path / "missing.json")]) == 2
    assert "No such file" in capsys.readouterr().err
    assert upstream.main(["check", "--upstream", str(tmp_path / "swagger.json")]) == 2
    assert "not an OpenAPI 3.x document" in capsys.readouterr().err
    assert upstream.main(["check", "--upstream", str(tmp_path / "broken.json")]) == 2
    assert "neither JSON nor YAML" in capsys.readouterr().err


@pytest.fixture
def served(snapshot_document: Path) -> Iterator[str]:
    body = snapshot_document.read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_url_is_read_like_a_file(capsys, served: str):
    code, out = run(capsys, "--upstream", served)
    assert code == 0 and out.rstrip().splitlines()[-1] == "verdict: none"


def test_make_upstream_check_passes_its_options_through(snapshot_document: Path, tmp_path: Path):
    changed_doc = _write_changed(
        tmp_path, lambda doc, at: _drop(at["GET /customers 200 []"], "email")
    )
    result = subprocess.run(
        [
            "make",
            "-s",
            "upstream-check",
            f"UPSTREAM={changed_doc}",
            f"BASE={snapshot_document}",
            "JSON=1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0, result.stderr  # unexplained: openapi.yaml still has email
    report = json.loads(result.stdout)
    assert report["bump"] == "major"
    assert [c["where"] for c in report["changes"]] == ["GET /customers 200 [].email"]


def test_an_operation_dub_adds_back_that_openapi_yaml_kept_is_nothing_to_adopt():
    """Dub re-publishing POST /customers, which openapi.yaml kept: no new operation for users."""
    ours = upstream.facts(SPEC)
    new = {**FACTS, **{k: v for k, v in ours.items() if k.startswith("POST /customers")}}
    changes = upstream.compare(FACTS, new, ours)
    assert [(c.where, c.bump, c.breaking) for c in changes] == [("POST /customers", "none", False)]
    assert upstream.verdict(changes) == "none"
    assert upstream.verdict(upstream.compare(FACTS, new)) == "minor"  # without ours: a new one
