"""A partial update sends exactly the fields the caller gave, whatever the spec's shape.

Whether a model is a request body (a field not given stays UNSET and is not sent) or
an answer (an absent field reads as None) is decided by where the spec uses it, not by
its name: the update body with a `title`, the update body written inline, and a new
PATCH operation with an inline body are each regenerated from a copy of openapi.yaml,
and what goes on the wire is checked. A body given as a model is checked as its
fields given as keywords are, before anything is sent.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import _regen
import httpx
import pytest
from conftest import Recorder

from dub_client import Dub, models

ROOT = Path(__file__).resolve().parent.parent

NOTES_PATCH = {
    "operationId": "updateCustomerNotes",
    "x-sdk-method": "update_notes",
    "summary": "Update a customer's notes",
    "tags": ["Customers"],
    "parameters": [{"$ref": "#/components/parameters/CustomerId"}],
    "requestBody": {
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "note": {"type": "string", "nullable": True},
                        "pinned": {"type": "boolean"},
                        "remindAt": {"type": "string", "format": "date-time", "nullable": True},
                    },
                }
            }
        }
    },
    "responses": {
        "200": {
            "description": "The customer.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Customer"}}},
        }
    },
}


def _titled(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["UpdateCustomerBody"]["title"] = "Customer changes"


def _inline(spec: dict[str, Any]) -> None:
    body = spec["paths"]["/customers/{id}"]["patch"]["requestBody"]["content"]["application/json"]
    body["schema"] = spec["components"]["schemas"].pop("UpdateCustomerBody")


def _new_patch(spec: dict[str, Any]) -> None:
    spec["paths"]["/customers/{id}/notes"] = {"patch": NOTES_PATCH}


# Runs against the regenerated package: every call's JSON body, or the error raised
# before sending, one line each.
SCRIPT = """
import datetime, json, sys, httpx
from dub_client import Dub

sent = []
def answer(request):
    sent.append(json.loads(request.content))
    return httpx.Response(200, json={"id": "cus_1", "externalId": "e",
                                     "createdAt": "2024-01-01T00:00:00Z"})

naive = datetime.datetime(2024, 1, 1)
with Dub(token="dub_test", client=httpx.Client(transport=httpx.MockTransport(answer))) as dub:
    method = getattr(dub.customers, sys.argv[1])
    for call in json.loads(sys.argv[2]):
        try:
            method("cus_1", **{k: (naive if v == "NAIVE" else v) for k, v in call.items()})
            print(json.dumps(sent.pop()))
        except (TypeError, ValueError) as error:
            print("refused", type(error).__name__, error)
"""


@pytest.mark.parametrize(
    ("shape", "method", "calls", "expected"),
    [
        (
            _titled,
            "update",
            [{"name": "New name"}, {"email": None}, {"external_id": None}, {"name": 7}],
            [
                {"name": "New name"},
                {"email": None},
                "refused TypeError customers.update body: external_id must be str, not None",
                "refused TypeError customers.update body: name must be str | None, not int (7)",
            ],
        ),
        (
            _inline,
            "update",
            [{"name": "New name"}, {"subscription_canceled_at": "NAIVE"}, {}],
            [
                {"name": "New name"},
                "refused ValueError customers.update body: subscription_canceled_at must be "
                "timezone-aware (e.g. datetime.now(timezone.utc))",
                {},
            ],
        ),
        (
            _new_patch,
            "update_notes",
            [{"pinned": True}, {"note": None}, {"pinned": None}],
            [
                {"pinned": True},
                {"note": None},
                "refused TypeError customers.update_notes body: pinned must be bool, not None",
            ],
        ),
    ],
    ids=["titled", "inline", "new-patch-inline"],
)
def test_a_partial_update_sends_only_the_fields_given(
    tmp_path: Path, shape: Any, method: str, calls: list[Any], expected: list[Any]
):
    spec = _regen.spec_copy()
    shape(spec)
    site = _regen.package_copy(spec, tmp_path)
    lines = _regen.run_user_code(site, SCRIPT, method, json.dumps(calls))
    assert lines == [e if isinstance(e, str) else json.dumps(e) for e in expected]


def test_a_schema_used_in_a_request_and_an_answer_stops_generation(tmp_path: Path):
    spec = _regen.spec_copy()
    answer = spec["paths"]["/customers/{id}"]["get"]["responses"]["200"]
    answer["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/UpdateCustomerBody"
    }
    done = _regen.run_generator(_regen.write_spec(spec, tmp_path), tmp_path / "out", check=False)
    assert done.returncode == 1
    assert "REFUSED: schema 'UpdateCustomerBody' is used in a request body and in an answer" in (
        done.stderr
    )


def _send(body: Any) -> dict[str, Any]:
    recorder = Recorder()
    client = httpx.Client(transport=httpx.MockTransport(recorder))
    with Dub(token="dub_test", client=client) as dub:
        dub.customers.update("cus_1", request_body=body)
    sent: dict[str, Any] = json.loads(recorder.last.content)
    return sent


def test_a_body_model_is_checked_like_keywords_before_sending():
    naive = datetime.datetime(2024, 1, 1)
    for body, message in [
        (models.UpdateCustomerBody(email=42), "email must be str | None, not int (42)"),  # type: ignore[arg-type]
        (models.UpdateCustomerBody(subscription_canceled_at=naive), "must be timezone-aware"),
        (models.UpdateCustomerBody(external_id=None), "external_id must be str, not None"),  # type: ignore[arg-type]
    ]:
        with pytest.raises((TypeError, ValueError), match=message):
            _send(body)
    moment = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    body = models.UpdateCustomerBody(name=None, subscription_canceled_at=moment)
    body["extraField"] = 1  # a key the spec does not name is sent as given
    with pytest.warns(UserWarning, match="subscriptionCanceledAt"):  # accepted, not stored
        sent = _send(body)
    assert sent == {
        "name": None,
        "subscriptionCanceledAt": "2024-01-01T00:00:00+00:00",
        "extraField": 1,
    }
    with pytest.warns(UserWarning, match="country"):  # the ignored field warns here too
        models_body = models.UpdateCustomerBody(country="DE")
        _send(models_body)
