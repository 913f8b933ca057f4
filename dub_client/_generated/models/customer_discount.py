from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..models.discount_type import DiscountType
from ..types import (
    UNSET,
    Unset,
    model_eq,
    model_getstate,
    model_repr,
    model_setstate,
    new_instance,
    read_later,
)

T = TypeVar("T", bound="CustomerDiscount")


class CustomerDiscount:
    """
    Attributes:
        id (str): `disc_...`
        amount (float):
        type_ (DiscountType):
        max_duration (float | None): Months the discount lasts; null for ever.
        coupon_id (None | str):
        coupon_test_id (None | str):
        description (None | str):
        partners_count (float | None):
    """

    id: str
    amount: float
    type_: DiscountType
    max_duration: float | None
    coupon_id: None | str
    coupon_test_id: None | str
    description: None | str
    partners_count: float | None
    additional_properties: dict[str, Any]

    __slots__ = (
        "id",
        "amount",
        "type_",
        "max_duration",
        "coupon_id",
        "coupon_test_id",
        "description",
        "partners_count",
        "additional_properties",
        "_json",
        "__weakref__",
    )
    __match_args__ = (
        "id",
        "amount",
        "type_",
        "max_duration",
        "coupon_id",
        "coupon_test_id",
        "description",
        "partners_count",
    )
    _fields = (
        "id",
        "amount",
        "type_",
        "max_duration",
        "coupon_id",
        "coupon_test_id",
        "description",
        "partners_count",
        "additional_properties",
    )

    def __init__(
        self,
        id: str,
        amount: float,
        type_: DiscountType,
        max_duration: float | None,
        coupon_id: None | str,
        coupon_test_id: None | str,
        description: None | str = None,
        partners_count: float | None = None,
    ) -> None:
        self.id = id
        self.amount = amount
        self.type_ = type_
        self.max_duration = max_duration
        self.coupon_id = coupon_id
        self.coupon_test_id = coupon_test_id
        self.description = description
        self.partners_count = partners_count
        self.additional_properties = {}

    __repr__ = model_repr
    __eq__ = model_eq
    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable
    __getstate__ = model_getstate
    __setstate__ = model_setstate

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        amount = self.amount

        type_ = self.type_.value

        max_duration: float | None
        max_duration = self.max_duration

        coupon_id: None | str
        coupon_id = self.coupon_id

        coupon_test_id: None | str
        coupon_test_id = self.coupon_test_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        partners_count: float | None | Unset
        if isinstance(self.partners_count, Unset):
            partners_count = UNSET
        else:
            partners_count = self.partners_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "amount": amount,
                "type": type_,
                "maxDuration": max_duration,
                "couponId": coupon_id,
                "couponTestId": coupon_test_id,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if partners_count is not UNSET:
            field_dict["partnersCount"] = partners_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):  # dict('') would be an empty object
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        id = d.pop("id")
        if type(id) is not str:
            raise TypeError("id must be a string")

        amount = d.pop("amount")

        type_ = DiscountType._value2member_map_.get(
            _value := d.pop("type")
        ) or DiscountType(_value)

        max_duration = d.pop("maxDuration")

        coupon_id = d.pop("couponId")

        coupon_test_id = d.pop("couponTestId")

        description = d.pop("description", None)

        partners_count = d.pop("partnersCount", None)

        customer_discount = cls(
            id=id,
            amount=amount,
            type_=type_,
            max_duration=max_duration,
            coupon_id=coupon_id,
            coupon_test_id=coupon_test_id,
            description=description,
            partners_count=partners_count,
        )

        customer_discount.additional_properties = d
        return customer_discount

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

    if not TYPE_CHECKING:
        __getattr__ = read_later(
            {},
            "additional_properties",
            frozenset(
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
            ),
        )

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """from_dict for a dict nobody else holds: the same checks; nested models and
        additional_properties built on first access (see types.read_later)."""
        self = new_instance(cls)
        self._json = d
        id = d["id"]
        if type(id) is not str:
            raise TypeError("id must be a string")
        self.id = id

        amount = d["amount"]
        self.amount = amount

        type_ = DiscountType._value2member_map_.get(
            _value := d["type"]
        ) or DiscountType(_value)

        self.type_ = type_

        max_duration = d["maxDuration"]
        self.max_duration = max_duration

        coupon_id = d["couponId"]
        self.coupon_id = coupon_id

        coupon_test_id = d["couponTestId"]
        self.coupon_test_id = coupon_test_id

        description = d.get("description")
        self.description = description

        partners_count = d.get("partnersCount")
        self.partners_count = partners_count

        return self

    @staticmethod
    def _check(d: dict[str, Any]) -> None:
        """Raises what _from_json would raise for `d`, building nothing."""
        id = d["id"]
        if type(id) is not str:
            raise TypeError("id must be a string")

        amount = d["amount"]

        type_ = DiscountType._value2member_map_.get(
            _value := d["type"]
        ) or DiscountType(_value)

        max_duration = d["maxDuration"]

        coupon_id = d["couponId"]

        coupon_test_id = d["couponTestId"]
