"""One way to make Jinja environments for Deskbook's templates: autoescape on, strict about undefined
names, shared filters. The site's pages and the print templates each get one."""

from __future__ import annotations

from typing import Any, Callable

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .model import CHANNEL_NAMES

SHARED_FILTERS: dict[str, Callable[..., Any]] = {
    "channel": lambda channel: CHANNEL_NAMES.get(channel, channel),
    "money": lambda value: f"${value:,}",
    "isodate": lambda value: value.isoformat(),
    "longdate": lambda value: f"{value.day} {value:%B %Y}",
}


def make_environment(package: str, filters: dict[str, Callable[..., Any]] | None = None, **options: Any) -> Environment:
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package; no need to stat them for every page
        **options,
    )
    env.filters.update(SHARED_FILTERS)
    env.filters.update(filters or {})
    return env
