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

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail


T = TypeVar("T", bound="ErrorResponse")


class ErrorResponse:
    """
    Attributes:
        error (ErrorDetail):
    """

    error: ErrorDetail
    additional_properties: dict[str, Any]

    __slots__ = ("error", "additional_properties", "_json", "__weakref__")
    __match_args__ = ("error",)
    _fields = (
        "error",
        "additional_properties",
    )

    def __init__(
        self,
        error: ErrorDetail,
    ) -> None:
        self.error = error
        self.additional_properties = {}

    __repr__ = model_repr
    __eq__ = model_eq
    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable
    __getstate__ = model_getstate
    __setstate__ = model_setstate

    def to_dict(self) -> dict[str, Any]:

        error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:

        if not isinstance(src_dict, Mapping):  # dict('') would be an empty object
            raise TypeError(f"expected a JSON object, got {type(src_dict).__name__}")
        d = dict(src_dict)
        error = ErrorDetail.from_dict(d.pop("error"))

        error_response = cls(
            error=error,
        )

        error_response.additional_properties = d
        return error_response

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
                "error": ("error", None, lambda value: ErrorDetail._from_json(value)),
            },
            "additional_properties",
            frozenset(
                {
                    "error",
                }
            ),
        )

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """from_dict for a dict nobody else holds: the same checks; nested models and
        additional_properties built on first access (see types.read_later)."""
        self = new_instance(cls)
        self._json = d
        _error_raw = d["error"]
        if type(_error_raw) is dict:
            ErrorDetail._check(_error_raw)
        else:
            raise TypeError(f"error: unexpected {type(_error_raw).__name__}")

        return self

    @staticmethod
    def _check(d: dict[str, Any]) -> None:
        """Raises what _from_json would raise for `d`, building nothing."""
        _error_raw = d["error"]
        if type(_error_raw) is dict:
            ErrorDetail._check(_error_raw)
        else:
            raise TypeError(f"error: unexpected {type(_error_raw).__name__}")


# Imported after the class so that models referring to each other still load.
from ..models.error_detail import ErrorDetail  # noqa: E402
