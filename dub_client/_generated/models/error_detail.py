from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types as _types


@_attrs_define
class ErrorDetail:
    """A model of the API's answers: an absent field reads as None.

    Attributes:
        code (str): Machine-readable code. Open set: besides the one documented per status the
            server sends e.g. exceeded_limit (403) and invite_pending (409).
        message (str):
        doc_url (str, optional): Link to the error's documentation.
    """

    code: str
    message: str
    doc_url: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of this model (what is sent, or what was received)."""
        _out: dict[str, Any] = dict(self.additional_properties)
        _out["code"] = self.code
        _out["message"] = self.message
        if self.doc_url is not None:
            _out["doc_url"] = self.doc_url
        return _out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A ``ErrorDetail`` from its JSON object; ``src_dict`` is read, not changed.

        Raises ``FieldTypeError`` (a ``TypeError``) or ``FieldValueError`` (a
        ``ValueError``) naming the path to a missing or bad value.
        """
        _d = src_dict
        if type(_d) is not dict and not isinstance(_d, Mapping):
            raise _types.not_an_object(cls, _d)
        _absent = (
            0  # optional keys not there: with len(_d), tells whether any key is unknown
        )
        # a try for each field: free while nothing is wrong, and the error names the key
        try:
            code = _d["code"]
            if type(code) is not str:
                raise _types.expected("a string", code)
        except Exception as _exc:
            raise _types.field_error(cls, "code", _exc, _d) from None
        try:
            message = _d["message"]
            if type(message) is not str:
                raise _types.expected("a string", message)
        except Exception as _exc:
            raise _types.field_error(cls, "message", _exc, _d) from None
        try:
            doc_url = _d.get("doc_url", _ABSENT)
            if type(doc_url) is not str:
                if doc_url is _ABSENT:
                    doc_url = None
                    _absent += 1
                elif doc_url is not None:
                    raise _types.expected("a string", doc_url)
        except Exception as _exc:
            raise _types.field_error(cls, "doc_url", _exc, _d) from None
        _model = cls(
            code,
            message,
            doc_url,
        )
        # usually false: every key of _d is a field's (3 fields, less the absent ones)
        if len(_d) > 3 - _absent:
            _model.additional_properties = {
                k: v for k, v in _d.items() if k not in _KNOWN
            }
        return _model

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


#: the keys the spec names (any other is kept in additional_properties)
_KNOWN = frozenset(
    {
        "code",
        "message",
        "doc_url",
    }
)
#: what _d.get answers for a key that is not there (None may be a value)
_ABSENT: Any = object()
