from enum import StrEnum


class CustomersSortBy(StrEnum):
    CREATEDAT = "createdAt"
    FIRSTSALEAT = "firstSaleAt"
    SALEAMOUNT = "saleAmount"
    SUBSCRIPTIONCANCELEDAT = "subscriptionCanceledAt"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "CustomersSortBy | None":
        # dub-client override: a value the server added after this spec was
        # written parses as an extra member instead of raising ValueError.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
