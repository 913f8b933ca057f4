"""The release path, end to end: build, refuse, upload to a real index, install, use.

A clean clone of this repository is built with ``make build`` and published with
``make publish`` (a thin layer over ``twine upload``) to a real pypiserver on 127.0.0.1
whose uploads need a password: ``make publish`` refuses a dirty tree and stale generated
code, the index refuses a missing password and a version it has already. Then
``dub-client`` is installed from that index alone into a fresh venv and calls a loopback
HTTP server from outside the checkout. The wheel's metadata is read too: it declares
httpx and nothing else, and its long description (README.md, the PyPI page)
has no link that would break on PyPI.
"""

from __future__ import annotations

import contextlib
import email.parser
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import threading
import time
import urllib.error
import urllib.request
import uuid
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from dub_client import __version__ as VERSION

ROOT = Path(__file__).resolve().parent.parent
USER, PASSWORD = "releaser", "s3cret-for-tests"
CUSTOMER = {"id": "cus_1", "externalId": "ext", "createdAt": "2024-01-01T00:00:00.000Z"}
#: a Markdown link or image whose target is not absolute: it breaks on PyPI
RELATIVE_LINK = re.compile(r"\]\((?!https?://|mailto:|#)([^)\s]+)\)")


def test_the_relative_link_finder_finds_what_it_must():
    text = "[a](docs/x.md) [b](https://dub.co) [c](#usage) ![d](img.png) [e](mailto:x@y.z)"
    assert RELATIVE_LINK.findall(text) == ["docs/x.md", "img.png"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _env(**extra: str) -> dict[str, str]:
    """The environment without twine's settings, with loopback traffic kept off any proxy."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWINE_")}
    env.update(
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
        TWINE_NON_INTERACTIVE="1",
    )
    env.update(extra)
    return env


def _run(args: list[str], *, timeout: float, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("env", _env())
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
        **kwargs,
    )


def _ok(proc: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert proc.returncode == 0, (
        f"{proc.args}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"
    )
    return proc


def _twine_upload(index: Index, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "twine", "upload", "--disable-progress-bar"]
    command += ["--repository-url", index.url, *args]
    return _run(command, timeout=60)


def _get(url: str, timeout: float = 10.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@dataclass
class Index:
    url: str  # the upload URL, http://127.0.0.1:PORT/
    packages: Path

    @property
    def simple(self) -> str:
        return f"{self.url}simple/"


@pytest.fixture
def pypiserver(tmp_path: Path) -> Iterator[Index]:
    """A real pypiserver on 127.0.0.1: listing and downloads open, uploads need a password."""
    with warnings.catch_warnings():  # passlib imports the deprecated crypt module
        warnings.simplefilter("ignore", DeprecationWarning)
        from passlib.apache import HtpasswdFile  # type: ignore[import-untyped]

    packages = tmp_path / "packages"
    packages.mkdir()
    htpasswd = HtpasswdFile(str(tmp_path / "htpasswd"), new=True)
    htpasswd.set_password(USER, PASSWORD)
    htpasswd.save()
    server_bin = Path(sys.executable).with_name("pypi-server")
    log = (tmp_path / "pypiserver.log").open("w")
    proc: subprocess.Popen[bytes] | None = None
    try:
        for _ in range(3):  # the free port may be taken between probe and bind
            port = _free_port()
            proc = subprocess.Popen(
                [
                    str(server_bin),
                    "run",
                    *("-i", "127.0.0.1", "-p", str(port)),
                    *("-P", str(tmp_path / "htpasswd"), "-a", "update"),
                    *("--disable-fallback", "--server", "wsgiref", str(packages)),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=_env(),
            )
            deadline = time.monotonic() + 30
            while proc.poll() is None and time.monotonic() < deadline:
                with contextlib.suppress(OSError):
                    if _get(f"http://127.0.0.1:{port}/health", timeout=2)[0] == 200:
                        break
                time.sleep(0.1)
            else:
                proc.kill()
                proc.wait(10)
                continue
            yield Index(f"http://127.0.0.1:{port}/", packages)
            break
        else:
            pytest.fail("pypiserver did not start:\n" + (tmp_path / "pypiserver.log").read_text())
    finally:
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
        log.close()


@dataclass
class Seen:
    method: str
    path: str
    authorization: str
    user_agent: str


@pytest.fixture
def fake_dub() -> Iterator[tuple[str, list[Seen]]]:
    """A loopback HTTP server answering GET /customers/cus_1 with one customer."""
    seen: list[Seen] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            seen.append(
                Seen(
                    "GET",
                    path,
                    self.headers.get("Authorization", ""),
                    self.headers.get("User-Agent", ""),
                )
            )
            body: dict[str, Any] = CUSTOMER
            status = 200
            if path != "/customers/cus_1":
                status, body = 404, {"error": {"code": "not_found", "message": path}}
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def _upload_without_credentials(index: Index, wheel: Path) -> int:
    """POST the wheel the way twine does, with no Authorization header; the HTTP status."""
    boundary = uuid.uuid4().hex
    fields = {":action": "file_upload", "name": "dub-client", "version": VERSION}
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="content"; '
        f'filename="{wheel.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        + wheel.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        index.url,
        data=b"".join(parts),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


SMOKE = """
import importlib.metadata, importlib.util, pathlib, sys
import dub_client
from dub_client import Dub

server_url, venv, version = sys.argv[1], pathlib.Path(sys.argv[2]).resolve(), sys.argv[3]
package = pathlib.Path(dub_client.__file__).resolve().parent
assert venv in package.parents, f"dub_client imported from {package}, not from {venv}"
assert (package / "py.typed").is_file(), "py.typed is missing"
assert (package / "_generated" / "models" / "customer.py").is_file()
assert dub_client.__version__ == version, dub_client.__version__
dist = importlib.metadata.distribution("dub-client")
assert dist.version == version, dist.version
assert dist.read_text("direct_url.json") is None, "installed from a path, not from the index"
with Dub(token="dub_test", server_url=server_url) as dub:
    customer = dub.customers.get("cus_1")
assert (customer.id, customer.external_id) == ("cus_1", "ext"), customer
assert customer.created_at.isoformat() == "2024-01-01T00:00:00+00:00", customer.created_at
import attrs  # the models are attrs classes: the wheel's one dependency besides httpx
assert attrs.has(type(customer)) and attrs.evolve(customer, name="x").name == "x"
print("smoke ok:", dub_client.__version__, package, customer.id, customer.external_id)
"""


# -- end to end ---------------------------------------------------------------------------------
def _clone(tmp_path: Path) -> Path:
    """A clean clone of this repository (what a release is made from)."""
    clone = tmp_path / "repo"
    _ok(_run(["git", "clone", "--quiet", str(ROOT), str(clone)], timeout=60))
    return clone


def _make(clone: Path, target: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``make TARGET`` in the clone, with this venv as it is (a fresh stamp: installed)."""
    stamp = clone.parent / "installed.stamp"  # outside the clone: it must stay clean
    stamp.touch()
    venv = Path(sys.executable).parent.parent
    command = ["make", "-C", str(clone), target, f"VENV={venv}", f"STAMP={stamp}"]
    return _run(command, timeout=300, env=_env(**env))


def _git(clone: Path, *args: str) -> None:
    identity = ["-c", "user.name=Releaser", "-c", "user.email=releaser@example.invalid"]
    _ok(_run(["git", "-C", str(clone), *identity, *args], timeout=60))


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_build_refuse_publish_install_and_use(
    tmp_path: Path, pypiserver: Index, fake_dub: tuple[str, list[Seen]]
) -> None:
    clone = _clone(tmp_path)
    index_env = {"TWINE_REPOSITORY_URL": pypiserver.url}
    with_password = {**index_env, "TWINE_USERNAME": USER, "TWINE_PASSWORD": PASSWORD}

    # 1. make build: both artifacts, checked, and what is inside them.
    _ok(_make(clone, "build"))
    dist = clone / "dist"
    wheel = dist / f"dub_client-{VERSION}-py3-none-any.whl"
    sdist = dist / f"dub_client-{VERSION}.tar.gz"
    assert sorted(p.name for p in dist.iterdir()) == sorted([wheel.name, sdist.name])
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        raw_metadata = zf.read(f"dub_client-{VERSION}.dist-info/METADATA").decode()
        entry_points = zf.read(f"dub_client-{VERSION}.dist-info/entry_points.txt").decode()
    metadata = email.parser.Parser().parsestr(raw_metadata)
    dist_info = f"dub_client-{VERSION}.dist-info/"
    assert [n for n in names if not n.startswith(("dub_client/", dist_info))] == []
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    for needed in ("py.typed", "__init__.py", "_version.py", "_generated/__init__.py"):
        assert f"dub_client/{needed}" in names
    assert any(n.startswith("dub_client/_generated/models/") for n in names)
    assert metadata["Name"] == "dub-client" and metadata["Version"] == VERSION
    requires = metadata.get_all("Requires-Dist") or []
    assert sorted(Requirement(r).name for r in requires) == ["attrs", "httpx"], requires
    assert metadata.get_all("Provides-Extra") is None  # no dev tools published as extras
    assert metadata.get_all("Project-URL") is None  # no URL that points nowhere
    assert "[pytest11]\ndub_client = dub_client.testing.pytest_plugin" in entry_points
    description = metadata.get_payload()
    assert description.lstrip().startswith("# dub-client")
    assert "pip install dub-client" in description.split("## ", 2)[1]  # install comes first
    assert RELATIVE_LINK.findall(description) == []
    with tarfile.open(sdist) as tf:
        members = {m.name.split("/", 1)[1] for m in tf.getmembers() if "/" in m.name}
    for needed in ("openapi.yaml", "generator-config.yaml", "LICENSE", "README.md",
                   "CHANGELOG.md", "Makefile", "pyproject.toml", "uv.lock",
                   "dub_client/_version.py", "tests/test_publish.py"):  # fmt: skip
        assert needed in members, f"the sdist lacks {needed}"
    assert any(m.startswith("templates/") for m in members)

    # 2. make publish refuses a dirty tree, and generated code older than the spec.
    (clone / "notes.txt").write_text("not committed")
    dirty = _make(clone, "publish", **with_password)
    assert dirty.returncode != 0 and "REFUSED: the work tree has uncommitted" in dirty.stdout
    (clone / "notes.txt").unlink()
    spec = (clone / "openapi.yaml").read_text()
    (clone / "openapi.yaml").write_text(spec.replace("Number of sales.", "How many sales."))
    _git(clone, "commit", "--quiet", "-am", "a spec edit without make generate")
    stale = _make(clone, "publish", **with_password)
    assert stale.returncode != 0 and "REFUSED: the generated code is stale" in stale.stdout
    _git(clone, "reset", "--quiet", "--hard", "HEAD~1")
    assert list(pypiserver.packages.iterdir()) == []

    # 3. The index takes no upload without the right credentials.
    assert _upload_without_credentials(pypiserver, wheel) in (401, 403)
    no_password = _make(clone, "publish", **index_env)
    assert no_password.returncode != 0
    wrong = _twine_upload(pypiserver, "-u", USER, "-p", "wrong-password", str(wheel))
    assert wrong.returncode != 0
    assert "403" in wrong.stdout + wrong.stderr or "401" in wrong.stdout + wrong.stderr
    assert list(pypiserver.packages.iterdir()) == []
    assert _get(f"{pypiserver.simple}dub-client/")[0] == 404

    # 4. With credentials, make publish uploads both, and the index lists them.
    shutil.rmtree(dist)
    _ok(_make(clone, "publish", **with_password))
    assert sorted(p.name for p in pypiserver.packages.iterdir()) == sorted([wheel.name, sdist.name])
    status, page = _get(f"{pypiserver.simple}dub-client/")
    assert status == 200 and wheel.name in page and sdist.name in page

    # 5. The same version again: the index refuses it, and so make publish fails.
    again = _make(clone, "publish", **with_password)
    assert again.returncode != 0
    assert "400 Bad Request" in again.stdout + again.stderr  # pypiserver's "file exists"

    # 6. A fresh venv: the dependencies from pip's own configuration, dub-client from the
    #    local index alone (no configuration file, no other index: nothing else could serve it).
    venv = tmp_path / "venv"
    python = sys.executable
    _ok(_run([python, "-m", "venv", str(venv)], timeout=120))
    vpython = str(venv / "bin" / "python")
    _ok(_run([vpython, "-m", "pip", "install", "--quiet", *requires], timeout=240))
    only_local = {
        k: v
        for k, v in _env(PIP_CONFIG_FILE=os.devnull).items()
        if k not in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_NO_INDEX")
    }
    report_file = tmp_path / "pip-report.json"
    pip_install = [vpython, "-m", "pip", "install", "--no-cache-dir"]
    local_only = ["--index-url", pypiserver.simple, "--report", str(report_file)]
    install = _ok(
        _run([*pip_install, *local_only, f"dub-client=={VERSION}"], timeout=120, env=only_local)
    )
    print(install.stdout)
    report = json.loads(report_file.read_text())
    installed = {item["metadata"]["name"]: item for item in report["install"]}
    assert list(installed) == ["dub-client"], installed.keys()
    url = installed["dub-client"]["download_info"]["url"]
    assert url.startswith(pypiserver.url) and url.endswith(wheel.name), url
    _ok(_run([vpython, "-m", "pip", "check"], timeout=60))

    # 7. Use it from outside the checkout against a loopback "Dub".
    server_url, seen = fake_dub
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "smoke.py").write_text(SMOKE)
    smoke = _ok(
        _run(
            [vpython, "-I", "smoke.py", server_url, str(venv), VERSION],
            timeout=60,
            cwd=work,
        )
    )
    print(smoke.stdout)
    assert smoke.stdout.startswith(f"smoke ok: {VERSION} {venv.resolve()}")
    assert [(s.method, s.path) for s in seen] == [("GET", "/customers/cus_1")]
    assert seen[0].authorization == "Bearer dub_test"
    assert seen[0].user_agent.startswith(f"dub-client/{VERSION} ")
