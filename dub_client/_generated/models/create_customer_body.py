from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types as _types
from ..types import UNSET, Unset


@_attrs_define
class CreateCustomerBody:
    """A request body: a field left UNSET is not sent; None sends null.

    Attributes:
        external_id (str):
        country (str): ISO 3166-1 alpha-2. Required by the live server (not by older docs).
        email (str | None, optional):
        name (str | None, optional):
        avatar (str | None, optional):
        stripe_customer_id (str | None, optional):
    """

    external_id: str
    country: str
    email: str | None | Unset = UNSET
    name: str | None | Unset = UNSET
    avatar: str | None | Unset = UNSET
    stripe_customer_id: str | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of this model (what is sent, or what was received)."""
        _out: dict[str, Any] = dict(self.additional_properties)
        _out["externalId"] = self.external_id
        _out["country"] = self.country
        if self.email is not UNSET:
            _out["email"] = self.email
        if self.name is not UNSET:
            _out["name"] = self.name
        if self.avatar is not UNSET:
            _out["avatar"] = self.avatar
        if self.stripe_customer_id is not UNSET:
            _out["stripeCustomerId"] = self.stripe_customer_id
        return _out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A ``CreateCustomerBody`` from its JSON object; ``src_dict`` is read, not changed.

        Raises ``FieldTypeError`` (a ``TypeError``) or ``FieldValueError`` (a
        ``ValueError``) naming the path to a missing or bad value.
        """
        _d = src_dict
        if type(_d) is not dict and not isinstance(_d, Mapping):
            raise _types.not_an_object(cls, _d)
        # a try for each field: free while nothing is wrong, and the error names the key
        try:
            external_id = _d["externalId"]
            if type(external_id) is not str:
                raise _types.expected("a string", external_id)
        except Exception as _exc:
            raise _types.field_error(cls, "externalId", _exc, _d) from None
        try:
            country = _d["country"]
            if type(country) is not str:
                raise _types.expected("a string", country)
        except Exception as _exc:
            raise _types.field_error(cls, "country", _exc, _d) from None
        try:
            email = _d.get("email", UNSET)
            if type(email) is not str and email is not None and email is not UNSET:
                raise _types.expected("a string", email)
        except Exception as _exc:
            raise _types.field_error(cls, "email", _exc, _d) from None
        try:
            name = _d.get("name", UNSET)
            if type(name) is not str and name is not None and name is not UNSET:
                raise _types.expected("a string", name)
        except Exception as _exc:
            raise _types.field_error(cls, "name", _exc, _d) from None
        try:
            avatar = _d.get("avatar", UNSET)
            if type(avatar) is not str and avatar is not None and avatar is not UNSET:
                raise _types.expected("a string", avatar)
        except Exception as _exc:
            raise _types.field_error(cls, "avatar", _exc, _d) from None
        try:
            stripe_customer_id = _d.get("stripeCustomerId", UNSET)
            if (
                type(stripe_customer_id) is not str
                and stripe_customer_id is not None
                and stripe_customer_id is not UNSET
            ):
                raise _types.expected("a string", stripe_customer_id)
        except Exception as _exc:
            raise _types.field_error(cls, "stripeCustomerId", _exc, _d) from None
        _model = cls(
            external_id,
            country,
            email,
            name,
            avatar,
            stripe_customer_id,
        )
        if not _KNOWN.issuperset(_d):  # usually: no key the spec does not name
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
        "externalId",
        "country",
        "email",
        "name",
        "avatar",
        "stripeCustomerId",
    }
)
