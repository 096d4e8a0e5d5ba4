"""Reading an amount of money the way a manager types it: ``1500``, ``1 500``, ``1,500.50``, ``12 000 kr``,
``€250``, ``250 EUR``, ``2,500円``, ``٢٥٠ ر.س``, ``1’500 Fr.``.

The manual's locale decides what ``1.500`` means (fifteen hundred in German, one and a half in English);
a currency sign must be the manual's own, while an ISO code may name another currency for one field.
Digits of any script (Arabic-Indic ``٢٥٠``, Devanagari, full-width) count as the digits they are.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_currency_name,
    get_currency_precision,
    get_currency_symbol,
    is_currency,
    parse_decimal,
)

# Group marks a number may carry whatever the locale: spaces, apostrophes (the Swiss 1'500 and 1’500) and the
# Arabic thousands separator U+066C; U+066B is the Arabic decimal separator.
_GROUPS = "\\s\u00a0\u202f\u2009'\u2019\u066c"
_ARABIC_DECIMAL = "\u066b"
_AMOUNT = re.compile(rf"^(?P<before>[^\d\s.,+-][^\d]*?)?\s*(?P<number>[-+]?\d[\d.,{_GROUPS}{_ARABIC_DECIMAL}]*?)\s*"
                     r"(?P<after>[^\d\s.,][^\d]*)?$")
_SPACES = re.compile(rf"[{_GROUPS}]")
# Marks that change how a sign is shown, not what it is: bidi marks (CLDR writes ر.س.\u200f), the
# closing full stop of an abbreviation (Rs., Fr.), gershayim typed as a quotation mark (ש"ח, ש״ח).
_SIGN_DECORATION = re.compile(r"[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069.\s]")
# Signs people type that CLDR (as Babel ships it: no narrow or variant symbols) does not list for the
# currency. Kept to what CLDR lacks; everything else comes from Babel below.
_TYPED_SIGNS = {
    "SAR": ("\ufdfc",),  # U+FDFC RIAL SIGN, the ligature of ريال
    "ILS": ('ש"ח',),  # the Hebrew abbreviation of shekel hadash
    "CHF": ("Fr", "SFr"),  # the Swiss abbreviation of franc
    "INR": ("Rs",),  # rupee as typed in English and Hindi text
}
_MACHINE_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


class AmountError(ValueError):
    """An amount that cannot be read; the message says what to write instead."""


def currency_signs(currency: str, locale: Locale) -> set[str]:
    """What may stand for the manual's currency: its code, its sign as the locale, its language's default
    locale or English writes it, its names in the locale's language (円, 日本円, ريال سعودي), and the typed
    abbreviations CLDR lacks; compared without bidi marks, full stops or spacing."""
    language = Locale(locale.language)
    signs = {currency, get_currency_symbol(currency, locale), get_currency_symbol(currency, language),
             get_currency_symbol(currency, "en"), *_TYPED_SIGNS.get(currency, ())}
    for names in (locale, language):
        # One count per plural category Arabic has (one, two, few, many, other): 円 is Japanese's "other".
        signs.update(get_currency_name(currency, count, names) for count in (None, 1, 2, 3, 11, 100))
    return {_sign_key(sign) for sign in signs}


def _sign_key(sign: str) -> str:
    return _SIGN_DECORATION.sub("", sign).replace("\u05f4", '"').casefold()


def _ascii_digits(text: str) -> str:
    """Digits of any script as ASCII digits (٢٥٠ is 250); the Arabic decimal separator as a full stop."""
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char
                   for char in text).replace(_ARABIC_DECIMAL, ".")


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
    if not number.isascii() or _ARABIC_DECIMAL in number:
        arabic_decimal = _ARABIC_DECIMAL in number
        number = _ascii_digits(number)
        if arabic_decimal:  # the separators of Arabic digits say what they are; no locale needs asking
            return _checked(_machine(number, amount_currency, locale, written), amount_currency, written,
                            locale), amount_currency
    try:
        amount = parse_decimal(number, locale=locale, strict=True)
    except NumberFormatError:
        amount = _machine(number, amount_currency, locale, written)
    return _checked(amount, amount_currency, written, locale), amount_currency


def _currency_of(marker: str, currency: str, locale: Locale, written: str) -> str:
    if _sign_key(marker) in currency_signs(currency, locale):
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


# More digits than any limit or price a desk works with; Babel's formatting (Decimal's 28-digit context)
# fails on longer amounts, so they are refused here, where the message can say so.
MAX_DIGITS = 15


def _checked(amount: Decimal, currency: str, written: str, locale: Locale) -> Decimal:
    if not amount.is_finite():
        raise AmountError(f"'{written}' is not an amount of money; write a number like {_example(currency, locale)}")
    if amount.is_signed():
        raise AmountError(f"'{written}' is negative; amounts here are limits and prices, 0 or more")
    if amount.adjusted() >= MAX_DIGITS:
        raise AmountError(f"'{written}' has more than {MAX_DIGITS} digits; write the amount the desk works with")
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
