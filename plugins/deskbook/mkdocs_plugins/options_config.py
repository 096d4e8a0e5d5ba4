"""MkDocs ``Config`` classes generated from the options declared in ``deskbook.options``.

MkDocs checks the types, which ``check`` reads from the same declaration (``options.option_type``); what
the values must be (a known page size, an audience of the manual, ...) is checked in ``project.py`` for
``check`` and the build alike. Nothing here declares an option.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..options import OptionType, option_type


def config_class(options: type, name: str) -> type[base.Config]:
    """A ``base.Config`` subclass with one config option per field of the ``options`` dataclass."""
    attributes: dict[str, Any] = {"__doc__": options.__doc__, "__module__": __name__}
    for item in dataclasses.fields(options):
        attributes[item.name] = _config_option(option_type(item), _default(item))
    for old, new in getattr(options, "renamed", {}).items():
        attributes[old] = c.Deprecated(moved_to=new)
    return type(name, (base.Config,), attributes)


def _config_option(kind: OptionType, default: Any) -> c.BaseConfigOption:
    one: c.BaseConfigOption
    if kind.options is not None:
        one = c.SubConfig(config_class(kind.options, kind.options.__name__.removesuffix("Options") + "Config"))
    else:
        one = c.Type(kind.python_type)
    if kind.many:
        return c.ListOfItems(one, default=default)
    if kind.optional:
        return c.Optional(one)
    if kind.options is None and default is not None:
        return c.Type(kind.python_type, default=default)
    return one


def _default(item: dataclasses.Field) -> Any:
    if item.default is not dataclasses.MISSING:
        return item.default
    if item.default_factory is not dataclasses.MISSING:
        return item.default_factory()
    return None  # required: MkDocs reports it missing
