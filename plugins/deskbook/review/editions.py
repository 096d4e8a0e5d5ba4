"""The previous edition a manual names (``edition.previous_tag``), read from git once per revision: what
"What changed", the acknowledgement sheets and ``check`` compare the manual with."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..manual import Manual, load_manual
from ..references import resolved_manual


@dataclass(frozen=True)
class PreviousEdition:
    """The manual at ``edition.previous_tag``: loaded, or why it could not be."""

    tag: str
    manual: Manual | None
    problem: str | None = None
    in_git: bool = True


_previous: dict[tuple, PreviousEdition] = {}


def previous_edition(manual: Manual, project_root: Path | None = None) -> PreviousEdition | None:
    """The previous edition named in manual.yaml, read from git once per revision (not once per output)."""
    tag = manual.settings.edition.previous_tag
    if not tag:
        return None
    # Imported here: subprocess and tarfile, for git, only for a manual that names a previous edition.
    from .revisions import RevisionError, export_project, git_root, resolve_revision

    try:
        repo = git_root(project_root or manual.content_dir.parent)
    except RevisionError as exc:
        return PreviousEdition(tag, None, str(exc), in_git=False)
    try:
        commit = resolve_revision(repo, tag)
    except RevisionError as exc:
        return PreviousEdition(tag, None, str(exc))
    key = (repo.resolve(), commit, manual.content_dir.resolve())
    if key not in _previous:
        with tempfile.TemporaryDirectory(prefix="deskbook-edition-") as temporary:
            try:
                old_content = export_project(repo, commit, manual.content_dir, Path(temporary))
                old, _ = load_manual(old_content, Path(temporary))
                # Like with like: outputs compare it with the current Manual, whose prose is resolved.
                old = resolved_manual(old) if old is not None else None
            except (RevisionError, OSError) as exc:
                _previous[key] = PreviousEdition(tag, None, str(exc))
            else:
                _previous[key] = PreviousEdition(tag, old, None if old is not None else "it has content errors")
    return _previous[key]
