"""'Edit this file' links from a page to the YAML it was made from, for managers who change policy in
pull requests. MkDocs knows the repository (``repo_url``) and where its docs are edited (``edit_uri``,
like ``edit/main/docs/``); the content files sit beside the docs folder, so the same edit address without
the docs folder leads to them."""

from __future__ import annotations

import posixpath


def edit_base_url(repo_url: str | None, edit_uri: str | None, docs_dir_name: str) -> str | None:
    """The address a project file's path is added to: ``https://host/org/repo/edit/main/``; None when the
    project sets no repository or no edit address."""
    if not repo_url or not edit_uri:
        return None
    edit_uri = edit_uri.strip("/")
    if posixpath.basename(edit_uri) == docs_dir_name:
        edit_uri = posixpath.dirname(edit_uri)
    if edit_uri.startswith(("http://", "https://")):
        return edit_uri.rstrip("/") + "/"
    return repo_url.rstrip("/") + "/" + (edit_uri + "/" if edit_uri else "")
