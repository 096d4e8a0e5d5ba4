"""The options of the ``deskbook/content`` and ``deskbook/pdf`` plugins, declared once.

Each option is a dataclass field: its name, type and default. ``check`` reads mkdocs.yml without MkDocs and
takes the keys from here (``option_keys``); the MkDocs ``Config`` classes are generated from the same
fields (``mkdocs_plugins/config.py``), and the plugins read their validated config back into these
dataclasses (``options_from``), so an option added here is known to all three. Plain dataclasses keep
``check`` free of MkDocs' config module, which costs about 100 ms to import.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from .model.registry import DESK_CARD_PARTS
from .print_bounds import PrintBounds


@dataclass(frozen=True)
class ContentOptions:
    enabled: bool = True
    content_dir: str = "content"
    """The content folder, relative to mkdocs.yml."""
    navigation: bool = True
    """Build the navigation by section (unless mkdocs.yml sets its own ``nav``)."""
    nav_max_entities: int = 25
    """Sections with more entities list only their index page in the navigation, which keeps every page
    small: Material repeats the whole navigation in every page."""
    glossary_abbreviations: bool = True
    offline_search: bool = True
    """Make search work when the site is opened from a folder (file://), with no network."""


@dataclass(frozen=True)
class EditionOptions:
    name: str
    """The PDF's file name without .pdf: lowercase letters, digits and hyphens."""
    title: str
    """Printed on the cover and in the footer, like "Representative edition"."""
    audience: str | None = None
    """An audience id from content/manual.yaml; leave out for an edition with everything."""


@dataclass(frozen=True)
class DeskCardOptions:
    enabled: bool = True
    name: str = "desk-card"
    parts: list[str] = field(default_factory=lambda: list(DESK_CARD_PARTS))
    """Any of the registry's DESK_CARD_PARTS; all of them when left out."""
    scripts: list[str] = field(default_factory=list)
    """Script ids printed on the card; none unless mkdocs.yml names them (they must exist)."""
    audience: str | None = None
    per_edition: bool = False
    """Also make one card per edition that has an audience, named ``<name>-<audience>.pdf``."""


@dataclass(frozen=True)
class LogFormOptions:
    enabled: bool = True
    name: str = "log-form"
    """A blank contact log form, one page, to print as a pad."""


@dataclass(frozen=True)
class AcknowledgementOptions:
    enabled: bool = True
    """One acknowledgement sheet per audience of manual.yaml, ``acknowledgement-<audience>.pdf``."""


@dataclass(frozen=True)
class PdfOptions:
    # Old name -> new name: still accepted, with a warning, so existing mkdocs.yml files keep building.
    renamed: ClassVar[Mapping[str, str]] = {"workers": "threads"}

    enabled: bool = True
    skip_env: str = "DESKBOOK_PDF"
    """Set this environment variable to false/0/no to skip PDFs (``build_manual.py serve`` does)."""
    page_size: str = "A4"
    """A4 or Letter."""
    output_dir: str = "pdf"
    """Folder inside the site for the PDFs."""
    editions: list[EditionOptions] = field(default_factory=list)
    desk_card: DeskCardOptions = field(default_factory=DeskCardOptions)
    log_form: LogFormOptions = field(default_factory=LogFormOptions)
    acknowledgement: AcknowledgementOptions = field(default_factory=AcknowledgementOptions)
    language: str | None = None
    """Left out, the PDFs are in the manual's language (manual.yaml, locale.language); set, it must agree."""
    threads: int = 1
    """PDFs laid out side by side. One by default: Typst spreads one layout over the cores itself, and two
    at once doubled the peak memory (830 against 480 MiB for three 150-page editions) for no time saved
    on two cores."""
    # Bounds on the print work of one PDF (print_bounds.py says why and gives the defaults).
    max_rows: int = PrintBounds.max_rows
    max_cells: int = PrintBounds.max_cells
    max_characters: int = PrintBounds.max_characters
    timeout: int = PrintBounds.timeout
    memory_limit: int = PrintBounds.memory_limit


Options = TypeVar("Options")


def option_keys(options: type) -> tuple[str, ...]:
    """The keys mkdocs.yml may write for ``options``, old names included."""
    return (*(item.name for item in dataclasses.fields(options)), *getattr(options, "renamed", {}))


def nested_options(options: type) -> dict[str, type]:
    """Option name -> the options dataclass it holds (a mapping, or a list of mappings)."""
    nested = {}
    for item in dataclasses.fields(options):
        inner = _dataclass_in(item)
        if inner is not None:
            nested[item.name] = inner
    return nested


def _dataclass_in(item: dataclasses.Field) -> type | None:
    # The annotations are strings (postponed evaluation); every options class is in this module.
    written = str(item.type)
    name = written.removeprefix("list[").removesuffix("]")
    found = globals().get(name)
    return found if isinstance(found, type) and dataclasses.is_dataclass(found) else None


def options_from(options: type[Options], values: Mapping[str, Any]) -> Options:
    """``options`` filled from a validated mapping (MkDocs' config of the plugin)."""
    nested = nested_options(options)
    filled: dict[str, Any] = {}
    for item in dataclasses.fields(options):  # type: ignore[arg-type]
        if item.name not in values:
            continue
        value = values[item.name]
        inner = nested.get(item.name)
        if inner is not None and isinstance(value, list):
            value = [options_from(inner, entry) for entry in value]
        elif inner is not None and isinstance(value, Mapping):
            value = options_from(inner, value)
        filled[item.name] = value
    return options(**filled)
