"""The Manual as print data: plain JSON-ready dicts that the Typst templates lay out.

The handbook prints the documents of the site's pages (:mod:`deskbook.document`), written in print mode
(links become anchors inside the book) from the Manual as the edition's audience sees it, and turned into
a node tree (:mod:`.tree`). Nothing here writes Typst markup.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import unicodedata
from typing import Any

from ..locale import collation_key
from ..manual import Manual
from ..model import KINDS
from ..model.sections import SECTION_TITLES
from ..site.pages import GeneratedPage, SiteOptions, print_anchor, render_site_pages
from ..site.reading_order import section_order
from ..site.references import expand_references
from ..text import markdown_html
from ..urls import entity_target
from .interactive import fill_print_blocks
from .keep import keep_together
from .specs import (
    EditionSpec,
    PrintOptions,
    _paper,
    print_colours,
)
from .tree import Converter, parse_html, walk
from .words import handbook_words, print_language
from .written import handwritten_html


def _chapter(key: str, title: str, articles: list[dict]) -> dict:
    return {"key": key, "title": title, "anchor": f"chapter-{key}", "articles": articles}


def _article(anchor: str, title: str, blocks: list, show_title: bool) -> dict:
    return {"anchor": anchor, "title": title, "blocks": blocks, "show_title": show_title}


class PageConverter:
    """Turns pages' documents into print blocks, each distinct page once per build: the editions of a build
    share most pages word for word, and converting them is most of the print data's cost."""

    def __init__(self, manual: Manual):
        self.absent_title = _absent_title(manual)
        self._converted: dict[str, str] = {}

    def blocks(self, html: str) -> list:
        converted = self._converted.get(html)
        if converted is None:
            root, svgs = parse_html(html)
            blocks = Converter(svgs, absent_title=self.absent_title, level_offset=1).blocks(root.children)
            converted = self._converted[html] = json.dumps(blocks)
        # A fresh copy each time: the passes after conversion edit the nodes of their own edition.
        return json.loads(converted)


def _markdown_body(markdown: str) -> str:
    """A generated page's Markdown without its ``# Title`` line (the book prints the title itself)."""
    return markdown.split("\n", 1)[1] if markdown.startswith("# ") else markdown


_ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")


def _page_document(page: GeneratedPage) -> str:
    """A generated page's document as one string of elements. Its Markdown is only ATX headings (user text
    in them is all entities, see ``site.pages.markdown_text``) between blocks from autoescaped templates,
    so the headings become tags and the blocks pass as they are: what Python-Markdown would make, without
    running it over every page a second time."""
    lines = []
    after_blank = True
    for source_line in _markdown_body(page.markdown).split("\n"):
        heading = _ATX_HEADING.match(source_line) if after_blank else None
        line = f"<h{len(heading.group(1))}>{heading.group(2)}</h{len(heading.group(1))}>" if heading else source_line
        lines.append(line)
        after_blank = not line.strip()
    return "\n".join(lines)


def _nothing_to_print(view: Manual, section: str) -> bool:
    """A section of entity pages whose kinds (its own, and those shown on its shared pages) have no entity
    in this edition (no products yet, or none its audience may see): its index would print a table head
    and no rows, a page that says nothing."""
    if not any(kind.section == section for kind in KINDS.values()):
        return False  # a section of settings pages (the company, the schedules) always has its page
    kinds = [kind for kind in KINDS.values()
             if kind.section == section or kind.page.startswith((f"{section}/", f"{section}.md"))]
    return not any(view.entities(kind.name) for kind in kinds)


def handbook_data(manual: Manual, edition: EditionSpec, options: PrintOptions,
                  pages_converter: PageConverter | None = None) -> dict[str, Any]:
    """One edition's print data. Pass the same ``pages_converter`` for every edition of a build."""
    converter = pages_converter or PageConverter(manual)
    view = manual.for_audience(edition.audience)
    localization = view.localization
    words = handbook_words(localization)
    site_options = SiteOptions(use_directory_urls=False, today=options.printed.date(), print_mode=True)
    pages = [page for page in render_site_pages(view, site_options) if page.section != "about"]

    chapters: list[dict] = []
    introduction: list[dict] = []
    if options.handwritten:
        for page in options.handwritten:
            # [[kind:id]] references resolve against the whole manual; a link to an entity this edition
            # leaves out loses its link below and prints its title. The site build reports bad ones.
            markdown, _ = expand_references(_markdown_body(page.markdown), manual, _print_href)
            blocks = converter.blocks(handwritten_html(markdown))
            _link_pages_inside_the_book(blocks, page.src_uri)
            title, _ = expand_references(page.title, manual, _print_href)
            title = html.unescape(re.sub(r"<[^>]+>", "", title))
            introduction.append(_article(print_anchor(page.src_uri), title, blocks, True))
    chapters.append(_chapter("introduction", words["introduction"], introduction))

    for key in section_order(view):  # the site's order: one reading order for the menu and the book
        title = localization.gettext(SECTION_TITLES[key])
        section_pages = [page for page in pages if page.section == key]
        if not section_pages or _nothing_to_print(view, key) or key in view.settings.leave_out_of_handbook:
            continue
        single = len(section_pages) == 1
        articles = []
        for site_page in section_pages:
            # A section's index page under a chapter of the same name prints no second, equal title.
            same_title = site_page.title.casefold() == title.casefold()
            blocks = converter.blocks(_page_document(site_page))
            fill_print_blocks(blocks, view, words, _print_href)
            flat = single or same_title
            articles.append(_article(print_anchor(site_page.src_uri), site_page.title, _clamp_levels(blocks, flat),
                                     not flat))
        chapters.append(_chapter(key, title, articles))

    whats_new = options.whats_new_markdown.get(edition.audience)
    whats_new_line: list = []
    if whats_new:
        blocks = converter.blocks(str(markdown_html(_markdown_body(whats_new))))
        if len(blocks) == 1 and blocks[0].get("t") == "p":
            # No list of changes (a first edition, a comparison that could not be made): one line, no page.
            whats_new_line = [{"t": "p", "style": "hint", "c": [{"t": "strong", "c": [words["whats_new"] + ":"]}, " ",
                                                              *blocks[0]["c"]]}]
        else:
            chapters.append(_chapter("whats-new", words["whats_new"],
                                     [_article("page-whats-new", words["whats_new"], _clamp_levels(blocks, True),
                                               False)]))

    answers = _answer_key(view)
    anchors = _unlink_missing_targets(chapters, answers)
    index = _index(view, anchors)
    _mark_mentions(chapters, index)
    # The site's own "how to use" speaks of its search box and menu; the book says how to use a book.
    introduction.append(_article("book-how-to-use", words["how_to_use"],
                                 _how_to_use(chapters, words, bool(index), bool(answers)) + whats_new_line,
                                 True))
    if len(introduction) == 1:
        introduction[0]["show_title"] = False
    keep_together(chapters)
    settings = view.settings
    audience = view.get("audience", edition.audience) if edition.audience else None
    document_title = f"{settings.title} ({edition.title})"
    return {
        **print_language(localization),
        "paper": _paper(options),
        "colours": print_colours(settings.colours),
        "words": words,
        "book": {
            "document_title": document_title,
            "title": settings.title,
            "subtitle": settings.subtitle or None,
            "company": view.company.name,
            "subject": f"{settings.title}: {edition.title}, "
                       + words["edition_dated"].format(number=settings.edition.number,
                                                       date=localization.date(settings.edition.date)),
            "keywords": [view.company.name, edition.title],
            "edition_title": edition.title,
            "audience": audience.name.lower() if audience else None,
            "edition_number": str(settings.edition.number),
            "edition_date": localization.date(settings.edition.date),
            "printed": localization.date(options.printed.date()),
            "logo": settings.logo or None,
        },
        "chapters": chapters,
        "answers": answers,
        "index": index,
    }


def _how_to_use(chapters: list[dict], words: dict[str, str], has_index: bool, has_answers: bool) -> list:
    """How to find things in this book: only what it holds (an index, an answer key, blanks to fill in)."""
    points = [words["how_contents"], words["how_see_page"]]
    if has_index:
        points.append(words["how_index"])
    if any(node.get("t") == "blank" for node in walk(chapters)):
        points.append(words["how_blanks"])
    if has_answers:
        points.append(words["how_quiz"])
    points.append(words["how_printed"])
    return [{"t": "list", "ordered": False, "items": [[{"t": "p", "c": [point]}] for point in points]}]


def _link_pages_inside_the_book(blocks: list, src_uri: str) -> None:
    """A hand-written page's link to another page of the manual (``../policies/refunds.md``) becomes a
    reference inside the book; links with a scheme (https:, mailto:) stay links."""
    for node in walk(blocks):
        target = node.get("to", "")
        if node.get("t") != "url" or ":" in target.split("/")[0] or not target.split("#")[0].endswith(".md"):
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target.split("#")[0]))
        node.update({"t": "ref", "to": print_anchor(path)})
    for node in walk(blocks):
        if node.get("t") == "ref":
            node.setdefault("see", "see")


def _print_href(kind: str, entity_id: str) -> str:
    return "#" + _target_anchor(f"{kind}:{entity_id}")


def _absent_title(manual: Manual):
    """An entity the edition leaves out is named by its title (from the whole manual), never by its id."""

    def title(ref: str) -> str | None:
        kind, _, entity_id = ref.partition(":")
        entity = manual.get(kind, entity_id) if entity_id else None
        return entity.display_title if entity is not None else None

    return title


def _clamp_levels(blocks: list, single: bool) -> list:
    """Headings never skip a level (PDF/UA refuses that): a page's sections sit one level under its
    title, or under the chapter heading when the chapter is that one page."""
    previous = 1 if single else 2
    for node in walk(blocks):
        if node.get("t") == "h":
            node["l"] = max(2, min(node["l"] - (1 if single else 0), previous + 1))
            previous = node["l"]
    return blocks


def _target_anchor(ref: str) -> str:
    kind, _, entity_id = ref.partition(":")
    target = entity_target(kind, entity_id)
    return target.anchor or print_anchor(target.src_uri)


def _answer_key(view: Manual) -> list[dict]:
    from ..urls import anchor_id

    answers = []
    for number, question in enumerate(view.entities("question"), start=1):
        explained = question.tests if view.get(*question.tests.partition(":")[::2]) is not None else None
        answers.append({
            "n": number,
            "question": anchor_id("question", question.id),
            "letter": "ABCDEFGH"[question.answer - 1],
            "choice": question.choices[question.answer - 1],
            "why": question.explanation,
            "explained": _target_anchor(explained) if explained else None,
        })
    return answers


def _unlink_missing_targets(chapters: list[dict], answers: list[dict]) -> set[str]:
    """Typst refuses a link to a label that does not exist, and prints no anchor twice: a link whose
    target is not in this edition prints its text alone, and a repeated anchor keeps its first place.
    Returns the anchors the book holds."""
    anchors: set[str] = set()
    for chapter in chapters:
        anchors.add(chapter["anchor"])
        for article in chapter["articles"]:
            anchors.add(article["anchor"])
    for node in walk(chapters):
        identifier = node.get("id")
        if node.get("t") in ("anchor", "h", "question") or ("term" in node and identifier):
            if identifier in anchors:
                node.pop("id")
                if node.get("t") == "anchor":
                    node["t"], node["c"] = "span", []  # prints nothing
            elif identifier:
                anchors.add(identifier)
    for node in walk(chapters):
        if node.get("t") == "ref" and node["to"] not in anchors:
            node["t"] = "span"
            node.pop("to")
            node.pop("see", None)
    for answer in answers:
        if answer["explained"] not in anchors:
            answer["explained"] = None
    return anchors


def _index(view: Manual, anchors: set[str]) -> list[dict]:
    """The back-of-book index: every entity of the kinds the registry marks ``in_index`` that this book
    prints, in the collation order of the manual's language, in groups by first letter. Typst finds the
    pages: where each entity is described (its anchor) and where the book refers to it (marked mentions)."""
    words = view.localization
    entries = []
    for kind in KINDS.values():
        if not kind.in_index:
            continue
        label = words.gettext(kind.singular)
        for entity in view.entities(kind.name):
            anchor = _target_anchor(entity.ref)
            if anchor in anchors:
                entries.append({"title": entity.display_title, "kind": label, "to": anchor})
    entries.sort(key=lambda entry: (collation_key(entry["title"]), collation_key(entry["kind"])))
    groups: list[dict] = []
    for entry in entries:
        first = _primary_weights(entry["title"][:1])
        if not groups or groups[-1]["weights"] != first:
            groups.append({"weights": first, "letter": _letter(entry["title"]), "entries": []})
        groups[-1]["entries"].append(entry)
    return [{"letter": group["letter"], "entries": group["entries"]} for group in groups]


def _primary_weights(text: str) -> tuple[int, ...]:
    """The first level of a collation key: a letter with or without accent, in either case, is one group
    of the index ("Éclair" sits under E with "Exchange")."""
    key = collation_key(text)
    return key[:key.index(0)] if 0 in key else key


def _letter(title: str) -> str:
    base = unicodedata.normalize("NFD", title[:1])[:1]
    return base.upper() or title[:1]


def _mark_mentions(chapters: list[dict], index: list[dict]) -> None:
    """References to an indexed entity carry a mark, which Typst collects for the index's page numbers."""
    indexed = {entry["to"] for group in index for entry in group["entries"]}
    for node in walk(chapters):
        if node.get("t") == "ref" and node["to"] in indexed:
            node["mark"] = True
