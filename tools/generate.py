"""Run openapi-python-client the one way this project does (``make generate`` calls it).

The generator comes from the venv running this script, and its ruff post-hooks
too (the venv's bin is put first on PATH); ``--isolated`` in the hooks keeps the
host's ruff settings out. The project's template overrides live in templates/;
they reach the generator's own templates through an ``upstream/`` link made in
a temporary copy, so an override can replace one macro and keep the rest.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def upstream_templates() -> Path:
    spec = importlib.util.find_spec("openapi_python_client")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("openapi-python-client is not installed in this venv (run `make install`)")
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--output-path", type=Path, required=True)
    args = parser.parse_args(argv)
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory(prefix="dub-templates-") as tmp:
        templates = Path(tmp) / "templates"
        shutil.copytree(ROOT / "templates", templates)
        (templates / "upstream").symlink_to(upstream_templates(), target_is_directory=True)
        command = [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path", str(args.spec),
            "--config", str(ROOT / "generator-config.yaml"),
            "--custom-template-path", str(templates),
            "--meta", "none",
            "--overwrite",
            "--fail-on-warning",
            "--output-path", str(args.output_path),
        ]  # fmt: skip
        done = subprocess.run(command, env=env, check=False)
    for cache in args.output_path.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
