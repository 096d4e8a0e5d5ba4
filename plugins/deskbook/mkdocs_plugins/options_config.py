"""MkDocs ``Config`` classes generated from the options declared in ``deskbook.options``.

MkDocs checks the types; what the values must be (a known page size, an audience of the manual, ...) is
checked in ``project.py`` for ``check`` and the build alike. Nothing here declares an option.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..options import nested_options

_SCALARS: dict[str, type] = {"bool": bool, "int": int, "str": str}


def config_class(options: type, name: str) -> type[base.Config]:
    """A ``base.Config`` subclass with one config option per field of the ``options`` dataclass."""
    nested = {key: config_class(inner, inner.__name__.removesuffix("Options") + "Config")
              for key, inner in nested_options(options).items()}
    attributes: dict[str, Any] = {"__doc__": options.__doc__, "__module__": __name__}
    for item in dataclasses.fields(options):
        attributes[item.name] = _config_option(item, nested.get(item.name))
    for old, new in getattr(options, "renamed", {}).items():
        attributes[old] = c.Deprecated(moved_to=new)
    return type(name, (base.Config,), attributes)


def _config_option(item: dataclasses.Field, nested: type[base.Config] | None) -> c.BaseConfigOption:
    written = str(item.type)
    default = _default(item)
    if nested is not None and written.startswith("list["):
        return c.ListOfItems(c.SubConfig(nested), default=default)
    if nested is not None:
        return c.SubConfig(nested)
    if written.startswith("list[") and written.removeprefix("list[").removesuffix("]") in _SCALARS:
        return c.ListOfItems(c.Type(_SCALARS[written[5:-1]]), default=default)
    if written.endswith(" | None") and written.removesuffix(" | None") in _SCALARS:
        return c.Optional(c.Type(_SCALARS[written.removesuffix(" | None")]))
    if written in _SCALARS:
        return c.Type(_SCALARS[written]) if default is None else c.Type(_SCALARS[written], default=default)
    raise TypeError(f"deskbook option {item.name}: no MkDocs config option for type {written}")


def _default(item: dataclasses.Field) -> Any:
    if item.default is not dataclasses.MISSING:
        return item.default
    if item.default_factory is not dataclasses.MISSING:
        return item.default_factory()
    return None  # required: MkDocs reports it missing
