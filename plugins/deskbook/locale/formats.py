"""Numbers, money, dates and durations written the way the manual's locale writes them (Babel, CLDR).

Everything here takes plain values (Decimal, date, a count and a unit) so the model can hold typed values
and format them only at the edge, for whichever output asks.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal
from babel.units import format_unit
from pyuca import Collator


def format_money(amount: Decimal, currency: str, locale: Locale) -> str:
    """``1.500 €`` for a whole amount, ``1.234,50 €`` otherwise: a limit of 500 reads as 500, not 500.00."""
    pattern = locale.currency_formats["standard"]
    if amount == amount.to_integral_value():
        pattern = copy.copy(pattern)
        pattern.frac_prec = (0, 0)
        return pattern.apply(amount, locale, currency=currency, currency_digits=False)
    return pattern.apply(amount, locale, currency=currency)


def format_number(value: int | Decimal, locale: Locale) -> str:
    return format_decimal(value, locale=locale)


def format_percent(whole_percent: int | Decimal, locale: Locale) -> str:
    """A percentage given in whole percent (``15`` -> ``15 %`` in German, ``15%`` in English)."""
    pattern = locale.percent_formats[None]
    return pattern.apply(Decimal(whole_percent) / 100, locale)


def format_date(value: dt.date, locale: Locale, length: str = "long") -> str:
    """``1. März 2026``, ``March 1, 2026``, ``1 de marzo de 2026``."""
    return _babel_format_date(value, length, locale=locale)


# Units CLDR names in every language; business hours and working days come from the catalogues instead.
CLDR_DURATION_UNITS = {"second": "duration-second", "minute": "duration-minute", "hour": "duration-hour",
                       "day": "duration-day", "week": "duration-week", "month": "duration-month",
                       "year": "duration-year"}


def format_cldr_duration(count: int | Decimal, unit: str, locale: Locale) -> str:
    """``2 Stunden``, ``1 semana``: a count of a calendar unit in the locale's words."""
    return format_unit(count, CLDR_DURATION_UNITS[unit], length="long", locale=locale)


@cache
def _collator() -> Collator:
    return Collator()


def collation_key(text: str) -> tuple[int, ...]:
    """Where a word sorts in a list a reader scans, by the Unicode Collation Algorithm (pyuca, the default
    table): accents and case after the letter (Apfel, Ärger, eclair, éclair, Zebra), kana in gojūon order,
    Arabic and Hebrew in their alphabets' order. Babel has no collation; the default table has no
    per-language tailoring (Swedish puts å after z), which needs ICU, a system library we do not ask for."""
    return _collator().sort_key(text)
