from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..types import (
    model_eq,
    model_getstate,
    model_repr,
    model_setstate,
    new_instance,
    read_later,
)

T = TypeVar("T", bound="CustomerPartner")


class CustomerPartner:
    """
    Attributes:
        id (str): `pn_...`
        name (str):
        email (None | str):
        image (None | str):
    """

    id: str
    name: str
    email: None | str
    image: None | str
    additional_properties: dict[str, Any]

    __slots__ = (
        "id",
        "name",
        "email",
        "image",
        "additional_properties",
        "_json",
        "__weakref__",
    )
    __match_args__ = (
        "id",
        "name",
        "email",
        "image",
    )
    _fields = (
        "id",
        "name",
        "email",
        "image",
        "additional_properties",
    )

    def __init__(
        self,
        id: str,
        name: str,
        email: None | str,
        image: None | str,
    ) -> None:
        self.id = id
        self.name = name
        self.email = email
        self.image = image
        self.additional_properties = {}

    __repr__ = model_repr
    __eq__ = model_eq
    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable
    __getstate__ = model_getstate
    __setstate__ = model_setstate

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        email: None | str
        email = self.email

        image: None | str
        image = self.image

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "email": email,
                "image": image,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not isinstance(src_dict, Mapping):  # dict('') would be an empty object
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        id = d.pop("id")
        if type(id) is not str:
            raise TypeError("id must be a string")

        name = d.pop("name")
        if type(name) is not str:
            raise TypeError("name must be a string")

        email = d.pop("email")

        image = d.pop("image")

        customer_partner = cls(
            id=id,
            name=name,
            email=email,
            image=image,
        )

        customer_partner.additional_properties = d
        return customer_partner

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
                    "name",
                    "email",
                    "image",
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

        name = d["name"]
        if type(name) is not str:
            raise TypeError("name must be a string")
        self.name = name

        email = d["email"]
        self.email = email

        image = d["image"]
        self.image = image

        return self

    @staticmethod
    def _check(d: dict[str, Any]) -> None:
        """Raises what _from_json would raise for `d`, building nothing."""
        id = d["id"]
        if type(id) is not str:
            raise TypeError("id must be a string")

        name = d["name"]
        if type(name) is not str:
            raise TypeError("name must be a string")

        email = d["email"]

        image = d["image"]
