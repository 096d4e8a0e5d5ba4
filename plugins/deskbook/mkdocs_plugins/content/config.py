"""The ``deskbook/content`` plugin's MkDocs config, generated from ``deskbook.options.ContentOptions``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...options import ContentOptions
from ..options_config import config_class

if TYPE_CHECKING:
    from mkdocs.config.base import Config as ContentConfig
else:
    ContentConfig = config_class(ContentOptions, "ContentConfig")
