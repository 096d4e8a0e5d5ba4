"""Read the content folder as it was at a git revision, without touching the working tree."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class RevisionError(Exception):
    """The revision does not exist or git is not available; a usage problem, not a content one."""


def git_root(start: Path) -> Path:
    result = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True, text=True)
    if result.returncode != 0:
        raise RevisionError(f"{start} is not inside a git repository")
    return Path(result.stdout.strip())


def resolve_revision(repo: Path, revision: str) -> str:
    if revision.startswith("-"):
        raise RevisionError(f"'{revision}' is not a revision")
    result = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd=repo,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RevisionError(f"unknown revision '{revision}': name a branch, tag or commit")
    return result.stdout.strip()


def export_content(repo: Path, revision: str, content_dir: Path, destination: Path) -> Path:
    """Extract ``content_dir`` (a folder inside ``repo``) at ``revision`` into ``destination``."""
    commit = resolve_revision(repo, revision)
    relative = content_dir.resolve().relative_to(repo.resolve()).as_posix()
    result = subprocess.run(["git", "archive", "--format=tar", commit, "--", relative], cwd=repo,
                            capture_output=True)
    target = destination / relative
    if result.returncode != 0:
        raise RevisionError(f"'{relative}' does not exist at revision '{revision}'")
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(destination, filter="data")  # "data": no absolute paths, links or devices
    return target
