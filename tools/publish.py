"""Publish dub-client to a package index, refusing anything that is not releasable.

Run it as ``make publish`` (or ``.venv/bin/python tools/publish.py [flags]``). In order:

1. refuse a dirty git tree (``git status --porcelain`` prints anything);
2. read the version from ``dub_client/_version.py`` (the only place it is written);
3. refuse a version the target index already lists on its simple page
   (``<index>/simple/dub-client/``; a 404 means "never published");
4. refuse generated code that is stale against ``openapi.yaml`` (``make -s check-generated``);
5. build the sdist and the wheel into ``dist/`` (``make build``: ``python -m build`` and
   ``twine check --strict``) and check that both carry that version and that the wheel
   holds ``dub_client/`` with its generated code and ``py.typed``, and nothing else;
6. ``twine upload`` them (skipped with ``--dry-run``).

The target index is, first to last: ``--repository-url``, ``$TWINE_REPOSITORY_URL``,
``$TWINE_REPOSITORY`` (a name from ``~/.pypirc``), PyPI. Credentials are twine's own
business (``$TWINE_USERNAME`` / ``$TWINE_PASSWORD``, ``~/.pypirc``, keyring, a prompt).
Checking the index comes before building so that a refusal costs a second, not a build.

Exit status: 0 published (or a dry run that would have), 1 refused, 2 bad usage.
"""

from __future__ import annotations

import argparse
import ast
import base64
import configparser
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from http.client import HTTPMessage
from pathlib import Path
from typing import IO

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "dub-client"
PACKAGE = "dub_client"
VERSION_FILE = ROOT / PACKAGE / "_version.py"
DIST = ROOT / "dist"
PYPI_UPLOAD_URL = "https://upload.pypi.org/legacy/"
#: twine's built-in repositories, used when ~/.pypirc does not name them.
KNOWN_REPOSITORIES = {
    "pypi": PYPI_UPLOAD_URL,
    "testpypi": "https://test.pypi.org/legacy/",
}
HTTP_TIMEOUT_S = 30.0


class Refusal(Exception):
    """A reason not to publish; the message is shown to the maintainer."""


@dataclass(frozen=True)
class Target:
    """Where the upload goes and where its simple page is read."""

    upload_url: str
    simple_url: str  # the project's page, ``.../simple/dub-client/``
    description: str


# -- steps ---------------------------------------------------------------------------------------
def say(message: str) -> None:
    print(f"publish: {message}", flush=True)


def check_git_clean() -> None:
    try:
        proc = subprocess.run(
            ["git", "status", "--porcelain"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        raise Refusal("git is not installed: cannot check the work tree is clean") from None
    if proc.returncode != 0:
        raise Refusal(f"`git status` failed: {proc.stderr.strip()}")
    if proc.stdout.strip():
        changes = "\n".join(f"    {line}" for line in proc.stdout.splitlines()[:20])
        raise Refusal(
            "the git tree is dirty; commit or remove these first, "
            f"so what is published is what is committed:\n{changes}"
        )
    say("git tree is clean")


def read_version(path: Path = VERSION_FILE) -> Version:
    """The ``__version__ = "X.Y.Z"`` string of ``_version.py``, parsed without importing it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            try:
                return Version(node.value.value)
            except InvalidVersion:
                raise Refusal(
                    f"{path.name}: {node.value.value!r} is not a valid version (PEP 440)"
                ) from None
    raise Refusal(f'{path}: no `__version__ = "..."` assignment')


def simple_page_for(upload_url: str) -> str:
    """The project's simple page on the index that ``upload_url`` uploads to.

    PyPI and TestPyPI upload to ``/legacy/`` on a host of their own; pypiserver and most
    private indexes take uploads at the index root and serve ``<root>/simple/``.
    """
    parts = urllib.parse.urlsplit(upload_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Refusal(f"{upload_url!r} is not an http(s) URL")
    host = parts.hostname or ""
    netloc = "pypi.org" if host == "upload.pypi.org" else parts.netloc
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    if path.endswith("/legacy/"):
        path = path[: -len("legacy/")]
    return urllib.parse.urlunsplit((parts.scheme, netloc, f"{path}simple/{PROJECT}/", "", ""))


def pypirc_repository(name: str) -> str:
    """The upload URL of the repository ``name`` (``$TWINE_REPOSITORY``) as twine sees it."""
    config = configparser.ConfigParser(interpolation=None)
    config.read(Path(os.environ.get("TWINE_CONFIG_FILE", "~/.pypirc")).expanduser())
    if config.has_option(name, "repository"):
        return config.get(name, "repository")
    if name in KNOWN_REPOSITORIES:
        return KNOWN_REPOSITORIES[name]
    raise Refusal(f"repository {name!r} ($TWINE_REPOSITORY) has no `repository =` in ~/.pypirc")


def resolve_target(repository_url: str | None, index_url: str | None) -> Target:
    if repository_url:
        upload, source = repository_url, "--repository-url"
    elif os.environ.get("TWINE_REPOSITORY_URL"):
        upload, source = os.environ["TWINE_REPOSITORY_URL"], "$TWINE_REPOSITORY_URL"
    elif os.environ.get("TWINE_REPOSITORY"):
        name = os.environ["TWINE_REPOSITORY"]
        upload, source = pypirc_repository(name), f"$TWINE_REPOSITORY={name}"
    else:
        upload, source = pypirc_repository("pypi"), "default"
    simple = index_url.rstrip("/") + f"/{PROJECT}/" if index_url else simple_page_for(upload)
    return Target(upload, simple, f"{upload} ({source})")


class _FileLinks(HTMLParser):
    """The file names of a PEP 503 simple page: the last path segment of each ``<a href>``."""

    def __init__(self) -> None:
        super().__init__()
        self.filenames: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            path = urllib.parse.urlsplit(href).path
            self.filenames.append(urllib.parse.unquote(path.rsplit("/", 1)[-1]))


def filenames_on_page(body: str, content_type: str) -> list[str]:
    if "json" in content_type:  # PEP 691
        data = json.loads(body)
        return [str(f["filename"]) for f in data.get("files", [])]
    parser = _FileLinks()
    parser.feed(body)
    return parser.filenames


def version_of_file(filename: str) -> Version | None:
    """The version of a ``dub-client`` wheel or sdist name; ``None`` for anything else."""
    try:
        if filename.endswith(".whl"):
            name, version, _, _ = parse_wheel_filename(filename)
        elif filename.endswith((".tar.gz", ".zip")):
            name, version = parse_sdist_filename(filename)
        else:
            return None
    except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
        return None
    return version if name == canonicalize_name(PROJECT) else None


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects on the index's own host; another host (pypiserver's fallback to
    PyPI, say) says nothing about what *this* index holds."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        old, new = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
        if (old.scheme, old.netloc) != (new.scheme, new.netloc):
            raise _ElsewhereError(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _ElsewhereError(Exception):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def published_files(simple_url: str) -> list[str]:
    """The dub-client files the index lists; ``[]`` when it has never heard of dub-client."""
    headers = {
        "Accept": "application/vnd.pypi.simple.v1+json, text/html;q=0.5",
        "User-Agent": "dub-client-publish",
    }
    opener = urllib.request.build_opener(_SameOriginRedirects())
    user, password = os.environ.get("TWINE_USERNAME"), os.environ.get("TWINE_PASSWORD")
    for attempt in ("anonymous", "with credentials"):
        request = urllib.request.Request(simple_url, headers=headers)
        if attempt == "with credentials":
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with opener.open(request, timeout=HTTP_TIMEOUT_S) as response:
                content_type = response.headers.get("Content-Type", "")
                body = response.read().decode("utf-8", errors="replace")
            return filenames_on_page(body, content_type)
        except _ElsewhereError as elsewhere:
            say(f"the index sends {simple_url} to another host ({elsewhere.url}): not on it")
            return []
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return []
            if exc.code == 401 and attempt == "anonymous" and user and password:
                continue
            raise Refusal(
                f"cannot tell whether this version is published: {simple_url} answered "
                f"HTTP {exc.code} {exc.reason} (pass --index-url if the index's simple "
                "pages live elsewhere)"
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise Refusal(
                f"cannot tell whether this version is published: {simple_url}: {reason}"
            ) from None
    raise AssertionError("unreachable")


def check_not_published(target: Target, version: Version) -> None:
    files = published_files(target.simple_url)
    already = sorted(f for f in files if version_of_file(f) == version)
    if already:
        raise Refusal(
            f"{PROJECT} {version} is already on {target.simple_url} ({', '.join(already)}); "
            "an index never takes a version twice: bump dub_client/_version.py "
            "(docs/releasing.md) and release that"
        )
    others = sorted({str(v) for f in files if (v := version_of_file(f)) is not None}, key=Version)
    listed = f" (it has: {', '.join(others)})" if others else ""
    say(f"{PROJECT} {version} is not on {target.simple_url} yet{listed}")


def run_make(target: str, what: str) -> None:
    proc = subprocess.run(["make", "-s", target], cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise Refusal(f"`make {target}` failed (exit {proc.returncode}): {what}")


def check_artifacts(version: Version) -> list[Path]:
    """The sdist and the wheel of ``version`` in dist/, after checking what they hold."""
    files = sorted(p for p in DIST.iterdir() if p.is_file()) if DIST.is_dir() else []
    wheels = [p for p in files if p.name.endswith(".whl")]
    sdists = [p for p in files if p.name.endswith(".tar.gz")]
    if len(wheels) != 1 or len(sdists) != 1 or len(files) != 2:
        found = ", ".join(p.name for p in files) or "nothing"
        raise Refusal(f"expected one wheel and one sdist in dist/, found {found}")
    for path in files:
        if version_of_file(path.name) != version:
            raise Refusal(f"dist/{path.name} is not {PROJECT} {version}")
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
    dist_info = f"{PACKAGE}-{version}.dist-info/"
    strays = [n for n in names if not n.startswith((f"{PACKAGE}/", dist_info))]
    strays += [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    if strays:
        raise Refusal(f"the wheel holds files it should not: {', '.join(strays[:10])}")
    for needed in (f"{PACKAGE}/py.typed", f"{PACKAGE}/_generated/__init__.py"):
        if needed not in names:
            raise Refusal(f"the wheel lacks {needed}")
    say(f"built {', '.join(p.name for p in files)}")
    return files


def upload(files: Sequence[Path], repository_url: str | None) -> None:
    command = [sys.executable, "-m", "twine", "upload"]
    if repository_url:
        command += ["--repository-url", repository_url]
    command += [str(p) for p in files]
    proc = subprocess.run(command, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise Refusal(f"`twine upload` failed (exit {proc.returncode}); nothing is released")


# -- entry point ---------------------------------------------------------------------------------
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tools/publish.py",
        description="Build dub-client and upload it with twine, refusing a dirty tree, "
        "stale generated code or a version the index already has.",
    )
    parser.add_argument(
        "--repository-url",
        help="upload URL (default: $TWINE_REPOSITORY_URL, $TWINE_REPOSITORY in ~/.pypirc, PyPI)",
    )
    parser.add_argument(
        "--index-url",
        help="the index's simple root, e.g. https://pypi.org/simple/ (default: derived from "
        "the upload URL)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="do every check and the build, but do not upload"
    )
    parser.add_argument(
        "--skip-git-check",
        action="store_true",
        help="do not require a clean git tree (for tests only)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.skip_git_check:
            say("NOT checking the git tree (--skip-git-check)")
        else:
            check_git_clean()
        version = read_version()
        target = resolve_target(args.repository_url, args.index_url)
        say(f"{PROJECT} {version} -> {target.description}")
        check_not_published(target, version)
        run_make("check-generated", "dub_client/_generated is stale: run `make generate`")
        run_make("build", "the sdist or the wheel did not build or failed `twine check`")
        files = check_artifacts(version)
        if args.dry_run:
            say(f"dry run: would upload {', '.join(p.name for p in files)} to {target.upload_url}")
            return 0
        upload(files, args.repository_url)
    except Refusal as refusal:
        print(f"publish: REFUSED: {refusal}", file=sys.stderr, flush=True)
        return 1
    say(f"published {PROJECT} {version} to {target.upload_url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
