"""The checked Manual for the Deskbook plugins, through the pipeline; content errors become PluginError.

Both plugins ask for the same Manual; the pipeline keeps it for the content's current files, so a build
loads and checks the content once (the CLI's check before a build included).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from ..diagnostics import ContentError, format_report
from ..manual import Manual
from ..pipeline import checked_manual

log = logging.getLogger("mkdocs.plugins.deskbook")


def load_checked_manual(content_dir: Path, project_root: Path, log_warnings: bool = False) -> Manual:
    """The checked Manual for ``content_dir``; raises PluginError listing every located error.

    With ``log_warnings`` (the content plugin, once per build) warnings are logged under ``mkdocs.``, so
    ``mkdocs build --strict`` fails on them as ``check --strict`` does; notices are logged as information.
    """
    try:
        manual, diagnostics = checked_manual(content_dir, project_root)
    except ContentError as exc:
        raise PluginError("Deskbook content has errors:\n" + format_report(exc.diagnostics)) from None
    if log_warnings:
        for item in diagnostics.sorted():
            if item.severity == "warning":
                log.warning(item.format_text())
            elif item.severity == "notice":
                log.info(item.format_text())
    return manual
