"""``manual.yaml``: the manual's title, its edition and the audiences entities can be tagged with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from babel.numbers import is_currency
from pydantic import AfterValidator, Field, StringConstraints

from ..locale import DEFAULT_CURRENCY, DEFAULT_LANGUAGE, parse_locale
from .base import Date, Entity, RefTo, Slug, Strict, Text
from .sections import SECTION_NAMES


def _known_language(value: str) -> str:
    locale = parse_locale(value)
    if not locale.territory:
        raise ValueError(f"'{value}' names a language but no region; write it with one, like "
                         f"{locale.language}_{_likely_region(locale.language)}")
    return str(locale)


def _likely_region(language: str) -> str:
    from babel.core import get_global

    likely = get_global("likely_subtags").get(language, "")
    return likely.rpartition("_")[2] or "XX"


def _known_currency(value: str) -> str:
    if not is_currency(value):
        raise ValueError(f"'{value}' is not an ISO 4217 currency code; write three capital letters like EUR, "
                         "USD, GBP or NOK")
    return value


class LocaleSetting(Strict):
    """The manual's language and currency: every word Deskbook writes and every amount and date follow it."""

    language: Annotated[str, AfterValidator(_known_language)] = Field(
        default=DEFAULT_LANGUAGE, description="language and region, like de_DE, nb_NO, es_ES or en_GB"
    )
    currency: Annotated[str, AfterValidator(_known_currency)] = Field(
        default=DEFAULT_CURRENCY, description="the currency amounts are in (ISO 4217), like EUR, NOK or USD"
    )


class Edition(Strict):
    number: Text = Field(description="the edition, like '3' or '2026.1'")
    date: Date
    previous_tag: Text | None = Field(
        default=None, description="git tag of the previous edition, used for 'What changed in this edition'"
    )


class AudienceDefinition(Entity):
    kind = "audience"
    name: Text
    description: Text


if TYPE_CHECKING:
    SectionName = str  # one of SECTION_NAMES: a Literal built from a tuple, which type checkers cannot read
else:
    SectionName = Literal[SECTION_NAMES]


Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class BrandColours(Strict):
    """The colours of the site's header, links and buttons; the printed handbook, desk card and log form
    use the primary for headings, links and rules."""

    primary: Colour = Field(default="#0b4f6c", description="header and links, as #rrggbb")
    accent: Colour = Field(default="#00796b", description="what the pointer is on, as #rrggbb")


class Limits(Strict):
    """How big a manual may grow before ``check`` stops it (each PDF holds everything it prints in memory)."""

    entities_per_kind: int = Field(default=2000, ge=1, le=1_000_000,
                                   description="the most policies, call logs, terms, ... of one kind")
    entities_per_pdf: int = Field(default=6000, ge=1, le=1_000_000,
                                  description="the most entities in all, as the complete edition prints all")


class ManualSettings(Strict):
    title: Text
    locale: LocaleSetting = Field(default_factory=LocaleSetting)
    subtitle: Text | None = None
    edition: Edition
    audiences: list[AudienceDefinition] = Field(min_length=1)
    logo: Text | None = Field(default=None, description="path of the logo, relative to the content folder")
    colours: BrandColours = Field(default_factory=BrandColours)
    review_warning_days: int = Field(
        default=30, ge=0, description="warn this many days before a policy's review-by date"
    )
    default_owner: Annotated[Slug, RefTo("role")] | None = Field(
        default=None, description="the role 'new' names as owner until the project's own files show another"
    )
    limits: Limits = Field(default_factory=Limits)
    sections: list[SectionName] | None = Field(
        default=None,
        description="the site's sections in reading order; sections left out follow in the usual order",
    )
