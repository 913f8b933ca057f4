"""Pytest fixtures for code that uses dub-client (loaded by pytest through the
``pytest11`` entry point; nothing to install or import).

``dub_sandbox``
    A fresh ``Sandbox`` for each test: empty, or as the
    ``dub_sandbox`` marker says (``@pytest.mark.dub_sandbox(seed=50, token="dub_t")``
    passes its keywords to ``Sandbox``).
``dub``
    A ``Dub`` wired to that sandbox in-process (no sockets), with
    fast retries; closed after the test.

Override either in your own ``conftest.py`` like any fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from dub_client import Dub
    from dub_client.testing import Sandbox


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "dub_sandbox(**options): keywords for the dub_sandbox fixture's Sandbox(...)"
    )


@pytest.fixture
def dub_sandbox(request: pytest.FixtureRequest) -> Sandbox:
    """A fresh in-memory Dub (``@pytest.mark.dub_sandbox(seed=...)`` to seed it)."""
    from dub_client.testing import Sandbox

    marker = request.node.get_closest_marker("dub_sandbox")
    return Sandbox(**(marker.kwargs if marker else {}))


@pytest.fixture
def dub(dub_sandbox: Sandbox) -> Iterator[Dub]:
    """A ``Dub`` talking to ``dub_sandbox`` in-process, closed after the test."""
    with dub_sandbox.dub() as client:
        yield client
