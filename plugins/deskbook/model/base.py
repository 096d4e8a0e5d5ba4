"""Shared building blocks of the content model: strict base class, field types and references.

Every model is closed (an unknown key is an error) and strict (no silent coercion: ``NO`` is not false,
``"30"`` is not 30). Reference fields carry :class:`RefTo` metadata, so the cross-reference checker, the
site's links and the diff's "where used" all discover references from the model itself instead of keeping
their own lists.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from ..load import YamlFloat, YamlInt

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
"""A ``{name}`` placeholder in script and standard text, filled from variables.yaml; ``check`` reports
every name variables.yaml lacks, so anything between braces counts."""


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
    StringConstraints(pattern=SLUG_PATTERN, max_length=64),
    Field(description="an id: lowercase letters, digits and single hyphens, like 'refund-policy'"),
]


def _iso_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a date; write it as YYYY-MM-DD, like 2026-03-31") from None
    return value


Date = Annotated[_dt.date, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date"})]

@dataclass(frozen=True)
class Amount:
    """Marks a number field by what it counts, so a reference shows it as people write it: $500, 10%."""

    unit: Literal["dollars", "percent"]


Dollars = Annotated[int, Field(ge=0, description="a whole number of US dollars, without the $ sign"), Amount("dollars")]
Percent = Annotated[
    int, Field(ge=0, le=100, description="a whole percentage, without the % sign"), Amount("percent")
]

Channel = Literal["phone", "email", "chat", "in-person", "letter", "social"]
CHANNEL_NAMES: dict[str, str] = {
    "phone": "Phone",
    "email": "E-mail",
    "chat": "Live chat",
    "in-person": "In person",
    "letter": "Letter",
    "social": "Social media",
}


@dataclass(frozen=True)
class RefTo:
    """Marks a field whose value is the id of another entity of ``kind`` (or ``kind:id`` when kind is '*')."""

    kind: str


def Ref(kind: str) -> Any:  # noqa: N802 - reads like a type in annotations
    return Annotated[Slug, RefTo(kind)]


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

# A duration such as "24 hours", "30 minutes", "2 working days", or "immediate".
DURATION_PATTERN = (
    r"^(?:immediate|[1-9][0-9]*\s+(?:minute|minutes|hour|hours|day|days|working day|working days))$"
)
Duration = Annotated[
    str,
    BeforeValidator(_numbers_as_written),
    StringConstraints(pattern=DURATION_PATTERN),
    Field(description="'immediate' or a number and a unit: '30 minutes', '24 hours', '2 working days'"),
]

_UNIT_MINUTES = {"minute": 1, "hour": 60, "day": 60 * 24, "working day": 60 * 8}


def duration_minutes(duration: str) -> int:
    """Minutes in a duration, for ordering and comparing targets ('immediate' is 0; a working day is 8 h)."""
    if duration == "immediate":
        return 0
    number, unit = duration.split(None, 1)
    return int(number) * _UNIT_MINUTES[unit.rstrip("s")]


class Entity(Strict):
    """An addressable piece of content with a page or a section of its own."""

    kind: ClassVar[str] = ""  # each content kind names itself: "policy", "script", ...
    id: Slug
    audience: Audience = Field(default_factory=list)
    order: int | None = Field(
        default=None,
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
    return bool(_SLUG.match(value))
