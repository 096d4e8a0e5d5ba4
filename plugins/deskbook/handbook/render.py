"""The handbook and the desk card as print HTML, from the same page templates as the site.

The site's pages are rendered again in print mode (links become anchors inside the book, shown as
"see page N"), from the Manual as the edition's audience sees it, converted to HTML and wrapped as
chapters in a lean print template. No Material CSS is involved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import markdown as markdown_lib
from jinja2 import Environment
from markupsafe import Markup

from ..clock import build_datetime
from ..manual import Manual
from ..site.diagrams import chain_diagram
from ..site.pages import SECTION_TITLES, GeneratedPage, SiteOptions, print_anchor, render_site_pages
from ..locale import Localization
from ..templating import make_environment
from ..text import fill_placeholders

ASSETS = Path(__file__).parent / "assets"
DESK_CARD_PARTS = ("escalation", "thresholds", "response-times", "scripts", "contacts")


@dataclass(frozen=True)
class EditionSpec:
    name: str  # the PDF's file name without .pdf
    title: str  # printed on the cover, like "Representative edition"
    audience: str | None = None  # None: everything


@dataclass(frozen=True)
class DeskCardSpec:
    name: str = "desk-card"
    parts: tuple[str, ...] = DESK_CARD_PARTS
    scripts: tuple[str, ...] = ("hold", "supervisor-takeover")
    audience: str | None = None


@dataclass(frozen=True)
class PrintOptions:
    page_size: str = "A4"
    printed: dt.datetime = field(default_factory=build_datetime)
    whats_new_html: str | None = None


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    articles: tuple["Article", ...]


@dataclass(frozen=True)
class Article:
    anchor: str
    title: str
    html: Markup
    show_title: bool


_HEADING = re.compile(r"<(/?)h([1-5])(\b[^>]*)>")


def _demote_headings(html: str, levels: int) -> str:
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + levels, 6)}{m.group(3)}>", html)


def _article(page: GeneratedPage, show_title: bool) -> Article:
    body = page.markdown.split("\n", 1)[1] if page.markdown.startswith("# ") else page.markdown
    html = markdown_lib.markdown(body, output_format="html")
    # Page titles print as h2 under the chapter's h1; the page's own h2 sections become h3.
    return Article(print_anchor(page.src_uri), page.title, Markup(_demote_headings(html, 1)), show_title)


def _chapters(pages: list[GeneratedPage], words: Localization) -> list[Chapter]:
    chapters = []
    for key, english_title in SECTION_TITLES:
        title = words.gettext(english_title)
        section_pages = [page for page in pages if page.section == key]
        if not section_pages:
            continue
        single = len(section_pages) == 1
        chapters.append(Chapter(key, title, tuple(_article(page, not single) for page in section_pages)))
    return chapters


@lru_cache(maxsize=4)
def environment(words: Localization) -> Environment:
    return make_environment("deskbook.handbook", words)


def _stylesheet(page_size: str) -> Markup:
    css = (ASSETS / "print.css").read_text(encoding="utf-8")
    # page_size comes from a Choice in the plugin config ("A4" or "Letter"), never from content.
    return Markup(css.replace("/* PAGE-SIZE */", f"size: {page_size};"))


def handbook_html(manual: Manual, edition: EditionSpec, options: PrintOptions) -> str:
    view = manual.for_audience(edition.audience)
    site_options = SiteOptions(use_directory_urls=False, today=options.printed.date(), print_mode=True)
    pages = [page for page in render_site_pages(view, site_options) if page.section != "about"]
    chapters = _chapters(pages, view.localization)
    audience = view.get("audience", edition.audience) if edition.audience else None
    return environment(view.localization).get_template("handbook.html.j2").render(
        manual=view,
        edition=edition,
        audience=audience,
        chapters=chapters,
        options=options,
        printed=options.printed,
        stylesheet=_stylesheet(options.page_size),
        whats_new=Markup(options.whats_new_html) if options.whats_new_html else None,
        questions=view.entities("question"),
        anchor_for=_reference_anchor,
    )


def _reference_anchor(ref: str) -> str:
    from ..site.urls import entity_target

    kind, _, entity_id = ref.partition(":")
    target = entity_target(kind, entity_id)
    return target.anchor or print_anchor(target.src_uri)


def desk_card_html(manual: Manual, card: DeskCardSpec, options: PrintOptions) -> str:
    view = manual.for_audience(card.audience)
    variables = view.variables
    scripts = [view.get("script", script_id) for script_id in card.scripts]
    return environment(view.localization).get_template("desk_card.html.j2").render(
        manual=view,
        card=card,
        parts=set(card.parts),
        scripts=[script for script in scripts if script is not None],
        fill=lambda text: fill_placeholders(text, variables.values, variables.blanks) if text else Markup(""),
        printed=options.printed,
        stylesheet=_stylesheet(options.page_size),
        diagram=chain_diagram,
    )
