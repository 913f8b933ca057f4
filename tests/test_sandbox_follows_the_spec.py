"""The sandbox answers the list operation as openapi.yaml describes it: a filter added to
the spec filters after `make generate` alone, or is refused by name; never ignored. And what
the sandbox hands a test (recorded queries, add_customer's nested objects) is easy to use."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_generation import ROOT, generate

from dub_client.models import CustomerDiscount
from dub_client.testing import Sandbox

USER_TEST = """
from dub_client import errors
from dub_client.testing import Sandbox

sandbox = Sandbox()
for n, (name, sales) in enumerate([("Ada", 2), ("Bob", 0), ("Ada", 0)]):
    sandbox.add_customer(external_id=f"u{n}", name=name, sales=sales)
with sandbox.dub() as dub:
    print("name", sorted(c.external_id for c in dub.customers.list(name="Ada")))
    print("name+sales", [c.external_id for c in dub.customers.list(name="Ada", sales=2)])
    print("sales", [c.external_id for c in dub.customers.list(sales=0, sort_order="asc")])
    try:
        dub.customers.list(tier="gold")
    except errors.SDKError as error:
        print("tier", error.status_code, error.message)
"""


def test_a_filter_added_to_the_spec_filters_in_the_sandbox_or_is_refused(tmp_path: Path):
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    parameters = spec["paths"]["/customers"]["get"]["parameters"]
    parameters.append({"name": "name", "in": "query", "schema": {"type": "string"}})
    parameters.append({"name": "sales", "in": "query", "schema": {"type": "integer"}})
    parameters.append({"name": "tier", "in": "query", "schema": {"type": "string"}})
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False))
    pkg = tmp_path / "site" / "dub_client"
    shutil.copytree(
        ROOT / "dub_client", pkg, ignore=shutil.ignore_patterns("_generated", "__pycache__")
    )
    generate(spec_path, pkg / "_generated")  # what `make generate` runs; no other edit
    out = subprocess.run(
        [sys.executable, "-c", USER_TEST],
        env={**os.environ, "PYTHONPATH": str(pkg.parent)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "name ['u0', 'u2']",
        "name+sales ['u0']",
        "sales ['u1', 'u2']",
        "tier 501 the sandbox cannot interpret the query parameter 'tier' of GET /customers: "
        "no customer field is named 'tier' (teach dub_client/testing/_sandbox.py what it means)",
    ]


def test_the_spec_filters_filter_and_linked_objects_match_by_id():
    sandbox = Sandbox(seed=30)
    with sandbox.dub() as dub:
        for wire, name in (("country", "country"), ("programId", "program_id")):
            every = list(dub.customers.list(include_expanded_fields=True))
            want = next(getattr(c, name) for c in every if getattr(c, name))
            got = list(dub.customers.list(**{name: want}, include_expanded_fields=True))
            assert got and all(getattr(c, name) == want for c in got), wire
            assert len(got) < len(every)
        partner = next(c.partner for c in every if c.partner)
        got = list(dub.customers.list(partner_id=partner.id, include_expanded_fields=True))
        assert [c.partner.id for c in got if c.partner] == [partner.id] * len(got) == [partner.id]


def test_recorded_queries_are_parsed_and_kept_raw():
    sandbox = Sandbox(seed=3)
    with sandbox.dub() as dub:
        dub.customers.list(page_size=2, country="US")
    recorded = sandbox.requests[-1]
    assert recorded.query["pageSize"] == "2" and recorded.query.get_list("country") == ["US"]
    assert dict(recorded.query) == {"country": "US", "pageSize": "2"}
    assert recorded.raw_query == "country=US&pageSize=2"


DISCOUNT_WIRE = {
    "id": "d1",
    "amount": 20,
    "type": "percentage",
    "maxDuration": None,
    "couponId": None,
    "couponTestId": None,
}
DISCOUNT_SDK = {
    "id": "d1",
    "amount": 20,
    "type_": "percentage",
    "max_duration": None,
    "coupon_id": None,
    "coupon_test_id": None,
}


def test_add_customer_takes_nested_objects_as_models_or_dicts_in_either_key_style():
    sandbox = Sandbox()
    # "type" as a user writes it, for the SDK's type_ (the generator's name for a keyword)
    natural = {("type" if k == "type_" else k): v for k, v in DISCOUNT_SDK.items()}
    made = [
        sandbox.add_customer(external_id=f"u{n}", discount=discount).discount
        for n, discount in enumerate(
            (DISCOUNT_WIRE, DISCOUNT_SDK, CustomerDiscount.from_dict(DISCOUNT_WIRE), natural)
        )
    ]
    assert made[0] == made[1] == made[2] == made[3] and made[0] is not None
    assert made[0].max_duration is None and made[0].amount == 20


@pytest.mark.parametrize(
    ("discount", "exc", "match"),
    [
        ({"id": "d1"}, TypeError, r"discount \(CustomerDiscount\): missing required key\(s\) \["),
        (
            {**DISCOUNT_WIRE, "couponId": None} | {"amont": 1},
            TypeError,
            r"missing required key\(s\) \['amount'\]; unknown: 'amont' \(did you mean 'amount'",
        ),
        (
            {"id": "d", "amount": 1, "type": "flat", "maxDuraton": 1},
            TypeError,
            r"\['maxDuration', 'couponId', 'couponTestId'\]; "
            r"unknown: 'maxDuraton' \(did you mean 'maxDuration'",
        ),
        (
            {"id": "d"},
            TypeError,
            r"missing required key\(s\) \['amount', 'type', 'max_duration',",
        ),
        ({**DISCOUNT_WIRE, "max_duration": 1}, TypeError, "not mixed"),
        (
            {**DISCOUNT_WIRE, "id": 5},
            TypeError,
            r"\(CustomerDiscount\): id: expected a string, got int$",
        ),
    ],
)
def test_add_customer_names_what_is_wrong_with_a_nested_dict(discount, exc, match):
    if "amont" in discount:
        del discount["amount"]
    with pytest.raises(exc, match=match):
        Sandbox().add_customer(external_id="x", discount=discount)
