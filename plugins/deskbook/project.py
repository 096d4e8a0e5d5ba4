"""Facts about a Deskbook project read from its mkdocs.yml without running MkDocs.

mkdocs.yml may contain tags such as ``!ENV``; they are read as null here, which is enough to find the
content folder and the PDF editions for the CLI's ``build`` pre-check and ``diff``'s "where used".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class _TolerantLoader(yaml.SafeLoader):
    pass


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class EditionInfo:
    name: str
    title: str
    audience: str | None


@dataclass(frozen=True)
class DeskCardInfo:
    name: str
    parts: tuple[str, ...]
    scripts: tuple[str, ...]


def read_mkdocs_yml(config_file: Path) -> dict:
    """mkdocs.yml as its author wrote it: no defaults filled in, tags read as null."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    return data if isinstance(data, dict) else {}


def _plugin_options(config_file: Path, plugin: str) -> dict | None:
    data = read_mkdocs_yml(config_file)
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and plugin in entry:
            return entry[plugin] or {}
        if entry == plugin:
            return {}
    return None


def content_dir_of(config_file: Path) -> Path:
    options = _plugin_options(config_file, "deskbook/content") or {}
    return (config_file.resolve().parent / options.get("content_dir", "content")).resolve()


def pdf_outputs_of(config_file: Path) -> tuple[list[EditionInfo], DeskCardInfo | None]:
    from .handbook.data import DESK_CARD_PARTS

    options = _plugin_options(config_file, "deskbook/pdf")
    if options is None:
        return [], None
    editions = [EditionInfo(e.get("name", "handbook"), e.get("title", "Handbook"), e.get("audience"))
                for e in options.get("editions") or [{"name": "handbook", "title": "Complete edition"}]]
    card = options.get("desk_card") or {}
    if card.get("enabled", True) is False:
        return editions, None
    return editions, DeskCardInfo(card.get("name", "desk-card"), tuple(card.get("parts", DESK_CARD_PARTS)),
                                  tuple(card.get("scripts", ("hold", "supervisor-takeover"))))
