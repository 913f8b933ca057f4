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

T = TypeVar("T", bound="UpdateCustomerBody")


class UpdateCustomerBody:
    """Every field is optional; only the fields sent change. null clears a nullable field.

    Attributes:
        email (None | str | Unset):
        name (None | str | Unset):
        avatar (None | str | Unset):
        external_id (str | Unset):
        stripe_customer_id (None | str | Unset):
        country (str | Unset): Accepted, currently not stored by the server.
        subscription_canceled_at (datetime.datetime | None | Unset): Not in Dub's published API document; the live
            server's update handler ignores it.
    """

    email: None | str | Unset
    name: None | str | Unset
    avatar: None | str | Unset
    external_id: str | Unset
    stripe_customer_id: None | str | Unset
    country: str | Unset
    subscription_canceled_at: datetime.datetime | None | Unset
    additional_properties: dict[str, Any]

    __slots__ = (
        "email",
        "name",
        "avatar",
        "external_id",
        "stripe_customer_id",
        "country",
        "subscription_canceled_at",
        "additional_properties",
        "_json",
        "__weakref__",
    )
    __match_args__ = (
        "email",
        "name",
        "avatar",
        "external_id",
        "stripe_customer_id",
        "country",
        "subscription_canceled_at",
    )
    _fields = (
        "email",
        "name",
        "avatar",
        "external_id",
        "stripe_customer_id",
        "country",
        "subscription_canceled_at",
        "additional_properties",
    )

    def __init__(
        self,
        email: None | str | Unset = UNSET,
        name: None | str | Unset = UNSET,
        avatar: None | str | Unset = UNSET,
        external_id: str | Unset = UNSET,
        stripe_customer_id: None | str | Unset = UNSET,
        country: str | Unset = UNSET,
        subscription_canceled_at: datetime.datetime | None | Unset = UNSET,
    ) -> None:
        self.email = email
        self.name = name
        self.avatar = avatar
        self.external_id = external_id
        self.stripe_customer_id = stripe_customer_id
        self.country = country
        self.subscription_canceled_at = subscription_canceled_at
        self.additional_properties = {}

    __repr__ = model_repr
    __eq__ = model_eq
    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable
    __getstate__ = model_getstate
    __setstate__ = model_setstate

    def to_dict(self) -> dict[str, Any]:
        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        avatar: None | str | Unset
        if isinstance(self.avatar, Unset):
            avatar = UNSET
        else:
            avatar = self.avatar

        external_id = self.external_id

        stripe_customer_id: None | str | Unset
        if isinstance(self.stripe_customer_id, Unset):
            stripe_customer_id = UNSET
        else:
            stripe_customer_id = self.stripe_customer_id

        country = self.country

        subscription_canceled_at: None | str | Unset
        if isinstance(self.subscription_canceled_at, Unset):
            subscription_canceled_at = UNSET
        elif isinstance(self.subscription_canceled_at, datetime.datetime):
            subscription_canceled_at = self.subscription_canceled_at.isoformat()

        else:
            subscription_canceled_at = self.subscription_canceled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if name is not UNSET:
            field_dict["name"] = name
        if avatar is not UNSET:
            field_dict["avatar"] = avatar
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if stripe_customer_id is not UNSET:
            field_dict["stripeCustomerId"] = stripe_customer_id
        if country is not UNSET:
            field_dict["country"] = country
        if subscription_canceled_at is not UNSET:
            field_dict["subscriptionCanceledAt"] = subscription_canceled_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):  # dict('') would be an empty object
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        name = d.pop("name", UNSET)

        avatar = d.pop("avatar", UNSET)

        external_id = d.pop("externalId", UNSET)

        stripe_customer_id = d.pop("stripeCustomerId", UNSET)

        country = d.pop("country", UNSET)

        _subscription_canceled_at_raw = d.pop("subscriptionCanceledAt", UNSET)
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

        update_customer_body = cls(
            email=email,
            name=name,
            avatar=avatar,
            external_id=external_id,
            stripe_customer_id=stripe_customer_id,
            country=country,
            subscription_canceled_at=subscription_canceled_at,
        )

        update_customer_body.additional_properties = d
        return update_customer_body

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
                    "email",
                    "name",
                    "avatar",
                    "externalId",
                    "stripeCustomerId",
                    "country",
                    "subscriptionCanceledAt",
                }
            ),
        )

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """from_dict for a dict nobody else holds: the same checks; nested models and
        additional_properties built on first access (see types.read_later)."""
        self = new_instance(cls)
        self._json = d
        if type(d) is not dict:
            raise TypeError(f"expected a JSON object, got {type(d).__name__}")
        email = d.get("email", UNSET)
        self.email = email

        name = d.get("name", UNSET)
        self.name = name

        avatar = d.get("avatar", UNSET)
        self.avatar = avatar

        external_id = d.get("externalId", UNSET)
        self.external_id = external_id

        stripe_customer_id = d.get("stripeCustomerId", UNSET)
        self.stripe_customer_id = stripe_customer_id

        country = d.get("country", UNSET)
        self.country = country

        _subscription_canceled_at_raw = d.get("subscriptionCanceledAt", UNSET)
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

        self.subscription_canceled_at = subscription_canceled_at

        return self

    @staticmethod
    def _check(d: dict[str, Any]) -> None:
        """Raises what _from_json would raise for `d`, building nothing."""
        if type(d) is not dict:
            raise TypeError(f"expected a JSON object, got {type(d).__name__}")

        _subscription_canceled_at_raw = d.get("subscriptionCanceledAt", UNSET)
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
