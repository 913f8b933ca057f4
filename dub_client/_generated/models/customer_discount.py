from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.discount_type import DiscountType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerDiscount")


@_attrs_define
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
    description: None | str = None
    partners_count: float | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        d = dict(src_dict)
        id = d.pop("id")
        if type(id) is not str:
            raise TypeError("id must be a string")

        amount = d.pop("amount")

        type_ = DiscountType(d.pop("type"))

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
