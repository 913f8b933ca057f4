from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types as _types


@_attrs_define
class Customer:
    """A model of the API's answers: an absent field reads as None.

    Attributes:
        id (str): Dub's id for the customer (`cus_...`, time-sortable).
        external_id (str): The customer's id in your own system.
        created_at (datetime.datetime):
        name (str | None, optional):
        email (str | None, optional):
        avatar (str | None, optional):
        stripe_customer_id (str | None, optional):
        country (str | None, optional): ISO 3166-1 alpha-2 country code.
        sales (int | None, optional): Number of sales.
        sale_amount (float | None, optional): Total sale amount, in cents.
        first_sale_at (datetime.datetime | None, optional):
        subscription_canceled_at (datetime.datetime | None, optional):
        link (CustomerLink | None, optional): Only with includeExpandedFields; absent when there is none.
        program_id (str | None, optional): Only with includeExpandedFields; absent when there is none.
        partner (CustomerPartner | None, optional): Only with includeExpandedFields; absent when there is none.
        discount (CustomerDiscount | None, optional): Only with includeExpandedFields; absent when there is none.
    """

    id: str
    external_id: str
    created_at: datetime.datetime
    name: str | None = None
    email: str | None = None
    avatar: str | None = None
    stripe_customer_id: str | None = None
    country: str | None = None
    sales: int | None = None
    sale_amount: float | None = None
    first_sale_at: datetime.datetime | None = None
    subscription_canceled_at: datetime.datetime | None = None
    link: CustomerLink | None = None
    program_id: str | None = None
    partner: CustomerPartner | None = None
    discount: CustomerDiscount | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of this model (what is sent, or what was received)."""
        _out: dict[str, Any] = dict(self.additional_properties)
        _out["id"] = self.id
        _out["externalId"] = self.external_id
        _out["createdAt"] = (
            self.created_at.isoformat()
            if isinstance(self.created_at, datetime.datetime)
            else self.created_at
        )
        _out["name"] = self.name
        _out["email"] = self.email
        _out["avatar"] = self.avatar
        _out["stripeCustomerId"] = self.stripe_customer_id
        _out["country"] = self.country
        _out["sales"] = self.sales
        _out["saleAmount"] = self.sale_amount
        _out["firstSaleAt"] = (
            self.first_sale_at.isoformat()
            if isinstance(self.first_sale_at, datetime.datetime)
            else self.first_sale_at
        )
        _out["subscriptionCanceledAt"] = (
            self.subscription_canceled_at.isoformat()
            if isinstance(self.subscription_canceled_at, datetime.datetime)
            else self.subscription_canceled_at
        )
        _out["link"] = (
            self.link.to_dict() if isinstance(self.link, CustomerLink) else self.link
        )
        _out["programId"] = self.program_id
        _out["partner"] = (
            self.partner.to_dict()
            if isinstance(self.partner, CustomerPartner)
            else self.partner
        )
        _out["discount"] = (
            self.discount.to_dict()
            if isinstance(self.discount, CustomerDiscount)
            else self.discount
        )
        return _out

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """A ``Customer`` from its JSON object; ``src_dict`` is read, not changed.

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
            external_id = _d["externalId"]
            if type(external_id) is not str:
                raise _types.expected("a string", external_id)
        except Exception as _exc:
            raise _types.field_error(cls, "externalId", _exc, _d) from None
        try:
            created_at = _d["createdAt"]
            created_at = (
                _moment
                if (_moment := _types.fromisoformat(created_at)).tzinfo is not None
                else _types.naive_datetime(_moment)
            )

        except Exception as _exc:
            raise _types.field_error(cls, "createdAt", _exc, _d) from None
        try:
            name = _d.get("name", _ABSENT)
            if type(name) is not str:
                if name is _ABSENT:
                    name = None
                    _absent += 1
                elif name is not None:
                    raise _types.expected("a string", name)
        except Exception as _exc:
            raise _types.field_error(cls, "name", _exc, _d) from None
        try:
            email = _d.get("email", _ABSENT)
            if type(email) is not str:
                if email is _ABSENT:
                    email = None
                    _absent += 1
                elif email is not None:
                    raise _types.expected("a string", email)
        except Exception as _exc:
            raise _types.field_error(cls, "email", _exc, _d) from None
        try:
            avatar = _d.get("avatar", _ABSENT)
            if type(avatar) is not str:
                if avatar is _ABSENT:
                    avatar = None
                    _absent += 1
                elif avatar is not None:
                    raise _types.expected("a string", avatar)
        except Exception as _exc:
            raise _types.field_error(cls, "avatar", _exc, _d) from None
        try:
            stripe_customer_id = _d.get("stripeCustomerId", _ABSENT)
            if type(stripe_customer_id) is not str:
                if stripe_customer_id is _ABSENT:
                    stripe_customer_id = None
                    _absent += 1
                elif stripe_customer_id is not None:
                    raise _types.expected("a string", stripe_customer_id)
        except Exception as _exc:
            raise _types.field_error(cls, "stripeCustomerId", _exc, _d) from None
        try:
            country = _d.get("country", _ABSENT)
            if type(country) is not str:
                if country is _ABSENT:
                    country = None
                    _absent += 1
                elif country is not None:
                    raise _types.expected("a string", country)
        except Exception as _exc:
            raise _types.field_error(cls, "country", _exc, _d) from None
        try:
            sales = _d.get("sales", _ABSENT)
            if type(sales) is not int:
                if sales is _ABSENT:
                    sales = None
                    _absent += 1
                elif sales is not None:
                    raise _types.expected("an integer", sales)
        except Exception as _exc:
            raise _types.field_error(cls, "sales", _exc, _d) from None
        try:
            sale_amount = _d.get("saleAmount", _ABSENT)
            if type(sale_amount) is not float and type(sale_amount) is not int:
                if sale_amount is _ABSENT:
                    sale_amount = None
                    _absent += 1
                elif sale_amount is not None:
                    raise _types.expected("a number", sale_amount)
        except Exception as _exc:
            raise _types.field_error(cls, "saleAmount", _exc, _d) from None
        try:
            first_sale_at = _d.get("firstSaleAt", _ABSENT)
            if first_sale_at is _ABSENT:
                first_sale_at = None
                _absent += 1
            elif first_sale_at is not None:
                first_sale_at = (
                    _moment
                    if (_moment := _types.fromisoformat(first_sale_at)).tzinfo
                    is not None
                    else _types.naive_datetime(_moment)
                )

        except Exception as _exc:
            raise _types.field_error(cls, "firstSaleAt", _exc, _d) from None
        try:
            subscription_canceled_at = _d.get("subscriptionCanceledAt", _ABSENT)
            if subscription_canceled_at is _ABSENT:
                subscription_canceled_at = None
                _absent += 1
            elif subscription_canceled_at is not None:
                subscription_canceled_at = (
                    _moment
                    if (
                        _moment := _types.fromisoformat(subscription_canceled_at)
                    ).tzinfo
                    is not None
                    else _types.naive_datetime(_moment)
                )

        except Exception as _exc:
            raise _types.field_error(cls, "subscriptionCanceledAt", _exc, _d) from None
        try:
            link = _d.get("link", _ABSENT)
            if link is _ABSENT:
                link = None
                _absent += 1
            elif link is not None:
                link = CustomerLink.from_dict(link)

        except Exception as _exc:
            raise _types.field_error(cls, "link", _exc, _d) from None
        try:
            program_id = _d.get("programId", _ABSENT)
            if type(program_id) is not str:
                if program_id is _ABSENT:
                    program_id = None
                    _absent += 1
                elif program_id is not None:
                    raise _types.expected("a string", program_id)
        except Exception as _exc:
            raise _types.field_error(cls, "programId", _exc, _d) from None
        try:
            partner = _d.get("partner", _ABSENT)
            if partner is _ABSENT:
                partner = None
                _absent += 1
            elif partner is not None:
                partner = CustomerPartner.from_dict(partner)

        except Exception as _exc:
            raise _types.field_error(cls, "partner", _exc, _d) from None
        try:
            discount = _d.get("discount", _ABSENT)
            if discount is _ABSENT:
                discount = None
                _absent += 1
            elif discount is not None:
                discount = CustomerDiscount.from_dict(discount)

        except Exception as _exc:
            raise _types.field_error(cls, "discount", _exc, _d) from None
        _model = cls(
            id,
            external_id,
            created_at,
            name,
            email,
            avatar,
            stripe_customer_id,
            country,
            sales,
            sale_amount,
            first_sale_at,
            subscription_canceled_at,
            link,
            program_id,
            partner,
            discount,
        )
        # usually false: every key of _d is a field's (16 fields, less the absent ones)
        if len(_d) > 16 - _absent:
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
        "externalId",
        "createdAt",
        "name",
        "email",
        "avatar",
        "stripeCustomerId",
        "country",
        "sales",
        "saleAmount",
        "firstSaleAt",
        "subscriptionCanceledAt",
        "link",
        "programId",
        "partner",
        "discount",
    }
)
#: what _d.get answers for a key that is not there (None may be a value)
_ABSENT: Any = object()

# Imported after the class, so that models that refer to each other still load.
from .customer_discount import CustomerDiscount  # noqa: E402
from .customer_link import CustomerLink  # noqa: E402
from .customer_partner import CustomerPartner  # noqa: E402
