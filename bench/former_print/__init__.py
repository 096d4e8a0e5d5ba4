"""Deskbook's former print HTML (before Typst), kept only as the benchmark's WeasyPrint baseline.

The same site pages in print mode, converted with Python-Markdown and wrapped in the lean print
template and stylesheet the WeasyPrint handbook used, so WeasyPrint lays out what it used to.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown as markdown_lib
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from deskbook.manual import Manual
from deskbook.model.sections import SECTIONS
from deskbook.site.pages import SiteOptions, print_anchor, render_site_pages
from deskbook.templating import locale_filters

HERE = Path(__file__).parent
_HEADING = re.compile(r"<(/?)h([1-5])(\b[^>]*)>")


def _article(page, show_title: bool) -> dict:
    body = page.markdown.split("\n", 1)[1] if page.markdown.startswith("# ") else page.markdown
    html = markdown_lib.markdown(body, output_format="html")
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}{m.group(3)}>", html)
    return {"anchor": print_anchor(page.src_uri), "title": page.title, "html": Markup(html), "show_title": show_title}


def former_handbook_html(manual: Manual, printed: dt.datetime) -> str:
    pages = [page for page in render_site_pages(manual, SiteOptions(today=printed.date(), print_mode=True))
             if page.section != "about"]
    chapters = []
    for declared in SECTIONS:
        key, title = declared.name, declared.title
        section = [page for page in pages if page.section == key]
        if section:
            chapters.append({"key": key, "title": title,
                             "articles": [_article(page, len(section) > 1) for page in section]})
    environment = Environment(loader=FileSystemLoader(HERE), autoescape=select_autoescape(default=True),
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.filters.update(locale_filters(manual.localization))
    css = (HERE / "print.css").read_text(encoding="utf-8").replace("/* PAGE-SIZE */", "size: A4;")
    return environment.get_template("handbook.html.j2").render(
        manual=manual, edition={"title": "Complete edition"}, audience=None, chapters=chapters,
        printed=printed, stylesheet=Markup(css), whats_new=None, questions=manual.entities("question"),
        anchor_for=lambda ref: "chapter-answer-key",
    )
