"""The site's navigation, by section, as a MkDocs ``nav`` structure."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..manual import Manual
from .pages import SECTION_TITLES, GeneratedPage

FIRST_PAGES = ("index.md", "how-to-use.md")


def build_navigation(
    manual: Manual, pages: list[GeneratedPage], hand_written: list[str], max_entities: int
) -> list[Any]:
    nav: list[Any] = [page for page in FIRST_PAGES if page in hand_written]
    by_section: dict[str, list[GeneratedPage]] = {}
    for page in pages:
        by_section.setdefault(page.section, []).append(page)
    words = manual.localization
    for key, english_title in SECTION_TITLES:
        title = words.gettext(english_title)
        section_pages = by_section.get(key, [])
        if not section_pages:
            continue
        if len(section_pages) == 1:
            nav.append({title: section_pages[0].src_uri})
            continue
        overview = [page for page in section_pages if page.entity_ref is None]
        entities = [page for page in section_pages if page.entity_ref is not None]
        # Large sections keep only their overview pages in the menu: Material repeats the whole menu in
        # every page, so listing a thousand entities would make every page carry a thousand links.
        listed = overview + (entities if len(entities) <= max_entities else [])
        nav.append({title: [{nav_title(page): page.src_uri} if page.entity_ref else page.src_uri for page in listed]})
    review = by_section.get("review", [])
    if review:
        nav.append({words.gettext("Review"): [{nav_title(page): page.src_uri} for page in review]})
    others = [uri for uri in hand_written if uri not in FIRST_PAGES and uri != "downloads.md"]
    nav.extend(others)
    nav.extend({nav_title(page): page.src_uri} for page in by_section.get("about", []))
    if "downloads.md" in hand_written:
        nav.append({words.gettext("Downloads"): "downloads.md"})
    return nav


def nav_title(page: GeneratedPage) -> str:
    """A page title as MkDocs themes want it: HTML. Material prints titles unescaped (header, menu, tabs),
    so a title from the YAML is escaped here, or `<script>` in a policy title would run."""
    return str(escape(page.title))
