"""Every Python example in README.md runs, against a sandbox Dub served on loopback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dub_client.testing import Sandbox

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)


def test_the_readme_has_examples():
    assert len(BLOCKS) >= 8


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_example_runs(code: str, monkeypatch: pytest.MonkeyPatch):
    sandbox = Sandbox(seed=120)
    sandbox.add_customer(id="cus_123", external_id="user-42", email="ada@example.com", country="US")
    with sandbox.serve() as url:
        monkeypatch.setenv("DUB_BASE_URL", url)
        monkeypatch.delenv("DUB_API_KEY", raising=False)
        exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
    offline = ("print(dub)", "Sandbox(", "for bad in")  # examples that send nothing here
    if "customers." in code and not any(marker in code for marker in offline):
        assert sandbox.requests, "the example made no request"
