"""The generator workflow a maintainer relies on: regenerate from a changed spec, detect drift."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def generate(spec: Path, out: Path) -> None:
    """The same command `make generate` runs."""
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "generate.py"),
            "--spec",
            str(spec),
            "--output-path",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_a_new_spec_field_reaches_users_without_touching_the_facade(tmp_path: Path):
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    spec["components"]["schemas"]["Customer"]["properties"]["loyaltyTier"] = {
        "type": "string",
        "nullable": True,
    }
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False))
    # a copy of the package whose facade is byte-for-byte the checked-in one
    pkg = tmp_path / "site" / "dub_client"
    shutil.copytree(
        ROOT / "dub_client", pkg, ignore=shutil.ignore_patterns("_generated", "__pycache__")
    )
    generate(spec_path, pkg / "_generated")
    assert "loyalty_tier" in (pkg / "_generated" / "models" / "customer.py").read_text()
    for facade in ("_client.py", "_customers.py", "errors.py"):
        assert (pkg / facade).read_bytes() == (ROOT / "dub_client" / facade).read_bytes()

    script = textwrap.dedent(
        """
        import dub_client
        from dub_client.testing import Sandbox
        sandbox = Sandbox()
        row = sandbox.add_customer(externalId="u1", loyaltyTier="gold")
        with sandbox.dub() as dub:
            customer = dub.customers.get(row["id"])
        assert dub_client.__file__.startswith({site!r}), dub_client.__file__
        print(customer.loyalty_tier, "loyaltyTier" in customer.additional_properties)
        """
    ).format(site=str(tmp_path / "site"))
    out = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["gold", "False"]


def test_generation_is_reproducible(tmp_path: Path):
    generate(ROOT / "openapi.yaml", tmp_path / "a")
    generate(ROOT / "openapi.yaml", tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.py"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.py"))
    assert files_a == files_b and len(files_a) > 15
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_check_generated_fails_on_an_unregenerated_spec_edit(tmp_path: Path):
    for name in ("openapi.yaml", "generator-config.yaml", "Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "tools").mkdir()
    shutil.copy2(ROOT / "tools" / "generate.py", tmp_path / "tools" / "generate.py")
    shutil.copytree(
        ROOT / "dub_client" / "_generated",
        tmp_path / "dub_client" / "_generated",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    # use this venv as it is: a stamp newer than pyproject.toml means "installed"
    stamp = tmp_path / "installed.stamp"
    stamp.touch()
    venv = VENV_BIN.parent
    make = ["make", "-s", "-C", str(tmp_path), "check-generated", f"VENV={venv}", f"STAMP={stamp}"]
    clean = subprocess.run(make, capture_output=True, text=True, timeout=120, check=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "matches openapi.yaml" in clean.stdout

    spec = (tmp_path / "openapi.yaml").read_text()
    edited = spec.replace("description: Number of sales.", "description: How many sales.")
    assert edited != spec
    (tmp_path / "openapi.yaml").write_text(edited)
    drift = subprocess.run(make, capture_output=True, text=True, timeout=120, check=False)
    assert drift.returncode != 0
    assert "out of date" in drift.stdout
    assert "models/customer.py" in drift.stdout
    assert "make generate" in drift.stdout


def test_models_that_refer_to_each_other_still_load(tmp_path: Path):
    """The model template override imports nested models at the bottom of the module:
    a cycle (Customer -> CustomerLink -> Customer) must still import and parse."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    spec["components"]["schemas"]["CustomerLink"]["properties"]["owner"] = {
        "$ref": "#/components/schemas/Customer"
    }
    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False))
    generate(spec_path, tmp_path / "cyclic" / "_generated")
    (tmp_path / "cyclic" / "__init__.py").write_text("")
    script = textwrap.dedent(
        """
        from cyclic._generated.models.customer_link import CustomerLink
        from cyclic._generated.models.customer import Customer
        link = {"id": "link_1", "domain": "d", "key": "k", "shortLink": "s", "url": "u",
                "programId": None}
        owner = {"id": "cus_1", "externalId": "e", "createdAt": "2024-01-01T00:00:00Z"}
        c = Customer.from_dict({**owner, "link": {**link, "owner": owner}})
        assert c.link.owner.id == "cus_1", c
        assert Customer.from_dict(c.to_dict()) == c
        print("ok")
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
