"""One brand for the site and the PDFs: the name, logo and colours come from ``manual.yaml``.

Pure functions; the content plugin hands their results to Material in ``on_config``."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..colours import BLACK, WHITE, mix
from ..manual import Manual
from .environment import environment
from .navigation import theme_text

LOGO_URI_FOLDER = "assets/deskbook"

# Material features every Deskbook site wants: previous/next links at the foot of each page walk a new
# hire through the manual in reading order; a section's overview page is the section itself in the menu
# (no "Policies › Policies").
FEATURES = ("navigation.footer", "navigation.indexes")


@dataclass(frozen=True)
class Brand:
    site_name: str  # escaped for the theme, which prints it as HTML
    logo_source: Path | None  # the file in the content folder
    logo_uri: str | None  # where the site serves it
    stylesheet: str  # CSS custom properties for Material's "custom" palette


def brand(manual: Manual) -> Brand:
    settings = manual.settings
    logo_source = logo_uri = None
    if settings.logo:
        logo_source = manual.content_dir / settings.logo
        logo_uri = posixpath.join(LOGO_URI_FOLDER, "logo" + logo_source.suffix.lower())
    colours = settings.colours
    stylesheet = environment(manual.localization).get_template("brand.css.j2").render(
        primary=colours.primary, primary_dark=mix(colours.primary, BLACK, 0.25),
        primary_light=mix(colours.primary, WHITE, 0.25), accent=colours.accent,
    )
    return Brand(theme_text(settings.title), logo_source, logo_uri, stylesheet)

