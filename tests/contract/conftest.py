"""Fixtures of the contract tests: Prism (static and dynamic) started from openapi.yaml.

Prism is started once per session and per mode, on 127.0.0.1 on a free port,
and always stopped (its whole process group) at teardown. Without node or the
npm-installed Prism the tests are skipped, except with ``CI=true`` where they fail.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import pytest

from dub_client import Dub, RetryConfig

from ._support import STATS, TOKEN, Stats, Witness, running_prism

NO_RETRIES = RetryConfig("none")


@pytest.fixture(scope="session")
def prism_static_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``prism mock openapi.yaml``: answers with the spec's examples."""
    with running_prism(tmp_path_factory.mktemp("prism-static"), dynamic=False) as url:
        yield url


@pytest.fixture(scope="session")
def prism_dynamic_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``prism mock -d openapi.yaml``: answers with random bodies valid for the schemas."""
    with running_prism(tmp_path_factory.mktemp("prism-dynamic"), dynamic=True) as url:
        yield url


@pytest.fixture(scope="session")
def contract_stats() -> Stats:
    return STATS


@pytest.fixture
def witness(contract_stats: Stats) -> Witness:
    return Witness(contract_stats)


@asynccontextmanager
async def _dub(url: str, witness: Witness) -> AsyncIterator[Dub]:
    sync_http = witness.client()
    async_http = witness.async_client()
    try:
        yield Dub(
            TOKEN,
            server_url=url,
            retry_config=NO_RETRIES,
            client=sync_http,
            async_client=async_http,
        )
    finally:
        sync_http.close()
        await async_http.aclose()


@pytest.fixture
async def static_dub(prism_static_url: str, witness: Witness) -> AsyncIterator[Dub]:
    """A Dub (sync and async) talking to the static Prism, retries off, every exchange recorded."""
    async with _dub(prism_static_url, witness) as dub:
        yield dub


@pytest.fixture
async def dynamic_dub(prism_dynamic_url: str, witness: Witness) -> AsyncIterator[Dub]:
    """A Dub (sync and async) talking to the dynamic Prism, retries off, every exchange recorded."""
    async with _dub(prism_dynamic_url, witness) as dub:
        yield dub


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not (STATS.validated or STATS.parsed):
        return
    terminalreporter.write_line(
        f"contract: {STATS.validated} requests validated by Prism, "
        f"{STATS.parsed} random responses parsed "
        f"({STATS.customers} customers, {STATS.error_bodies} random error bodies read)"
    )
