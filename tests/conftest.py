"""Shared fixtures: a recording in-process transport and an injectable clock."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from dub_client import Dub, _operation
from dub_client._retries import Timing

TOKEN = "dub_test_5ecret_T0ken"


def customer_json(cid: str = "cus_1", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": cid,
        "externalId": f"ext-{cid}",
        "createdAt": "2024-01-01T00:00:00.000Z",
        "name": "Ada",
        "email": "ada@example.com",
    }
    data.update(extra)
    return data


Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class Recorder:
    """A transport that records requests and answers from ``responses`` or ``handler``."""

    responses: list[httpx.Response | Exception] = field(default_factory=list)
    handler: Handler | None = None
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.responses:
            item = self.responses.pop(0)
            if isinstance(item, Exception):
                raise item
            return item
        if self.handler is not None:
            return self.handler(request)
        return httpx.Response(200, json=customer_json())

    def reply(self, *items: httpx.Response | Exception) -> Recorder:
        self.responses.extend(items)
        return self

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


@dataclass
class FakeTiming:
    """Clock and sleep that only move when told; records every sleep."""

    now: float = 1_700_000_000.0
    slept: list[float] = field(default_factory=list)

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def timing(self) -> Timing:
        return Timing(
            monotonic=self.monotonic,
            wall=self.wall,
            random=lambda: 0.5,
            sleep=self.sleep,
            async_sleep=self.async_sleep,
        )


@pytest.fixture(autouse=True)
def _warnings_once_per_test() -> None:
    """The SDK warns once per process about a field the API ignores: once per test here."""
    _operation._WARNED.clear()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def clock() -> FakeTiming:
    return FakeTiming()


@pytest.fixture
def dub(recorder: Recorder, clock: FakeTiming) -> Iterator[Dub]:
    transport = httpx.MockTransport(recorder)
    client = Dub(
        TOKEN,
        server_url="https://api.dub.test",
        client=httpx.Client(transport=transport),
        async_client=httpx.AsyncClient(transport=transport),
    )
    client._timing = clock.timing()
    yield client
    client.close()
