"""Regenerate the package from a changed copy of openapi.yaml, as `make generate` does.

Shared by the tests that change the spec: test_generation.py, test_partial_updates.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def spec_copy() -> dict[str, Any]:
    """openapi.yaml, to change."""
    spec: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    return spec


def write_spec(spec: dict[str, Any], folder: Path) -> Path:
    path = folder / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def run_generator(spec: Path, out: Path, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    """The same command `make generate` runs, into `out`."""
    command = [sys.executable, str(ROOT / "tools" / "generate.py"), "--spec", str(spec)]
    return subprocess.run(
        [*command, "--output-path", str(out)],
        check=check,
        capture_output=True,
        text=True,
        timeout=120,
    )


def package_copy(spec: dict[str, Any], folder: Path) -> Path:
    """A copy of dub_client whose generated part comes from `spec`; the folder to put
    on PYTHONPATH (run the user's code with another working directory than this
    checkout, so that the copy is the package imported)."""
    site = folder / "site"
    shutil.copytree(
        ROOT / "dub_client",
        site / "dub_client",
        ignore=shutil.ignore_patterns("_generated", "__pycache__"),
    )
    run_generator(write_spec(spec, folder), site / "dub_client" / "_generated")
    return site


def run_user_code(site: Path, code: str, *args: str) -> list[str]:
    """Run `code` as a user's script against the package copy in `site` (from the
    site's parent folder, not this checkout); its output lines. Fails on an error."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**os.environ, "PYTHONPATH": str(site)},
        cwd=site.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()
