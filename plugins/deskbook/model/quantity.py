"""A rule's value, typed: a duration, an amount of money, a percentage or a count of a named thing, or a
range of one of those; or a reference to a value another entity owns (a role's refund limit).

Managers write it the way they would say it (``30 days``, ``$100``, ``10 %``, ``15-30 minutes``,
``1.5 hours``); every output reads its kind from here instead of guessing from a unit word, and prints it in
the manual's language (see :meth:`deskbook.locale.Localization.quantity`).
"""


import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from babel.numbers import NumberFormatError, get_currency_name, parse_decimal
from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError, core_schema

from ..locale import DEFAULT_CURRENCY, DEFAULT_LANGUAGE, N_, parse_locale
from ..locale.money import AmountError, parse_amount
from .base import DURATION_UNITS, Strict

QuantityKind = Literal["duration", "money", "percent", "count", "reference"]

# Units of time as written in YAML (English keywords in every language, printed in the manual's own): the
# response times' units, and the months and years a policy's window may run for.
TIME_UNITS: dict[str, str] = {**DURATION_UNITS, "month": "month", "months": "month", "year": "year", "years": "year"}
_PERCENT_SIGNS = ("%", "percent", "per cent")
_LARGEST = Decimal(10) ** 12  # no rule counts beyond a trillion; longer numbers are typing slips
_NUMBER = r"\d[\d,.\u00a0\u202f'’]*"
_RANGE = re.compile(r"^(?P<low>[^\s–-]+?)\s*[–-]\s*(?P<high>.+)$")
_REFERENCE = re.compile(r"^\[\[[a-z][a-z0-9-]*:[^\]]+\]\]$")
_EXAMPLES = "'30 days', '15-30 minutes', '1.5 hours', '$100', '10 %'"


@dataclass(frozen=True)
class Quantity:
    """``low`` (to ``high`` for a range) of one kind. ``unit`` is the time unit (a value of TIME_UNITS),
    the currency (ISO 4217) or, for a count, the thing counted; ``forms`` are that thing's plural forms by
    CLDR category (``one``, ``few``, ``other``...), as the content's language writes them."""

    kind: QuantityKind
    low: Decimal = Decimal(0)
    high: Decimal | None = None
    unit: str = ""
    forms: tuple[tuple[str, str], ...] = ()
    reference: str = ""  # for kind "reference": the [[...]] naming the value

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def numbers(self) -> tuple[Decimal, ...]:
        return (self.low,) if self.high is None else (self.low, self.high)

    def noun(self, category: str) -> str:
        forms = dict(self.forms)
        return forms.get(category) or forms.get("other") or self.unit

    def __str__(self) -> str:
        """Canonical and language-free (``15-30 minutes``, ``100 USD``): for JSON and comparisons."""
        if self.kind == "reference":
            return self.reference
        numbers = "-".join(_plain(number) for number in self.numbers)
        if self.kind == "percent":
            return f"{numbers} %"
        if self.kind == "duration":
            last = self.high if self.high is not None else self.low
            return f"{numbers} {self.unit}{'' if last == 1 else 's'}"
        return f"{numbers} {self.unit}".strip()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(
            _validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {
            "anyOf": [{"type": "number"}, {"type": "string"}],
            "description": f"the value the rule sets, written as you would say it: {_EXAMPLES}; a count of "
            "something else is a number with 'counts' naming the thing; '[[role:rep.authority.max_refund]]' "
            "takes the value another entity owns",
        }


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f") if number != number.to_integral_value() else str(int(number))


def _error(message: str) -> PydanticCustomError:
    return PydanticCustomError("quantity", "{message}", {"message": message})


def _validate(value: Any, info: ValidationInfo) -> Quantity:
    if isinstance(value, Quantity):
        return value
    context = info.context or {}
    try:
        return parse_quantity(value, context.get("currency", DEFAULT_CURRENCY),
                              context.get("language", DEFAULT_LANGUAGE))
    except ValueError as exc:
        raise _error(str(exc)) from None


def parse_quantity(value: Any, currency: str = DEFAULT_CURRENCY, language: str = DEFAULT_LANGUAGE) -> Quantity:
    """A Quantity from what a manager typed; raises ValueError with the hint to show."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise ValueError(f"expected a value like {_EXAMPLES}")
    source = getattr(value, "source", None)  # a YAML number keeps the text as typed
    written = " ".join(str(source if source is not None else value).split())
    if written.startswith(("-", "\u2212")):
        raise ValueError(f"'{written}' is not a value Deskbook can read (a value below zero means nothing here); "
                         f"write it like {_EXAMPLES}")
    leading_zero = re.match(r"0+(?=\d)", written)
    if leading_zero:
        raise ValueError(f"'{written}': a leading zero is ambiguous (older YAML reads it as an octal number); "
                         f"write {written[leading_zero.end():]}")
    if not isinstance(value, str) or re.fullmatch(_NUMBER, written):
        return Quantity("count", _number(written, written, language))
    if _REFERENCE.match(written):
        return Quantity("reference", reference=written)
    if not written:
        raise ValueError(f"the value is empty; write it like {_EXAMPLES}")
    lowered = written.lower()
    for sign in _PERCENT_SIGNS:
        if lowered.endswith(sign):
            low, high = _numbers(written[: -len(sign)], written, language)
            if high is not None and high <= low:
                raise ValueError(f"'{written}': a range goes from the smaller number to the larger")
            if (high or low) > 100:
                raise ValueError(f"'{written}' is more than 100 %")
            return Quantity("percent", low, high)
    match = re.fullmatch(rf"(?P<numbers>{_NUMBER}(?:\s*[–-]\s*{_NUMBER})?)\s*(?P<unit>[^\d\s].*)", written)
    if match and match.group("unit").lower() in TIME_UNITS:
        low, high = _numbers(match.group("numbers"), written, language)
        if high is not None and high <= low:
            raise ValueError(f"'{written}': a range goes from the smaller number to the larger")
        if low == 0 and high is None:
            raise ValueError(f"'{written}' is no time at all; leave the value out, or write the least time "
                             "it really is, like '1 minute'")
        return Quantity("duration", low, high, TIME_UNITS[match.group("unit").lower()])
    if match and _names_currency(match.group("unit"), currency):
        return _money(match.group("numbers") + " " + currency, currency, language, None)
    return _money(written, currency, language, match.group("unit") if match else None)


def _names_currency(word: str, currency: str) -> bool:
    """'dollars' in a dollar manual: the currency's English name, or its last word, in either number."""
    names = {get_currency_name(currency, count, "en").lower() for count in (1, 2)}
    return word.lower() in names | {name.rsplit(" ", 1)[-1] for name in names}


def _money(written: str, currency: str, language: str, unit: str | None) -> Quantity:
    locale = parse_locale(language)
    sides = _RANGE.match(written)
    try:
        if sides and re.search(r"\d", sides.group("low")):
            low, low_currency = parse_amount(sides.group("low"), currency, locale)
            high, high_currency = parse_amount(sides.group("high"), currency, locale)
            if low_currency != high_currency and not re.search(r"\D", sides.group("low").strip(" .,0123456789")):
                low_currency = high_currency  # "50-100 USD": the code stands after both numbers
            if low_currency != high_currency:
                raise ValueError(f"'{written}': both ends of a range are in one currency")
            if high <= low:
                raise ValueError(f"'{written}': a range goes from the smaller amount to the larger")
            return Quantity("money", low, high, high_currency)
        amount, amount_currency = parse_amount(written, currency, locale)
    except AmountError as exc:
        if unit is not None and unit[:1].isalpha():
            from difflib import get_close_matches

            guess = get_close_matches(unit.lower(), list(TIME_UNITS), n=1, cutoff=0.7)
            hint = f"did you mean '{written.replace(unit, guess[0])}'? " if guess else ""
            raise ValueError(
                f"'{unit}' is not a unit Deskbook knows; {hint}write a time like {_EXAMPLES} (units of time in "
                "English, printed in the manual's language), or, for a count of something else, the number "
                f"alone with counts: {unit}"
            ) from None
        names_money = any(unicodedata.category(char) == "Sc" for char in written) or re.search(r"[A-Z]{3}", written)
        if not names_money or not re.search(r"\d", written):
            raise ValueError(f"'{written}' is not a value Deskbook can read; write it like {_EXAMPLES}") from None
        raise ValueError(str(exc)) from None
    if amount.is_signed():
        raise ValueError(f"'{written}' is below zero; write the amount without a minus sign")
    return Quantity("money", amount, None, amount_currency)


def _numbers(text: str, written: str, language: str = DEFAULT_LANGUAGE) -> tuple[Decimal, Decimal | None]:
    """One number, or two joined by a dash (a range)."""
    parts = re.fullmatch(rf"\s*({_NUMBER})(?:\s*[–-]\s*({_NUMBER}))?\s*", text)
    if not parts:
        hint = " (a value below zero means nothing here)" if text.strip().startswith("-") else ""
        raise ValueError(f"'{written}' is not a value Deskbook can read{hint}; write it like {_EXAMPLES}")
    low = _number(parts.group(1), written, language)
    return low, (_number(parts.group(2), written, language) if parts.group(2) else None)


def _number(text: str, written: str, language: str = DEFAULT_LANGUAGE) -> Decimal:
    """A number as the manual's language writes it ('1,5' in German, '10,000' in English), else as YAML does."""
    digits = text.strip()
    if len(digits) > 20:
        raise ValueError(f"'{written}' is too large for a rule; write at most 12 digits")
    try:
        number = parse_decimal(digits, locale=parse_locale(language), strict=True)
    except (NumberFormatError, ValueError):
        try:
            number = Decimal(digits)
        except InvalidOperation:
            raise ValueError(f"'{written}' is not a number Deskbook can read; write it like {_EXAMPLES}") from None
    if not number.is_finite() or number >= _LARGEST:
        raise ValueError(f"'{written}' is too large for a rule; write at most 12 digits")
    return number


def from_legacy(value: Any, unit: str, currency: str, language: str) -> Quantity:
    """``value: 30`` with ``unit: days``, as manuals wrote it before values were typed."""
    words = " ".join(unit.split())
    if words.lower() in ("dollars", "dollar", "money"):
        return parse_quantity(f"{value} {currency if words.lower() == 'money' else 'USD'}", currency, language)
    if words.lower() in _PERCENT_SIGNS:
        return parse_quantity(f"{value} %", currency, language)
    if words.lower() in TIME_UNITS:
        return parse_quantity(f"{value} {words}", currency, language)
    raise ValueError(
        f"'{words}' is not a unit Deskbook knows; write the value and its unit together, like value: "
        f"'{value} days', or, for a count of something, value: {value} with counts: {words}"
    )


Counted = Annotated[
    str | dict[str, str],
    Field(description="the thing a count counts, like 'rounds a year', or its plural forms by CLDR category "
          "({one: contact a week, other: contacts a week})"),
]


class Valued(Strict):
    """The value part of a rule: ``value`` (typed, see :class:`Quantity`) and, for a count, ``counts``."""

    value: Quantity | None = Field(
        default=None, title=N_("value"),
        description=f"the value the rule sets, as you would say it: {_EXAMPLES}, or "
        "'[[role:rep.authority.max_refund]]' to take the value another entity owns",
    )
    counts: Counted | None = Field(
        default=None, title=N_("counts"),
        description="for a value that counts something other than time, money or a percentage: what it counts",
    )

    @model_validator(mode="before")
    @classmethod
    def _older_value_and_unit(cls, data: Any, info: ValidationInfo) -> Any:
        """``value: 30`` with ``unit: days``, as manuals wrote it before values were typed, still loads."""
        if not isinstance(data, dict) or "unit" not in data:
            return data
        data = dict(data)
        unit = data.pop("unit")
        if not isinstance(unit, str) or "value" not in data or not isinstance(data["value"], (int, float)):
            raise _error("unit is no longer a field of its own; write the value and its unit together, like "
                         "value: '30 days'")
        context = info.context or {}
        try:
            data["value"] = from_legacy(data["value"], unit, context.get("currency", DEFAULT_CURRENCY),
                                        context.get("language", DEFAULT_LANGUAGE))
        except ValueError as exc:
            raise _error(str(exc)) from None
        return data

    @model_validator(mode="after")
    def _counted_thing(self) -> "Valued":
        if self.counts is not None:
            if self.value is None or self.value.kind != "count":
                raise ValueError("counts names what a plain number counts; write the value as a number alone")
            forms = ((("other", self.counts),) if isinstance(self.counts, str)
                     else tuple(sorted(self.counts.items())))
            object.__setattr__(self, "value", Quantity("count", self.value.low, self.value.high,
                                                       dict(forms).get("other", forms[0][1]), forms))
        return self
