from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    new_instance,
    read_later,
)

T = TypeVar("T", bound="ErrorDetail")


@_attrs_define
class ErrorDetail:
    """
    Attributes:
        code (str): Machine-readable code. Open set: besides the one documented per status the server sends e.g.
            exceeded_limit (403) and invite_pending (409). Example: not_found.
        message (str):
        doc_url (None | str): Link to the error's documentation.
    """

    code: str
    message: str
    doc_url: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        doc_url: None | str | Unset
        if isinstance(self.doc_url, Unset):
            doc_url = UNSET
        else:
            doc_url = self.doc_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if doc_url is not UNSET:
            field_dict["doc_url"] = doc_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")
        if type(code) is not str:
            raise TypeError("code must be a string")

        message = d.pop("message")
        if type(message) is not str:
            raise TypeError("message must be a string")

        doc_url = d.pop("doc_url", None)

        error_detail = cls(
            code=code,
            message=message,
            doc_url=doc_url,
        )

        error_detail.additional_properties = d
        return error_detail

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

    @functools.cached_property
    def _json(self) -> dict[str, Any]:
        # Built by __init__, an instance holds every field: nothing is read from here.
        return {}

    if not TYPE_CHECKING:
        __getattr__ = read_later(
            {
                "doc_url": ("doc_url", None, None),
            },
            "additional_properties",
            frozenset(
                {
                    "code",
                    "message",
                    "doc_url",
                }
            ),
        )

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """from_dict for a dict nobody else holds: the same checks, plain fields and
        nested models built on first access (see types.read_later)."""
        self = new_instance(cls)
        self._json = d
        code = d["code"]
        if type(code) is not str:
            raise TypeError("code must be a string")
        self.code = code

        message = d["message"]
        if type(message) is not str:
            raise TypeError("message must be a string")
        self.message = message

        return self

    @staticmethod
    def _check(d: dict[str, Any]) -> None:
        """Raises what _from_json would raise for `d`, building nothing."""
        code = d["code"]
        if type(code) is not str:
            raise TypeError("code must be a string")

        message = d["message"]
        if type(message) is not str:
            raise TypeError("message must be a string")
