from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types as _types
from .discount_type import DiscountType


@_attrs_define
class CustomerDiscount:
    """A model of the API's answers: an absent field reads as None.

    Attributes:
        id (str): `disc_...`
        amount (float):
        type_ (DiscountType):
        max_duration (float | None): Months the discount lasts; null for ever.
        coupon_id (str | None):
        coupon_test_id (str | None):
        description (str | None, optional):
        partners_count (float | None, optional):
    """

    id: str
    amount: float
    type_: DiscountType
    max_duration: float | None
    coupon_id: str | None
    coupon_test_id: str | None
    description: str | None = None
    partners_count: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of this model (what is sent, or what was received)."""
        _out: dict[str, Any] = dict(self.additional_properties)
        _out["id"] = self.id
        _out["amount"] = self.amount
        _out["type"] = (
            self.type_.value if isinstance(self.type_, DiscountType) else self.type_
        )
        _out["maxDuration"] = self.max_duration
        _out["couponId"] = self.coupon_id
        _out["couponTestId"] = self.coupon_test_id
        _out["description"] = self.description
        _out["partnersCount"] = self.partners_count
        return _out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A ``CustomerDiscount`` from its JSON object; ``src_dict`` is read, not changed.

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
            id = _d["id"]
            if type(id) is not str:
                raise _types.expected("a string", id)
        except Exception as _exc:
            raise _types.field_error(cls, "id", _exc, _d) from None
        try:
            amount = _d["amount"]
            if type(amount) is not float and type(amount) is not int:
                raise _types.expected("a number", amount)
        except Exception as _exc:
            raise _types.field_error(cls, "amount", _exc, _d) from None
        try:
            type_ = _d["type"]
            type_ = DiscountType._value2member_map_.get(type_) or DiscountType(type_)

        except Exception as _exc:
            raise _types.field_error(cls, "type", _exc, _d) from None
        try:
            max_duration = _d["maxDuration"]
            if (
                type(max_duration) is not float
                and type(max_duration) is not int
                and max_duration is not None
            ):
                raise _types.expected("a number", max_duration)
        except Exception as _exc:
            raise _types.field_error(cls, "maxDuration", _exc, _d) from None
        try:
            coupon_id = _d["couponId"]
            if type(coupon_id) is not str and coupon_id is not None:
                raise _types.expected("a string", coupon_id)
        except Exception as _exc:
            raise _types.field_error(cls, "couponId", _exc, _d) from None
        try:
            coupon_test_id = _d["couponTestId"]
            if type(coupon_test_id) is not str and coupon_test_id is not None:
                raise _types.expected("a string", coupon_test_id)
        except Exception as _exc:
            raise _types.field_error(cls, "couponTestId", _exc, _d) from None
        try:
            description = _d.get("description", _ABSENT)
            if type(description) is not str:
                if description is _ABSENT:
                    description = None
                    _absent += 1
                elif description is not None:
                    raise _types.expected("a string", description)
        except Exception as _exc:
            raise _types.field_error(cls, "description", _exc, _d) from None
        try:
            partners_count = _d.get("partnersCount", _ABSENT)
            if type(partners_count) is not float and type(partners_count) is not int:
                if partners_count is _ABSENT:
                    partners_count = None
                    _absent += 1
                elif partners_count is not None:
                    raise _types.expected("a number", partners_count)
        except Exception as _exc:
            raise _types.field_error(cls, "partnersCount", _exc, _d) from None
        _model = cls(
            id,
            amount,
            type_,
            max_duration,
            coupon_id,
            coupon_test_id,
            description,
            partners_count,
        )
        # usually false: every key of _d is a field's (8 fields, less the absent ones)
        if len(_d) > 8 - _absent:
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
        "amount",
        "type",
        "maxDuration",
        "couponId",
        "couponTestId",
        "description",
        "partnersCount",
    }
)
#: what _d.get answers for a key that is not there (None may be a value)
_ABSENT: Any = object()
