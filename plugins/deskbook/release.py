"""This Deskbook's release, read from the installed package's metadata: its version and how another
repository installs exactly it.

The version comes from the git tag at build time (setuptools-scm): ``v0.2.0`` gives ``0.2.0``; a commit
after the last tag, or a clone with no tag, gives ``0.2.1.dev3+g1a2b3c4`` (the commit in the local part).
"""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, metadata, version

DISTRIBUTION = "deskbook"
NOT_INSTALLED = "unknown (not installed; run from a source tree)"

# setuptools-scm's local part: +g<commit>, then .d<date> when the tree had uncommitted changes.
_COMMIT = re.compile(r"\+g([0-9a-f]{7,40})\b")
_RELEASE = re.compile(r"[0-9]+(\.[0-9]+)*")


def installed_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return NOT_INSTALLED


def repository_url() -> str | None:
    """The ``Repository`` entry of the package's project URLs (pyproject.toml's [project.urls])."""
    try:
        entries = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository" and url.strip():
            return url.strip()
    return None


def git_ref(release: str) -> str | None:
    """The git revision a version was built from: the tag ``v<version>`` for a release, the commit for a
    development version, None when the version says neither (a build without git)."""
    public, _, _ = release.partition("+")
    commit = _COMMIT.search(release)
    if _RELEASE.fullmatch(public) and public != "0.0.0":
        return f"v{public}"
    return commit.group(1) if commit else None


def pinned_requirement() -> str | None:
    """How a new repository installs this very release: ``deskbook @ git+<repository>@<ref>``; None when
    it cannot be said (not installed, or built without git), so the caller asks for --requirement."""
    url = repository_url()
    ref = git_ref(installed_version())
    if url is None or ref is None:
        return None
    return f"{DISTRIBUTION} @ git+{url}@{ref}"
