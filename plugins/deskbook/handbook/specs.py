"""What each PDF is asked to be (editions, the desk card, the log form, acknowledgement sheets) and the print
options they share: plain data, which ``check`` reads too (the desk card's fit) without the renderers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..clock import build_datetime
from ..colours import WHITE, mix, readable_on_white
from ..model.manual_settings import BrandColours
from ..model.registry import DESK_CARD_PARTS

if TYPE_CHECKING:  # the sheet's module carries diff and editions; check's card-fit test needs neither
    from ..review.acknowledgement import AcknowledgementSheet


@dataclass(frozen=True)
class EditionSpec:
    name: str  # the PDF's file name without .pdf
    title: str  # printed on the cover, like "Representative edition"
    audience: str | None = None  # None: everything


@dataclass(frozen=True)
class DeskCardSpec:
    name: str = "desk-card"
    parts: tuple[str, ...] = DESK_CARD_PARTS
    scripts: tuple[str, ...] = ()
    audience: str | None = None
    title: str | None = None  # the edition's title when there is one card per audience


@dataclass(frozen=True)
class LogFormSpec:
    name: str = "log-form"


@dataclass(frozen=True)
class AcknowledgementSpec:
    """One audience's acknowledgement sheet, compared with the previous edition when the plan was made."""

    name: str
    sheet: AcknowledgementSheet


@dataclass(frozen=True)
class HandwrittenPage:
    """A page of the project's own ``docs/`` folder, in the site's navigation order."""

    src_uri: str
    title: str
    markdown: str


@dataclass(frozen=True)
class PrintOptions:
    page_size: str = "A4"
    printed: dt.datetime = field(default_factory=build_datetime)
    lang: str = "en"
    whats_new_markdown: dict[str | None, str] = field(default_factory=dict)
    """The "What changed" text per audience (None: the complete edition); empty: no such chapter."""
    handwritten: tuple[HandwrittenPage, ...] = ()


PAPER = {"A4": "a4", "Letter": "us-letter"}


def _paper(options: PrintOptions) -> str:
    return PAPER[options.page_size]


def print_colours(colours: BrandColours) -> dict[str, str]:
    """The brand's primary colour for headings, links and rules, deepened where it would not read as text
    on paper, and a pale tint of it behind table heads."""
    return {"accent": readable_on_white(colours.primary), "tint": mix(colours.primary, WHITE, 0.9)}
