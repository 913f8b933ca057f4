"""Schemathesis against the sandbox over real HTTP: the sandbox conforms to openapi.yaml.

The schema is loaded from openapi.yaml; every case goes to a sandbox served on
127.0.0.1 with ``Authorization: Bearer dub_test``. Each (valid) request must get a
documented status, the documented content type, headers and body schema, and never
a 5xx. Generation is bounded (``MAX_EXAMPLES`` fuzzed cases per operation plus the
explicit-example and coverage phases) and derandomized with a fixed seed, so a given
pytest command runs the same cases every time. The terminal summary reports the count.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dub_client.testing import Sandbox

SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"
TOKEN = "dub_test"
MAX_EXAMPLES = 40
SEED = 50
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@dataclass
class Tally:
    """What the run did; registered as a plugin so it prints in the terminal summary."""

    cases: int = 0
    failures: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    started: float | None = None
    finished: float = 0.0

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.cases or self.started is None:
            return
        spread = ", ".join(f"{status}: {n}" for status, n in sorted(self.statuses.items()))
        terminalreporter.write_line(
            f"schemathesis: {self.cases} cases against the sandbox, {self.failures} failures"
            f" in {self.finished - self.started:.1f}s (statuses {spread})"
        )


TALLY = Tally()
CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "headers": {"Authorization": f"Bearer {TOKEN}"},
        "cache": {"enabled": False},
        "generation": {
            "mode": "positive",
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,  # Hypothesis derandomize; deadline is None by default
            "database": "none",
        },
        "phases": {"stateful": {"enabled": False}},
        "request-timeout": 10,
    }
)
# A module-level schema: one pytest test per operation. (schemathesis.pytest.from_fixture
# would load it in a fixture, but its subtests set Node._nodeid, which pytest 9.2 removed.)
schema = schemathesis.openapi.from_path(SPEC, config=CONFIG)
SANDBOX = Sandbox(seed=50, token=TOKEN)

# Random ids mostly miss (a documented 404). Mix in ids that exist, so get, update and
# delete also answer 200 and list walks real cursors. The choices are fixed up front:
# a strategy that read the sandbox's changing state would make Hypothesis's generation
# inconsistent (an id deleted by then simply answers 404).
_SEEDED = sorted(SANDBOX.customers(), key=lambda c: c["id"])
CURSOR_IDS = [c["id"] for c in _SEEDED[::7]]
PATH_IDS = CURSOR_IDS + [f"ext_{c['externalId']}" for c in _SEEDED[3::11]]


@schema.hook
def flatmap_path_parameters(ctx: Any, path_parameters: dict[str, Any] | None) -> Any:
    if not path_parameters or "id" not in path_parameters:
        return st.just(path_parameters)
    return st.sampled_from([path_parameters["id"], *PATH_IDS]).map(
        lambda cid: {**path_parameters, "id": cid}
    )


@schema.hook
def flatmap_query(ctx: Any, query: dict[str, Any] | None) -> Any:
    cursor = next((k for k in ("startingAfter", "endingBefore") if k in (query or {})), None)
    if query is None or cursor is None:
        return st.just(query)
    return st.sampled_from([query[cursor], *CURSOR_IDS]).map(lambda cid: {**query, cursor: cid})


# The host is a fixture parameter: besides naming it, that gives each generated test its
# own node id ("...[GET /customers][127.0.0.1]"). Without a parameter, schemathesis 4.32
# under pytest 9.2 gives all five operations one node id.
@pytest.fixture(scope="module", params=["127.0.0.1"])
def base_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The sandbox served on loopback: the base URL every case is sent to."""
    plugins = request.config.pluginmanager
    if not plugins.is_registered(TALLY):
        plugins.register(TALLY)
    with SANDBOX.serve(request.param) as url:
        yield url


@schema.parametrize()
def test_the_sandbox_conforms_to_openapi_yaml(case: Any, base_url: str) -> None:
    if TALLY.started is None:
        TALLY.started = time.monotonic()
    TALLY.cases += 1
    try:
        response = case.call_and_validate(base_url=base_url, checks=CHECKS)
    except BaseException:  # a failed check raises a FailureGroup (a BaseExceptionGroup)
        TALLY.failures += 1
        raise
    finally:
        TALLY.finished = time.monotonic()
    TALLY.statuses[response.status_code] += 1


def test_schemathesis_ran_bounded_and_found_nothing() -> None:
    if not TALLY.cases:
        pytest.skip("the schemathesis tests did not run in this session")
    assert TALLY.failures == 0
    # bounded: five operations, MAX_EXAMPLES fuzzed cases each plus the example and
    # coverage phases (276 cases today)
    assert 5 * MAX_EXAMPLES <= TALLY.cases <= 5 * MAX_EXAMPLES * 2
    # the hooks above reach real customers: not everything is a 404 or a 422
    assert TALLY.statuses[200] >= 50 and TALLY.statuses[201] >= 1
