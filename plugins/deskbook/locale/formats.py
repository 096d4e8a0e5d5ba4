"""Numbers, money, dates and durations written the way the manual's locale writes them (Babel, CLDR).

Everything here takes plain values (Decimal, date, a count and a unit) so the model can hold typed values
and format them only at the edge, for whichever output asks.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
import unicodedata
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Literal

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal
from babel.units import format_unit

if TYPE_CHECKING:
    from pyuca import Collator

# Every function below takes the CLDR numbering system the manual writes numbers in (``latn``, ``arab``,
# ...). Babel's number functions take it for the system's marks (the decimal ``٫`` and group ``٬`` of
# ``arab``) but still write ASCII digits, and its date functions know no numbering system: each result
# passes through ``in_digits`` to be written in the system's own digits.
LATIN = "latn"
UnitLength = Literal["short", "long", "narrow"]
LATIN_DIGITS = "0123456789"


def format_money(amount: Decimal, currency: str, locale: Locale, numbering: str = LATIN) -> str:
    """``1.500 €`` for a whole amount, ``1.234,50 €`` otherwise: a limit of 500 reads as 500, not 500.00."""
    pattern = locale.currency_formats["standard"]
    if amount == amount.to_integral_value():
        pattern = copy.copy(pattern)
        pattern.frac_prec = (0, 0)
        return in_digits(pattern.apply(amount, locale, currency=currency, currency_digits=False,
                                       numbering_system=numbering), numbering)
    return in_digits(pattern.apply(amount, locale, currency=currency, numbering_system=numbering), numbering)


def format_number(value: int | Decimal, locale: Locale, numbering: str = LATIN) -> str:
    return in_digits(format_decimal(value, locale=locale, numbering_system=numbering), numbering)


def format_percent(whole_percent: int | Decimal, locale: Locale, numbering: str = LATIN) -> str:
    """A percentage given in whole percent (``15`` -> ``15 %`` in German, ``15%`` in English)."""
    pattern = locale.percent_formats[None]
    return in_digits(pattern.apply(Decimal(whole_percent) / 100, locale, numbering_system=numbering), numbering)


def in_digits(text: str, numbering: str) -> str:
    """Text Deskbook wrote (a formatted number, date or time) with its ASCII digits in the numbering
    system's: ``1 نوفمبر 2026`` -> ``١ نوفمبر ٢٠٢٦`` in ``arab``; unchanged in ``latn``. Never for text a
    company typed, whose digits are the company's."""
    return text if numbering == LATIN else text.translate(_digit_table(numbering))


@cache
def _digit_table(numbering: str) -> dict[int, int]:
    return str.maketrans(LATIN_DIGITS, numbering_digits(numbering))


def numbering_systems(locale: Locale) -> dict[str, str]:
    """The numbering systems a manual in ``locale`` may write its numbers in, with their digits, the
    locale's default first: its CLDR default, its native digits and Latin digits, which CLDR offers every
    locale (``ar_SA``: ``arab``, ``latn``; ``hi_IN``: ``latn``, ``deva``). A locale's traditional and
    finance systems are left out: CLDR writes most of them as numerals of their own (Japanese ``jpan``,
    Tamil ``taml``), not as ten digits."""
    candidates = (locale.default_numbering_system, locale.other_numbering_systems.get("native", LATIN), LATIN)
    return {system: numbering_digits(system) for system in candidates
            if system == LATIN or numbering_digits(system) != LATIN_DIGITS}


@cache
def numbering_digits(system: str) -> str:
    """The ten digits of a CLDR numbering system, from zero: ``arab`` -> ``٠١٢٣٤٥٦٧٨٩``, ``deva`` ->
    ``०१२३४५६७८९``, ``latn`` and any system that is not a run of ten digits (``hanidec``) -> ``0123456789``.

    Babel tells a locale's default numbering system (``ar_SA``: ``arab``, ``ja_JP``: ``latn``) but not its
    digits. CLDR names a script's own decimal digits by the script's ISO 15924 code, and a second set of
    digits in the same script by the code with ``ext`` (``arabext``, the Persian digits); Unicode gives each
    decimal digit its script and value, so the digits are found, not listed."""
    if system == "latn":
        return LATIN_DIGITS
    script, extended = (system[:-3], 1) if system.endswith("ext") else (system, 0)
    zeros = _decimal_zeros().get(script.casefold(), [])
    if len(zeros) <= extended:
        return LATIN_DIGITS
    zero = ord(zeros[extended])
    return "".join(chr(zero + value) for value in range(10))


@cache
def _decimal_zeros() -> dict[str, list[str]]:
    """Every decimal digit zero of Unicode by its script's code (lower case), in code point order."""
    from fontTools import unicodedata as font_unicodedata

    zeros: dict[str, list[str]] = {}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.decimal(char, None) == 0 and unicodedata.category(char) == "Nd":
            zeros.setdefault(font_unicodedata.script(char).casefold(), []).append(char)
    return zeros


def format_date(value: dt.date, locale: Locale, length: str = "long", numbering: str = LATIN) -> str:
    """``1. März 2026``, ``March 1, 2026``, ``1 de marzo de 2026``, ``١ نوفمبر ٢٠٢٦``."""
    return in_digits(_babel_format_date(value, length, locale=locale), numbering)


# Units CLDR names in every language; business hours and working days come from the catalogues instead.
CLDR_DURATION_UNITS = {"second": "duration-second", "minute": "duration-minute", "hour": "duration-hour",
                       "day": "duration-day", "week": "duration-week", "month": "duration-month",
                       "year": "duration-year"}


def format_cldr_duration(count: int | Decimal, unit: str, locale: Locale, numbering: str = LATIN) -> str:
    """``2 Stunden``, ``1 semana``: a count of a calendar unit in the locale's words."""
    return format_measure(count, CLDR_DURATION_UNITS[unit], "long", locale, numbering)


def format_measure(count: float | Decimal, unit: str, length: UnitLength, locale: Locale,
                   numbering: str = LATIN) -> str:
    """A count of a CLDR unit (``duration-hour``, ``digital-megabyte``) in the locale's words."""
    return in_digits(format_unit(count, unit, length=length, locale=locale,
                                 numbering_system=numbering), numbering)


@cache
def _collator() -> Collator:
    # Imported here: only a list sorted for readers needs pyuca, and check sorts none.
    from pyuca import Collator

    return Collator()


def collation_key(text: str) -> tuple[int, ...]:
    """Where a word sorts in a list a reader scans, by the Unicode Collation Algorithm (pyuca, the default
    table): accents and case after the letter (Apfel, Ärger, eclair, éclair, Zebra), kana in gojūon order,
    Arabic and Hebrew in their alphabets' order. Babel has no collation; the default table has no
    per-language tailoring (Swedish puts å after z), which needs ICU, a system library we do not ask for."""
    return _collator().sort_key(text)
