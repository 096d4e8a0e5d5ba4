"""The checked Manual for the Deskbook plugins, through the pipeline; content errors become PluginError.

Both plugins ask for the same Manual; the pipeline keeps it for the content's current files, so a build
loads and checks the content once (the CLI's check before a build included).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..check import FRESHNESS
from ..diagnostics import ContentError, format_report
from ..manual import Manual
from ..pipeline import checked_manual

log = logging.getLogger("mkdocs.plugins.deskbook")


def load_checked_manual(content_dir: Path, project_root: Path, log_warnings: bool = False) -> Manual:
    """The checked Manual for ``content_dir``; raises PluginError listing every located error.

    With ``log_warnings`` (the content plugin, once per build) warnings are logged under ``mkdocs.``, so
    ``mkdocs build --strict`` fails on them.
    """
    try:
        manual, diagnostics = checked_manual(content_dir, project_root)
    except ContentError as exc:
        raise PluginError("Deskbook content has errors:\n" + format_report(exc.diagnostics)) from None
    if log_warnings:
        for warning in diagnostics.sorted():
            if warning.severity != "warning":
                continue
            # A policy due for review is shown on the site (badge, "Due for review" page); it must not fail
            # `mkdocs build --strict`, which would block every unrelated change. `check --strict` fails on it.
            if warning.rule == FRESHNESS:
                log.info(warning.format_text())
            else:
                log.warning(warning.format_text())
    return manual
