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

T = TypeVar("T", bound="CustomerLink")


class CustomerLink:
    """
    Attributes:
        id (str): `link_...`
        domain (str):
        key (str):
        short_link (str):
        url (str): The destination URL. Not always a URI: Dub allows links with an empty destination since July 2026.
        program_id (None | str):
    """

    id: str
    domain: str
    key: str
    short_link: str
    url: str
    program_id: None | str
    additional_properties: dict[str, Any]

    __slots__ = (
        "id",
        "domain",
        "key",
        "short_link",
        "url",
        "program_id",
        "additional_properties",
        "_json",
        "__weakref__",
    )
    __match_args__ = (
        "id",
        "domain",
        "key",
        "short_link",
        "url",
        "program_id",
    )
    _fields = (
        "id",
        "domain",
        "key",
        "short_link",
        "url",
        "program_id",
        "additional_properties",
    )

    def __init__(
        self,
        id: str,
        domain: str,
        key: str,
        short_link: str,
        url: str,
        program_id: None | str,
    ) -> None:
        self.id = id
        self.domain = domain
        self.key = key
        self.short_link = short_link
        self.url = url
        self.program_id = program_id
        self.additional_properties = {}

    __repr__ = model_repr
    __eq__ = model_eq
    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable
    __getstate__ = model_getstate
    __setstate__ = model_setstate

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        domain = self.domain

        key = self.key

        short_link = self.short_link

        url = self.url

        program_id: None | str
        program_id = self.program_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "domain": domain,
                "key": key,
                "shortLink": short_link,
                "url": url,
                "programId": program_id,
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

        domain = d.pop("domain")
        if type(domain) is not str:
            raise TypeError("domain must be a string")

        key = d.pop("key")
        if type(key) is not str:
            raise TypeError("key must be a string")

        short_link = d.pop("shortLink")
        if type(short_link) is not str:
            raise TypeError("shortLink must be a string")

        url = d.pop("url")
        if type(url) is not str:
            raise TypeError("url must be a string")

        program_id = d.pop("programId")

        customer_link = cls(
            id=id,
            domain=domain,
            key=key,
            short_link=short_link,
            url=url,
            program_id=program_id,
        )

        customer_link.additional_properties = d
        return customer_link

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
                    "domain",
                    "key",
                    "shortLink",
                    "url",
                    "programId",
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

        domain = d["domain"]
        if type(domain) is not str:
            raise TypeError("domain must be a string")
        self.domain = domain

        key = d["key"]
        if type(key) is not str:
            raise TypeError("key must be a string")
        self.key = key

        short_link = d["shortLink"]
        if type(short_link) is not str:
            raise TypeError("shortLink must be a string")
        self.short_link = short_link

        url = d["url"]
        if type(url) is not str:
            raise TypeError("url must be a string")
        self.url = url

        program_id = d["programId"]
        self.program_id = program_id

        return self

    @staticmethod
    def _check(d: dict[str, Any]) -> None:
        """Raises what _from_json would raise for `d`, building nothing."""
        id = d["id"]
        if type(id) is not str:
            raise TypeError("id must be a string")

        domain = d["domain"]
        if type(domain) is not str:
            raise TypeError("domain must be a string")

        key = d["key"]
        if type(key) is not str:
            raise TypeError("key must be a string")

        short_link = d["shortLink"]
        if type(short_link) is not str:
            raise TypeError("shortLink must be a string")

        url = d["url"]
        if type(url) is not str:
            raise TypeError("url must be a string")

        program_id = d["programId"]
