"""The ``deskbook/pdf`` MkDocs plugin: the handbook editions, the desk card and the log form.

MkDocs checks only the types here. What the values must be (a known page size and desk-card part, an
audience of the manual, a unique slug as file name, ...) is checked in one place, ``project.py``, for
``check`` and for the build alike, with messages located in mkdocs.yml.
"""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ...print_bounds import PrintBounds
from ...project import DESK_CARD_PARTS


class EditionConfig(base.Config):
    name = c.Type(str)
    """The PDF's file name without .pdf: lowercase letters, digits and hyphens."""
    title = c.Type(str)
    """Printed on the cover and in the footer, like "Representative edition"."""
    audience = c.Optional(c.Type(str))
    """An audience id from content/manual.yaml; leave out for an edition with everything."""


class DeskCardConfig(base.Config):
    enabled = c.Type(bool, default=True)
    name = c.Type(str, default="desk-card")
    parts = c.ListOfItems(c.Type(str), default=list(DESK_CARD_PARTS))
    """Any of project.DESK_CARD_PARTS, in the registry; all of them when left out."""
    scripts = c.ListOfItems(c.Type(str), default=[])
    """Script ids printed on the card; none unless mkdocs.yml names them (they must exist)."""
    audience = c.Optional(c.Type(str))
    per_edition = c.Type(bool, default=False)
    """Also make one card per edition that has an audience, named ``<name>-<audience>.pdf``."""


class LogFormConfig(base.Config):
    enabled = c.Type(bool, default=True)
    name = c.Type(str, default="log-form")
    """A blank contact log form, one page, to print as a pad."""


class AcknowledgementConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """One acknowledgement sheet per audience of manual.yaml, ``acknowledgement-<audience>.pdf``."""


class PdfConfig(base.Config):
    enabled = c.Type(bool, default=True)
    skip_env = c.Type(str, default="DESKBOOK_PDF")
    """Set this environment variable to false/0/no to skip PDFs (``build_manual.py serve`` does)."""
    page_size = c.Type(str, default="A4")
    """A4 or Letter."""
    output_dir = c.Type(str, default="pdf")
    """Folder inside the site for the PDFs."""
    editions = c.ListOfItems(c.SubConfig(EditionConfig), default=[])
    desk_card = c.SubConfig(DeskCardConfig)
    log_form = c.SubConfig(LogFormConfig)
    acknowledgement = c.SubConfig(AcknowledgementConfig)
    language = c.Optional(c.Type(str))
    """Left out, the PDFs are in the manual's language (manual.yaml, locale.language); set, it must agree."""
    threads = c.Type(int, default=1)
    """PDFs laid out side by side. One by default: Typst spreads one layout over the cores itself, and two
    at once doubled the peak memory (830 against 480 MiB for three 150-page editions) for no time saved
    on two cores."""
    workers = c.Deprecated(moved_to="threads")
    # Bounds on the print work of one PDF (handbook/bounds.py says why and gives the defaults).
    max_rows = c.Type(int, default=PrintBounds.max_rows)
    max_cells = c.Type(int, default=PrintBounds.max_cells)
    max_characters = c.Type(int, default=PrintBounds.max_characters)
    timeout = c.Type(int, default=PrintBounds.timeout)
    memory_limit = c.Type(int, default=PrintBounds.memory_limit)
