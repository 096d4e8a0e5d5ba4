"""What each PDF is asked to be (editions, the desk card, the log form, acknowledgement sheets) and the print
options they share: plain data, which ``check`` reads too (the desk card's fit) without the renderers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import yaml

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


# MkDocs' page meta: YAML between two lines of dashes at the top of a page.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.S)


def handwritten_page(src_uri: str, title: str, markdown: str) -> HandwrittenPage | None:
    """A ``docs/`` page as the book prints it, without its front matter; ``None`` for a page whose front
    matter says ``print: false`` (one about the site itself: its search box, its menu)."""
    match = _FRONT_MATTER.match(markdown)
    if match is None:
        return HandwrittenPage(src_uri, title, markdown)
    try:
        meta = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        meta = None  # MkDocs reports the page's broken meta itself
    if isinstance(meta, dict) and meta.get("print") is False:
        return None
    return HandwrittenPage(src_uri, title, markdown[match.end():].lstrip("\n"))


@dataclass(frozen=True)
class PrintOptions:
    page_size: str = "A4"
    printed: dt.datetime = field(default_factory=build_datetime)
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
