"""Text from YAML made safe for HTML: Markdown fields rendered then sanitised, placeholders filled.

Shared by the site and the handbook so both outputs treat authors' text the same way. Plain text fields
are escaped by Jinja's autoescape; Markdown fields go through :func:`markdown_html`, which renders with a
small, fixed set of extensions (no ``attr_list``, so no ``on*=`` attributes) and then cleans the result
with nh3 against an allow-list: raw HTML, event handlers, ``javascript:`` and ``data:`` links are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

import nh3
from markupsafe import Markup, escape

from .model.base import PLACEHOLDER
from .references import ResolvedText, render_with_values
from .visible import show_invisible

if TYPE_CHECKING:
    import markdown as markdown_lib

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}
# No global attributes at all: an `id` can stand in for Material's `__config` (whose search URL it then
# chooses), `title` text is shown by tooltip scripts, `class` borrows the theme's behaviour and `style`
# can paint over the page.
_ALLOWED_ATTRIBUTES = {
    "*": set(),  # stated, or nh3 keeps its own defaults (`title`, `lang`) on every tag
    "a": {"href"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
}
_ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


# Only extensions that cannot add attributes (no attr_list): the sanitiser is the second line, not the only.
MARKDOWN_EXTENSIONS = ("tables", "sane_lists", "smarty")


@lru_cache(maxsize=1)
def _converter() -> markdown_lib.Markdown:
    # Building a Markdown instance costs more than converting a short field; one is reused (reset()
    # clears its state between fields). Builds run in one thread; the PDF threads only run Typst.
    # Imported here: check's desk-card fit uses this module's placeholders but renders no Markdown.
    import markdown as markdown_lib

    return markdown_lib.Markdown(extensions=list(MARKDOWN_EXTENSIONS), output_format="html")


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# The site and every printed edition render the same fields: each is converted once per build.
@lru_cache(maxsize=16384)
def markdown_html(text: str | None) -> Markup:
    """Render a Markdown field to sanitised HTML, ready for a template."""
    if not text:
        return Markup("")
    if isinstance(text, ResolvedText):
        return render_with_values(list(text.segments), _markdown_sanitised)
    return Markup(_markdown_sanitised(text))


def _markdown_sanitised(text: str) -> str:
    return sanitize_html(_converter().reset().convert(text))


def fill_placeholders(
    text: str,
    values: Mapping[str, str],
    blanks: Mapping[str, str],
    blank_html: str = '<db-blank hint="{hint}">[{label}]</db-blank>',
) -> Markup:
    """Escape ``text`` and fill ``{name}`` placeholders.

    Fixed values are inserted (escaped); blanks, which the representative fills in during the contact,
    become visible slots. Unknown names were rejected by ``check``; they are left as written here.
    """
    pieces: list[str] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        pieces.append(str(escape(text[position:match.start()])))
        name = match.group(1)
        if name in values:
            pieces.append(str(escape(values[name])))
        elif name in blanks:
            pieces.append(
                blank_html.format(hint=escape(blanks[name]), label=escape(name.replace("_", " ")))
            )
        else:
            pieces.append(str(escape(match.group(0))))
        position = match.end()
    pieces.append(str(escape(text[position:])))
    return Markup("".join(pieces))


_INLINE_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+!|~")

_BARE_LINK = re.compile(r"(?i)\b(https?|ftp|mailto)(:)|\b(www)(\.)")


def markdown_escape(text: str) -> str:
    """Plain text made inert inside Markdown that people also read raw (pull-request comments):
    Markdown specials get a backslash, and ``&`` and ``<`` become entities so no tag or entity can form
    (a lone ``>`` cannot start one, and "30 -> 45" should read as written). ``@name`` cannot notify
    anyone, a bare address cannot become a link, and invisible or reordering characters show."""
    escaped = show_invisible(text).replace("&", "&amp;").replace("<", "&lt;")
    escaped = "".join(f"\\{ch}" if ch in _INLINE_MARKDOWN_SPECIALS else ch for ch in escaped)
    # A word joiner after '@' breaks GitHub's mention; an entity for ':' or '.' breaks its autolinks.
    escaped = escaped.replace("@", "@\u2060")
    return _BARE_LINK.sub(
        lambda match: f"{match.group(1)}&#58;" if match.group(1) else f"{match.group(3)}&#46;", escaped
    )
