"""The options of the ``deskbook/content`` and ``deskbook/pdf`` plugins, declared once.

Each option is a dataclass field: its name, type and default. ``check`` reads mkdocs.yml without MkDocs and
takes the keys and types from here (``option_keys``, ``option_types``); the MkDocs ``Config`` classes are
generated from the same fields (``mkdocs_plugins/options_config.py``), and the plugins read their validated
config back into these dataclasses (``options_from``), so an option added here is known to all three. Plain
dataclasses keep ``check`` free of MkDocs' config module, which costs about 100 ms to import.
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
    """Handbooks laid out side by side while the site is built (the short documents, cards and forms,
    always lay out beside them). One by default: Typst spreads one layout over the cores itself, and two
    at once doubled the peak memory (830 against 480 MiB for three 150-page editions) for no time saved on
    two cores. Once the site is written, one more may lay out where the machine has a core and
    ``memory_limit`` of memory free."""
    # Bounds on the print work of one PDF (print_bounds.py says why and gives the defaults).
    max_rows: int = PrintBounds.max_rows
    max_cells: int = PrintBounds.max_cells
    max_characters: int = PrintBounds.max_characters
    timeout: int = PrintBounds.timeout
    memory_limit: int = PrintBounds.memory_limit


Options = TypeVar("Options")

# What a user calls each type a value may have, once alone and once in a list.
_SCALARS: dict[str, tuple[type, str, str]] = {
    "bool": (bool, "true or false", "true or false values"),
    "int": (int, "a whole number", "whole numbers"),
    "str": (str, "text", "text values"),
}


@dataclass(frozen=True)
class OptionType:
    """What an option holds, read from its declaration: ``check`` judges the values in mkdocs.yml by it,
    and the MkDocs config classes are built from it."""

    scalar: str | None = None  # "bool", "int" or "str"
    options: type | None = None  # an options dataclass: a mapping of its fields
    many: bool = False  # a list of those
    optional: bool = False  # may be null (or left out, where the default is None)

    @property
    def python_type(self) -> type:
        return _SCALARS[self.scalar][0] if self.scalar is not None else dict

    def item(self) -> OptionType:
        """The type of one item of a list (or the type itself)."""
        return OptionType(self.scalar, self.options)

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` is of this type; a list's items are judged one by one, by ``item()``."""
        if value is None:
            return self.optional
        if self.many:
            return isinstance(value, list)
        if self.options is not None:
            return isinstance(value, Mapping)
        # YAML's true is a Python int too: a whole number must not be true, nor true a whole number.
        return isinstance(value, str) if self.scalar == "str" else type(value) is self.python_type

    def describe(self) -> str:
        if self.options is not None:
            keys = ", ".join(option_keys(self.options, renamed=False))
            what = f"a list of mappings of options ({keys})" if self.many else f"a mapping of options ({keys})"
        else:
            _, one, several = _SCALARS[self.scalar or "str"]
            what = f"a list of {several}" if self.many else one
        return f"{what}, or left out" if self.optional else what


def option_type(item: dataclasses.Field) -> OptionType:
    """The type of one declared option. The annotations are strings (postponed evaluation) in the few
    forms options take: a scalar, an options class of this module, a list of either, or either | None."""
    written = str(item.type)
    optional = written.endswith(" | None")
    written = written.removesuffix(" | None")
    many = written.startswith("list[") and written.endswith("]")
    name = written[len("list["):-1] if many else written
    if name in _SCALARS:
        return OptionType(scalar=name, many=many, optional=optional)
    found = globals().get(name)
    if isinstance(found, type) and dataclasses.is_dataclass(found):
        return OptionType(options=found, many=many, optional=optional)
    raise TypeError(f"deskbook option {item.name}: no option type for {item.type}; use bool, int, str, "
                    "an options class, a list of one of those, or one of those | None")


def option_types(options: type) -> dict[str, OptionType]:
    """Option name -> its type, old names included under the type of the option they now are."""
    types = {item.name: option_type(item) for item in dataclasses.fields(options)}
    return {**types, **{old: types[new] for old, new in getattr(options, "renamed", {}).items()}}


def option_keys(options: type, renamed: bool = True) -> tuple[str, ...]:
    """The keys mkdocs.yml may write for ``options``, old names included unless ``renamed`` is false."""
    names = tuple(item.name for item in dataclasses.fields(options))
    return (*names, *getattr(options, "renamed", {})) if renamed else names


def options_from(options: type[Options], values: Mapping[str, Any]) -> Options:
    """``options`` filled from a validated mapping (MkDocs' config of the plugin)."""
    types = option_types(options)
    filled: dict[str, Any] = {}
    for item in dataclasses.fields(options):  # type: ignore[arg-type]
        if item.name not in values:
            continue
        value = values[item.name]
        inner = types[item.name].options
        if inner is not None and isinstance(value, list):
            value = [options_from(inner, entry) for entry in value]
        elif inner is not None and isinstance(value, Mapping):
            value = options_from(inner, value)
        filled[item.name] = value
    return options(**filled)
