"""Everything dub-client raises on purpose derives from ``DubError``.

The classes for the API's error statuses (``BadRequest``, ``NotFound``, …) are
generated from the ``components/responses`` of ``openapi.yaml``, with the one
status → class table ``STATUS_ERRORS``; any other 4xx/5xx (405, 418, 502, 520 …)
becomes ``SDKError``. Error bodies are read defensively: an HTML page, an
empty body, an unknown ``code`` or a JSON body of the wrong shape never masks the
status; the raw text is kept in ``body``.
"""

from ._exceptions import *  # noqa: F403
from ._generated.errors import *  # noqa: F403
