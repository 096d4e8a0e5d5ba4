"""One brand for the site and the PDFs: the name, logo and colours come from ``manual.yaml``.

Pure functions; the content plugin hands their results to Material in ``on_config``."""

from __future__ import annotations

import posixpath
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..colours import BLACK, WHITE, mix
from ..locale.formats import LATIN_DIGITS
from ..manual import Manual
from .environment import environment
from .navigation import theme_text

LOGO_URI_FOLDER = "assets/deskbook"
# Material draws the header's logo 1.2rem high (24 px at its 20 px root size); the img says so, with the
# logo's own proportions, so the browser keeps its place before the file arrives.
LOGO_HEIGHT = 24
_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE)
_VIEW_BOX = re.compile(rb"""viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)""", re.IGNORECASE)
_LENGTH = re.compile(rb"""\b(width|height)\s*=\s*["']\s*([\d.]+)\s*(px)?\s*["']""", re.IGNORECASE)

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
    marks = manual.localization.list_marks
    stylesheet = environment(manual.localization).get_template("brand.css.j2").render(
        primary=colours.primary, primary_dark=mix(colours.primary, BLACK, 0.25),
        primary_light=mix(colours.primary, WHITE, 0.25), accent=colours.accent,
        numbers=None if (marks.digits, marks.before, marks.after) == (LATIN_DIGITS, "", ".") else {
            "symbols": Markup(" ").join(css_string(digit) for digit in marks.digits),
            "prefix": css_string(marks.before), "suffix": css_string(marks.after + " "),
        },
        bullet=None if marks.bullet == "•" else css_string(marks.bullet + " "),
    )
    return Brand(theme_text(settings.title), logo_source, logo_uri, stylesheet)


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string that stays one inside a page's ``<style>`` element."""
    escaped = "".join(f"\\{ord(char):x} " if char in '"\\<>' or ord(char) < 32 else char for char in text)
    return Markup(f'"{escaped}"')


def logo_size(head: bytes) -> tuple[int, int] | None:
    """Width and height to give the header's logo, from the first bytes of an SVG (its viewBox, or its
    width and height in pixels) or a PNG (its header); None when they cannot be told."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
    else:
        root = _SVG_ROOT.search(head)
        if root is None:
            return None
        box = _VIEW_BOX.search(root.group())
        lengths = {name.lower(): value for name, value, _ in _LENGTH.findall(root.group())}
        try:
            if box is not None:
                width, height = float(box.group(1)), float(box.group(2))
            else:
                width, height = float(lengths[b"width"]), float(lengths[b"height"])
        except (KeyError, ValueError):
            return None
    if width <= 0 or height <= 0:
        return None
    return max(1, round(LOGO_HEIGHT * width / height)), LOGO_HEIGHT

