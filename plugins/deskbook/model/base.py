"""Shared building blocks of the content model: strict base class, field types and references.

Every model is closed (an unknown key is an error) and strict (no silent coercion: ``NO`` is not false,
``"30"`` is not 30). Reference fields carry :class:`RefTo` metadata, so the cross-reference checker, the
site's links and the diff's "where used" all discover references from the model itself instead of keeping
their own lists.
"""


import datetime as _dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError, core_schema

from ..load import YamlFloat, YamlInt
from ..locale import DEFAULT_CURRENCY, DEFAULT_LANGUAGE, N_, AmountError, parse_amount, parse_locale

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 64
_SLUG = re.compile(SLUG_PATTERN)
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
"""A ``{name}`` placeholder in script and standard text, filled from variables.yaml; ``check`` reports
every name variables.yaml lacks, so anything between braces counts."""


def no_items() -> list:
    """An empty list, the ``default_factory`` of a list field. A function of ours, not the builtin ``list``:
    pydantic reads a default factory's signature, and a builtin's only by parsing its text signature with
    the tokenizer (59 fields of the model: about 13 ms of every start-up)."""
    return []


def no_entries() -> dict:
    """An empty mapping, the ``default_factory`` of a mapping field (see :func:`no_items`)."""
    return {}


class Strict(BaseModel):
    """Base of every content model: closed, strict, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)


def _numbers_as_written(value: Any) -> Any:
    """A text field given ``1.10`` or ``2`` keeps the characters the author typed."""
    if isinstance(value, (YamlInt, YamlFloat)):
        return value.source
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


@dataclass(frozen=True)
class Prose:
    """Marks a text field people write sentences in: it may hold [[references]] to values, and the
    stale-prose check reads it for values written out by hand."""


Text = Annotated[str, BeforeValidator(_numbers_as_written), AfterValidator(_not_blank), Prose()]
"""Plain text; rendered escaped."""

Markdown = Annotated[
    str,
    BeforeValidator(_numbers_as_written),
    AfterValidator(_not_blank),
    Field(json_schema_extra={"format": "markdown"}),
    Prose(),
]
"""Markdown text; rendered through Markdown and then sanitised (no raw HTML, no scripts)."""

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH),
    Field(description="an id: lowercase letters, digits and single hyphens, like 'refund-policy'"),
]


# Python's fromisoformat also reads 20270301 and 2027-W09-1 (a week date); a manual's dates are written
# one way only.
_CALENDAR_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            if not _CALENDAR_DATE.fullmatch(value):
                raise ValueError(value)
            return _dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a date; write it as YYYY-MM-DD, like 2026-03-31") from None
    return value


Date = Annotated[_dt.date, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date"})]

@dataclass(frozen=True)
class Amount:
    """Marks a number field by what it counts, so a reference shows it as people write it: 10%."""

    unit: Literal["percent"]


Percent = Annotated[
    int, Field(ge=0, le=100, description="a whole percentage, without the % sign"), Amount("percent")
]

@dataclass(frozen=True, eq=False)  # hashed by identity: typing hashes the markers of an Annotated
class Choices:
    """Marks a field of fixed keywords with what readers call each one (English msgids), so every output
    prints "Live chat" where the YAML says ``chat``."""

    names: dict[str, str]


@dataclass(frozen=True)
class RefTo:
    """Marks a field whose value is the id of another entity of ``kind`` (or ``kind:id`` when kind is '*').

    Written ``Annotated[Slug, RefTo("role")]``, so type checkers see the id's type (a call in the
    annotation would hide it).
    """

    kind: str


CHANNEL_KINDS: dict[str, str] = {
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "chat": N_("Live chat"),
    "in-person": N_("In person"),
    "letter": N_("Letter"),
    "social": N_("Social media"),
    "web": N_("Web form or portal"),
    "messaging": N_("Messaging app"),
    "forum": N_("Community forum"),
    "video": N_("Video call"),
    "sms": N_("Text message"),
}
"""What readers call each built-in kind of channel. Each kind is also a channel of its own that any
manual may name without declaring it (``phone``); a company declares its other channels (a portal,
WhatsApp) in company.yaml's ``channels``, each of one of these kinds."""
ChannelKind = Annotated[Literal[tuple(CHANNEL_KINDS)], Choices(CHANNEL_KINDS)]  # type: ignore[valid-type]

Channel = Annotated[
    Slug,
    RefTo("channel"),
    Field(
        description="a channel: one of company.yaml's channels, or a built-in one: " + ", ".join(CHANNEL_KINDS),
        json_schema_extra={"examples": list(CHANNEL_KINDS)},
    ),
]


# -- money ------------------------------------------------------------------------------------------------

def locale_context(language: str = DEFAULT_LANGUAGE, currency: str = DEFAULT_CURRENCY) -> dict[str, str]:
    """The validation context every content file is read with: amounts are parsed in the manual's locale.

    manual.yaml holds the setting but amounts live in other files; passing it as context keeps each
    amount's error at its own file and line."""
    return {"language": language, "currency": currency}


@functools.total_ordering
@dataclass(frozen=True)
class Money:
    """An amount in a currency (ISO 4217). Amounts of different currencies do not compare."""

    amount: Decimal
    currency: str

    def __lt__(self, other: "Money") -> bool:
        if not isinstance(other, Money) or other.currency != self.currency:
            return NotImplemented
        return self.amount < other.amount

    def __str__(self) -> str:
        """Canonical and language-free (``1500 EUR``): for JSON and comparisons, never shown to readers."""
        return f"{self.amount} {self.currency}"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(
            _validate_money, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {
            "anyOf": [{"type": "number", "minimum": 0}, {"type": "string"}],
            "description": "an amount in the manual's currency (manual.yaml, locale.currency), like 1500, "
            "'1 500', '1,500.50' or '250 EUR'; a currency sign must be the manual's own",
        }


def _validate_money(value: Any, info: ValidationInfo) -> Money:
    if isinstance(value, Money):
        return value
    context = info.context or {}
    currency = context.get("currency", DEFAULT_CURRENCY)
    try:
        amount, amount_currency = parse_amount(value, currency, parse_locale(context.get("language", DEFAULT_LANGUAGE)))
    except AmountError as exc:
        raise PydanticCustomError("amount", "{message}", {"message": str(exc)}) from None
    return Money(amount, amount_currency)


# -- durations --------------------------------------------------------------------------------------------

# Unit names as written in YAML (English keywords in every language) -> the unit they mean.
DURATION_UNITS: dict[str, str] = {
    "second": "second", "seconds": "second",
    "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour",
    "business hour": "business hour", "business hours": "business hour",
    "working hour": "business hour", "working hours": "business hour",
    "day": "day", "days": "day",
    "working day": "working day", "working days": "working day",
    "business day": "working day", "business days": "working day",
    "week": "week", "weeks": "week",
}
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "business hour": 3600, "day": 86400,
                 "working day": 8 * 3600, "week": 7 * 86400}
IMMEDIATE = "immediate"


@dataclass(frozen=True)
class Duration:
    """A response time: ``immediate`` or a count of a unit. Business hours and working days count only the
    hours the desk is open (8 a day), so ordering them against calendar time is approximate."""

    count: int
    unit: str  # a value of DURATION_UNITS, or IMMEDIATE

    @property
    def immediate(self) -> bool:
        return self.unit == IMMEDIATE

    @property
    def seconds(self) -> int:
        return 0 if self.immediate else self.count * _UNIT_SECONDS[self.unit]

    def __str__(self) -> str:
        """The canonical English keyword form (``2 working days``), as YAML takes it; never shown to readers."""
        if self.immediate:
            return IMMEDIATE
        return f"{self.count} {self.unit}{'' if self.count == 1 else 's'}"

    @classmethod
    def parse(cls, text: str) -> "Duration":
        words = " ".join(text.split()).lower()
        if words in (IMMEDIATE, "immediately"):
            return cls(0, IMMEDIATE)
        number, _, unit = words.partition(" ")
        if re.fullmatch(r"[0-9]+[.,][0-9]+", number) and unit in DURATION_UNITS:
            raise ValueError(f"'{text}': a response time counts whole units; write it in a smaller unit, like "
                             "'90 minutes' for an hour and a half")
        whole = re.fullmatch(r"[0-9]+", number) is not None  # str.isdigit() also takes '²'
        if whole and len(number) > 9:
            raise ValueError(f"'{text}' is longer than any response time; write at most 9 digits")
        if not whole or unit not in DURATION_UNITS:
            if whole and unit:
                raise ValueError(f"'{unit}' is not a unit of time Deskbook knows; use one of: "
                                 f"{', '.join(_UNIT_SECONDS)} (or their plurals), or write '{IMMEDIATE}'")
            raise ValueError(f"'{text}' is not a duration; write '{IMMEDIATE}' or a number and a unit, like "
                             "'30 minutes', '24 hours', '4 business hours' or '2 working days'")
        if int(number) == 0:
            raise ValueError(f"'{text}' is no time at all; write '{IMMEDIATE}'")
        return cls(int(number), DURATION_UNITS[unit])

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _validate_duration, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        units = "|".join(re.escape(name) for name in sorted(DURATION_UNITS, key=len, reverse=True))
        return {
            "type": "string",
            "pattern": rf"^(?:{IMMEDIATE}|immediately|[1-9][0-9]{{0,8}}\s+(?:{units}))$",
            "description": "'immediate' or a number and a unit in English: seconds, minutes, hours, business "
            "hours, days, working days, weeks; like '30 minutes', '24 hours', '2 working days'",
        }


def _validate_duration(value: Any) -> Duration:
    if isinstance(value, Duration):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PydanticCustomError("duration", "{message}", {"message": "expected a duration like '24 hours'"})
    if isinstance(value, int):
        raise PydanticCustomError("duration", "{message}", {
            "message": f"{value} has no unit; write it like '{value} hours' or '{value} minutes'"})
    try:
        return Duration.parse(value)
    except ValueError as exc:
        raise PydanticCustomError("duration", "{message}", {"message": str(exc)}) from None


ANY_REF_PATTERN = r"^[a-z-]+:[a-z0-9]+(?:-[a-z0-9]+)*$"
AnyRef = Annotated[
    str,
    StringConstraints(pattern=ANY_REF_PATTERN),
    RefTo("*"),
    Field(description="a reference to any entity, written kind:id, like policy:refunds"),
]

Audience = Annotated[
    list[Annotated[Slug, RefTo("audience")]],
    Field(
        description="who this is for: ids of audiences declared in manual.yaml; leave out for everyone",
    ),
]

class Entity(Strict):
    """An addressable piece of content with a page or a section of its own."""

    kind: ClassVar[str] = ""  # each content kind names itself: "policy", "script", ...
    id: Slug = Field(title=N_("id"), description="the id other files refer to this by, like 'refund-policy': "
                     "lowercase letters, digits and single hyphens")
    audience: Audience = Field(default_factory=no_items, title=N_("audience"))
    order: int | None = Field(
        default=None,
        title=N_("order"),
        description="where a new hire meets this among its kind: lower first; entities without one follow, by title",
    )

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"

    @property
    def display_title(self) -> str:
        for name in ("title", "name", "term", "question"):
            value = getattr(self, name, None)
            if isinstance(value, str) and value:
                return value
        return self.id


def is_slug(value: str) -> bool:
    """Whether ``value`` is an id the schema accepts (pattern and length alike, so `new` agrees with `check`)."""
    return len(value) <= SLUG_MAX_LENGTH and bool(_SLUG.match(value))
