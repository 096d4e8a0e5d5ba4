"""The site appears in its folder in one atomic step, and nothing half-built outlives a build.

A build writes into a sibling folder, ``.site.building-<pid>``. When it succeeds the two folders are
exchanged with one ``renameat2(RENAME_EXCHANGE)`` call, so at every instant ``site/`` is either the
complete old site or the complete new one, even if the build is killed. Where the exchange is not
available (not Linux, or a file system without it) the old site is first renamed to
``.site.previous-<pid>``; a build killed between the two renames leaves that folder, and the next build
puts it back before doing anything else. Staging folders of builds that are no longer running are
removed at the start of every build.

Only a folder that is Deskbook's is ever replaced: every built site holds a marker file,
``.deskbook-site``, and an output folder that is not empty and has no marker (someone's notes, another
repository, an ``.ssh`` folder named by ``-d`` or by ``site_dir`` in a pull request) is refused before
anything is moved.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import threading
import time
from pathlib import Path

from ..safety import SITE_MARKER, foreign_folder_problem, mark_as_site  # noqa: F401 - the build's names

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class UnsafeSiteDir(ValueError):
    """The output folder would replace something that is not a built site."""


def staging_dir(final_dir: Path) -> Path:
    return final_dir.parent / f".{final_dir.name}.building-{os.getpid()}"


def _previous_dir(final_dir: Path) -> Path:
    return final_dir.parent / f".{final_dir.name}.previous-{os.getpid()}"


def _owner_is_running(folder: Path) -> bool:
    pid_text = folder.name.rpartition("-")[2]
    if not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_and_clean(final_dir: Path) -> None:
    """Put back a site a killed build had moved aside, and remove the staging folders of dead builds."""
    parent = final_dir.parent
    if not parent.is_dir():
        return
    for previous in sorted(parent.glob(f".{final_dir.name}.previous-*")):
        if _owner_is_running(previous):
            continue
        if not final_dir.exists():
            previous.rename(final_dir)
        else:
            shutil.rmtree(previous, ignore_errors=True)
    for staging in parent.glob(f".{final_dir.name}.building-*"):
        if not _owner_is_running(staging):
            shutil.rmtree(staging, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False when the system cannot (then nothing has changed)."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot exchange
        return False
    raise OSError(error, os.strerror(error), str(second))


def swap_in(staging: Path, final_dir: Path) -> None:
    """Make ``staging`` the site in one step; the old site is removed afterwards."""
    if not final_dir.exists() and not final_dir.is_symlink():
        staging.rename(final_dir)
        return
    if _exchange(staging, final_dir):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the old site
        return
    previous = _previous_dir(final_dir)
    final_dir.rename(previous)
    staging.rename(final_dir)  # a kill before this line is undone by recover_and_clean()
    shutil.rmtree(previous, ignore_errors=True)


def wait_for_pdf_threads(timeout: float = 120.0) -> None:
    """Wait for PDF compiles still running after a failed build (their jobs are cancelled, but a compile
    that had started finishes and writes its file), so removing the staging folder is the last word."""
    from ..handbook.jobs import PDF_THREAD_PREFIX  # a failed build has imported the handbook already

    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread.name.startswith(PDF_THREAD_PREFIX) and thread is not threading.current_thread():
            thread.join(max(deadline - time.monotonic(), 0))


def refuse_unsafe_site_dir(final_dir: Path, project_root: Path, sources: list[Path]) -> None:
    """Refuse an output folder that is, holds, or lies inside the project's sources (``sources``: the
    content and docs folders) or its git repository: the swap would replace that folder with the site."""
    final_dir = final_dir.resolve()
    project_root = project_root.resolve()
    inside_forbidden = [path.resolve() for path in sources]
    for folder in [project_root, *project_root.parents]:
        if (folder / ".git").exists():
            inside_forbidden.append((folder / ".git").resolve())
            break
    for path in [project_root, *inside_forbidden]:
        if final_dir == path or final_dir in path.parents:
            raise UnsafeSiteDir(
                f"the output folder {final_dir} would replace {path}; choose a folder of its own, like site/"
            )
    for path in inside_forbidden:
        if path in final_dir.parents:
            raise UnsafeSiteDir(f"the output folder {final_dir} is inside {path}; choose a folder outside it")
