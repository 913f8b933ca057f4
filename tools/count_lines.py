"""Count the lines of hand-written source in dub_client/ that hold code.

Blank lines, comment-only lines and docstrings do not count; dub_client/_generated/
and dub_client/testing/ are left out. ``python tools/count_lines.py [REV]`` counts the
working tree, or the tree of a git revision.
"""

from __future__ import annotations

import ast
import io
import subprocess
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = ("dub_client/_generated/", "dub_client/testing/")


def code_lines(source: str) -> int:
    docstrings: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docstrings.update(range(body[0].lineno, (body[0].end_lineno or 0) + 1))
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (
            tokenize.COMMENT,
            tokenize.NL,
            tokenize.NEWLINE,
            tokenize.INDENT,
            tokenize.DEDENT,
            tokenize.ENDMARKER,
        ):
            continue
        lines.update(range(token.start[0], token.end[0] + 1))
    return len(lines - docstrings)


def files(rev: str | None) -> dict[str, str]:
    if rev is None:
        return {
            str(p.relative_to(ROOT)): p.read_text() for p in (ROOT / "dub_client").rglob("*.py")
        }
    names = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", rev, "dub_client"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {
        name: subprocess.run(
            ["git", "show", f"{rev}:{name}"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        for name in names
        if name.endswith(".py")
    }


def main() -> None:
    rev = sys.argv[1] if len(sys.argv) > 1 else None
    total = 0
    for name, source in sorted(files(rev).items()):
        if name.startswith(SKIP):
            continue
        count = code_lines(source)
        total += count
        print(f"{count:6d}  {name}")
    print(f"{total:6d}  total")


if __name__ == "__main__":
    main()
