"""The book's rendering of a page's document: a small tree of plain data that the Typst templates lay out.

The handbook prints the same documents as the site (:mod:`deskbook.document`), written by the page
templates in print mode (links are anchors inside the book). A document (text from YAML already escaped,
Markdown fields already sanitised) is parsed here into nodes: block nodes (``p``, ``h``, ``list``,
``table``, ``quote``, ``dl``, ``card``, ``svg``, ``img``, ...) and inline nodes (strings, ``em``,
``strong``, ``code``, ``ref``, ``url``, ``blank``, ...). What a node is comes from HTML's own elements
and the document's ``db-`` elements, never from a class of the site's HTML. Typst builds content from
these with its own functions, so no text ever becomes Typst markup.

Every node is a dict with a ``t`` (type) key, or a plain string for text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from typing import Any

from ..document import BLOCK_TAGS, PREFIX, InPrint, element_named

Node = Any  # a str, or a dict with "t"

_VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source"}
_DROPPED = {"input", "button", "noscript", "script", "style", "title", "meta", "link", "template"}
_BLOCK = {
    "p", "div", "ul", "ol", "li", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt",
    "dd", "pre", "hr", "section", "article", "form", "fieldset", "legend", "details", "summary", "nav",
    "figure", "deskbook-svg", "img", "thead", "tbody", "tr", "main", "header", "footer", "aside",
} | BLOCK_TAGS
# The print style of each kind of paragraph the document names.
_PARAGRAPH_STYLES = {InPrint.LEAD: "lead", InPrint.HINT: "hint", InPrint.SAY: "say", InPrint.DO: "do"}
_SPACE = re.compile(r"\s+")
# A line break in the source between two characters of Han, kana or CJK punctuation (Japanese, Chinese)
# is removed, as CSS Text 3's segment break rule says, where Latin text gets a space; Hangul is left out,
# Korean puts spaces between words. Kept as a space, it was the widest gap of a justified Japanese line.
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"


@cache  # compiled on first use: its two wide classes take about 3 ms, and most texts hold no line break
def _wide_line_break() -> re.Pattern:
    return re.compile(rf"(?<={_CJK})[ \t]*\n\s*(?={_CJK})")


_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_SVG_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(html: str) -> tuple[Element, list[str]]:
    """The element tree, with each inline ``<svg>`` (our own diagrams) taken out whole: an HTML parser
    would lowercase ``viewBox`` and break it."""
    svgs: list[str] = []

    def keep(match: re.Match) -> str:
        svgs.append(match.group(0))
        return f'<deskbook-svg data-index="{len(svgs) - 1}"></deskbook-svg>'

    builder = _Builder()
    builder.feed(_SVG.sub(keep, html))
    builder.close()
    return builder.root, svgs


@dataclass
class Converter:
    """Turns elements into nodes. ``absent_title`` names an entity this edition leaves out."""

    svgs: list[str]
    absent_title: Callable[[str], str | None] = lambda ref: None
    level_offset: int = 0
    images: list[dict] = field(default_factory=list)

    # -- blocks -------------------------------------------------------------------------------------
    def blocks(self, children: list[Element | str]) -> list[Node]:
        out: list[Node] = []
        run: list[Element | str] = []

        def flush():
            inline = _trim(self.inline(run))
            if inline:
                out.append({"t": "p", "c": inline})
            run.clear()

        for child in children:
            if isinstance(child, Element) and child.tag in _BLOCK:
                flush()
                out.extend(self.block(child))
            else:
                run.append(child)
        flush()
        return out

    def block(self, element: Element) -> list[Node]:
        tag = element.tag
        if tag in _DROPPED or "hidden" in element.attrs:
            return []
        anchor = [{"t": "anchor", "id": element.attrs["id"]}] if element.attrs.get("id") and tag[0] != "h" else []
        meaning = element_named(tag)
        if meaning is not None:
            return anchor + self.document_block(meaning.in_print, element)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            node = {"t": "h", "l": int(tag[1]) + self.level_offset, "c": _trim(self.inline(element.children))}
            if element.attrs.get("id"):
                node["id"] = element.attrs["id"]
            return [node]
        if tag == "p" or tag == "legend" or tag == "summary" or tag == "dt":
            return anchor + self.paragraph(element, None if tag == "p" else "strong")
        if tag in ("ul", "ol"):
            items = []
            for child in element.children:
                if isinstance(child, Element) and child.tag == "li":
                    item_anchor = [{"t": "anchor", "id": child.attrs["id"]}] if child.attrs.get("id") else []
                    items.append(item_anchor + self.blocks(child.children))
            return anchor + [{"t": "list", "ordered": tag == "ol", "items": items}] if items else anchor
        if tag == "table":
            return anchor + [self.table(element)]
        if tag == "blockquote":
            return anchor + [{"t": "quote", "c": self.blocks(element.children)}]
        if tag == "dl":
            return anchor + [self.definitions(element)]
        if tag == "pre":
            return anchor + [{"t": "pre", "s": _text(element)}]
        if tag == "hr":
            return [{"t": "hr"}]
        if tag == "deskbook-svg":
            svg = self.svgs[int(element.attrs["data-index"])]
            title = _SVG_TITLE.search(svg)
            alt = _SPACE.sub(" ", _unescape(title.group(1))).strip() if title else ""
            return [{"t": "svg", "src": svg, "alt": alt}]
        if tag == "img":
            image = {"t": "img", "src": element.attrs.get("src", ""), "alt": element.attrs.get("alt", "")}
            self.images.append(image)
            return [image]
        inner = self.blocks(element.children)
        if tag == "details":
            return anchor + [{"t": "card", "c": inner}] if inner else anchor
        return anchor + inner

    def document_block(self, in_print: InPrint, element: Element) -> list[Node]:
        if in_print in _PARAGRAPH_STYLES:
            return self.paragraph(element, _PARAGRAPH_STYLES[in_print])
        if in_print is InPrint.INTERACTIVE:
            # A helper of the site (a form, a quiz): the book prints its own rendering, made from the
            # model where data.py fills this place (see handbook/interactive.py).
            return [{"t": "print", "block": element.attrs["block"]}]
        if in_print is InPrint.LEFT_OUT:
            return []
        inner = self.blocks(element.children)
        if not inner:
            return []
        if in_print is InPrint.CARD:
            return [{"t": "card", "c": inner}]
        if in_print is InPrint.ASIDE:
            return [{"t": "aside", "c": inner}]
        raise ValueError(f"{element.tag} is not a block in print")

    def paragraph(self, element: Element, style: str | None) -> list[Node]:
        node: dict[str, Any] = {"t": "p", "c": _trim(self.inline(element.children))}
        if style:
            node["style"] = style
        return [node] if node["c"] else []

    def table(self, element: Element) -> Node:
        head: list[list[Node]] = []
        rows: list[list[Node]] = []
        for section in element.children:
            if not isinstance(section, Element):
                continue
            section_rows = [section] if section.tag == "tr" else [
                row for row in section.children if isinstance(row, Element) and row.tag == "tr"
            ]
            for row in section_rows:
                cells = []
                for cell in row.children:
                    if isinstance(cell, Element) and cell.tag in ("td", "th"):
                        node: dict[str, Any] = {"c": self.blocks(cell.children)}
                        span = int(cell.attrs.get("colspan", "1") or 1)
                        if span > 1:
                            node["span"] = span
                        if f"{PREFIX}number" in cell.attrs:
                            node["number"] = True
                        cells.append(node)
                if row.attrs.get("id") and cells:
                    cells[0]["c"] = [{"t": "anchor", "id": row.attrs["id"]}] + cells[0]["c"]
                if not cells:
                    continue
                if section.tag == "thead":
                    head.append(cells)
                else:
                    rows.append(cells)
        return table_node(head, rows)

    def definitions(self, element: Element) -> Node:
        items: list[dict[str, Any]] = []
        for child in element.children:
            if not isinstance(child, Element):
                continue
            if child.tag == "dt":
                item: dict[str, Any] = {"term": _trim(self.inline(child.children)), "def": []}
                if child.attrs.get("id"):
                    item["id"] = child.attrs["id"]
                items.append(item)
            elif child.tag == "dd" and items:
                items[-1]["def"].extend(self.blocks(child.children))
        return {"t": "dl", "items": items}

    # -- inline -------------------------------------------------------------------------------------
    def inline(self, children: list[Element | str]) -> list[Node]:
        out: list[Node] = []
        for child in children:
            if isinstance(child, str):
                joined = _wide_line_break().sub("", child) if "\n" in child else child
                _append_text(out, _SPACE.sub(" ", joined))
                continue
            out.extend(self.inline_element(child, out))
        return out

    def inline_element(self, element: Element, before: list[Node]) -> list[Node]:
        tag = element.tag
        if tag in _DROPPED or "hidden" in element.attrs:
            return []
        if tag in _BLOCK:  # a block inside inline context (a list in a table cell's text): keep its text
            return self.inline(element.children)
        anchor = [{"t": "anchor", "id": element.attrs["id"]}] if element.attrs.get("id") else []
        inner = self.inline(element.children)
        if tag == "br":
            return [{"t": "br"}]
        if tag in ("em", "i"):
            return anchor + [{"t": "em", "c": inner}]
        if tag in ("strong", "b"):
            return anchor + [{"t": "strong", "c": inner}]
        if tag in ("code", "kbd"):
            return anchor + [{"t": "code", "s": _text(element)}]
        if tag in ("sub", "sup", "small", "del", "s", "u", "mark"):
            return anchor + [{"t": tag, "c": inner}]
        meaning = element_named(tag)
        if meaning is not None:
            return anchor + self.document_inline(meaning.in_print, element, inner, before)
        if tag == "a":
            href = element.attrs.get("href", "")
            if href.startswith("#"):
                # A link inside the book (to an entity, from a template or a hand-written page's [[kind:id]]).
                return anchor + [_reference(href[1:], inner, before)]
            if href:
                return anchor + [{"t": "url", "to": href, "c": inner}]
            return anchor + inner
        return anchor + inner

    def document_inline(self, in_print: InPrint, element: Element, inner: list[Node],
                        before: list[Node]) -> list[Node]:
        href = element.attrs.get("href", "")
        if in_print is InPrint.REFERENCE:
            return [_reference(href.removeprefix("#"), inner, before)]
        if in_print is InPrint.NEAR_REFERENCE:
            return [{"t": "ref", "to": href.removeprefix("#"), "c": inner}]
        if in_print is InPrint.ABSENT:
            title = self.absent_title(element.attrs.get("ref", ""))
            return [title] if title else []
        if in_print is InPrint.BLANK:
            return [{"t": "blank", "c": inner}]
        if in_print is InPrint.LABEL:
            return [{"t": "label", "c": inner}]
        if in_print is InPrint.BADGE:
            return [{"t": "badge", "c": inner}]
        raise ValueError(f"{element.tag} is not inline in print")


def _reference(target: str, inner: list[Node], before: list[Node]) -> Node:
    """A link inside the book, with the page it is on. Inside brackets already ("(see Refunds",
    "(Refunds"), the page follows with a comma: "(Refunds, page 24)", never "(Refunds (see page 24))"."""
    previous = "".join(node for node in before if isinstance(node, str))
    return {"t": "ref", "to": target, "c": inner, "see": "page" if previous.count("(") > previous.count(")") else "see"}


def table_node(head: list[list[dict]], rows: list[list[dict]]) -> Node:
    """A table of cells (``{"c": nodes, "span": n}``), with what nodes.typ needs to share out the widths."""
    columns = max((sum(cell.get("span", 1) for cell in row) for row in head + rows), default=1)
    longest_word, longest_text = [""] * columns, [""] * columns
    for table_row in head + rows:
        column = 0
        for entry in table_row:
            if entry.get("span", 1) == 1 and column < columns:
                text = " ".join(_plain_text(entry["c"]).split())
                longest_text[column] = max(longest_text[column], text, key=len)
                longest_word[column] = max([longest_word[column], *text.split()], key=len)
            column += entry.get("span", 1)
    # What each column needs: its longest word (never broken) and its longest text on one line;
    # nodes.typ measures both and shares the width out (column widths from content).
    return {"t": "table", "cols": columns, "head": head, "rows": rows, "words": longest_word,
            "texts": longest_text}


def _append_text(out: list[Node], text: str) -> None:
    if out and isinstance(out[-1], str):
        out[-1] += text
    elif text:
        out.append(text)


def _trim(nodes: list[Node]) -> list[Node]:
    """No space at the start or end of a paragraph; drop a run that is only whitespace."""
    nodes = list(nodes)
    while nodes and isinstance(nodes[0], str) and not nodes[0].strip():
        nodes.pop(0)
    while nodes and isinstance(nodes[-1], str) and not nodes[-1].strip():
        nodes.pop()
    if nodes and isinstance(nodes[0], str):
        nodes[0] = nodes[0].lstrip()
    if nodes and isinstance(nodes[-1], str):
        nodes[-1] = nodes[-1].rstrip()
    return nodes


def _text(element: Element | str) -> str:
    if isinstance(element, str):
        return element
    return "".join(_text(child) for child in element.children)


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def walk(nodes: Any):
    """Every dict node in a tree (lists and dicts nested in any way), parents before children, for
    post-passes over links. A stack, not recursion: a book's tree has a million places to visit."""
    stack = [nodes]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(reversed([item for item in value.values() if isinstance(item, (list, dict))]))
        elif isinstance(value, list):
            stack.extend(reversed([item for item in value if isinstance(item, (list, dict))]))


def strings(nodes: Any):
    """Every printed string in a tree (for the glyph check); keys and link targets are not printed."""
    if isinstance(nodes, str):
        yield nodes
    elif isinstance(nodes, dict):
        if nodes.get("t") == "svg":
            yield _unescape(re.sub(r"<[^>]+>", " ", nodes["src"]))
        for key, value in nodes.items():
            if key not in ("t", "id", "to", "src", "style"):
                yield from strings(value)
    elif isinstance(nodes, list):
        for value in nodes:
            yield from strings(value)


def _plain_text(node: Node) -> str:
    """The words a node prints, for measuring: strings and every child's strings, in order."""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return " ".join(_plain_text(child) for child in node)
    if isinstance(node, dict):
        return " ".join(_plain_text(node[key]) for key in ("c", "s", "items") if key in node)
    return ""
