"""The Jinja environment of the site's page templates, shared by the pages and the diagrams."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ..locale import Localization
from ..templating import make_environment
from ..text import markdown_html
from .channel_icons import channel_with_icon
from .reading_order import in_reading_order

_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>&~^:\"'=$%@")


def markdown_text(value: Any) -> Markup:
    """Text safe to place in Markdown outside HTML blocks: every special character becomes an entity."""
    text = str(value)
    return Markup("".join(f"&#{ord(ch)};" if ch in _MARKDOWN_SPECIALS else ch for ch in text))


@pass_context
def channel_named(context: Context, channel_id: str, before: str = "") -> Markup:
    """``{{ c|channel_named }}``: the channel's name after the icon of its kind on the site; in print, the
    name alone. ``before`` (``"("``) stays on the icon's line."""
    manual = context["manual"]
    name = manual.channel_name(channel_id)
    if context["page"].options.print_mode:
        return Markup("{}{}").format(before, name)
    return channel_with_icon(manual.channel_kind(channel_id), name, before)


@lru_cache(maxsize=4)
def environment(words: Localization) -> Environment:
    return make_environment(
        "deskbook.site",
        words,
        {"md": markdown_text, "markdown": markdown_html, "reading_order": in_reading_order,
         "channel_named": channel_named},
        keep_trailing_newline=True,
    )
