from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types as _types


@_attrs_define
class CustomerPartner:
    """A model of the API's answers: an absent field reads as None.

    Attributes:
        id (str): `pn_...`
        name (str):
        email (str | None):
        image (str | None):
    """

    id: str
    name: str
    email: str | None
    image: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of this model (what is sent, or what was received)."""
        _out: dict[str, Any] = dict(self.additional_properties)
        _out["id"] = self.id
        _out["name"] = self.name
        _out["email"] = self.email
        _out["image"] = self.image
        return _out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A ``CustomerPartner`` from its JSON object; ``src_dict`` is read, not changed.

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
            name = _d["name"]
            if type(name) is not str:
                raise _types.expected("a string", name)
        except Exception as _exc:
            raise _types.field_error(cls, "name", _exc, _d) from None
        try:
            email = _d["email"]
            if type(email) is not str and email is not None:
                raise _types.expected("a string", email)
        except Exception as _exc:
            raise _types.field_error(cls, "email", _exc, _d) from None
        try:
            image = _d["image"]
            if type(image) is not str and image is not None:
                raise _types.expected("a string", image)
        except Exception as _exc:
            raise _types.field_error(cls, "image", _exc, _d) from None
        _model = cls(
            id,
            name,
            email,
            image,
        )
        # usually false: every key of _d is a field's (4 fields, less the absent ones)
        if len(_d) > 4:
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
        "name",
        "email",
        "image",
    }
)
