"""The ``deskbook/pdf`` plugin's MkDocs config, generated from ``deskbook.options.PdfOptions``.

MkDocs checks only the types here. What the values must be (a known page size and desk-card part, an
audience of the manual, a unique slug as file name, ...) is checked in one place, ``project.py``, for
``check`` and for the build alike, with messages located in mkdocs.yml.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...options import PdfOptions
from ..options_config import config_class

if TYPE_CHECKING:
    from mkdocs.config.base import Config as PdfConfig
else:
    PdfConfig = config_class(PdfOptions, "PdfConfig")
