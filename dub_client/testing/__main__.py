"""``python -m dub_client.testing``: serve a sandbox Dub over HTTP on loopback."""

from __future__ import annotations

import argparse
import errno
import signal
import sys
from types import FrameType

from ._sandbox import Sandbox
from ._server import SandboxServer


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be 0..65535, not {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dub_client.testing", description="Serve an in-memory Dub on loopback."
    )
    parser.add_argument("--host", default="127.0.0.1", help="loopback address (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8787, help="port (0 picks a free one)")
    parser.add_argument(
        "--seed", type=_count, default=250, help="customers to create (default 250)"
    )
    parser.add_argument("--token", default=None, help="the only API key accepted (default: any)")
    args = parser.parse_args(argv)
    if args.host not in LOOPBACK:
        parser.exit(
            2,
            f"error: the sandbox only listens on loopback ({', '.join(LOOPBACK)}), "
            f"not {args.host}\n",
        )
    sandbox = Sandbox(token=args.token, seed=args.seed)
    try:
        server = SandboxServer(sandbox, args.host, args.port)
    except OSError as error:
        reason = (
            "is in use" if error.errno == errno.EADDRINUSE else f"cannot be used ({error.strerror})"
        )
        parser.exit(1, f"error: port {args.port} on {args.host} {reason}; try --port 0\n")
    print(f"Dub sandbox on {server.url} ({args.seed} customers). Ctrl-C stops it.", flush=True)
    signal.signal(signal.SIGTERM, _stop)  # a service manager's stop is as clean as Ctrl-C
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
