"""The site's navigation, by section in reading order, as a MkDocs ``nav`` structure."""

from __future__ import annotations

from typing import Any

from ..manual import Manual
from ..model.sections import SECTION_TITLES
from .pages import GeneratedPage
from .reading_order import section_order

FIRST_PAGES = ("index.md", "how-to-use.md")
DOWNLOADS_PAGE = "downloads.md"  # written by the PDF plugin


def build_navigation(
    manual: Manual, pages: list[GeneratedPage], hand_written: list[str], max_entities: int
) -> list[Any]:
    nav: list[Any] = [page for page in FIRST_PAGES if page in hand_written]
    words = manual.localization
    # The PDFs are what the desk prints: near the top of the menu, not the last of eighty links.
    if DOWNLOADS_PAGE in hand_written:
        nav.append({words.gettext("Downloads"): DOWNLOADS_PAGE})
    by_section: dict[str, list[GeneratedPage]] = {}
    for page in pages:
        by_section.setdefault(page.section, []).append(page)
    for key in section_order(manual):
        title = words.gettext(SECTION_TITLES[key])
        section_pages = by_section.get(key, [])
        if not section_pages:
            continue
        if len(section_pages) == 1:
            nav.append({title: section_pages[0].src_uri})
            continue
        overview = [page for page in section_pages if page.entity_ref is None]
        entities = [page for page in section_pages if page.entity_ref is not None]  # already in reading order
        # Large sections keep only their overview pages in the menu: Material repeats the whole menu in
        # every page, so listing a thousand entities would make every page carry a thousand links.
        listed = overview + (entities if len(entities) <= max_entities else [])
        nav.append({title: [{nav_title(page): page.src_uri} if page.entity_ref else page.src_uri for page in listed]})
    review = by_section.get("review", [])
    if review:
        nav.append({words.gettext("Review"): [{nav_title(page): page.src_uri} for page in review]})
    others = [uri for uri in hand_written if uri not in FIRST_PAGES and uri != DOWNLOADS_PAGE]
    nav.extend(others)
    nav.extend({nav_title(page): page.src_uri} for page in by_section.get("about", []))
    return nav


_TITLE_MARKUP = str.maketrans({"<": "&lt;", ">": "&gt;", '"': "&quot;"})


def theme_text(text: str) -> str:
    """Text from the YAML as MkDocs themes want titles and the site name: HTML. Material prints them
    unescaped (header, menu, tabs), so they are escaped here, or `<script>` in a title would run. Only the
    characters that open a tag or close an attribute: Material escapes titles once more in the footer's
    aria-label, and "Chef's" must not be read out as "Chef&#39;s" there."""
    return text.translate(_TITLE_MARKUP)


def nav_title(page: GeneratedPage) -> str:
    return theme_text(page.title)
