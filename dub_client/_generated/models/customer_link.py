from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types as _types


@_attrs_define
class CustomerLink:
    """A model of the API's answers: an absent field reads as None.

    Attributes:
        id (str): `link_...`
        domain (str):
        key (str):
        short_link (str):
        url (str): The destination URL. Not always a URI: Dub allows links with an empty
            destination since July 2026.
        program_id (str | None):
    """

    id: str
    domain: str
    key: str
    short_link: str
    url: str
    program_id: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of this model (what is sent, or what was received)."""
        _out: dict[str, Any] = dict(self.additional_properties)
        _out["id"] = self.id
        _out["domain"] = self.domain
        _out["key"] = self.key
        _out["shortLink"] = self.short_link
        _out["url"] = self.url
        _out["programId"] = self.program_id
        return _out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A ``CustomerLink`` from its JSON object; ``src_dict`` is read, not changed.

        Raises ``FieldTypeError`` (a ``TypeError``) or ``FieldValueError`` (a
        ``ValueError``) naming the path to a missing or bad value.
        """
        _d = src_dict
        if type(_d) is not dict and not isinstance(_d, Mapping):
            raise _types.not_an_object(cls, _d)
        # a try for each field: free while nothing is wrong, and the error names the key
        try:
            id = _d["id"]
            if type(id) is not str:
                raise _types.expected("a string", id)
        except Exception as _exc:
            raise _types.field_error(cls, "id", _exc, _d) from None
        try:
            domain = _d["domain"]
            if type(domain) is not str:
                raise _types.expected("a string", domain)
        except Exception as _exc:
            raise _types.field_error(cls, "domain", _exc, _d) from None
        try:
            key = _d["key"]
            if type(key) is not str:
                raise _types.expected("a string", key)
        except Exception as _exc:
            raise _types.field_error(cls, "key", _exc, _d) from None
        try:
            short_link = _d["shortLink"]
            if type(short_link) is not str:
                raise _types.expected("a string", short_link)
        except Exception as _exc:
            raise _types.field_error(cls, "shortLink", _exc, _d) from None
        try:
            url = _d["url"]
            if type(url) is not str:
                raise _types.expected("a string", url)
        except Exception as _exc:
            raise _types.field_error(cls, "url", _exc, _d) from None
        try:
            program_id = _d["programId"]
            if type(program_id) is not str and program_id is not None:
                raise _types.expected("a string", program_id)
        except Exception as _exc:
            raise _types.field_error(cls, "programId", _exc, _d) from None
        _model = cls(
            id,
            domain,
            key,
            short_link,
            url,
            program_id,
        )
        # usually false: every key of _d is a field's (6 fields, less the absent ones)
        if len(_d) > 6:
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
        "id",
        "domain",
        "key",
        "shortLink",
        "url",
        "programId",
    }
)
