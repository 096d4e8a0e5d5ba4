"""load -> check -> Manual: the one path every command, plugin and test takes to a checked Manual.

``load_checked`` reads and checks a content folder and returns every diagnostic of the run;
``checked_manual`` is the same for outputs, which need a Manual without errors: it raises
:class:`ContentError` listing all of them, and keeps the result for the content's current files, so the
CLI's check before a build, the content plugin and the PDF plugin share one load per build (and
``mkdocs serve`` loads again only after an edit).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .check import check_manual
from .diagnostics import ContentError, Diagnostics
from .manual import Manual, load_manual

_checked: dict[Path, tuple[tuple, Manual, Diagnostics]] = {}


def load_checked(
    content_dir: Path,
    project_root: Path | None = None,
    *,
    allow_partial: bool = False,
    strict_freshness: bool = False,
    today: dt.date | None = None,
) -> tuple[Manual | None, Diagnostics]:
    """Load and check; the Manual is None when a file could not be read (with ``allow_partial``, only
    when a settings file could not). Every problem of the run is in the diagnostics."""
    manual, diagnostics = load_manual(content_dir, project_root, allow_partial=allow_partial)
    if manual is not None:
        check_manual(manual, diagnostics, today=today, strict_freshness=strict_freshness)
    return manual, diagnostics


def checked_manual(content_dir: Path, project_root: Path | None = None) -> tuple[Manual, Diagnostics]:
    """The checked Manual and its warnings; raises ContentError with every located error."""
    content_dir = content_dir.resolve()
    signature = _signature(content_dir)
    cached = _checked.get(content_dir)
    if cached is not None and cached[0] == signature:
        return cached[1], cached[2]
    manual, diagnostics = load_checked(content_dir, project_root)
    if manual is None or diagnostics.errors:
        raise ContentError(diagnostics.items)
    _checked[content_dir] = (signature, manual, diagnostics)
    return manual, diagnostics


def load_checked_manual(content_dir: Path, project_root: Path | None = None) -> Manual:
    """Just the checked Manual, for outputs and tests; raises ContentError with every located error."""
    return checked_manual(content_dir, project_root)[0]


def _signature(content_dir: Path) -> tuple:
    """Paths, sizes and modification times of every file under the content folder."""
    if not content_dir.is_dir():
        return ()
    entries = []
    for path in sorted(content_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            entries.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)
