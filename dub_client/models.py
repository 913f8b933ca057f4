"""Stable public names for the generated models and request types.

The classes are the generated models (``dub_client._generated`` is private
and may be reorganised by a regeneration), the resource classes, and the
TypedDicts that type each operation's ``request={...}`` (``<Operation>Request``),
its body (``<Operation>RequestBody``) and its keyword arguments
(``<Operation>Params``), and ``FieldError``, what a model's ``from_dict`` raises (with
the path to the bad value); import them from here. In a response model an absent
field reads as ``None``; in a request model (a body) ``UNSET`` marks a field that
is not sent, as opposed to ``None``, which sends null.
"""

from ._generated.api import *  # noqa: F403
from ._generated.models import *  # noqa: F403
from ._generated.types import UNSET as UNSET  # noqa: PLC0414 (re-export)
from ._generated.types import FieldError as FieldError  # noqa: PLC0414 (re-export)
from ._generated.types import FieldTypeError as FieldTypeError  # noqa: PLC0414 (re-export)
from ._generated.types import FieldValueError as FieldValueError  # noqa: PLC0414 (re-export)
from ._generated.types import Unset as Unset  # noqa: PLC0414 (re-export)
