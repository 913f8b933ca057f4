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

T = TypeVar("T", bound="ErrorDetail")


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
    doc_url: None | str
    additional_properties: dict[str, Any]

    __slots__ = (
        "code",
        "message",
        "doc_url",
        "additional_properties",
        "_json",
        "__weakref__",
    )
    __match_args__ = (
        "code",
        "message",
        "doc_url",
    )
    _fields = (
        "code",
        "message",
        "doc_url",
        "additional_properties",
    )

    def __init__(
        self,
        code: str,
        message: str,
        doc_url: None | str = None,
    ) -> None:
        self.code = code
        self.message = message
        self.doc_url = doc_url
        self.additional_properties = {}

    __repr__ = model_repr
    __eq__ = model_eq
    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable
    __getstate__ = model_getstate
    __setstate__ = model_setstate

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
        if not isinstance(src_dict, Mapping):  # dict('') would be an empty object
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
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

    if not TYPE_CHECKING:
        __getattr__ = read_later(
            {},
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
        """from_dict for a dict nobody else holds: the same checks; nested models and
        additional_properties built on first access (see types.read_later)."""
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

        doc_url = d.get("doc_url")
        self.doc_url = doc_url

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
