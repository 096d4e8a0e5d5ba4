"""Loads the Manual once per build for every Deskbook plugin, and turns content errors into PluginError.

Both the content plugin and the PDF plugin need the same checked Manual; loading it here once keeps them
from reading YAML twice and from disagreeing. The cache key is the content files' paths, sizes and mtimes,
so ``mkdocs serve`` reloads after an edit and nothing else.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..check import FRESHNESS, check_manual
from ..diagnostics import Diagnostics, format_report
from ..manual import Manual, load_manual

log = logging.getLogger("mkdocs.plugins.deskbook")

_cache: dict[Path, tuple[tuple, Manual, Diagnostics]] = {}


def _signature(content_dir: Path) -> tuple:
    entries = []
    for path in sorted(content_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            entries.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def load_checked_manual(content_dir: Path, project_root: Path) -> Manual:
    """The checked Manual for ``content_dir``; raises PluginError listing every located error.

    Warnings are logged under ``mkdocs.`` once per load, so ``mkdocs build --strict`` fails on them.
    """
    content_dir = content_dir.resolve()
    signature = _signature(content_dir) if content_dir.is_dir() else ()
    cached = _cache.get(content_dir)
    if cached and cached[0] == signature:
        return cached[1]
    manual, diagnostics = load_manual(content_dir, project_root)
    if manual is not None:
        check_manual(manual, diagnostics)
    if manual is None or diagnostics.errors:
        raise PluginError(
            "Deskbook content has errors:\n" + format_report(diagnostics.sorted())
        )
    for warning in diagnostics.warnings:
        # A policy due for review is shown on the site (badge, "Due for review" page); it must not fail
        # `mkdocs build --strict`, which would block every unrelated change. `check --strict` fails on it.
        if warning.rule == FRESHNESS:
            log.info(warning.format_text())
        else:
            log.warning(warning.format_text())
    _cache[content_dir] = (signature, manual, diagnostics)
    return manual
