from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import (
    UNSET,
    Unset,
    fromisoformat,
    model_eq,
    model_getstate,
    model_repr,
    model_setstate,
    naive_datetime,
    new_instance,
    read_later,
)

if TYPE_CHECKING:
    from ..models.customer_discount import CustomerDiscount
    from ..models.customer_link import CustomerLink
    from ..models.customer_partner import CustomerPartner


T = TypeVar("T", bound="Customer")


class Customer:
    """
    Attributes:
        id (str): Dub's id for the customer (`cus_...`, time-sortable). Example: cus_1JC2N9W5Q8Y3D4K6M7P0R1T2V.
        external_id (str): The customer's id in your own system.
        created_at (datetime.datetime):
        name (None | str):
        email (None | str):
        avatar (None | str):
        stripe_customer_id (None | str):
        country (None | str): ISO 3166-1 alpha-2 country code.
        sales (int | None): Number of sales.
        sale_amount (float | None): Total sale amount, in cents.
        first_sale_at (datetime.datetime | None):
        subscription_canceled_at (datetime.datetime | None):
        link (CustomerLink | None): Only with includeExpandedFields; absent when there is none.
        program_id (None | str): Only with includeExpandedFields; absent when there is none.
        partner (CustomerPartner | None): Only with includeExpandedFields; absent when there is none.
        discount (CustomerDiscount | None): Only with includeExpandedFields; absent when there is none.
    """

    id: str
    external_id: str
    created_at: datetime.datetime
    name: None | str
    email: None | str
    avatar: None | str
    stripe_customer_id: None | str
    country: None | str
    sales: int | None
    sale_amount: float | None
    first_sale_at: datetime.datetime | None
    subscription_canceled_at: datetime.datetime | None
    link: CustomerLink | None
    program_id: None | str
    partner: CustomerPartner | None
    discount: CustomerDiscount | None
    additional_properties: dict[str, Any]

    __slots__ = (
        "id",
        "external_id",
        "created_at",
        "name",
        "email",
        "avatar",
        "stripe_customer_id",
        "country",
        "sales",
        "sale_amount",
        "first_sale_at",
        "subscription_canceled_at",
        "link",
        "program_id",
        "partner",
        "discount",
        "additional_properties",
        "_json",
        "__weakref__",
    )
    __match_args__ = (
        "id",
        "external_id",
        "created_at",
        "name",
        "email",
        "avatar",
        "stripe_customer_id",
        "country",
        "sales",
        "sale_amount",
        "first_sale_at",
        "subscription_canceled_at",
        "link",
        "program_id",
        "partner",
        "discount",
    )
    _fields = (
        "id",
        "external_id",
        "created_at",
        "name",
        "email",
        "avatar",
        "stripe_customer_id",
        "country",
        "sales",
        "sale_amount",
        "first_sale_at",
        "subscription_canceled_at",
        "link",
        "program_id",
        "partner",
        "discount",
        "additional_properties",
    )

    def __init__(
        self,
        id: str,
        external_id: str,
        created_at: datetime.datetime,
        name: None | str = None,
        email: None | str = None,
        avatar: None | str = None,
        stripe_customer_id: None | str = None,
        country: None | str = None,
        sales: int | None = None,
        sale_amount: float | None = None,
        first_sale_at: datetime.datetime | None = None,
        subscription_canceled_at: datetime.datetime | None = None,
        link: CustomerLink | None = None,
        program_id: None | str = None,
        partner: CustomerPartner | None = None,
        discount: CustomerDiscount | None = None,
    ) -> None:
        self.id = id
        self.external_id = external_id
        self.created_at = created_at
        self.name = name
        self.email = email
        self.avatar = avatar
        self.stripe_customer_id = stripe_customer_id
        self.country = country
        self.sales = sales
        self.sale_amount = sale_amount
        self.first_sale_at = first_sale_at
        self.subscription_canceled_at = subscription_canceled_at
        self.link = link
        self.program_id = program_id
        self.partner = partner
        self.discount = discount
        self.additional_properties = {}

    __repr__ = model_repr
    __eq__ = model_eq
    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable
    __getstate__ = model_getstate
    __setstate__ = model_setstate

    def to_dict(self) -> dict[str, Any]:

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

        if not isinstance(src_dict, Mapping):  # dict('') would be an empty object
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        id = d.pop("id")
        if type(id) is not str:
            raise TypeError("id must be a string")

        external_id = d.pop("externalId")
        if type(external_id) is not str:
            raise TypeError("externalId must be a string")

        created_at = (
            _moment
            if (_moment := fromisoformat(d.pop("createdAt"))).tzinfo is not None
            else naive_datetime(_moment)
        )

        name = d.pop("name", None)

        email = d.pop("email", None)

        avatar = d.pop("avatar", None)

        stripe_customer_id = d.pop("stripeCustomerId", None)

        country = d.pop("country", None)

        sales = d.pop("sales", None)

        sale_amount = d.pop("saleAmount", None)

        _first_sale_at_raw = d.pop("firstSaleAt", None)
        if _first_sale_at_raw is None:
            first_sale_at = None
        elif isinstance(_first_sale_at_raw, Unset):
            first_sale_at = UNSET
        elif isinstance(_first_sale_at_raw, str):
            first_sale_at_type_0 = (
                _moment
                if (_moment := fromisoformat(_first_sale_at_raw)).tzinfo is not None
                else naive_datetime(_moment)
            )

            first_sale_at = first_sale_at_type_0
        else:
            raise TypeError(
                f"first_sale_at: unexpected {type(_first_sale_at_raw).__name__}"
            )

        _subscription_canceled_at_raw = d.pop("subscriptionCanceledAt", None)
        if _subscription_canceled_at_raw is None:
            subscription_canceled_at = None
        elif isinstance(_subscription_canceled_at_raw, Unset):
            subscription_canceled_at = UNSET
        elif isinstance(_subscription_canceled_at_raw, str):
            subscription_canceled_at_type_0 = (
                _moment
                if (_moment := fromisoformat(_subscription_canceled_at_raw)).tzinfo
                is not None
                else naive_datetime(_moment)
            )

            subscription_canceled_at = subscription_canceled_at_type_0
        else:
            raise TypeError(
                f"subscription_canceled_at: unexpected {type(_subscription_canceled_at_raw).__name__}"
            )

        _link_raw = d.pop("link", None)
        if _link_raw is None:
            link = None
        elif isinstance(_link_raw, Unset):
            link = UNSET
        elif isinstance(_link_raw, dict):
            link_type_1 = CustomerLink.from_dict(_link_raw)

            link = link_type_1
        else:
            raise TypeError(f"link: unexpected {type(_link_raw).__name__}")

        program_id = d.pop("programId", None)

        _partner_raw = d.pop("partner", None)
        if _partner_raw is None:
            partner = None
        elif isinstance(_partner_raw, Unset):
            partner = UNSET
        elif isinstance(_partner_raw, dict):
            partner_type_1 = CustomerPartner.from_dict(_partner_raw)

            partner = partner_type_1
        else:
            raise TypeError(f"partner: unexpected {type(_partner_raw).__name__}")

        _discount_raw = d.pop("discount", None)
        if _discount_raw is None:
            discount = None
        elif isinstance(_discount_raw, Unset):
            discount = UNSET
        elif isinstance(_discount_raw, dict):
            discount_type_1 = CustomerDiscount.from_dict(_discount_raw)

            discount = discount_type_1
        else:
            raise TypeError(f"discount: unexpected {type(_discount_raw).__name__}")

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

    if not TYPE_CHECKING:
        __getattr__ = read_later(
            {
                "link": ("link", None, lambda value: CustomerLink._from_json(value)),
                "partner": (
                    "partner",
                    None,
                    lambda value: CustomerPartner._from_json(value),
                ),
                "discount": (
                    "discount",
                    None,
                    lambda value: CustomerDiscount._from_json(value),
                ),
            },
            "additional_properties",
            frozenset(
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

        external_id = d["externalId"]
        if type(external_id) is not str:
            raise TypeError("externalId must be a string")
        self.external_id = external_id

        created_at = (
            _moment
            if (_moment := fromisoformat(d["createdAt"])).tzinfo is not None
            else naive_datetime(_moment)
        )

        self.created_at = created_at

        name = d.get("name")
        self.name = name

        email = d.get("email")
        self.email = email

        avatar = d.get("avatar")
        self.avatar = avatar

        stripe_customer_id = d.get("stripeCustomerId")
        self.stripe_customer_id = stripe_customer_id

        country = d.get("country")
        self.country = country

        sales = d.get("sales")
        self.sales = sales

        sale_amount = d.get("saleAmount")
        self.sale_amount = sale_amount

        _first_sale_at_raw = d.get("firstSaleAt")
        if _first_sale_at_raw is None:
            first_sale_at = None
        elif isinstance(_first_sale_at_raw, str):
            first_sale_at_type_0 = (
                _moment
                if (_moment := fromisoformat(_first_sale_at_raw)).tzinfo is not None
                else naive_datetime(_moment)
            )

            first_sale_at = first_sale_at_type_0
        else:
            raise TypeError(
                f"first_sale_at: unexpected {type(_first_sale_at_raw).__name__}"
            )

        self.first_sale_at = first_sale_at

        _subscription_canceled_at_raw = d.get("subscriptionCanceledAt")
        if _subscription_canceled_at_raw is None:
            subscription_canceled_at = None
        elif isinstance(_subscription_canceled_at_raw, str):
            subscription_canceled_at_type_0 = (
                _moment
                if (_moment := fromisoformat(_subscription_canceled_at_raw)).tzinfo
                is not None
                else naive_datetime(_moment)
            )

            subscription_canceled_at = subscription_canceled_at_type_0
        else:
            raise TypeError(
                f"subscription_canceled_at: unexpected {type(_subscription_canceled_at_raw).__name__}"
            )

        self.subscription_canceled_at = subscription_canceled_at

        _link_raw = d.get("link")
        if type(_link_raw) is dict:
            CustomerLink._check(_link_raw)
        elif _link_raw is not None:
            raise TypeError(f"link: unexpected {type(_link_raw).__name__}")

        program_id = d.get("programId")
        self.program_id = program_id

        _partner_raw = d.get("partner")
        if type(_partner_raw) is dict:
            CustomerPartner._check(_partner_raw)
        elif _partner_raw is not None:
            raise TypeError(f"partner: unexpected {type(_partner_raw).__name__}")

        _discount_raw = d.get("discount")
        if type(_discount_raw) is dict:
            CustomerDiscount._check(_discount_raw)
        elif _discount_raw is not None:
            raise TypeError(f"discount: unexpected {type(_discount_raw).__name__}")

        return self

    @staticmethod
    def _check(d: dict[str, Any]) -> None:
        """Raises what _from_json would raise for `d`, building nothing."""
        id = d["id"]
        if type(id) is not str:
            raise TypeError("id must be a string")

        external_id = d["externalId"]
        if type(external_id) is not str:
            raise TypeError("externalId must be a string")

        created_at = (
            _moment
            if (_moment := fromisoformat(d["createdAt"])).tzinfo is not None
            else naive_datetime(_moment)
        )

        _first_sale_at_raw = d.get("firstSaleAt")
        if _first_sale_at_raw is None:
            first_sale_at = None
        elif isinstance(_first_sale_at_raw, str):
            first_sale_at_type_0 = (
                _moment
                if (_moment := fromisoformat(_first_sale_at_raw)).tzinfo is not None
                else naive_datetime(_moment)
            )

            first_sale_at = first_sale_at_type_0
        else:
            raise TypeError(
                f"first_sale_at: unexpected {type(_first_sale_at_raw).__name__}"
            )

        _subscription_canceled_at_raw = d.get("subscriptionCanceledAt")
        if _subscription_canceled_at_raw is None:
            subscription_canceled_at = None
        elif isinstance(_subscription_canceled_at_raw, str):
            subscription_canceled_at_type_0 = (
                _moment
                if (_moment := fromisoformat(_subscription_canceled_at_raw)).tzinfo
                is not None
                else naive_datetime(_moment)
            )

            subscription_canceled_at = subscription_canceled_at_type_0
        else:
            raise TypeError(
                f"subscription_canceled_at: unexpected {type(_subscription_canceled_at_raw).__name__}"
            )

        _link_raw = d.get("link")
        if type(_link_raw) is dict:
            CustomerLink._check(_link_raw)
        elif _link_raw is not None:
            raise TypeError(f"link: unexpected {type(_link_raw).__name__}")

        _partner_raw = d.get("partner")
        if type(_partner_raw) is dict:
            CustomerPartner._check(_partner_raw)
        elif _partner_raw is not None:
            raise TypeError(f"partner: unexpected {type(_partner_raw).__name__}")

        _discount_raw = d.get("discount")
        if type(_discount_raw) is dict:
            CustomerDiscount._check(_discount_raw)
        elif _discount_raw is not None:
            raise TypeError(f"discount: unexpected {type(_discount_raw).__name__}")


# Imported after the class so that models referring to each other still load.
from ..models.customer_discount import CustomerDiscount  # noqa: E402
from ..models.customer_link import CustomerLink  # noqa: E402
from ..models.customer_partner import CustomerPartner  # noqa: E402
