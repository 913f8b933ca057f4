"""``python -m dub_client.testing``: serve a sandbox Dub over HTTP on loopback."""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType

from ._sandbox import Sandbox
from ._server import SandboxServer


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dub_client.testing", description="Serve an in-memory Dub on loopback."
    )
    parser.add_argument("--host", default="127.0.0.1", help="loopback address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8787, help="port (0 picks a free one)")
    parser.add_argument("--seed", type=int, default=250, help="customers to create (default 250)")
    parser.add_argument("--token", default=None, help="the only API key accepted (default: any)")
    args = parser.parse_args(argv)
    sandbox = Sandbox(token=args.token, seed=args.seed)
    server = SandboxServer(sandbox, args.host, args.port)
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
