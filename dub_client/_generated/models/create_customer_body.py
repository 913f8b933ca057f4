from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

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

T = TypeVar("T", bound="CreateCustomerBody")


class CreateCustomerBody:
    """
    Attributes:
        external_id (str):
        country (str): ISO 3166-1 alpha-2. Required by the live server (not by older docs).
        email (None | str | Unset):
        name (None | str | Unset):
        avatar (None | str | Unset):
        stripe_customer_id (None | str | Unset):
    """

    external_id: str
    country: str
    email: None | str | Unset
    name: None | str | Unset
    avatar: None | str | Unset
    stripe_customer_id: None | str | Unset
    additional_properties: dict[str, Any]

    __slots__ = (
        "external_id",
        "country",
        "email",
        "name",
        "avatar",
        "stripe_customer_id",
        "additional_properties",
        "_json",
        "__weakref__",
    )
    __match_args__ = (
        "external_id",
        "country",
        "email",
        "name",
        "avatar",
        "stripe_customer_id",
    )
    _fields = (
        "external_id",
        "country",
        "email",
        "name",
        "avatar",
        "stripe_customer_id",
        "additional_properties",
    )

    def __init__(
        self,
        external_id: str,
        country: str,
        email: None | str | Unset = UNSET,
        name: None | str | Unset = UNSET,
        avatar: None | str | Unset = UNSET,
        stripe_customer_id: None | str | Unset = UNSET,
    ) -> None:
        self.external_id = external_id
        self.country = country
        self.email = email
        self.name = name
        self.avatar = avatar
        self.stripe_customer_id = stripe_customer_id
        self.additional_properties = {}

    __repr__ = model_repr
    __eq__ = model_eq
    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable
    __getstate__ = model_getstate
    __setstate__ = model_setstate

    def to_dict(self) -> dict[str, Any]:
        external_id = self.external_id

        country = self.country

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

        stripe_customer_id: None | str | Unset
        if isinstance(self.stripe_customer_id, Unset):
            stripe_customer_id = UNSET
        else:
            stripe_customer_id = self.stripe_customer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "externalId": external_id,
                "country": country,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if name is not UNSET:
            field_dict["name"] = name
        if avatar is not UNSET:
            field_dict["avatar"] = avatar
        if stripe_customer_id is not UNSET:
            field_dict["stripeCustomerId"] = stripe_customer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):  # dict('') would be an empty object
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        external_id = d.pop("externalId")

        country = d.pop("country")

        email = d.pop("email", UNSET)

        name = d.pop("name", UNSET)

        avatar = d.pop("avatar", UNSET)

        stripe_customer_id = d.pop("stripeCustomerId", UNSET)

        create_customer_body = cls(
            external_id=external_id,
            country=country,
            email=email,
            name=name,
            avatar=avatar,
            stripe_customer_id=stripe_customer_id,
        )

        create_customer_body.additional_properties = d
        return create_customer_body

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
                    "externalId",
                    "country",
                    "email",
                    "name",
                    "avatar",
                    "stripeCustomerId",
                }
            ),
        )

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """from_dict for a dict nobody else holds: the same checks; nested models and
        additional_properties built on first access (see types.read_later)."""
        self = new_instance(cls)
        self._json = d
        external_id = d["externalId"]
        self.external_id = external_id

        country = d["country"]
        self.country = country

        email = d.get("email", UNSET)
        self.email = email

        name = d.get("name", UNSET)
        self.name = name

        avatar = d.get("avatar", UNSET)
        self.avatar = avatar

        stripe_customer_id = d.get("stripeCustomerId", UNSET)
        self.stripe_customer_id = stripe_customer_id

        return self

    @staticmethod
    def _check(d: dict[str, Any]) -> None:
        """Raises what _from_json would raise for `d`, building nothing."""
        external_id = d["externalId"]

        country = d["country"]
