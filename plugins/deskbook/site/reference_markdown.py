"""The Python-Markdown extension that resolves ``[[...]]`` references while a page is parsed (see
:mod:`.references` for the syntax): each value becomes text after Markdown, never Markdown source."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from ..manual import Manual
from ..references import REFERENCE
from .references import resolve_reference


class _ReferenceInlineProcessor(InlineProcessor):
    def __init__(self, extension: ReferenceExtension):
        super().__init__(REFERENCE.pattern)
        self.extension = extension

    # markdown's stubs type InlineProcessor.handleMatch against Pattern's one-argument form, which it replaces.
    def handleMatch(self, match: re.Match, data: str):  # type: ignore[override]
        manual, link = self.extension.manual, self.extension.link
        if manual is None or link is None:
            return None, None, None
        try:
            resolved = resolve_reference(match, manual, link)
        except (LookupError, TypeError):
            return None, None, None  # reported, located, by reference_problems before rendering
        # An element with an atomic text: Markdown escapes it when it writes the page and no later step
        # (attr_list, links, smarty) reads it as syntax, so a value is shown exactly as written.
        element = etree.Element("a" if resolved.href is not None else "span")
        if resolved.href is not None:
            element.set("href", resolved.href)
        element.text = AtomicString(resolved.text)
        return element, match.start(0), match.end(0)


class ReferenceExtension(Extension):
    """Resolves references while Markdown parses a page, so their values are text after Markdown, not
    Markdown source. ``manual`` and ``link`` are set for each page before it is rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.manual: Manual | None = None
        self.link: Callable[[str, str], str] | None = None

    def extendMarkdown(self, md) -> None:
        # Above every built-in inline pattern (backticks are 190), so the whole [[...]] is taken first
        # and never read as two nested link brackets.
        md.inlinePatterns.register(_ReferenceInlineProcessor(self), "deskbook_reference", 200)
