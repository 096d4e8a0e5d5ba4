"""Hand-written ``docs/`` pages as the book prints them: the Markdown the site renders them with, notes and
warnings included, made into the HTML :mod:`.tree` reads.

The site renders these pages with ``mkdocs.yml``'s extensions; YAML fields use a smaller set
(:mod:`deskbook.text`). A page's ``!!! note`` (admonition) or ``*[CSR]: ...`` (abbreviation) under the
fields' set prints as literal text, so this converter adds both. An admonition leaves the sanitiser as a
quotation headed by its title in bold (nh3 keeps no classes), which the book prints as a ruled block.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown as markdown_lib
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..text import MARKDOWN_EXTENSIONS, sanitize_html


class _AdmonitionAsQuote(Treeprocessor):
    """``<div class="admonition note"><p class="admonition-title">Note</p>…`` → ``<blockquote><p><strong>
    Note</strong></p>…``: the same note in elements the sanitiser keeps."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter("div"):
            if "admonition" not in element.get("class", "").split():
                continue
            element.tag = "blockquote"
            element.attrib.clear()
            for child in element:
                if child.tag == "p" and "admonition-title" in child.get("class", "").split():
                    child.attrib.clear()
                    title = etree.Element("strong")
                    title.text, child.text = child.text, None
                    title[:] = list(child)
                    child[:] = [title]
                    title.tail = None


class _PrintExtension(Extension):
    def extendMarkdown(self, md: markdown_lib.Markdown) -> None:
        # After the admonition block processor has made its divs, before the tree is serialised.
        md.treeprocessors.register(_AdmonitionAsQuote(md), "deskbook-admonition-as-quote", 5)


@lru_cache(maxsize=1)
def _converter() -> markdown_lib.Markdown:
    return markdown_lib.Markdown(extensions=[*MARKDOWN_EXTENSIONS, "admonition", "abbr", _PrintExtension()],
                                 output_format="html")


def handwritten_html(markdown: str) -> str:
    """A hand-written page's Markdown (references already expanded) as sanitised HTML."""
    return sanitize_html(_converter().reset().convert(markdown))
