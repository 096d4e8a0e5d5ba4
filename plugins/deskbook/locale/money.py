"""Reading an amount of money the way a manager types it: ``1500``, ``1 500``, ``1,500.50``, ``12 000 kr``,
``€250``, ``250 EUR``.

The manual's locale decides what ``1.500`` means (fifteen hundred in German, one and a half in English);
a currency sign must be the manual's own, while an ISO code may name another currency for one field.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_currency_precision,
    get_currency_symbol,
    is_currency,
    parse_decimal,
)

_AMOUNT = re.compile(r"^(?P<before>[^\d\s.,+-][^\d]*?)?\s*(?P<number>[-+]?\d[\d\s.,'\u00a0\u202f\u2009]*?)\s*"
                     r"(?P<after>[^\d\s.,][^\d]*)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_MACHINE_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


class AmountError(ValueError):
    """An amount that cannot be read; the message says what to write instead."""


def currency_signs(currency: str, locale: Locale) -> set[str]:
    """What may stand for the manual's currency: its code, and its sign as the locale or English writes it."""
    signs = {currency, get_currency_symbol(currency, locale), get_currency_symbol(currency, "en")}
    return {sign.casefold() for sign in signs}


def parse_amount(value: object, currency: str, locale: Locale) -> tuple[Decimal, str]:
    """(amount, currency) from a YAML value; raises AmountError with a hint in the manual's own format."""
    if isinstance(value, bool):
        raise AmountError(f"expected an amount of money, got {str(value).lower()}; write a number like "
                          f"{_example(currency, locale)}")
    if isinstance(value, (int, float, Decimal)):
        source = getattr(value, "source", None)
        if source is None:
            return _checked(_machine(str(value), currency, locale), currency, str(value), locale), currency
        # A YAML number keeps the text as typed: '1.500' is fifteen hundred to a German manager, so it is
        # read in the manual's locale like any other amount, not as the float YAML made of it.
        value = source
    if not isinstance(value, str):
        raise AmountError(f"expected an amount of money like {_example(currency, locale)}")
    written = value.strip()
    match = _AMOUNT.match(written)
    if not match or (match.group("before") and match.group("after")):
        raise AmountError(f"'{written}' is not an amount of money; write a number like {_example(currency, locale)}")
    marker = (match.group("before") or match.group("after") or "").strip()
    amount_currency = _currency_of(marker, currency, locale, written) if marker else currency
    number = _SPACES.sub("", match.group("number"))
    try:
        amount = parse_decimal(number, locale=locale, strict=True)
    except NumberFormatError:
        amount = _machine(number, amount_currency, locale, written)
    return _checked(amount, amount_currency, written, locale), amount_currency


def _currency_of(marker: str, currency: str, locale: Locale, written: str) -> str:
    if marker.casefold() in currency_signs(currency, locale):
        return currency
    if re.fullmatch(r"[A-Z]{3}", marker) and is_currency(marker):
        return marker  # an ISO code names another currency on purpose: this amount keeps it
    raise AmountError(
        f"'{written}': '{marker}' is not the manual's currency ({currency}, set in manual.yaml under locale); "
        f"write the amount without a sign, like {_example(currency, locale)}, or with a currency code such "
        "as USD if it really is in another currency"
    )


def _machine(number: str, currency: str, locale: Locale, written: str | None = None) -> Decimal:
    if _MACHINE_NUMBER.match(number.lstrip("+-")):
        try:
            return Decimal(number)
        except InvalidOperation:
            pass
    raise AmountError(f"'{written or number}' is not an amount of money; write it like "
                      f"{_example(currency, locale)} or {_plain_example(currency, locale)}")


def _checked(amount: Decimal, currency: str, written: str, locale: Locale) -> Decimal:
    if amount < 0:
        raise AmountError(f"'{written}' is negative; amounts here are limits and prices, 0 or more")
    digits = get_currency_precision(currency)
    exponent = amount.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > digits:
        smallest = "whole units" if digits == 0 else f"{digits} decimal places"
        raise AmountError(f"'{written}' is more precise than {currency} allows ({smallest})")
    return amount


def _example(currency: str, locale: Locale) -> str:
    return format_decimal(Decimal("1500"), locale=locale)


def _plain_example(currency: str, locale: Locale) -> str:
    digits = get_currency_precision(currency)
    return format_decimal(Decimal("1234.50") if digits else Decimal("1234"), locale=locale,
                          format="#,##0.00" if digits else "#,##0")
