"""The dev environment is locked: `make check-lock` (part of `make test`) fails when
uv.lock no longer matches pyproject.toml, and passes on the checked-in pair."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UV = ROOT / ".tools" / "bin" / "uv"


def check_lock(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(UV), "lock", "--check", "--project", str(project)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(not UV.exists(), reason="uv is installed by `make install`")
def test_a_stale_lock_fails_the_check(tmp_path: Path):
    for name in ("pyproject.toml", "uv.lock", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, tmp_path / name)
    (tmp_path / "dub_client").mkdir()
    shutil.copy2(ROOT / "dub_client" / "_version.py", tmp_path / "dub_client" / "_version.py")
    assert check_lock(tmp_path).returncode == 0
    pyproject = (tmp_path / "pyproject.toml").read_text()
    edited = pyproject.replace('"pytest==9.2.0"', '"pytest==9.1.0"')
    assert edited != pyproject
    (tmp_path / "pyproject.toml").write_text(edited)
    stale = check_lock(tmp_path)
    assert stale.returncode != 0
    assert "`uv.lock` needs to be updated" in stale.stderr
