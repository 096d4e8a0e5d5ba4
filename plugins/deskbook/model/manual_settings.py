"""``manual.yaml``: the manual's title, its edition and the audiences entities can be tagged with."""


from typing import TYPE_CHECKING, Annotated, Literal

from babel.numbers import is_currency
from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator

from ..locale import DEFAULT_CURRENCY, DEFAULT_LANGUAGE, N_, numbering_systems, parse_locale
from .base import Date, Entity, RefTo, Slug, Strict, Text, no_items
from .policy import Policy
from .sections import SECTION_NAMES


def _known_language(value: str) -> str:
    locale = parse_locale(value)
    if not locale.territory:
        raise ValueError(
            f"'{value}' names a language but no region; write it with one, like "
            f"{locale.language}_{_likely_region(locale.language)}"
        )
    return str(locale)


def _likely_region(language: str) -> str:
    from babel.core import get_global

    likely = get_global("likely_subtags").get(language, "")
    return likely.rpartition("_")[2] or "XX"


def _known_currency(value: str) -> str:
    if not is_currency(value):
        raise ValueError(
            f"'{value}' is not an ISO 4217 currency code; write three capital letters like EUR, USD, GBP or NOK"
        )
    return value


class LocaleSetting(Strict):
    """The manual's language and currency: every word Deskbook writes and every amount and date follow it."""

    language: Annotated[str, AfterValidator(_known_language)] = Field(
        default=DEFAULT_LANGUAGE,
        title=N_("language"),
        description="language and region, like de_DE, nb_NO, es_ES or en_GB",
    )
    currency: Annotated[str, AfterValidator(_known_currency)] = Field(
        default=DEFAULT_CURRENCY,
        title=N_("currency"),
        description="the currency amounts are in (ISO 4217), like EUR, NOK or USD",
    )
    digits: str | None = Field(
        default=None,
        title=N_("digits"),
        description="the numbering system every number Deskbook writes is in (amounts, times, dates, counts, "
        "pages), by its CLDR name: latn for 0123456789, arab for ٠١٢٣٤٥٦٧٨٩, one of the language's own; by "
        "default the language's usual one (arab in ar_SA, latn in ar_MA); what the content says is never changed",
    )

    @field_validator("digits")
    @classmethod
    def _digits_of_the_language(cls, digits: str | None, info: ValidationInfo) -> str | None:
        language = info.data.get("language")  # absent when it failed: that error is reported on its own
        if digits is None or language is None:
            return digits
        offered = numbering_systems(parse_locale(language))
        if digits not in offered:
            choices = ", ".join(f"{name} ({numerals})" for name, numerals in offered.items())
            raise ValueError(f"'{digits}' is not a numbering system {language} writes numbers in; write one of "
                             f"{choices}")
        return digits


class Edition(Strict):
    number: Text = Field(title=N_("number"), description="the edition, like '3' or '2026.1'")
    date: Date = Field(title=N_("date"), description="the day the edition is published, as YYYY-MM-DD")
    previous_tag: Text | None = Field(
        default=None,
        title=N_("previous tag"),
        description="git tag of the previous edition, used for 'What changed in this edition'",
    )


class AudienceDefinition(Entity):
    kind = "audience"
    name: Text = Field(title=N_("name"), description="who they are, like 'Representatives'")
    description: Text = Field(title=N_("description"), description="what they do, in a sentence")


if TYPE_CHECKING:
    SectionName = str  # one of SECTION_NAMES: a Literal built from a tuple, which type checkers cannot read
else:
    SectionName = Literal[SECTION_NAMES]


# A policy's fields by name, read from the model, so a new field can be named material at once.
POLICY_FIELDS = tuple(name for name in Policy.model_fields if name != "id")
if TYPE_CHECKING:
    PolicyField = str  # one of POLICY_FIELDS
else:
    PolicyField = Literal[POLICY_FIELDS]


class Acknowledgement(Strict):
    """Which changes to a policy staff must read and sign for again. Material is what the company says it
    is, here, not what Deskbook guesses from the words of a change."""

    material: list[PolicyField] = Field(
        default_factory=lambda: ["rules", "exceptions"],
        title=N_("material changes"),
        description="the policy fields whose change asks every reader to acknowledge the policy again, "
        "like rules and exceptions; a new policy always asks",
    )


Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class BrandColours(Strict):
    """The colours of the site's header, links and buttons; the printed handbook, desk card and log form
    use the primary for headings, links and rules."""

    primary: Colour = Field(default="#0b4f6c", title=N_("primary colour"), description="header and links, as #rrggbb")
    accent: Colour = Field(
        default="#00796b", title=N_("accent colour"), description="what the pointer is on, as #rrggbb"
    )


class Limits(Strict):
    """How big a manual may grow before ``check`` stops it (each PDF holds everything it prints in memory)."""

    entities_per_kind: int = Field(
        default=2000,
        ge=1,
        le=1_000_000,
        title=N_("entities per kind"),
        description="the most policies, call logs, terms, ... of one kind",
    )
    entities_per_pdf: int = Field(
        default=6000,
        ge=1,
        le=1_000_000,
        title=N_("entities per PDF"),
        description="the most entities in all, as the complete edition prints all",
    )


class ManualSettings(Strict):
    title: Text = Field(title=N_("title"), description="the manual's title, on the site and the handbook's cover")
    locale: LocaleSetting = Field(
        default_factory=LocaleSetting, title=N_("locale"), description="the manual's language and currency"
    )
    subtitle: Text | None = Field(default=None, title=N_("subtitle"), description="a line under the title")
    edition: Edition = Field(title=N_("edition"), description="the edition's number and date")
    audiences: list[AudienceDefinition] = Field(
        min_length=1, title=N_("audiences"), description="who reads the manual; entities name them in 'audience'"
    )
    logo: Text | None = Field(
        default=None, title=N_("logo"), description="path of the logo, relative to the content folder"
    )
    colours: BrandColours = Field(
        default_factory=BrandColours, title=N_("colours"), description="the site's and the PDFs' brand colours"
    )
    review_warning_days: int = Field(
        default=30,
        ge=0,
        title=N_("review warning days"),
        description="warn this many days before a policy's review-by date",
    )
    default_owner: Annotated[Slug, RefTo("role")] | None = Field(
        default=None,
        title=N_("default owner"),
        description="the role 'new' names as owner until the project's own files show another",
    )
    limits: Limits = Field(
        default_factory=Limits, title=N_("size limits"), description="how big the manual may grow before check stops it"
    )
    acknowledgement: Acknowledgement = Field(
        default_factory=Acknowledgement,
        title=N_("acknowledgement"),
        description="which policy changes staff acknowledge again on the edition's acknowledgement sheet",
    )
    sections: list[SectionName] | None = Field(
        default=None,
        title=N_("sections"),
        description="the site's sections in reading order; sections left out follow in the usual order",
    )
    leave_out_of_handbook: list[SectionName] = Field(
        default_factory=no_items,
        title=N_("left out of the handbook"),
        description="sections the printed handbook leaves out; the site still shows them",
    )
