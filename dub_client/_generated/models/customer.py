from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_discount import CustomerDiscount
    from ..models.customer_link import CustomerLink
    from ..models.customer_partner import CustomerPartner


T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """
    Attributes:
        id (str): Dub's id for the customer (`cus_...`, time-sortable). Example: cus_1JC2N9W5Q8Y3D4K6M7P0R1T2V.
        external_id (str): The customer's id in your own system.
        created_at (datetime.datetime):
        name (None | str | Unset):
        email (None | str | Unset):
        avatar (None | str | Unset):
        stripe_customer_id (None | str | Unset):
        country (None | str | Unset): ISO 3166-1 alpha-2 country code.
        sales (int | None | Unset): Number of sales.
        sale_amount (float | None | Unset): Total sale amount, in cents.
        first_sale_at (datetime.datetime | None | Unset):
        subscription_canceled_at (datetime.datetime | None | Unset):
        link (CustomerLink | None | Unset): Only with includeExpandedFields; absent when there is none.
        program_id (None | str | Unset): Only with includeExpandedFields; absent when there is none.
        partner (CustomerPartner | None | Unset): Only with includeExpandedFields; absent when there is none.
        discount (CustomerDiscount | None | Unset): Only with includeExpandedFields; absent when there is none.
    """

    id: str
    external_id: str
    created_at: datetime.datetime
    name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    avatar: None | str | Unset = UNSET
    stripe_customer_id: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    sales: int | None | Unset = UNSET
    sale_amount: float | None | Unset = UNSET
    first_sale_at: datetime.datetime | None | Unset = UNSET
    subscription_canceled_at: datetime.datetime | None | Unset = UNSET
    link: CustomerLink | None | Unset = UNSET
    program_id: None | str | Unset = UNSET
    partner: CustomerPartner | None | Unset = UNSET
    discount: CustomerDiscount | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_discount import CustomerDiscount  # noqa: PLC0415
        from ..models.customer_link import CustomerLink  # noqa: PLC0415
        from ..models.customer_partner import CustomerPartner  # noqa: PLC0415

        id = self.id

        external_id = self.external_id

        created_at = self.created_at.isoformat()

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        avatar: None | str | Unset
        if isinstance(self.avatar, Unset):
            avatar = UNSET
        else:
            avatar = self.avatar

        stripe_customer_id: None | str | Unset
        if isinstance(self.stripe_customer_id, Unset):
            stripe_customer_id = UNSET
        else:
            stripe_customer_id = self.stripe_customer_id

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        sales: int | None | Unset
        if isinstance(self.sales, Unset):
            sales = UNSET
        else:
            sales = self.sales

        sale_amount: float | None | Unset
        if isinstance(self.sale_amount, Unset):
            sale_amount = UNSET
        else:
            sale_amount = self.sale_amount

        first_sale_at: None | str | Unset
        if isinstance(self.first_sale_at, Unset):
            first_sale_at = UNSET
        elif isinstance(self.first_sale_at, datetime.datetime):
            first_sale_at = self.first_sale_at.isoformat()
        else:
            first_sale_at = self.first_sale_at

        subscription_canceled_at: None | str | Unset
        if isinstance(self.subscription_canceled_at, Unset):
            subscription_canceled_at = UNSET
        elif isinstance(self.subscription_canceled_at, datetime.datetime):
            subscription_canceled_at = self.subscription_canceled_at.isoformat()
        else:
            subscription_canceled_at = self.subscription_canceled_at

        link: dict[str, Any] | None | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        elif isinstance(self.link, CustomerLink):
            link = self.link.to_dict()
        else:
            link = self.link

        program_id: None | str | Unset
        if isinstance(self.program_id, Unset):
            program_id = UNSET
        else:
            program_id = self.program_id

        partner: dict[str, Any] | None | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        elif isinstance(self.partner, CustomerPartner):
            partner = self.partner.to_dict()
        else:
            partner = self.partner

        discount: dict[str, Any] | None | Unset
        if isinstance(self.discount, Unset):
            discount = UNSET
        elif isinstance(self.discount, CustomerDiscount):
            discount = self.discount.to_dict()
        else:
            discount = self.discount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "externalId": external_id,
                "createdAt": created_at,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if avatar is not UNSET:
            field_dict["avatar"] = avatar
        if stripe_customer_id is not UNSET:
            field_dict["stripeCustomerId"] = stripe_customer_id
        if country is not UNSET:
            field_dict["country"] = country
        if sales is not UNSET:
            field_dict["sales"] = sales
        if sale_amount is not UNSET:
            field_dict["saleAmount"] = sale_amount
        if first_sale_at is not UNSET:
            field_dict["firstSaleAt"] = first_sale_at
        if subscription_canceled_at is not UNSET:
            field_dict["subscriptionCanceledAt"] = subscription_canceled_at
        if link is not UNSET:
            field_dict["link"] = link
        if program_id is not UNSET:
            field_dict["programId"] = program_id
        if partner is not UNSET:
            field_dict["partner"] = partner
        if discount is not UNSET:
            field_dict["discount"] = discount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_discount import CustomerDiscount  # noqa: PLC0415
        from ..models.customer_link import CustomerLink  # noqa: PLC0415
        from ..models.customer_partner import CustomerPartner  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        external_id = d.pop("externalId")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_avatar(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        avatar = _parse_avatar(d.pop("avatar", UNSET))

        def _parse_stripe_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stripe_customer_id = _parse_stripe_customer_id(d.pop("stripeCustomerId", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_sales(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sales = _parse_sales(d.pop("sales", UNSET))

        def _parse_sale_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        sale_amount = _parse_sale_amount(d.pop("saleAmount", UNSET))

        def _parse_first_sale_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_sale_at_type_0 = datetime.datetime.fromisoformat(data)

                return first_sale_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        first_sale_at = _parse_first_sale_at(d.pop("firstSaleAt", UNSET))

        def _parse_subscription_canceled_at(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subscription_canceled_at_type_0 = datetime.datetime.fromisoformat(data)

                return subscription_canceled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        subscription_canceled_at = _parse_subscription_canceled_at(
            d.pop("subscriptionCanceledAt", UNSET)
        )

        def _parse_link(data: object) -> CustomerLink | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                link_type_1 = CustomerLink.from_dict(data)

                return link_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerLink | None | Unset, data)

        link = _parse_link(d.pop("link", UNSET))

        def _parse_program_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        program_id = _parse_program_id(d.pop("programId", UNSET))

        def _parse_partner(data: object) -> CustomerPartner | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                partner_type_1 = CustomerPartner.from_dict(data)

                return partner_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerPartner | None | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        def _parse_discount(data: object) -> CustomerDiscount | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                discount_type_1 = CustomerDiscount.from_dict(data)

                return discount_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerDiscount | None | Unset, data)

        discount = _parse_discount(d.pop("discount", UNSET))

        customer = cls(
            id=id,
            external_id=external_id,
            created_at=created_at,
            name=name,
            email=email,
            avatar=avatar,
            stripe_customer_id=stripe_customer_id,
            country=country,
            sales=sales,
            sale_amount=sale_amount,
            first_sale_at=first_sale_at,
            subscription_canceled_at=subscription_canceled_at,
            link=link,
            program_id=program_id,
            partner=partner,
            discount=discount,
        )

        customer.additional_properties = d
        return customer

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
