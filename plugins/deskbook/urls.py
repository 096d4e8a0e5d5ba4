"""Where every entity is shown, and relative links between pages: the project-wide URL map.

Derived from the kinds registry, so the site, the handbook's anchors and the review's "where used" agree
without depending on each other. Links inside generated HTML blocks are not rewritten by MkDocs, so they
are computed here, relative to the page they appear on; that also keeps the site working from a folder.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .model import KINDS


@dataclass(frozen=True)
class Target:
    src_uri: str
    anchor: str | None = None


def entity_target(kind: str, entity_id: str) -> Target:
    src_uri, _, anchor = KINDS[kind].page.format(id=entity_id).partition("#")
    return Target(src_uri, anchor or None)


def anchor_id(kind: str, entity_id: str) -> str:
    return entity_target(kind, entity_id).anchor or entity_id


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a page, relative to the site root."""
    stem, _ = posixpath.splitext(src_uri)
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_src_uri: str, to_src_uri: str, use_directory_urls: bool, anchor: str | None = None) -> str:
    """A link from one page to another (and an anchor on it), relative so it works from file://."""
    from_url = page_url(from_src_uri, use_directory_urls)
    to_url = page_url(to_src_uri, use_directory_urls)
    from_dir = from_url.rstrip("/") if from_url.endswith("/") else posixpath.dirname(from_url)
    href = posixpath.relpath(to_url or ".", from_dir or ".")
    if (to_url == "" or to_url.endswith("/")) and not href.endswith("/"):
        href += "/"
    return href + (f"#{anchor}" if anchor else "")
