"""What a user's `mypy --strict` sees: tests/typing/user_code.py is checked as user code.

Every `assert_type` there must hold, and mypy must report exactly the lines marked
`# error: <code>`, with that code.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USER_CODE = ROOT / "tests" / "typing" / "user_code.py"
REPORTED = re.compile(r"^[^:]+:(\d+): error: .*\[([a-z-]+)\]$")
MARKED = re.compile(r"# error: ([a-z-]+)$")


def test_user_code_type_checks_as_marked(tmp_path: Path):
    expected = {
        (number, match.group(1))
        for number, line in enumerate(USER_CODE.read_text().splitlines(), start=1)
        if (match := MARKED.search(line))
    }
    assert len(expected) >= 10
    config = tmp_path / "mypy.ini"  # a user's own settings, not this repository's
    config.write_text("[mypy]\nstrict = True\n")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(config),
            "--no-incremental",
            "--hide-error-context",
            "--no-error-summary",
            "--show-error-codes",
            str(USER_CODE),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    reported = {
        (int(m.group(1)), m.group(2))
        for line in run.stdout.splitlines()
        if (m := REPORTED.match(line))
    }
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert len(errors) == len(reported), run.stdout
    assert reported == expected, run.stdout
