"""An in-memory Dub for tests and demos — no network, no API key.

>>> from dub_client.testing import Sandbox
>>> sandbox = Sandbox(seed=250)
>>> with sandbox.dub() as dub:
...     [c.id for c in dub.customers.list(page_size=100)] == [c["id"] for c in sorted(
...         sandbox.customers(), key=lambda c: c["id"], reverse=True)]
True

The same sandbox serves real HTTP on loopback (``with sandbox.serve() as url:``
or ``python -m dub_client.testing --port 8787``), and takes planned faults
(``Fault``) or random ones (``chaos``). Under pytest, the
``dub_sandbox`` and ``dub`` fixtures (``pytest_plugin``) come
with the package.
"""

from ._sandbox import FAST_RETRIES, Fault, RecordedRequest, Sandbox
from ._server import Reply, SandboxServer

__all__ = ["FAST_RETRIES", "Fault", "RecordedRequest", "Reply", "Sandbox", "SandboxServer"]
