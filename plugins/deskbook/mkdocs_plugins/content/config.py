from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ContentConfig(base.Config):
    enabled = c.Type(bool, default=True)
    content_dir = c.Type(str, default="content")
    """The content folder, relative to mkdocs.yml."""
    navigation = c.Type(bool, default=True)
    """Build the navigation by section (unless mkdocs.yml sets its own ``nav``)."""
    nav_max_entities = c.Type(int, default=25)
    """Sections with more entities list only their index page in the navigation, which keeps every page
    small: Material repeats the whole navigation in every page."""
    glossary_abbreviations = c.Type(bool, default=True)
    offline_search = c.Type(bool, default=True)
    """Make search work when the site is opened from a folder (file://), with no network."""
