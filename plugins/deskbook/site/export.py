"""The site's pages as Markdown files in a folder, for engines that run no MkDocs plugins (Zensical).

``deskbook pages DIR`` writes every generated page, the review pages, Deskbook's stylesheet and scripts,
and a copy of the hand-written pages, so the engine's ``docs_dir`` can be ``DIR``; the ``deskbook.markdown``
extension then resolves the ``[[...]]`` references of the hand-written pages while the engine renders
them. Like a site folder, ``DIR`` is Deskbook's or empty: it carries the same marker and is replaced whole.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..clock import today
from ..manual import Manual
from ..review.site_pages import review_site_pages
from ..safety import mark_as_site, sanitised_svg
from .pages import SiteOptions, render_site_pages
from .theme import brand

ASSETS = Path(__file__).resolve().parent / "assets"
ASSET_FILES = {
    "assets/deskbook/deskbook.css": "deskbook.css",
    "assets/deskbook/deskbook.js": "deskbook.js",
    "assets/deskbook/quiz.js": "quiz.js",
    "assets/deskbook/who-decides.js": "who-decides.js",
    "assets/deskbook/how-fast.js": "how-fast.js",
}
BRAND_STYLESHEET = "assets/deskbook/brand.css"


class PageClash(ValueError):
    """A hand-written page has the path of a generated one."""


@dataclass(frozen=True)
class WrittenPages:
    generated: list[str]  # src_uri of each generated page, in reading order
    hand_written: list[str]
    assets: list[str]


def write_pages(manual: Manual, content_dir: Path, docs_dir: Path, out_dir: Path, *,
                use_directory_urls: bool, edit_url: str | None = None) -> WrittenPages:
    """Fill ``out_dir`` (empty, new or written by this function before) with the whole site's Markdown.

    Pages are rendered before anything is removed, so a failure leaves the previous folder as it was.
    """
    options = SiteOptions(use_directory_urls=use_directory_urls, today=today(), edit_url=edit_url)
    pages = render_site_pages(manual, options)
    pages.extend(review_site_pages(manual, content_dir.parent, options.today))
    generated = {page.src_uri: page for page in pages}
    hand_written = _hand_written_files(docs_dir, out_dir)
    for uri in hand_written:
        if uri in generated:
            page = generated[uri]
            raise PageClash(f"{docs_dir.name}/{uri} has the same path as the page generated for "
                            f"{page.entity_ref or page.title}; rename or remove the hand-written page")
    identity = brand(manual)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    for uri in hand_written:
        _write(out_dir, uri, (docs_dir / uri).read_bytes())
    for page in pages:
        _write(out_dir, page.src_uri, page.markdown.encode("utf-8"))
    assets = dict.fromkeys(ASSET_FILES)
    for uri, name in ASSET_FILES.items():
        _write(out_dir, uri, (ASSETS / name).read_bytes())
    _write(out_dir, BRAND_STYLESHEET, identity.stylesheet.encode("utf-8"))
    assets[BRAND_STYLESHEET] = None
    if identity.logo_uri and identity.logo_source:
        logo = identity.logo_source.read_bytes()
        _write(out_dir, identity.logo_uri,
               sanitised_svg(logo)[0] if identity.logo_source.suffix.lower() == ".svg" else logo)
        assets[identity.logo_uri] = None
    mark_as_site(out_dir)
    return WrittenPages(list(generated), hand_written, list(assets))


def _hand_written_files(docs_dir: Path, out_dir: Path) -> list[str]:
    """Every file of the docs folder (pages and their images), hidden ones left out as MkDocs does."""
    if not docs_dir.is_dir() or docs_dir.resolve() == out_dir.resolve():
        return []
    files = []
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            files.append(relative.as_posix())
    return files


def _write(out_dir: Path, uri: str, content: bytes) -> None:
    target = out_dir / uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
