"""The Jinja environment of the site's page templates, shared by the pages and the diagrams."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..locale import Localization
from ..templating import make_environment
from ..text import markdown_html

_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>&~^:\"'=$%@")


def markdown_text(value: Any) -> Markup:
    """Text safe to place in Markdown outside HTML blocks: every special character becomes an entity."""
    text = str(value)
    return Markup("".join(f"&#{ord(ch)};" if ch in _MARKDOWN_SPECIALS else ch for ch in text))


@lru_cache(maxsize=4)
def environment(words: Localization) -> Environment:
    return make_environment(
        "deskbook.site",
        words,
        {"md": markdown_text, "markdown": markdown_html},
        keep_trailing_newline=True,
    )
