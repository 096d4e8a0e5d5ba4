"""Read the content folder as it was at a git revision, without touching the working tree, with the
folders beside it that change how it renders (its catalogues and fonts), so a revision is rendered as it
was built then, not in the words and fonts of today's working tree."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from ..locale import CATALOGUE_FOLDER

# Beside content/: the project's own catalogues (locale/), and the fonts it prints with (fonts/).
RENDERED_WITH = (CATALOGUE_FOLDER, "fonts")


class RevisionError(Exception):
    """The revision does not exist or git is not available; a usage problem, not a content one."""


def git_root(start: Path) -> Path:
    result = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise RevisionError(f"{start} is not inside a git repository")
    return Path(result.stdout.strip())


def resolve_revision(repo: Path, revision: str) -> str:
    if revision.startswith("-"):
        raise RevisionError(f"'{revision}' is not a revision")
    result = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd=repo,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RevisionError(f"unknown revision '{revision}': name a branch, tag or commit")
    return result.stdout.strip()


def export_content(repo: Path, revision: str, content_dir: Path, destination: Path) -> Path:
    """Extract ``content_dir`` (a folder inside ``repo``) at ``revision`` into ``destination``."""
    commit = resolve_revision(repo, revision)
    relative = content_dir.resolve().relative_to(repo.resolve()).as_posix()
    result = subprocess.run(["git", "archive", "--format=tar", commit, "--", relative], cwd=repo,
                            capture_output=True, check=False)
    target = destination / relative
    if result.returncode != 0:
        raise RevisionError(f"'{relative}' does not exist at revision '{revision}'")
    try:
        with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
            archive.extractall(destination, filter=_files_and_folders_only)
    except (tarfile.TarError, OSError) as exc:
        raise RevisionError(f"cannot read '{relative}' at revision '{revision}': {exc}") from None
    return target


def export_project(repo: Path, revision: str, content_dir: Path, destination: Path) -> Path:
    """``content_dir`` at ``revision`` (see :func:`export_content`), and beside it the folders of
    ``RENDERED_WITH`` the project had at that revision."""
    target = export_content(repo, revision, content_dir, destination)
    commit = resolve_revision(repo, revision)
    for name in RENDERED_WITH:
        beside = content_dir.parent / name
        relative = beside.resolve().relative_to(repo.resolve()).as_posix()
        listed = subprocess.run(["git", "ls-tree", "-d", "--name-only", commit, "--", relative], cwd=repo,
                                capture_output=True, text=True, check=False)
        if listed.stdout.strip():  # a project without its own catalogues or fonts has no folder to read
            export_content(repo, commit, beside, destination)
    return target


def _files_and_folders_only(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    """Content is plain files: a committed symbolic link (maybe to an absolute path such as /etc/passwd)
    is left out, as ``check`` refuses one in the working tree; the rest gets tarfile's "data" rules."""
    if not (member.isfile() or member.isdir()):
        return None
    return tarfile.data_filter(member, destination)
