"""Date-time parsing: the standard library's ``datetime.fromisoformat`` (what the models
use) against python-dateutil's ``isoparse`` (what the generator's stock templates use).

``python benchmarks/dates.py`` prints, for each form, what each parser makes of it
and the time per call (best of 5 runs, in this process). docs/architecture.md quotes it.
"""

from __future__ import annotations

import datetime
import timeit

from dateutil.parser import isoparse

FORMS = [
    "2024-05-01T12:30:00.000Z",  # what Dub sends
    "2024-05-01T12:30:00Z",
    "2024-05-01T12:30:00+02:00",
    "2024-05-01T12:30:00.123456+00:00",
    "2024-05-01T12:30Z",
    "2024-05-01 12:30:00Z",
    "20240501T123000Z",
    "2024-05-01T12:30:00",  # no offset: the models refuse it
    "2024-05-01",
]


def outcome(parse: object, text: str) -> str:
    try:
        value = parse(text)  # type: ignore[operator]
    except (ValueError, OverflowError) as exc:
        return f"error ({type(exc).__name__})"
    return value.isoformat()


def main() -> None:
    fromiso = datetime.datetime.fromisoformat
    print(f"{'form':36} {'fromisoformat':34} {'isoparse':34}")
    for text in FORMS:
        print(f"{text:36} {outcome(fromiso, text):34} {outcome(isoparse, text):34}")
    number = 50_000
    for name, parse in (("fromisoformat", fromiso), ("isoparse", isoparse)):
        best = min(timeit.repeat(lambda p=parse: p(FORMS[0]), number=number, repeat=5))
        print(f"{name}: {best / number * 1e9:,.0f} ns per call ({FORMS[0]})")


if __name__ == "__main__":
    main()
