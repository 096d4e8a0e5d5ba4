"""Where every entity is shown on the site, and relative links between pages.

Links inside generated HTML blocks are not rewritten by MkDocs, so they are computed here, relative to
the page they appear on; that also keeps the site working when opened from a folder.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

# Kinds with a page of their own: kind -> folder.
PAGE_FOLDERS = {
    "policy": "policies",
    "product": "products",
    "script": "scripts",
    "standard": "standards",
    "procedure": "procedures",
    "chain": "escalation",
    "call-log": "call-logs",
}

# Kinds shown as a section of a shared page: kind -> (page, anchor prefix).
ANCHORED_KINDS = {
    "role": ("escalation/index.md", "role"),
    "routing": ("escalation/index.md", "routing"),
    "account": ("escalation/index.md", "account"),
    "executive": ("company/index.md", "executive"),
    "category": ("response-times.md", "category"),
    "resource": ("training/library.md", "resource"),
    "workshop": ("training/library.md", "workshop"),
    "question": ("training/knowledge-checks.md", "question"),
    "metric": ("metrics.md", "metric"),
    "term": ("glossary.md", "term"),
    "audience": ("about.md", "audience"),
}


@dataclass(frozen=True)
class Target:
    src_uri: str
    anchor: str | None = None


def entity_target(kind: str, entity_id: str) -> Target:
    if kind in PAGE_FOLDERS:
        return Target(f"{PAGE_FOLDERS[kind]}/{entity_id}.md")
    page, prefix = ANCHORED_KINDS[kind]
    return Target(page, f"{prefix}-{entity_id}")


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
